package router

import (
	"errors"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/egress"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// Config is the router's JSON configuration (config/router.json).
type Config struct {
	// ServerConfig is where the v2 Ingress and Egress APIs listen ("addr"),
	// the router's identity ("tls": a certificate for "doppler" and the CA
	// that signs agents and subscribers) and its "cipher_suites".
	mtls.ServerConfig
	// Ingress is what the router takes from agents.
	Ingress IngressConfig `json:"ingress"`
	// Egress is how the router serves subscribers.
	Egress egress.Settings `json:"egress"`
	// Runtime is "max_procs" and "memory_limit_mib" (default 256 MiB).
	config.Runtime
	// ShutdownTimeout bounds a graceful stop.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// StartupReplay is how long after it starts the router keeps the newest
	// envelopes it routed (at most half of egress.buffer_size, and only
	// as many bytes as fit in a quarter of the buffer budget) and gives a
	// subscription that arrives in that time the ones it selects first, so
	// subscribers that reach a new or restarted router after agents did
	// miss nothing. Within that window, and at most a second, it holds
	// acknowledged ingress back until the first subscription arrives. 0
	// turns both off.
	StartupReplay config.Duration `json:"startup_replay"`
	// SourceID is the source id of the router's own envelopes.
	SourceID string `json:"source_id"`
	// Agent, when Addr is set, is the local agent the router sends its own
	// metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// IngressConfig is the "ingress" section: the v2 Ingress API agents write to.
type IngressConfig struct {
	// BufferSize is the number of envelopes buffered between ingress and
	// routing; beyond it the oldest are dropped.
	BufferSize int `json:"buffer_size"`
	// MaxMessageBytes is the largest ingress message (a batch) accepted.
	MaxMessageBytes int `json:"max_message_bytes"`
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		ServerConfig: mtls.ServerConfig{Addr: ":8082"},
		Ingress:      IngressConfig{BufferSize: 10000, MaxMessageBytes: 4 << 20},
		Egress: egress.Settings{
			BufferSize:          10000,
			BatchSize:           1000,
			BatchBytes:          egress.DefaultBatchBytes,
			FlushInterval:       config.Duration(2 * time.Millisecond),
			SlowConsumerTimeout: config.Duration(10 * time.Second),
			MaxSubscriptions:    1000,
		},
		ShutdownTimeout: config.Duration(10 * time.Second),
		Runtime:         config.Runtime{MemoryLimitMiB: 256, TimerSlack: config.DefaultTimerSlack},
		SourceID:        "doppler",
		Agent:           metrics.DefaultAgentConfig(),
		Metrics:         metrics.DefaultConfig("127.0.0.1:14825"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.ServerConfig.Validate(""); err != nil {
		return err
	}
	if err := c.Egress.Validate("egress"); err != nil {
		return err
	}
	switch {
	case c.Ingress.BufferSize < 1:
		return errors.New("ingress.buffer_size: must be at least 1")
	case c.Ingress.MaxMessageBytes < 1024:
		return errors.New("ingress.max_message_bytes: must be at least 1024")
	case c.ShutdownTimeout.D() <= 0:
		return errors.New("shutdown_timeout: must be positive")
	case c.StartupReplay.D() < 0:
		return errors.New("startup_replay: must not be negative")
	case c.SourceID == "":
		return errors.New("source_id: required")
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	return c.Metrics.Validate("metrics")
}
