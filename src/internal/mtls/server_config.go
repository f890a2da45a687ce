package mtls

import (
	"fmt"
	"net"
)

// ServerConfig is where an mTLS server listens and the identity it
// presents, with the JSON names every component's config uses for them.
// Embedded without a tag, its fields read as the embedding struct's own.
type ServerConfig struct {
	// Addr is the listen address, for example ":8082".
	Addr string `json:"addr"`
	// TLS is the server's identity and the CA that signs its clients.
	TLS Files `json:"tls"`
	// CipherSuites are IANA names; empty means Go's defaults.
	CipherSuites []string `json:"cipher_suites,omitempty"`
}

// Validate names the first bad field; prefix, when not empty, is the path
// of the struct that holds c, such as "ingress".
func (c ServerConfig) Validate(prefix string) error {
	if prefix != "" {
		prefix += "."
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("%saddr: %w", prefix, err)
	}
	if err := c.TLS.Validate(prefix + "tls"); err != nil {
		return err
	}
	if _, err := CipherSuites(c.CipherSuites); err != nil {
		return fmt.Errorf("%scipher_suites: %w", prefix, err)
	}
	return nil
}
