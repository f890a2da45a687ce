package syslogagent

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// Config is the syslog agent's configuration, config/syslog-agent.json.
type Config struct {
	// Ingress is the v2 Ingress server the forwarder agent writes to.
	Ingress IngressConfig `json:"ingress"`
	// BindingCache is where the drain bindings come from; an empty URL
	// means only the aggregate drains.
	BindingCache BindingCacheConfig `json:"binding_cache"`
	// AggregateDrains receive every envelope of the kinds their URLs ask
	// for, whatever its source id, beside those the cache serves.
	AggregateDrains []AggregateDrain `json:"aggregate_drains,omitempty"`
	// Drains is how every drain is buffered, written and retried.
	Drains DrainsConfig `json:"drains"`
	// BlacklistedRanges are IP ranges no drain may point into (a drain
	// whose host resolves into one is refused and counted as invalid).
	BlacklistedRanges []IPRange `json:"blacklisted_syslog_ranges,omitempty"`
	// WarnOnInvalidDrains logs a summary of refused drain URLs at each refresh.
	WarnOnInvalidDrains bool `json:"warn_on_invalid_drains"`

	// Runtime is "max_procs" and "memory_limit_mib".
	config.Runtime
	// ShutdownTimeout bounds how long a stop may spend writing what the drains hold.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
	// Agent, when its addr is set, receives the syslog agent's own metrics.
	Agent metrics.AgentConfig `json:"agent"`
}

// IngressConfig is the v2 Ingress server.
type IngressConfig struct {
	// ServerConfig is "addr", "tls" (the server identity, "metron" on
	// BOSH, and the CA that signs producers) and "cipher_suites".
	mtls.ServerConfig
	// MaxEnvelopeBytes is the largest encoded envelope accepted.
	MaxEnvelopeBytes int `json:"max_envelope_bytes"`
}

// BindingCacheConfig is the binding cache client.
type BindingCacheConfig struct {
	// URL is the cache's base URL, for example "https://binding-cache:9000".
	URL string `json:"url"`
	// TLS is this agent's client identity and the CA that signs the cache.
	TLS mtls.Files `json:"tls"`
	// ServerName is the name the cache's certificate must carry.
	ServerName string `json:"server_name"`
	// PollingInterval is how often the bindings are fetched.
	PollingInterval config.Duration `json:"polling_interval"`
	// MaxDrainsPerApp is the most drains one app (source id) gets; the
	// rest are counted and logged, never a crash.
	MaxDrainsPerApp int `json:"max_drains_per_app"`
}

// AggregateDrain is a drain for every app, with optional PEM credentials.
type AggregateDrain struct {
	URL  string `json:"url"`
	CA   string `json:"ca,omitempty"`
	Cert string `json:"cert,omitempty"`
	Key  string `json:"key,omitempty"`
}

// DrainsConfig is shared by every drain.
type DrainsConfig struct {
	// BufferSize is the number of envelopes each drain's diode holds.
	BufferSize int `json:"buffer_size"`
	// BatchSize is the most envelopes one write carries.
	BatchSize int `json:"batch_size"`
	// FlushInterval is the longest a partial batch waits while the drain is busy.
	FlushInterval config.Duration `json:"flush_interval"`
	// DialTimeout bounds connecting and the TLS handshake.
	DialTimeout config.Duration `json:"dial_timeout"`
	// WriteTimeout bounds one write; a drain that never reads fails after it.
	WriteTimeout config.Duration `json:"write_timeout"`
	// MinBackoff and MaxBackoff bound the exponential backoff between retries.
	MinBackoff config.Duration `json:"min_backoff"`
	MaxBackoff config.Duration `json:"max_backoff"`
	// MaxAttempts is how often one batch is tried before it is given up.
	MaxAttempts int `json:"max_attempts"`
	// CAFile, when set, is trusted for drains beside the system's CAs (drain_ca_cert).
	CAFile string `json:"ca_file,omitempty"`
	// SkipCertVerify accepts any drain certificate (drain_skip_cert_verify).
	SkipCertVerify bool `json:"skip_cert_verify"`
	// CipherSuites are offered to TLS 1.2 drains; empty means Go's.
	CipherSuites []string `json:"cipher_suites,omitempty"`
	// DefaultMetadata adds the tags block unless a URL says disable-metadata=true.
	DefaultMetadata bool `json:"default_metadata"`
	// DropNoticeInterval is how often, at most, an app owner is told in
	// their own drain that messages were dropped.
	DropNoticeInterval config.Duration `json:"drop_notice_interval"`
	// MaxLabelledDrains bounds the drains that get their own metric labels;
	// the others are counted under drain="other".
	MaxLabelledDrains int `json:"max_labelled_drains"`
}

