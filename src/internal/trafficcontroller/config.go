package trafficcontroller

import (
	"errors"
	"fmt"
	"net"
	"time"

	"loggregator/internal/cfauth"
	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/routerset"
)

// Config is the traffic controller's JSON configuration
// (config/trafficcontroller.json).
type Config struct {
	// Websocket is the listener readers connect to and what each reader gets.
	Websocket WebsocketConfig `json:"websocket"`
	// Routers are the routers every reader is subscribed to.
	Routers routerset.Config `json:"routers"`
	// Auth says how requests are authorized.
	Auth AuthConfig `json:"auth"`
	// SecurityEventLogging logs one line per request (who asked for what,
	// and the answer), as Cloud Foundry's security event log does.
	SecurityEventLogging bool `json:"security_event_logging"`
	// Agent, when Addr is set, is the local agent the traffic controller
	// sends its own metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Runtime is "max_procs" and "memory_limit_mib" (default 256 MiB).
	config.Runtime
	// ShutdownTimeout bounds how long a graceful stop spends sending what
	// readers' buffers still hold.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// WebsocketConfig is the HTTP(S) listener of the websocket API. Readers
// prove themselves with tokens, not client certificates.
type WebsocketConfig struct {
	// Addr is where the API listens, for example ":8081".
	Addr string `json:"addr"`
	// CertFile and KeyFile, when both are set, serve the API over TLS;
	// otherwise it is plain HTTP (Cloud Foundry puts its router in front).
	CertFile string `json:"cert_file"`
	KeyFile  string `json:"key_file"`
	// CipherSuites are IANA names for the TLS listener; empty means Go's defaults.
	CipherSuites []string `json:"cipher_suites,omitempty"`
	// BufferSize is the number of v2 envelopes buffered per reader; beyond
	// it the oldest are dropped.
	BufferSize int `json:"buffer_size"`
	// SlowConsumerTimeout cuts off a reader that keeps losing envelopes, or
	// cannot take one frame, for this long.
	SlowConsumerTimeout config.Duration `json:"slow_consumer_timeout"`
	// MaxStreams bounds open websockets (firehose and app streams together);
	// one more request is answered 503.
	MaxStreams int `json:"max_streams"`
	// PingInterval is how often a reader is pinged; one that answers
	// nothing (no pong, no message) for two intervals is disconnected.
	PingInterval config.Duration `json:"ping_interval"`
}

// AuthConfig says how requests are authorized: UAA and Cloud Controller as
// cfauth.Config, read as this section's own fields.
type AuthConfig struct {
	// Disabled lets every request read everything, for standalone
	// deployments without UAA and Cloud Controller. Logged loudly at start.
	Disabled bool `json:"disabled"`
	cfauth.Config
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		Websocket: WebsocketConfig{
			Addr:                ":8081",
			BufferSize:          10000,
			SlowConsumerTimeout: config.Duration(10 * time.Second),
			MaxStreams:          1000,
			PingInterval:        config.Duration(30 * time.Second),
		},
		Routers:         routerset.DefaultConfig(),
		Auth:            AuthConfig{Config: cfauth.DefaultConfig()},
		Agent:           metrics.DefaultAgentConfig(),
		Runtime:         config.Runtime{MemoryLimitMiB: 256, TimerSlack: config.DefaultTimerSlack},
		ShutdownTimeout: config.Duration(10 * time.Second),
		Metrics:         metrics.DefaultConfig("127.0.0.1:14827"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.Websocket.validate(); err != nil {
		return err
	}
	if err := c.Routers.Validate("routers"); err != nil {
		return err
	}
	if !c.Auth.Disabled {
		if err := c.Auth.Validate("auth"); err != nil {
			return err
		}
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	if c.ShutdownTimeout.D() <= 0 {
		return errors.New("shutdown_timeout: must be positive")
	}
	return c.Metrics.Validate("metrics")
}

func (w *WebsocketConfig) validate() error {
	if _, _, err := net.SplitHostPort(w.Addr); err != nil {
		return fmt.Errorf("websocket.addr: %w", err)
	}
	if (w.CertFile == "") != (w.KeyFile == "") {
		return errors.New("websocket.cert_file, websocket.key_file: set both for TLS, or neither for plain HTTP")
	}
	if _, err := mtls.CipherSuites(w.CipherSuites); err != nil {
		return fmt.Errorf("websocket.cipher_suites: %w", err)
	}
	switch {
	case w.BufferSize < 1:
		return errors.New("websocket.buffer_size: must be at least 1")
	case w.SlowConsumerTimeout.D() <= 0:
		return errors.New("websocket.slow_consumer_timeout: must be positive")
	case w.MaxStreams < 1:
		return errors.New("websocket.max_streams: must be at least 1")
	case w.PingInterval.D() <= 0:
		return errors.New("websocket.ping_interval: must be positive")
	}
	return nil
}

// tls reports whether the listener serves TLS.
func (w *WebsocketConfig) tls() bool { return w.CertFile != "" }
