package bindingcache

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

// Config is the binding cache's JSON configuration (config/binding-cache.json).
type Config struct {
	// Server is where syslog agents fetch /v2/bindings and /v2/aggregate:
	// mutual TLS, clients signed by Server.TLS.CA.
	Server mtls.ServerConfig `json:"server"`
	// CC is Cloud Controller's internal API and how it is polled.
	CC CCConfig `json:"cc"`
	// AggregateDrains receive the logs of every app; served as they are
	// configured, with no app listed.
	AggregateDrains []AggregateDrain `json:"aggregate_drains"`
	// BlacklistedSyslogRanges are IP ranges no app drain may point into; a
	// drain whose host resolves into one is refused.
	BlacklistedSyslogRanges []IPRange `json:"blacklisted_syslog_ranges"`
	// WarnOnInvalidDrains logs one summary line per poll that refused drains.
	WarnOnInvalidDrains bool `json:"warn_on_invalid_drains"`
	// ResolveTimeout bounds one DNS lookup of a drain's host (only made when
	// BlacklistedSyslogRanges is not empty).
	ResolveTimeout config.Duration `json:"resolve_timeout"`
	// ShutdownTimeout bounds a graceful stop: requests in flight get this
	// long to finish.
	ShutdownTimeout config.Duration `json:"shutdown_timeout"`
	// Runtime is "max_procs", "memory_limit_mib" (0, Go's defaults) and
	// "timer_slack" (config.DefaultTimerSlack).
	config.Runtime
	// Agent, when Addr is set, is the local agent the cache sends its own
	// metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// CCConfig is Cloud Controller's internal API, polled for drain bindings.
type CCConfig struct {
	// Addr is the base URL of the internal mutual-TLS API, for example
	// "https://cloud-controller-ng.service.cf.internal:9023".
	Addr string `json:"addr"`
	// ServerName is the name Cloud Controller's certificate must carry.
	ServerName string `json:"server_name"`
	// TLS is the cache's client identity and the CA of Cloud Controller.
	TLS mtls.Files `json:"tls"`
	// CipherSuites are IANA names; empty means Go's defaults.
	CipherSuites []string `json:"cipher_suites,omitempty"`
	// PollingInterval is how often the whole set is fetched.
	PollingInterval config.Duration `json:"polling_interval"`
	// BatchSize is the number of drain URLs asked for per page.
	BatchSize int `json:"batch_size"`
	// Timeout bounds one page: a Cloud Controller that has not answered it
	// completely by then fails the poll.
	Timeout config.Duration `json:"timeout"`
	// MaxResponseBytes bounds the bytes read from Cloud Controller in one
	// poll, all pages together; a poll that needs more fails and the last
	// good set is kept. It bounds the memory a poll can take.
	MaxResponseBytes int64 `json:"max_response_bytes"`
	// DisableKeepAlives opens a new connection for every page.
	DisableKeepAlives bool `json:"disable_keep_alives"`
}

// AggregateDrain is a drain that receives every app's logs, with the PEM
// client certificate, key and CA to reach it (each may be empty).
type AggregateDrain struct {
	URL  string `json:"url"`
	Cert string `json:"cert"`
	Key  string `json:"key"`
	CA   string `json:"ca"`
}

// IPRange is an inclusive range of IP addresses of one family.
type IPRange struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		Runtime: config.Runtime{TimerSlack: config.DefaultTimerSlack},
		CC: CCConfig{
			PollingInterval:   config.Duration(time.Minute),
			BatchSize:         1000,
			Timeout:           config.Duration(30 * time.Second),
			MaxResponseBytes:  256 << 20,
			DisableKeepAlives: true,
		},
		WarnOnInvalidDrains: true,
		ResolveTimeout:      config.Duration(2 * time.Second),
		ShutdownTimeout:     config.Duration(5 * time.Second),
		Agent:               metrics.DefaultAgentConfig(),
		Metrics:             metrics.DefaultConfig("127.0.0.1:14828"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if err := c.Server.Validate("server"); err != nil {
		return err
	}
	if err := c.CC.validate(); err != nil {
		return err
	}
	for i, d := range c.AggregateDrains {
		if _, err := parseDrain(d.URL); err != nil {
			return fmt.Errorf("aggregate_drains[%d].url: %w", i, err)
		}
	}
	if _, err := parseRanges(c.BlacklistedSyslogRanges); err != nil {
		return err
	}
	if c.ResolveTimeout.D() <= 0 {
		return errors.New("resolve_timeout: must be positive")
	}
	if c.ShutdownTimeout.D() <= 0 {
		return errors.New("shutdown_timeout: must be positive")
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	return c.Metrics.Validate("metrics")
}

func (c CCConfig) validate() error {
	u, err := url.Parse(c.Addr)
	switch {
	case c.Addr == "":
		return errors.New("cc.addr: required")
	case err != nil:
		return fmt.Errorf("cc.addr: %w", err)
	case u.Scheme != "https" || u.Host == "":
		return fmt.Errorf("cc.addr: %q is not an https URL", c.Addr)
	case c.ServerName == "":
		return errors.New("cc.server_name: required")
	}
	if err := c.TLS.Validate("cc.tls"); err != nil {
		return err
	}
	if _, err := mtls.CipherSuites(c.CipherSuites); err != nil {
		return fmt.Errorf("cc.cipher_suites: %w", err)
	}
	switch {
	case c.PollingInterval.D() <= 0:
		return errors.New("cc.polling_interval: must be positive")
	case c.BatchSize <= 0:
		return errors.New("cc.batch_size: must be positive")
	case c.Timeout.D() <= 0:
		return errors.New("cc.timeout: must be positive")
	case c.MaxResponseBytes <= 0:
		return errors.New("cc.max_response_bytes: must be positive")
	}
	return nil
}

// ipRange is a parsed IPRange.
type ipRange struct{ start, end net.IP }

func parseRanges(rs []IPRange) ([]ipRange, error) {
	out := make([]ipRange, 0, len(rs))
	for i, r := range rs {
		start, end := net.ParseIP(r.Start), net.ParseIP(r.End)
		field := fmt.Sprintf("blacklisted_syslog_ranges[%d]", i)
		switch {
		case start == nil:
			return nil, fmt.Errorf("%s.start: %q is not an IP address", field, r.Start)
		case end == nil:
			return nil, fmt.Errorf("%s.end: %q is not an IP address", field, r.End)
		case (start.To4() == nil) != (end.To4() == nil):
			return nil, fmt.Errorf("%s: start %s and end %s are of different families", field, r.Start, r.End)
		case compareIP(start, end) > 0:
			return nil, fmt.Errorf("%s: start %s is after end %s", field, r.Start, r.End)
		}
		out = append(out, ipRange{start: start, end: end})
	}
	return out, nil
}
