package agent

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/fanout"
	"loggregator/internal/mtls"
	"loggregator/internal/otlp"
)

// Roles of an agent (Config.Role).
const (
	// RoleRouter forwards to the routers (the loggregator_agent job).
	RoleRouter = "router"
	// RoleForwarder fans out to the VM's local destinations (the
	// loggr-forwarder-agent job).
	RoleForwarder = "forwarder"
)

// ForwarderConfig is the "forwarder" section, used in the forwarder role.
type ForwarderConfig struct {
	// DownstreamGlob matches the ingress_port.yml files other jobs render:
	// "ingress: <port>" is a v2 Ingress server on 127.0.0.1:<port>, and
	// with "protocol: otelcol" an OpenTelemetry collector's OTLP gRPC port.
	DownstreamGlob string `json:"downstream_ingress_port_glob"`
	// RescanInterval is how often the glob is read again, so destinations
	// added later are found and removed ones closed.
	RescanInterval config.Duration `json:"rescan_interval"`
	// MaxDestinations bounds the destinations (and so the metric series);
	// files beyond it are ignored and logged.
	MaxDestinations int `json:"max_destinations"`
	// TLS is the client identity towards every destination and the CA that
	// signs them; CipherSuites are IANA names, empty for Go's defaults.
	TLS          mtls.Files `json:"tls"`
	CipherSuites []string   `json:"cipher_suites,omitempty"`
	// ServerName is the name v2 Ingress destinations' certificates carry.
	ServerName string `json:"server_name"`
	// BufferSize is the envelopes each v2 Ingress destination's lane holds.
	BufferSize int `json:"buffer_size"`
	// DialTimeout bounds one connection attempt to a destination.
	DialTimeout config.Duration `json:"dial_timeout"`
	// MaxBackoff caps the wait between attempts to reach a destination.
	MaxBackoff config.Duration `json:"max_backoff"`
	// OTel configures the OpenTelemetry destinations.
	OTel otlp.Config `json:"otel"`
}

// DefaultForwarderConfig returns Cloud Foundry's defaults.
func DefaultForwarderConfig() ForwarderConfig {
	return ForwarderConfig{
		DownstreamGlob:  "/var/vcap/jobs/*/config/ingress_port.yml",
		RescanInterval:  config.Duration(15 * time.Second),
		MaxDestinations: 16,
		ServerName:      "metron",
		BufferSize:      10_000,
		DialTimeout:     config.Duration(5 * time.Second),
		MaxBackoff:      config.Duration(5 * time.Second),
		OTel:            otlp.DefaultConfig(),
	}
}

// Validate names the first bad field under the prefix field.
func (c ForwarderConfig) Validate(field string) error {
	if err := c.TLS.Validate(field + ".tls"); err != nil {
		return err
	}
	if _, err := mtls.CipherSuites(c.CipherSuites); err != nil {
		return fmt.Errorf("%s.cipher_suites: %w", field, err)
	}
	if _, err := filepath.Match(c.DownstreamGlob, ""); err != nil {
		return fmt.Errorf("%s.downstream_ingress_port_glob: %w", field, err)
	}
	switch {
	case c.DownstreamGlob == "":
		return errors.New(field + ".downstream_ingress_port_glob: required")
	case c.RescanInterval.D() <= 0:
		return errors.New(field + ".rescan_interval: must be positive")
	case c.MaxDestinations < 1:
		return errors.New(field + ".max_destinations: must be at least 1")
	case c.ServerName == "":
		return errors.New(field + ".server_name: required")
	case c.BufferSize < 1:
		return errors.New(field + ".buffer_size: must be at least 1")
	case c.DialTimeout.D() <= 0:
		return errors.New(field + ".dial_timeout: must be positive")
	case c.MaxBackoff.D() <= 0:
		return errors.New(field + ".max_backoff: must be positive")
	}
	return c.OTel.Validate(field + ".otel")
}

// lane returns the lane config of a destination of this forwarder.
func (c ForwarderConfig) lane(otel bool, batch BatchConfig, shutdown time.Duration) fanout.Config {
	lc := fanout.Config{
		BufferSize:      c.BufferSize,
		BatchSize:       batch.Size,
		FlushInterval:   batch.FlushInterval.D(),
		Linger:          batch.Linger.D(),
		ShutdownTimeout: shutdown,
	}
	if otel {
		lc.BatchSize = c.OTel.BatchSize
		lc.BufferSize = c.OTel.QueueSize * c.OTel.BatchSize
	}
	return lc
}
