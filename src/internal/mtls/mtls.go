package mtls

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Files names the PEM files of one identity: the CA that signs the peers, and
// this side's certificate and key.
type Files struct {
	CA   string `json:"ca_file"`
	Cert string `json:"cert_file"`
	Key  string `json:"key_file"`
}

// Validate checks that every file is named.
func (f Files) Validate(field string) error {
	switch {
	case f.CA == "":
		return fmt.Errorf("%s.ca_file: required", field)
	case f.Cert == "":
		return fmt.Errorf("%s.cert_file: required", field)
	case f.Key == "":
		return fmt.Errorf("%s.key_file: required", field)
	}
	return nil
}

// Server returns a TLS config that presents f's certificate and requires a
// client certificate signed by f's CA. cipherSuites are IANA names; empty
// means Go's defaults.
func Server(f Files, cipherSuites []string) (*tls.Config, error) {
	cfg, err := base(f, cipherSuites)
	if err != nil {
		return nil, err
	}
	cfg.ClientAuth = tls.RequireAndVerifyClientCert
	cfg.ClientCAs = cfg.RootCAs
	cfg.RootCAs = nil
	return cfg, nil
}

// Client returns a TLS config that presents f's certificate and verifies that
// the server's certificate, signed by f's CA, is valid for serverName.
func Client(f Files, serverName string, cipherSuites []string) (*tls.Config, error) {
	if serverName == "" {
		return nil, errors.New("tls client: server name is required")
	}
	cfg, err := base(f, cipherSuites)
	if err != nil {
		return nil, err
	}
	cfg.ServerName = serverName
	return cfg, nil
}

func base(f Files, cipherSuites []string) (*tls.Config, error) {
	pool, err := loadCA(f.CA)
	if err != nil {
		return nil, err
	}
	cert, err := loadKeyPair(f.Cert, f.Key)
	if err != nil {
		return nil, err
	}
	suites, err := CipherSuites(cipherSuites)
	if err != nil {
		return nil, err
	}
	return &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{cert},
		RootCAs:      pool,
		CipherSuites: suites,
	}, nil
}

func loadCA(path string) (*x509.CertPool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("CA certificate %s: %w", path, err)
	}
	pool := x509.NewCertPool()
	rest := data
	found := 0
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("CA certificate %s: %w", path, err)
		}
		if err := checkValidity(c, path); err != nil {
			return nil, err
		}
		pool.AddCert(c)
		found++
	}
	if found == 0 {
		return nil, fmt.Errorf("CA certificate %s: no PEM certificate found", path)
	}
	return pool, nil
}

func loadKeyPair(certPath, keyPath string) (tls.Certificate, error) {
	certPEM, err := os.ReadFile(certPath)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("certificate %s: %w", certPath, err)
	}
	keyPEM, err := os.ReadFile(keyPath)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("key %s: %w", keyPath, err)
	}
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("certificate %s with key %s: %w", certPath, keyPath, err)
	}
	if err := checkValidity(cert.Leaf, certPath); err != nil {
		return tls.Certificate{}, err
	}
	return cert, nil
}

func checkValidity(c *x509.Certificate, path string) error {
	now := time.Now()
	if now.After(c.NotAfter) {
		return fmt.Errorf("certificate %s: expired on %s", path, c.NotAfter.UTC().Format(time.RFC3339))
	}
	if now.Before(c.NotBefore) {
		return fmt.Errorf("certificate %s: not valid before %s", path, c.NotBefore.UTC().Format(time.RFC3339))
	}
	return nil
}

// CipherSuites maps IANA cipher suite names to Go's IDs. Insecure suites are
// refused. Empty input means Go's defaults (nil).
func CipherSuites(names []string) ([]uint16, error) {
	if len(names) == 0 {
		return nil, nil
	}
	known := map[string]uint16{}
	for _, s := range tls.CipherSuites() {
		known[s.Name] = s.ID
	}
	ids := make([]uint16, 0, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		id, ok := known[n]
		if !ok {
			return nil, fmt.Errorf("cipher suite %q: unknown or insecure", n)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// SplitCipherSuites splits the colon-separated form used by BOSH properties
// ("A:B") into names.
func SplitCipherSuites(s string) []string {
	var out []string
	for _, n := range strings.Split(s, ":") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
