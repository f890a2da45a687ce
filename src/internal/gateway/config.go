package gateway

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

// Config is the gateway's JSON configuration (config/gateway.json).
type Config struct {
	// HTTP is the HTTPS listener clients read from.
	HTTP HTTPConfig `json:"http"`
	// LogsProvider is the reverse log proxy the gateway reads from.
	LogsProvider LogsProviderConfig `json:"logs_provider"`
	// Auth says how requests are authorized.
	Auth AuthConfig `json:"auth"`
	// HeartbeatInterval is how long a stream may stay silent before the
	// gateway sends `event: heartbeat`.
	HeartbeatInterval config.Duration `json:"heartbeat_interval"`
	// MaxStreamDuration ends every stream with `event: closing` after this long.
	MaxStreamDuration config.Duration `json:"max_stream_duration"`
	// WriteTimeout disconnects a client that cannot take one event within it.
	WriteTimeout config.Duration `json:"write_timeout"`
	// MaxStreams bounds concurrent streams; requests beyond it get 503.
	MaxStreams int `json:"max_streams"`
	// Agent, when Addr is set, is the local agent the gateway sends its own
	// metrics to as envelopes.
	Agent metrics.AgentConfig `json:"agent"`
	// Metrics is the /metrics server and the self-metrics interval.
	Metrics metrics.Config `json:"metrics"`
}

// HTTPConfig is the HTTPS listener. It presents a server certificate and
// does not ask for client certificates: clients prove themselves with tokens.
type HTTPConfig struct {
	Addr     string `json:"addr"`
	CertFile string `json:"cert_file"`
	KeyFile  string `json:"key_file"`
}

// LogsProviderConfig is how the gateway reaches the reverse log proxy.
type LogsProviderConfig struct {
	// Addr is host:port of the proxy's v2 egress API.
	Addr string `json:"addr"`
	// ServerName is the name the proxy's certificate must carry.
	ServerName string `json:"server_name"`
	// TLS is the gateway's client identity and the CA of the proxy.
	TLS mtls.Files `json:"tls"`
}

// AuthConfig says how requests are authorized.
type AuthConfig struct {
	// Disabled lets every request read everything. For local runs only;
	// the gateway logs a warning at start when it is set.
	Disabled bool `json:"disabled"`
	// CacheTTL is how long an authorization decision (allow or deny) is
	// reused for the same token. Zero disables the cache.
	CacheTTL config.Duration `json:"cache_ttl"`
	// CacheSize bounds the number of cached decisions.
	CacheSize int `json:"cache_size"`
	// UAA checks tokens.
	UAA UAAConfig `json:"uaa"`
	// CC answers which source ids a token may read.
	CC CCConfig `json:"cc"`
}

