package promscraper

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// Config is the scraper's JSON configuration (config/prom-scraper.json).
type Config struct {
	// ConfigGlobs are the patterns (filepath.Match syntax) of the target
	// files, read again every ScrapeInterval.
	ConfigGlobs []string `json:"config_globs"`
	// ScrapeInterval is how often each target is scraped, unless its file
	// sets its own scrape_interval, and how often the files are read.
	ScrapeInterval config.Duration `json:"scrape_interval"`
	// ScrapeTimeout bounds one scrape of one target, and then its sends to
	// the agent. A target whose interval is shorter uses its interval.
	ScrapeTimeout config.Duration `json:"scrape_timeout"`
	// MaxBodyBytes is the largest /metrics page read; a larger one is a
	// failed scrape (reason too_large).
	MaxBodyBytes int64 `json:"max_body_bytes"`
	// DefaultSourceID is the source id of metrics whose file sets none.
	DefaultSourceID string `json:"default_source_id"`
	// Scrape is how https targets are reached.
	Scrape ScrapeConfig `json:"scrape"`
	// Agent is the local agent every scraped metric, and the scraper's own,
	// is sent to. Its address is required.
	Agent metrics.AgentConfig `json:"agent"`
	// Runtime is "max_procs" and "memory_limit_mib".
	config.Runtime
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// ScrapeConfig is the client side of https targets.
type ScrapeConfig struct {
	// TLS, when set, is the client identity presented to https targets and
	// the CA their certificates are checked against. Unset, https targets
	// are checked against the system's roots and no certificate is presented.
	TLS *mtls.Files `json:"tls,omitempty"`
	// SkipSSLValidation accepts any certificate from https targets (the
	// client identity is still presented).
	SkipSSLValidation bool `json:"skip_ssl_validation"`
}

// DefaultConfig returns the defaults of Cloud Foundry's prom_scraper job;
// the agent's address and certificates have none.
func DefaultConfig() *Config {
	return &Config{
		ConfigGlobs:     []string{"/var/vcap/jobs/*/config/prom_scraper_config.yml", "/var/vcap/jobs/*/config/metric_port.yml"},
		ScrapeInterval:  config.Duration(15 * time.Second),
		ScrapeTimeout:   config.Duration(10 * time.Second),
		MaxBodyBytes:    8 << 20,
		DefaultSourceID: sourceID,
		Agent:           metrics.DefaultAgentConfig(),
		Runtime:         config.Runtime{MaxProcs: 1, MemoryLimitMiB: 128, TimerSlack: config.DefaultTimerSlack},
		Metrics:         metrics.DefaultConfig("127.0.0.1:14821"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	for i, g := range c.ConfigGlobs {
		if _, err := filepath.Match(g, ""); err != nil {
			return fmt.Errorf("config_globs[%d]: %q: %w", i, g, err)
		}
	}
	switch {
	case c.ScrapeInterval.D() <= 0:
		return errors.New("scrape_interval: must be positive")
	case c.ScrapeTimeout.D() <= 0:
		return errors.New("scrape_timeout: must be positive")
	case c.MaxBodyBytes < 1:
		return errors.New("max_body_bytes: must be at least 1")
	case c.DefaultSourceID == "":
		return errors.New("default_source_id: required")
	case c.Agent.Addr == "":
		return errors.New("agent.addr: required (the local agent scraped metrics are sent to)")
	}
	if c.Scrape.TLS != nil {
		if err := c.Scrape.TLS.Validate("scrape.tls"); err != nil {
			return err
		}
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	if err := c.Runtime.Validate(); err != nil {
		return err
	}
	return c.Metrics.Validate("metrics")
}
