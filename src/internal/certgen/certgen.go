// Package certgen makes throw-away certificate authorities and leaf
// certificates for tests and local runs. Nothing it makes belongs in a real
// deployment: BOSH or CredHub generate those from the manifest's variables.
package certgen

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"

	"loggregator/internal/mtls"
)

// CA is a certificate authority that can sign leaf certificates.
type CA struct {
	Cert    *x509.Certificate
	key     *ecdsa.PrivateKey
	CertPEM []byte
}

// Pair is a PEM certificate and key.
type Pair struct {
	CertPEM []byte
	KeyPEM  []byte
}

// LeafOptions adjusts a leaf certificate; the zero value gives a certificate
// with a P-256 ECDSA key (quick to make, for suites), valid for a day, for
// client and server auth, with 127.0.0.1 and localhost.
type LeafOptions struct {
	NotBefore time.Time
	NotAfter  time.Time
	// RSA gives the leaf a 2048-bit RSA key, as BOSH and CredHub generate,
	// so that TLS 1.2 clients can use the ECDHE_RSA cipher suites the jobs
	// configure by default.
	RSA bool
}

// NewCA makes a self-signed CA named commonName.
func NewCA(commonName string) (*CA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate CA key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: commonName},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(365 * 24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("create CA certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("parse CA certificate: %w", err)
	}
	return &CA{Cert: cert, key: key, CertPEM: pemBlock("CERTIFICATE", der)}, nil
}

// Leaf signs a certificate for commonName, also valid as a DNS name, with
// 127.0.0.1, ::1 and localhost as further names.
func (ca *CA) Leaf(commonName string, opts LeafOptions) (Pair, error) {
	var key crypto.Signer
	var err error
	if opts.RSA {
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		return Pair{}, fmt.Errorf("generate key for %s: %w", commonName, err)
	}
	notBefore, notAfter := opts.NotBefore, opts.NotAfter
	if notBefore.IsZero() {
		notBefore = time.Now().Add(-time.Hour)
	}
	if notAfter.IsZero() {
		notAfter = time.Now().Add(24 * time.Hour)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: commonName},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		DNSNames:     []string{commonName, "localhost"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.Cert, key.Public(), ca.key)
	if err != nil {
		return Pair{}, fmt.Errorf("sign certificate for %s: %w", commonName, err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return Pair{}, fmt.Errorf("encode key for %s: %w", commonName, err)
	}
	return Pair{CertPEM: pemBlock("CERTIFICATE", der), KeyPEM: pemBlock("PRIVATE KEY", keyDER)}, nil
}

// Files are the paths WriteFiles wrote for one name: the CA, the name's
// certificate and its key, as every component's TLS configuration names them.
type Files = mtls.Files

// Identities makes a throw-away CA named "loggregatorCA" and writes it and
// a certificate and key for every name into dir, as WriteFiles does: one
// call for a suite or a local run that needs a deployment's identities.
func Identities(dir string, names ...string) (map[string]Files, error) {
	ca, err := NewCA("loggregatorCA")
	if err != nil {
		return nil, err
	}
	return ca.WriteFiles(dir, names...)
}

// WriteFiles writes the CA as ca.crt and, for every name, <name>.crt and
// <name>.key into dir, and returns the paths by name.
func (ca *CA) WriteFiles(dir string, names ...string) (map[string]Files, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	caPath := filepath.Join(dir, "ca.crt")
	if err := os.WriteFile(caPath, ca.CertPEM, 0o600); err != nil {
		return nil, fmt.Errorf("write %s: %w", caPath, err)
	}
	out := make(map[string]Files, len(names))
	for _, n := range names {
		p, err := ca.Leaf(n, LeafOptions{})
		if err != nil {
			return nil, err
		}
		f := Files{CA: caPath, Cert: filepath.Join(dir, n+".crt"), Key: filepath.Join(dir, n+".key")}
		if err := os.WriteFile(f.Cert, p.CertPEM, 0o600); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Cert, err)
		}
		if err := os.WriteFile(f.Key, p.KeyPEM, 0o600); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Key, err)
		}
		out[n] = f
	}
	return out, nil
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		panic(fmt.Sprintf("crypto/rand failed: %v", err))
	}
	return n
}

func pemBlock(kind string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der})
}
