package metrics

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/mtls"
)

// Config is the metrics section every component's config embeds as "metrics".
type Config struct {
	// Addr is where /metrics listens, for example "127.0.0.1:14824"; empty disables it.
	Addr string `json:"addr"`
	// TLS, when set, serves /metrics over mutual TLS (as on BOSH); unset serves plain HTTP.
	TLS *mtls.Files `json:"tls,omitempty"`
	// EmitInterval is how often the component's own metrics go out as envelopes.
	EmitInterval config.Duration `json:"emit_interval"`
}

// DefaultConfig listens on addr and emits every 15 seconds.
func DefaultConfig(addr string) Config {
	return Config{Addr: addr, EmitInterval: config.Duration(15 * time.Second)}
}

// Validate names the bad field under the prefix field ("metrics").
func (c Config) Validate(field string) error {
	if c.Addr != "" {
		if _, _, err := net.SplitHostPort(c.Addr); err != nil {
			return fmt.Errorf("%s.addr: %w", field, err)
		}
	}
	if c.TLS != nil {
		if err := c.TLS.Validate(field + ".tls"); err != nil {
			return err
		}
	}
	if c.EmitInterval.D() <= 0 {
		return errors.New(field + ".emit_interval: must be positive")
	}
	return nil
}

// Listen binds the /metrics server described by c, or returns nil when Addr is empty.
func (c Config) Listen(r *Registry) (*Server, error) {
	if c.Addr == "" {
		return nil, nil
	}
	var tlsCfg *tls.Config
	if c.TLS != nil {
		var err error
		if tlsCfg, err = mtls.Server(*c.TLS, nil); err != nil {
			return nil, fmt.Errorf("metrics tls: %w", err)
		}
	}
	return r.NewServer(c.Addr, tlsCfg)
}
