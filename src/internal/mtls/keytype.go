package mtls

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"strings"
)

// checkKeyForSuites refuses a server certificate whose key no configured
// TLS 1.2 cipher suite can use: an ECDSA key behind ECDHE_RSA suites only
// (or the reverse) lets TLS 1.3 clients in and turns every TLS 1.2 client
// away with a bare handshake failure, which is found long after the start.
// No configured suites means Go's defaults, which cover both key types.
func checkKeyForSuites(cert *tls.Certificate, suites []uint16, file string) error {
	if len(suites) == 0 || cert == nil {
		return nil
	}
	leaf := cert.Leaf
	if leaf == nil && len(cert.Certificate) > 0 {
		var err error
		if leaf, err = x509.ParseCertificate(cert.Certificate[0]); err != nil {
			return fmt.Errorf("certificate %s: %w", file, err)
		}
	}
	if leaf == nil {
		return nil
	}
	var kind, needs string
	switch leaf.PublicKey.(type) {
	case *rsa.PublicKey:
		kind, needs = "RSA", "_RSA_"
	case *ecdsa.PublicKey, ed25519.PublicKey:
		kind, needs = "ECDSA", "_ECDSA_"
	default:
		return nil
	}
	names := make([]string, 0, len(suites))
	for _, id := range suites {
		name := tls.CipherSuiteName(id)
		if strings.Contains(name, needs) {
			return nil
		}
		names = append(names, name)
	}
	return fmt.Errorf("certificate %s has an %s key, but no configured cipher suite (%s) can use it: TLS 1.2 clients could not connect; use a certificate with a key those suites sign with, or add a suite for %s keys",
		file, kind, strings.Join(names, ", "), kind)
}
