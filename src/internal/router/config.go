package router

import (
	"errors"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// Config is the router's JSON configuration (config/router.json).
type Config struct {
	// ServerConfig is where the v2 Ingress and Egress APIs listen ("addr"),
	// the router's identity ("tls": a certificate for "doppler" and the CA
	// that signs agents and subscribers) and its "cipher_suites".
	mtls.ServerConfig
	// IngressBufferSize is the number of envelopes buffered between ingress
	// and routing; beyond it the oldest are dropped.
	IngressBufferSize int `json:"ingress_buffer_size"`
	// EgressBufferSize is the number of envelopes buffered per subscriber.
	EgressBufferSize int `json:"egress_buffer_size"`
	// EgressBatchSize is the most envelopes sent to a subscriber in one batch.
	EgressBatchSize int `json:"egress_batch_size"`
	// EgressFlushInterval is the longest a batch waits to fill up.
	EgressFlushInterval config.Duration `json:"egress_flush_interval"`
	// MaxSubscriptions bounds connected subscribers; one more is refused
	// with ResourceExhausted.
	MaxSubscriptions int `json:"max_subscriptions"`
	// SlowConsumerTimeout disconnects a subscriber that has kept losing
	// envelopes, or could not take one batch, for this long.
	SlowConsumerTimeout config.Duration `json:"slow_consumer_timeout"`
	// MaxMessageBytes is the largest ingress message (a batch) accepted.
	MaxMessageBytes int `json:"max_message_bytes"`
	// Runtime is "max_procs" and "memory_limit_mib" (default 256 MiB).
	config.Runtime
	// ShutdownTimeout bounds a graceful stop.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// SourceID is the source id of the router's own envelopes.
	SourceID string `json:"source_id"`
	// Agent, when Addr is set, is the local agent the router sends its own
	// metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		ServerConfig:        mtls.ServerConfig{Addr: ":8082"},
		IngressBufferSize:   10000,
		EgressBufferSize:    10000,
		EgressBatchSize:     1000,
		EgressFlushInterval: config.Duration(2 * time.Millisecond),
		MaxSubscriptions:    1000,
		SlowConsumerTimeout: config.Duration(10 * time.Second),
		MaxMessageBytes:     4 << 20,
		ShutdownTimeout:     config.Duration(10 * time.Second),
		Runtime:             config.Runtime{MemoryLimitMiB: 256},
		SourceID:            "doppler",
		Agent:               metrics.DefaultAgentConfig(),
		Metrics:             metrics.DefaultConfig("127.0.0.1:14825"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.ServerConfig.Validate(""); err != nil {
		return err
	}
	switch {
	case c.IngressBufferSize < 1:
		return errors.New("ingress_buffer_size: must be at least 1")
	case c.EgressBufferSize < 1:
		return errors.New("egress_buffer_size: must be at least 1")
	case c.EgressBatchSize < 1:
		return errors.New("egress_batch_size: must be at least 1")
	case c.EgressFlushInterval.D() < 0:
		return errors.New("egress_flush_interval: must not be negative")
	case c.MaxSubscriptions < 1:
		return errors.New("max_subscriptions: must be at least 1")
	case c.SlowConsumerTimeout.D() <= 0:
		return errors.New("slow_consumer_timeout: must be positive")
	case c.MaxMessageBytes < 1024:
		return errors.New("max_message_bytes: must be at least 1024")
	case c.ShutdownTimeout.D() <= 0:
		return errors.New("shutdown_timeout: must be positive")
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
