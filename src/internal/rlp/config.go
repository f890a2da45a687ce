package rlp

import (
	"errors"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/egress"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/routerset"
)

// Config is the reverse log proxy's JSON configuration (config/rlp.json).
type Config struct {
	// Egress is the v2 Egress API consumers read from.
	Egress EgressConfig `json:"egress"`
	// Routers are the routers every consumer is subscribed to.
	Routers routerset.Config `json:"routers"`
	// Agent, when Addr is set, is the local agent the proxy sends its own
	// metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Runtime is "max_procs" and "memory_limit_mib" (default 256 MiB).
	config.Runtime
	// ShutdownTimeout bounds how long a graceful stop spends delivering what
	// consumers' buffers still hold.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// EgressConfig is the v2 Egress server. It requires client certificates
// signed by TLS.CA.
type EgressConfig struct {
	// ServerConfig is where the server listens ("addr"), its identity
	// ("tls": a certificate for "reverselogproxy" and the CA that signs
	// consumers) and its "cipher_suites".
	mtls.ServerConfig
	// Settings are the per-consumer buffer ("buffer_size"), batching
	// ("batch_size", "flush_interval": it gathers the routers' smaller
	// batches into fewer messages), "slow_consumer_timeout", and
	// "max_subscriptions", the most consumer streams open at once.
	egress.Settings
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		Egress: EgressConfig{
			ServerConfig: mtls.ServerConfig{Addr: ":8082"},
			Settings: egress.Settings{
				BufferSize:          10000,
				BatchSize:           1000,
				BatchBytes:          egress.DefaultBatchBytes,
				FlushInterval:       config.Duration(2 * time.Millisecond),
				SlowConsumerTimeout: config.Duration(10 * time.Second),
				MaxSubscriptions:    1000,
			},
		},
		Routers:         routerset.DefaultConfig(),
		Agent:           metrics.DefaultAgentConfig(),
		ShutdownTimeout: config.Duration(10 * time.Second),
		Runtime:         config.Runtime{MemoryLimitMiB: 256, TimerSlack: config.DefaultTimerSlack},
		Metrics:         metrics.DefaultConfig("127.0.0.1:14826"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.Egress.validate(); err != nil {
		return err
	}
	if err := c.Routers.Validate("routers"); err != nil {
		return err
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

func (e *EgressConfig) validate() error {
	if err := e.ServerConfig.Validate("egress"); err != nil {
		return err
	}
	return e.Settings.Validate("egress")
}
