package mtls_test

import (
	"crypto/x509"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/mtls"
)

var _ = Describe("LoadCAPool", func() {
	It("loads every certificate of a bundle, so a server signed by any of them verifies", func() {
		old, err := certgen.NewCA("old-ca")
		Expect(err).NotTo(HaveOccurred())
		current, err := certgen.NewCA("current-ca")
		Expect(err).NotTo(HaveOccurred())
		dir := GinkgoT().TempDir()
		path := writeFile(dir, "bundle.crt", append(append([]byte{}, old.CertPEM...), current.CertPEM...))

		pool, err := mtls.LoadCAPool(path)
		Expect(err).NotTo(HaveOccurred())
		for _, ca := range []*certgen.CA{old, current} {
			_, err := ca.Cert.Verify(x509.VerifyOptions{Roots: pool, CurrentTime: time.Now()})
			Expect(err).NotTo(HaveOccurred(), ca.Cert.Subject.CommonName)
		}
	})

	It("names the file that holds no certificate", func() {
		path := writeFile(GinkgoT().TempDir(), "empty.crt", []byte("not a certificate\n"))
		_, err := mtls.LoadCAPool(path)
		Expect(err).To(MatchError(ContainSubstring(path + ": no PEM certificate found")))
	})

	It("names the file it cannot read", func() {
		path := filepath.Join(GinkgoT().TempDir(), "missing.crt")
		_, err := mtls.LoadCAPool(path)
		Expect(err).To(MatchError(ContainSubstring(path)))
	})
})
