package routerpool

import (
	"errors"
	"fmt"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
)

// Target is one router address as configured (resolve.Target).
type Target = resolve.Target

// Config is the router section of a component's config.
type Config struct {
	// Targets are the routers; names are re-resolved every DNSRefreshInterval.
	Targets resolve.Targets `json:"targets"`
	// TLS is this side's client identity and the CA that signs the routers.
	TLS mtls.Files `json:"tls"`
	// CipherSuites are IANA names; empty means Go's defaults.
	CipherSuites []string `json:"cipher_suites,omitempty"`
	// ServerName is the name the routers' certificates must carry.
	ServerName string `json:"server_name"`
	// Streams is the number of BatchSender streams kept open.
	Streams int `json:"streams"`
	// RecycleAfterEnvelopes closes and re-dials a stream after it has
	// carried this many envelopes; 0 never recycles.
	RecycleAfterEnvelopes uint64 `json:"recycle_after_envelopes"`
	// DNSRefreshInterval is how often target names are re-resolved.
	DNSRefreshInterval config.Duration `json:"dns_refresh_interval"`
	// DialTimeout bounds one connection attempt, TLS handshake included.
	DialTimeout config.Duration `json:"dial_timeout"`
	// MaxBackoff caps the wait between failed connection attempts.
	MaxBackoff config.Duration `json:"max_backoff"`
	// MaxUnackedBytes bounds, per stream, the envelope bytes written to a
	// router that offers acknowledgements and not yet acknowledged by it:
	// what the pool keeps to send again if the stream breaks. A stream
	// with this much outstanding takes no new batch until the router
	// answers.
	MaxUnackedBytes int `json:"max_unacked_bytes"`
	// AckTimeout is how long an acknowledged stream may go without an
	// acknowledgement while batches wait for one before the pool cuts it
	// and sends those batches to another router: a router that is up but
	// not reading (stopped, wedged, starved) is left within AckTimeout
	// instead of when the connection's keepalive gives up on it (70 s). A
	// router holds a batch back for at most a second (see internal/router),
	// so the timeout must be well above that.
	AckTimeout config.Duration `json:"ack_timeout"`
	// Acknowledgements makes the pool ask each router for acknowledged
	// ingress (loggr.ack.v1) and use it where offered (the default);
	// off, every stream is a plain loggregator.v2.Ingress/BatchSender.
	Acknowledgements bool `json:"acknowledgements"`
}

// DefaultConfig returns the defaults: five acknowledged streams to routers
// named "doppler".
func DefaultConfig() Config {
	return Config{
		ServerName:            "doppler",
		Streams:               5,
		RecycleAfterEnvelopes: 1_000_000,
		DNSRefreshInterval:    config.Duration(30 * time.Second),
		DialTimeout:           config.Duration(5 * time.Second),
		MaxBackoff:            config.Duration(5 * time.Second),
		MaxUnackedBytes:       4 << 20,
		AckTimeout:            config.Duration(5 * time.Second),
		Acknowledgements:      true,
	}
}

// Validate names the bad field under the prefix field ("routers").
func (c Config) Validate(field string) error {
	if err := c.Targets.Validate(field + ".targets"); err != nil {
		return err
	}
	if err := c.TLS.Validate(field + ".tls"); err != nil {
		return err
	}
	if _, err := mtls.CipherSuites(c.CipherSuites); err != nil {
		return fmt.Errorf("%s.cipher_suites: %w", field, err)
	}
	switch {
	case c.ServerName == "":
		return errors.New(field + ".server_name: required")
	case c.Streams < 1:
		return errors.New(field + ".streams: must be at least 1")
	case c.DNSRefreshInterval.D() <= 0:
		return errors.New(field + ".dns_refresh_interval: must be positive")
	case c.DialTimeout.D() <= 0:
		return errors.New(field + ".dial_timeout: must be positive")
	case c.MaxBackoff.D() <= 0:
		return errors.New(field + ".max_backoff: must be positive")
	case c.MaxUnackedBytes <= 0:
		return errors.New(field + ".max_unacked_bytes: must be positive")
	case c.Acknowledgements && c.AckTimeout.D() < 2*time.Second:
		return errors.New(field + ".ack_timeout: must be at least 2s (a router holds a batch back for up to a second)")
	}
	return nil
}
