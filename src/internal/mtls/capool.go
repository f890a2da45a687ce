package mtls

import (
	"crypto/x509"
	"fmt"
	"os"
)

// LoadCAPool reads the PEM bundle at path into a certificate pool, for
// verifying a server outside the deployment's own CA, such as UAA. Every
// certificate in the bundle is added as it is, so a bundle that still holds a
// retired CA during a rotation keeps loading; verification skips what no
// longer applies. It fails when the file cannot be read or holds no PEM
// certificate.
func LoadCAPool(path string) (*x509.CertPool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("CA bundle: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(data) {
		return nil, fmt.Errorf("CA bundle %s: no PEM certificate found", path)
	}
	return pool, nil
}
