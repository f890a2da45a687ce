package topology

import (
	"fmt"
	"os"
	"path/filepath"

	"loggregator/internal/certgen"
)

// Certs are the generated certificates: variables for interpolation and the
// files a user points their own emitter or nozzle at.
type Certs struct {
	// Vars holds NAME.certificate, NAME.private_key and NAME.ca for every
	// leaf, and loggregator_ca.certificate.
	Vars map[string]string
	// CA, ClientCert and ClientKey are file paths.
	CA, ClientCert, ClientKey string
}

// MakeCerts writes a new CA (ca.crt) and, for every variable name in leaves,
// NAME.crt and NAME.key for the common name it maps to, plus a "client"
// identity, into dir. Leaves have RSA keys, as BOSH and CredHub make them.
func MakeCerts(dir string, leaves map[string]string) (*Certs, error) {
	ca, err := certgen.NewCA("loggregator-local-ca")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	c := &Certs{Vars: map[string]string{"loggregator_ca.certificate": string(ca.CertPEM)}}
	c.CA = filepath.Join(dir, "ca.crt")
	if err := os.WriteFile(c.CA, ca.CertPEM, 0o600); err != nil {
		return nil, err
	}
	all := map[string]string{"client": "client"}
	for name, cn := range leaves {
		all[name] = cn
	}
	for name, cn := range all {
		// RSA, as BOSH and CredHub generate: the jobs' default cipher
		// suites are ECDHE_RSA ones, so TLS 1.2 clients need an RSA server key.
		p, err := ca.Leaf(cn, certgen.LeafOptions{RSA: true})
		if err != nil {
			return nil, err
		}
		c.Vars[name+".certificate"] = string(p.CertPEM)
		c.Vars[name+".private_key"] = string(p.KeyPEM)
		c.Vars[name+".ca"] = string(ca.CertPEM)
		for file, data := range map[string][]byte{name + ".crt": p.CertPEM, name + ".key": p.KeyPEM} {
			if err := os.WriteFile(filepath.Join(dir, file), data, 0o600); err != nil {
				return nil, fmt.Errorf("write certificate: %w", err)
			}
		}
	}
	c.ClientCert = filepath.Join(dir, "client.crt")
	c.ClientKey = filepath.Join(dir, "client.key")
	return c, nil
}