// IPRange is an inclusive range of IPv4 or IPv6 addresses.
type IPRange struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// DefaultConfig returns the defaults; certificates have none.
func DefaultConfig() *Config {
	return &Config{
		Ingress: IngressConfig{ServerConfig: mtls.ServerConfig{Addr: "127.0.0.1:3460"}, MaxEnvelopeBytes: 256 * 1024},
		BindingCache: BindingCacheConfig{
			ServerName:      "binding-cache",
			PollingInterval: config.Duration(15 * time.Second),
			MaxDrainsPerApp: 10,
		},
		Drains: DrainsConfig{
			BufferSize:         10_000,
			BatchSize:          256,
			FlushInterval:      config.Duration(100 * time.Millisecond),
			DialTimeout:        config.Duration(5 * time.Second),
			WriteTimeout:       config.Duration(10 * time.Second),
			MinBackoff:         config.Duration(100 * time.Millisecond),
			MaxBackoff:         config.Duration(30 * time.Second),
			MaxAttempts:        3,
			DefaultMetadata:    true,
			DropNoticeInterval: config.Duration(time.Minute),
			MaxLabelledDrains:  500,
		},
		WarnOnInvalidDrains: true,
		Runtime:             config.Runtime{MaxProcs: 2, MemoryLimitMiB: 512, TimerSlack: config.DefaultTimerSlack},
		ShutdownTimeout:     config.Duration(10 * time.Second),
		Metrics:             metrics.DefaultConfig("127.0.0.1:14822"),
		Agent:               metrics.DefaultAgentConfig(),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.Ingress.ServerConfig.Validate("ingress"); err != nil { //nolint:staticcheck // only the server fields are checked here
		return err
	}
	if c.Ingress.MaxEnvelopeBytes < 1 {
		return errors.New("ingress.max_envelope_bytes: must be at least 1")
	}
	if c.BindingCache.URL != "" {
		u, err := url.Parse(c.BindingCache.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return fmt.Errorf("binding_cache.url: %q is not an https:// URL", c.BindingCache.URL)
		}
		if err := c.BindingCache.TLS.Validate("binding_cache.tls"); err != nil {
			return err
		}
	}
	switch d := c.Drains; {
	case c.BindingCache.PollingInterval.D() <= 0:
		return errors.New("binding_cache.polling_interval: must be positive")
	case c.BindingCache.MaxDrainsPerApp < 1:
		return errors.New("binding_cache.max_drains_per_app: must be at least 1")
	case d.BufferSize < 1:
		return errors.New("drains.buffer_size: must be at least 1")
	case d.BatchSize < 1:
		return errors.New("drains.batch_size: must be at least 1")
	case d.FlushInterval.D() <= 0:
		return errors.New("drains.flush_interval: must be positive")
	case d.DialTimeout.D() <= 0:
		return errors.New("drains.dial_timeout: must be positive")
	case d.WriteTimeout.D() <= 0:
		return errors.New("drains.write_timeout: must be positive")
	case d.MinBackoff.D() <= 0:
		return errors.New("drains.min_backoff: must be positive")
	case d.MaxBackoff.D() < d.MinBackoff.D():
		return errors.New("drains.max_backoff: must not be below min_backoff")
	case d.MaxAttempts < 1:
		return errors.New("drains.max_attempts: must be at least 1")
	case d.DropNoticeInterval.D() <= 0:
		return errors.New("drains.drop_notice_interval: must be positive")
	case d.MaxLabelledDrains < 0:
		return errors.New("drains.max_labelled_drains: must not be negative")
	case c.ShutdownTimeout.D() <= 0:
		return errors.New("shutdown_timeout: must be positive")
	}
	if _, err := mtls.CipherSuites(c.Drains.CipherSuites); err != nil {
		return fmt.Errorf("drains.cipher_suites: %w", err)
	}
	for i, a := range c.AggregateDrains {
		if a.URL == "" {
			return fmt.Errorf("aggregate_drains[%d].url: must be set", i)
		}
	}
	for i, r := range c.BlacklistedRanges {
		s, e := net.ParseIP(r.Start), net.ParseIP(r.End)
		if s == nil || e == nil || (s.To4() == nil) != (e.To4() == nil) {
			return fmt.Errorf("blacklisted_syslog_ranges[%d]: start and end must be IP addresses of one family", i)
		}
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	if err := c.Metrics.Validate("metrics"); err != nil {
		return err
	}
	return c.Agent.Validate("agent")
}