// UAAConfig is the UAA the gateway checks tokens with.
type UAAConfig struct {
	// Addr is UAA's base URL, for example "https://uaa.service.cf.internal:8443".
	Addr         string `json:"addr"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	// CAFile verifies UAA's certificate; empty uses the system roots.
	CAFile string `json:"ca_file"`
	// SkipCertVerify turns off verification of UAA's certificate.
	SkipCertVerify bool `json:"skip_cert_verify"`
	// Timeout bounds one call to UAA.
	Timeout config.Duration `json:"timeout"`
}

// CCConfig is the Cloud Controller the gateway asks about log access.
type CCConfig struct {
	// InternalAddr is the base URL of the internal, mutual-TLS API that
	// serves /internal/v4/log_access/<id>, for example
	// "https://cloud-controller-ng.service.cf.internal:9023".
	InternalAddr string `json:"internal_addr"`
	// ExternalAddr is the base URL of the public API that serves
	// /v3/service_instances/<id>; empty skips that fallback.
	ExternalAddr string `json:"external_addr"`
	// ServerName is the name the internal API's certificate must carry.
	ServerName string `json:"server_name"`
	// TLS is the gateway's client identity towards Cloud Controller.
	TLS mtls.Files `json:"tls"`
	// Timeout bounds one call to Cloud Controller.
	Timeout config.Duration `json:"timeout"`
}

// DefaultConfig returns the defaults every field not in the file keeps.
func DefaultConfig() *Config {
	return &Config{
		HTTP:              HTTPConfig{Addr: ":8088"},
		LogsProvider:      LogsProviderConfig{ServerName: "reverselogproxy"},
		HeartbeatInterval: config.Duration(5 * time.Second),
		MaxStreamDuration: config.Duration(14 * time.Minute),
		WriteTimeout:      config.Duration(30 * time.Second),
		MaxStreams:        500,
		Auth: AuthConfig{
			CacheTTL:  config.Duration(10 * time.Second),
			CacheSize: 10000,
			UAA:       UAAConfig{Timeout: config.Duration(5 * time.Second)},
			CC:        CCConfig{Timeout: config.Duration(5 * time.Second)},
		},
		Agent:   metrics.DefaultAgentConfig(),
		Metrics: metrics.DefaultConfig("127.0.0.1:8089"),
	}
}

// Validate names the first bad field.
func (c *Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.HTTP.Addr); err != nil {
		return fmt.Errorf("http.addr: %w", err)
	}
	if c.HTTP.CertFile == "" {
		return errors.New("http.cert_file: required")
	}
	if c.HTTP.KeyFile == "" {
		return errors.New("http.key_file: required")
	}
	if _, _, err := net.SplitHostPort(c.LogsProvider.Addr); err != nil {
		return fmt.Errorf("logs_provider.addr: %w", err)
	}
	if c.LogsProvider.ServerName == "" {
		return errors.New("logs_provider.server_name: required")
	}
	if err := c.LogsProvider.TLS.Validate("logs_provider.tls"); err != nil {
		return err
	}
	if c.HeartbeatInterval.D() <= 0 {
		return errors.New("heartbeat_interval: must be positive")
	}
	if c.MaxStreamDuration.D() <= 0 {
		return errors.New("max_stream_duration: must be positive")
	}
	if c.WriteTimeout.D() <= 0 {
		return errors.New("write_timeout: must be positive")
	}
	if c.MaxStreams <= 0 {
		return errors.New("max_streams: must be positive")
	}
	if err := c.Auth.validate(); err != nil {
		return err
	}
	if err := c.Agent.Validate("agent"); err != nil {
		return err
	}
	return c.Metrics.Validate("metrics")
}

func (a *AuthConfig) validate() error {
	if a.CacheTTL.D() < 0 {
		return errors.New("auth.cache_ttl: must not be negative")
	}
	if a.CacheSize <= 0 {
		return errors.New("auth.cache_size: must be positive")
	}
	if a.Disabled {
		return nil
	}
	if err := validURL("auth.uaa.addr", a.UAA.Addr, true); err != nil {
		return err
	}
	if a.UAA.ClientID == "" {
		return errors.New("auth.uaa.client_id: required unless auth.disabled")
	}
	if a.UAA.ClientSecret == "" {
		return errors.New("auth.uaa.client_secret: required unless auth.disabled")
	}
	if a.UAA.Timeout.D() <= 0 {
		return errors.New("auth.uaa.timeout: must be positive")
	}
	if err := validURL("auth.cc.internal_addr", a.CC.InternalAddr, true); err != nil {
		return err
	}
	if err := validURL("auth.cc.external_addr", a.CC.ExternalAddr, false); err != nil {
		return err
	}
	if a.CC.ServerName == "" {
		return errors.New("auth.cc.server_name: required unless auth.disabled")
	}
	if err := a.CC.TLS.Validate("auth.cc.tls"); err != nil {
		return err
	}
	if a.CC.Timeout.D() <= 0 {
		return errors.New("auth.cc.timeout: must be positive")
	}
	return nil
}

func validURL(field, s string, required bool) error {
	if s == "" {
		if required {
			return fmt.Errorf("%s: required unless auth.disabled", field)
		}
		return nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%s: %w", field, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s: %q is not an http(s) URL", field, s)
	}
	return nil
}
