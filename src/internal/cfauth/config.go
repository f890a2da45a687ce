package cfauth

import (
	"fmt"
	"net/url"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/mtls"
)

// Config is how an Authorizer reaches UAA and Cloud Controller and how long
// it reuses their answers. Its JSON names are those of the gateway's "auth"
// section; embedded there without a tag, its fields read as that section's own.
type Config struct {
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

// UAAConfig is the UAA tokens are checked with.
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

// CCConfig is the Cloud Controller asked about log access.
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
	// TLS is the client identity towards Cloud Controller and the CA of its
	// certificate. The external API is reached with the same TLS settings.
	TLS mtls.Files `json:"tls"`
	// Timeout bounds one call to Cloud Controller.
	Timeout config.Duration `json:"timeout"`
}

// DefaultConfig returns the defaults: a 10s cache of at most 10000
// decisions and 5s timeouts.
func DefaultConfig() Config {
	return Config{
		CacheTTL:  config.Duration(10 * time.Second),
		CacheSize: 10000,
		UAA:       UAAConfig{Timeout: config.Duration(5 * time.Second)},
		CC:        CCConfig{Timeout: config.Duration(5 * time.Second)},
	}
}

// Validate names the first bad field; prefix, when not empty, is the path
// of the struct that holds c, such as "auth".
func (c Config) Validate(prefix string) error {
	if prefix != "" {
		prefix += "."
	}
	if c.CacheTTL.D() < 0 {
		return fmt.Errorf("%scache_ttl: must not be negative", prefix)
	}
	if c.CacheSize <= 0 {
		return fmt.Errorf("%scache_size: must be positive", prefix)
	}
	if err := validURL(prefix+"uaa.addr", c.UAA.Addr, true); err != nil {
		return err
	}
	if c.UAA.ClientID == "" {
		return fmt.Errorf("%suaa.client_id: required", prefix)
	}
	if c.UAA.ClientSecret == "" {
		return fmt.Errorf("%suaa.client_secret: required", prefix)
	}
	if c.UAA.Timeout.D() <= 0 {
		return fmt.Errorf("%suaa.timeout: must be positive", prefix)
	}
	if err := validURL(prefix+"cc.internal_addr", c.CC.InternalAddr, true); err != nil {
		return err
	}
	if err := validURL(prefix+"cc.external_addr", c.CC.ExternalAddr, false); err != nil {
		return err
	}
	if c.CC.ServerName == "" {
		return fmt.Errorf("%scc.server_name: required", prefix)
	}
	if err := c.CC.TLS.Validate(prefix + "cc.tls"); err != nil {
		return err
	}
	if c.CC.Timeout.D() <= 0 {
		return fmt.Errorf("%scc.timeout: must be positive", prefix)
	}
	return nil
}

func validURL(field, s string, required bool) error {
	if s == "" {
		if required {
			return fmt.Errorf("%s: required", field)
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
