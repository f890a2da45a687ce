package routerset

import (
	"errors"
	"fmt"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
)

// Config is how a Set finds and reaches the routers: the "routers" section
// of a consumer-facing component's config.
type Config struct {
	// Targets are the routers (host:port, optionally with an AZ). Names are
	// re-resolved every RefreshInterval and every address they resolve to
	// is one router.
	Targets resolve.Targets `json:"targets"`
	// ServerName is the name the routers' certificates must carry.
	ServerName string `json:"server_name"`
	// TLS is this side's client identity and the CA that signs the routers.
	TLS mtls.Files `json:"tls"`
	// CipherSuites are IANA names; empty means Go's defaults.
	CipherSuites []string `json:"cipher_suites,omitempty"`
	// RefreshInterval is how often Targets are re-resolved.
	RefreshInterval config.Duration `json:"refresh_interval"`
	// MaxBackoff caps the wait before re-subscribing to a router whose
	// stream broke.
	MaxBackoff config.Duration `json:"max_backoff"`
}

// DefaultConfig returns the defaults: routers named "doppler", re-resolved
// every 15 s, re-subscribed to within 5 s.
func DefaultConfig() Config {
	return Config{
		ServerName:      "doppler",
		RefreshInterval: config.Duration(15 * time.Second),
		MaxBackoff:      config.Duration(5 * time.Second),
	}
}

// Validate names the bad field under the prefix field ("routers").
func (c Config) Validate(field string) error {
	if err := c.Targets.Validate(field + ".targets"); err != nil {
		return err
	}
	if c.ServerName == "" {
		return errors.New(field + ".server_name: required")
	}
	if err := c.TLS.Validate(field + ".tls"); err != nil {
		return err
	}
	if _, err := mtls.CipherSuites(c.CipherSuites); err != nil {
		return fmt.Errorf("%s.cipher_suites: %w", field, err)
	}
	switch {
	case c.RefreshInterval.D() <= 0:
		return errors.New(field + ".refresh_interval: must be positive")
	case c.MaxBackoff.D() <= 0:
		return errors.New(field + ".max_backoff: must be positive")
	}
	return nil
}
