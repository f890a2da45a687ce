package rlp

import (
	"errors"
	"time"

	"loggregator/internal/config"
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
	// DrainTimeout bounds how long a graceful stop spends delivering what
	// consumers' buffers still hold.
	DrainTimeout config.Duration `json:"drain_timeout"`
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
	// MaxStreams bounds concurrent consumer streams; one more is refused
	// with ResourceExhausted.
	MaxStreams int `json:"max_streams"`
	// BufferSize is the number of envelopes each consumer's buffer holds;
	// beyond it the oldest are dropped.
	BufferSize int `json:"buffer_size"`
	// BatchSize is the most envelopes sent to a consumer in one message.
	BatchSize int `json:"batch_size"`
	// FlushInterval is the longest a batch for a consumer waits to fill up;
	// it gathers the routers' smaller batches into fewer messages.
	FlushInterval config.Duration `json:"flush_interval"`
	// SlowConsumerTimeout disconnects a consumer that has kept losing
	// envelopes to a full buffer, or could not take one message, for this long.
	SlowConsumerTimeout config.Duration `json:"slow_consumer_timeout"`
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		Egress: EgressConfig{
			ServerConfig:        mtls.ServerConfig{Addr: ":8082"},
			MaxStreams:          1000,
			BufferSize:          10000,
			BatchSize:           1000,
			FlushInterval:       config.Duration(2 * time.Millisecond),
			SlowConsumerTimeout: config.Duration(10 * time.Second),
		},
		Routers:      routerset.DefaultConfig(),
		Agent:        metrics.DefaultAgentConfig(),
		DrainTimeout: config.Duration(10 * time.Second),
		Runtime:      config.Runtime{MemoryLimitMiB: 256},
		Metrics:      metrics.DefaultConfig("127.0.0.1:14826"),
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
	if c.DrainTimeout.D() <= 0 {
		return errors.New("drain_timeout: must be positive")
	}
	return c.Metrics.Validate("metrics")
}

func (e *EgressConfig) validate() error {
	if err := e.ServerConfig.Validate("egress"); err != nil { //nolint:staticcheck // the selector says only the server fields are checked here
		return err
	}
	switch {
	case e.MaxStreams < 1:
		return errors.New("egress.max_streams: must be at least 1")
	case e.BufferSize < 1:
		return errors.New("egress.buffer_size: must be at least 1")
	case e.BatchSize < 1:
		return errors.New("egress.batch_size: must be at least 1")
	case e.FlushInterval.D() < 0:
		return errors.New("egress.flush_interval: must not be negative")
	case e.SlowConsumerTimeout.D() <= 0:
		return errors.New("egress.slow_consumer_timeout: must be positive")
	}
	return nil
}
