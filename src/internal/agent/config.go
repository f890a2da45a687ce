package agent

import (
	"errors"
	"fmt"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/routerpool"
)

// Config is the agent's configuration, config/agent.json.
type Config struct {
	// Role is RoleRouter (the default: forward to the routers) or
	// RoleForwarder (fan out to the VM's local destinations, the
	// loggr-forwarder-agent job).
	Role string `json:"role"`
	// Ingress is the v2 Ingress server producers write to.
	Ingress IngressConfig `json:"ingress"`
	// Routers are the routers envelopes are forwarded to, and how, in the
	// router role.
	Routers routerpool.Config `json:"routers"`
	// Forwarder is the local destinations, in the forwarder role.
	Forwarder ForwarderConfig `json:"forwarder"`
	// Batch sets how envelopes are grouped into writes.
	Batch BatchConfig `json:"batch"`

	// Deployment, Job, Index, IP and Zone identify this VM; each non-empty
	// one is added to every envelope as a tag of the same name, unless the
	// producer set that tag. Zone also selects the preferred routers.
	Deployment string `json:"deployment"`
	Job        string `json:"job"`
	Index      string `json:"index"`
	IP         string `json:"ip"`
	Zone       string `json:"zone"`
	// Tags are further tags added to every envelope; producers' tags win.
	Tags map[string]string `json:"tags,omitempty"`

	// Runtime is "max_procs" and "memory_limit_mib". The agent defaults to
	// one core (max_procs 1), which costs less CPU per envelope at a steady
	// rate and leaves the VM's other cores to its jobs, and 128 MiB. Its
	// collector runs at GC percent 200, not the other components' 400: at
	// 100,000 envelopes/s that kept its peak RSS about 32 MiB lower with no
	// more CPU per envelope, and a flood after a quiet spell touched fewer
	// fresh pages (docs/benchmarks.md, "What each change bought").
	config.Runtime
	// ShutdownTimeout bounds how long a stop may spend delivering what was accepted.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// IngressConfig is the v2 Ingress server.
type IngressConfig struct {
	// ServerConfig is the listen address ("addr"), the server identity
	// ("tls": "metron" and the CA that signs producers) and "cipher_suites".
	mtls.ServerConfig
	// BufferSize is the number of envelopes the ingress diode holds.
	BufferSize int `json:"buffer_size"`
	// MaxEnvelopeBytes is the largest encoded envelope accepted.
	MaxEnvelopeBytes int `json:"max_envelope_bytes"`
	// DisableLogs drops log envelopes at ingress, counted as
	// dropped{direction="ingress",reason="logs_disabled"}; counters,
	// gauges, timers and events are still forwarded.
	DisableLogs bool `json:"disable_logs"`
}

// BatchConfig groups envelopes into router writes.
type BatchConfig struct {
	// Size is the most envelopes in one write.
	Size int `json:"size"`
	// FlushInterval is the longest an envelope waits for a batch to fill
	// while every stream is busy; with a stream free it goes after Linger.
	FlushInterval config.Duration `json:"flush_interval"`
	// Linger is how long a batch that is not full waits for more envelopes
	// even when a stream is free: fewer, larger writes for a bounded delay.
	// It is the most a batch waits: when envelopes come fast enough to
	// gather a quarter of Size sooner, batches wait only that long
	// (batch.Batcher.SetLingerTarget). 0 sends at once.
	Linger config.Duration `json:"linger"`
}

// DefaultConfig returns the defaults; the router targets and certificates
// have none and must be configured.
func DefaultConfig() *Config {
	return &Config{
		Role: RoleRouter,
		Ingress: IngressConfig{
			ServerConfig:     mtls.ServerConfig{Addr: "127.0.0.1:3458"},
			BufferSize:       50_000,
			MaxEnvelopeBytes: 256 * 1024,
		},
		Routers:         routerpool.DefaultConfig(),
		Forwarder:       DefaultForwarderConfig(),
		Batch:           BatchConfig{Size: 1000, FlushInterval: config.Duration(10 * time.Millisecond), Linger: config.Duration(15 * time.Millisecond)},
		ShutdownTimeout: config.Duration(10 * time.Second),
		Runtime:         config.Runtime{MaxProcs: 1, MemoryLimitMiB: 128, TimerSlack: config.DefaultTimerSlack, GCPercent: agentGCPercent},
		Metrics:         metrics.DefaultConfig("127.0.0.1:14824"),
	}
}

// agentGCPercent is the agent's collector target (config.Runtime.GCPercent).
const agentGCPercent = 200

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.Ingress.ServerConfig.Validate("ingress"); err != nil { //nolint:staticcheck // the selector says only the server fields are checked here
		return err
	}
	switch {
	case c.Ingress.BufferSize < 1:
		return errors.New("ingress.buffer_size: must be at least 1")
	case c.Ingress.MaxEnvelopeBytes < 1:
		return errors.New("ingress.max_envelope_bytes: must be at least 1")
	case c.Batch.Size < 1:
		return errors.New("batch.size: must be at least 1")
	case c.Batch.FlushInterval.D() <= 0:
		return errors.New("batch.flush_interval: must be positive")
	case c.Batch.Linger.D() < 0:
		return errors.New("batch.linger: must not be negative")
	case c.ShutdownTimeout.D() <= 0:
		return errors.New("shutdown_timeout: must be positive")
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	for k := range c.Tags {
		if k == "" {
			return errors.New("tags: a tag name is empty")
		}
	}
	switch c.Role {
	case RoleRouter:
		if err := c.Routers.Validate("routers"); err != nil {
			return err
		}
	case RoleForwarder:
		if len(c.Routers.Targets) > 0 {
			return errors.New("routers.targets: not used in the forwarder role; destinations come from forwarder.downstream_ingress_port_glob")
		}
		if err := c.Forwarder.Validate("forwarder"); err != nil {
			return err
		}
	default:
		return fmt.Errorf("role: %q is neither %q nor %q", c.Role, RoleRouter, RoleForwarder)
	}
	return c.Metrics.Validate("metrics")
}
