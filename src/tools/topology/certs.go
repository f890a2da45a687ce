package main

import (
	"fmt"
	"os"
	"path/filepath"

	"loggregator/internal/certgen"
)

// certs are the generated certificates: variables for interpolation and the
// files a user points their own emitter or nozzle at.
type certs struct {
	vars map[string]string
	// CA, ClientCert and ClientKey are file paths.
	CA, ClientCert, ClientKey string
}

func makeCerts(dir string, leaves map[string]string) (*certs, error) {
	ca, err := certgen.NewCA("loggregator-local-ca")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	c := &certs{vars: map[string]string{"loggregator_ca.certificate": string(ca.CertPEM)}}
	c.CA = filepath.Join(dir, "ca.crt")
	if err := os.WriteFile(c.CA, ca.CertPEM, 0o600); err != nil {
		return nil, err
	}
	if _, ok := leaves["client"]; !ok {
		leaves["client"] = "client"
	}
	for name, cn := range leaves {
		p, err := ca.Leaf(cn, certgen.LeafOptions{})
		if err != nil {
			return nil, err
		}
		c.vars[name+".certificate"] = string(p.CertPEM)
		c.vars[name+".private_key"] = string(p.KeyPEM)
		c.vars[name+".ca"] = string(ca.CertPEM)
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
