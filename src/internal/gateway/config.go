package gateway

import (
	"errors"
	"fmt"
	"net"
	"time"

	"loggregator/internal/cfauth"
	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// Config is the gateway's JSON configuration (config/gateway.json).
type Config struct {
	// HTTP is the HTTPS listener clients read from.
	HTTP HTTPConfig `json:"http"`
	// LogsProvider is the reverse log proxy the gateway reads from.
	LogsProvider LogsProviderConfig `json:"logs_provider"`
	// Auth says how requests are authorized.
	Auth AuthConfig `json:"auth"`
	// HeartbeatInterval is how long a stream may stay silent before the
	// gateway sends `event: heartbeat`.
	HeartbeatInterval config.Duration `json:"heartbeat_interval"`
	// MaxStreamDuration ends every stream with `event: closing` after this long.
	MaxStreamDuration config.Duration `json:"max_stream_duration"`
	// WriteTimeout disconnects a client that cannot take one event within it.
	WriteTimeout config.Duration `json:"write_timeout"`
	// MaxStreams bounds concurrent streams; requests beyond it get 503.
	MaxStreams int `json:"max_streams"`
	// MaxSelectors bounds the selectors one request may ask for (source ids
	// × envelope types); requests beyond it get 400.
	MaxSelectors int `json:"max_selectors"`
	// ShutdownTimeout bounds a graceful stop: open streams get `event:
	// closing` and the handlers this long to return.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Runtime is "max_procs", "memory_limit_mib" (0, Go's defaults) and
	// "timer_slack" (config.DefaultTimerSlack).
	config.Runtime
	// Agent, when Addr is set, is the local agent the gateway sends its own
	// metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// HTTPConfig is the HTTPS listener. It presents a server certificate and
// does not ask for client certificates: clients prove themselves with tokens.
type HTTPConfig struct {
	Addr     string `json:"addr"`
	CertFile string `json:"cert_file"`
	KeyFile  string `json:"key_file"`
}

// LogsProviderConfig is how the gateway reaches the reverse log proxy.
type LogsProviderConfig struct {
	// Addr is host:port of the proxy's v2 egress API.
	Addr string `json:"addr"`
	// ServerName is the name the proxy's certificate must carry.
	ServerName string `json:"server_name"`
	// TLS is the gateway's client identity and the CA of the proxy.
	TLS mtls.Files `json:"tls"`
}

// AuthConfig says how requests are authorized: the cache, UAA and Cloud
// Controller settings of cfauth.Config, read as this section's own fields.
type AuthConfig struct {
	// Disabled lets every request read everything. For local runs only;
	// the gateway logs a warning at start when it is set.
	Disabled bool `json:"disabled"`
	cfauth.Config
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		HTTP:              HTTPConfig{Addr: ":8088"},
		Runtime:           config.Runtime{TimerSlack: config.DefaultTimerSlack},
		LogsProvider:      LogsProviderConfig{ServerName: "reverselogproxy"},
		HeartbeatInterval: config.Duration(5 * time.Second),
		MaxStreamDuration: config.Duration(14 * time.Minute),
		WriteTimeout:      config.Duration(30 * time.Second),
		MaxStreams:        500,
		MaxSelectors:      100,
		ShutdownTimeout:   config.Duration(5 * time.Second),
		Auth: AuthConfig{
			Config: cfauth.DefaultConfig(),
		},
		Agent:   metrics.DefaultAgentConfig(),
		Metrics: metrics.DefaultConfig("127.0.0.1:8089"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.HTTP.Addr); err != nil {
		return fmt.Errorf("http.addr: %w", err)
	}
	if c.HTTP.CertFile == "" {
		return errors.New("http.cert_file: required")
	}
	if c.HTTP.KeyFile == "" {
		return errors.New("http.key_file: required")
	}
	if _, _, err := net.SplitHostPort(c.LogsProvider.Addr); err != nil {
		return fmt.Errorf("logs_provider.addr: %w", err)
	}
	if c.LogsProvider.ServerName == "" {
		return errors.New("logs_provider.server_name: required")
	}
	if err := c.LogsProvider.TLS.Validate("logs_provider.tls"); err != nil {
		return err
	}
	if c.HeartbeatInterval.D() <= 0 {
		return errors.New("heartbeat_interval: must be positive")
	}
	if c.MaxStreamDuration.D() <= 0 {
		return errors.New("max_stream_duration: must be positive")
	}
	if c.WriteTimeout.D() <= 0 {
		return errors.New("write_timeout: must be positive")
	}
	if c.MaxStreams <= 0 {
		return errors.New("max_streams: must be positive")
	}
	if c.MaxSelectors <= 0 {
		return errors.New("max_selectors: must be positive")
	}
	if c.ShutdownTimeout.D() <= 0 {
		return errors.New("shutdown_timeout: must be positive")
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	if err := c.Auth.validate(); err != nil {
		return err
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	return c.Metrics.Validate("metrics")
}

// validate checks UAA and Cloud Controller only when authorization is on:
// with auth.disabled the gateway asks neither.
func (a *AuthConfig) validate() error {
	if a.Disabled {
		return nil
	}
	return a.Validate("auth")
}
