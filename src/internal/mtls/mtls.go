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

// Identity names the PEM files of a certificate and its key, for a server
// that presents a certificate but asks none of its clients.
type Identity struct {
	Cert string `json:"cert_file"`
	Key  string `json:"key_file"`
}

// Server returns a TLS config that presents f's certificate and requires a
// client certificate signed by f's CA, re-reading the files when they change
// (see Reloader). cipherSuites are IANA names; empty means Go's defaults.
func Server(f Files, cipherSuites []string) (*tls.Config, error) {
	r, err := load(f, true, true)
	if err != nil {
		return nil, err
	}
	return r.Server(cipherSuites)
}

// Client returns a TLS config that presents f's certificate and verifies that
// the server's certificate, signed by f's CA, is valid for serverName,
// re-reading the files when they change (see Reloader).
func Client(f Files, serverName string, cipherSuites []string) (*tls.Config, error) {
	if serverName == "" {
		return nil, errors.New("tls client: server name is required")
	}
	r, err := load(f, true, true)
	if err != nil {
		return nil, err
	}
	return r.Client(serverName, cipherSuites)
}

// ServerNoClientAuth returns a TLS config that presents id's certificate and
// asks nothing of clients, re-reading the files when they change (see
// Reloader). It is for servers that authenticate callers otherwise, such as
// the gateway's HTTPS with bearer tokens.
func ServerNoClientAuth(id Identity, cipherSuites []string) (*tls.Config, error) {
	r, err := load(Files{Cert: id.Cert, Key: id.Key}, false, true)
	if err != nil {
		return nil, err
	}
	return r.ServerNoClientAuth(cipherSuites)
}

// ClientNoCert returns a TLS config that presents no certificate and
// verifies that the server's certificate, signed by the CA in caFile, is
// valid for serverName (a DNS name or an IP address), re-reading caFile when
// it changes (see Reloader).
func ClientNoCert(caFile, serverName string, cipherSuites []string) (*tls.Config, error) {
	if serverName == "" {
		return nil, errors.New("tls client: server name is required")
	}
	r, err := load(Files{CA: caFile}, true, false)
	if err != nil {
		return nil, err
	}
	return r.ClientNoCert(serverName, cipherSuites)
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
