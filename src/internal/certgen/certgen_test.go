package certgen_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"net"
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

func parse(certPEM []byte) *x509.Certificate {
	block, rest := pem.Decode(certPEM)
	Expect(block).NotTo(BeNil())
	Expect(block.Type).To(Equal("CERTIFICATE"))
	Expect(rest).To(BeEmpty())
	c, err := x509.ParseCertificate(block.Bytes)
	Expect(err).NotTo(HaveOccurred())
	return c
}

func verify(ca *certgen.CA, leaf *x509.Certificate, name string, usage x509.ExtKeyUsage) error {
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, DNSName: name, KeyUsages: []x509.ExtKeyUsage{usage}})
	return err
}

var _ = Describe("CA", func() {
	It("is a self-signed certificate authority with the given name", func() {
		ca, err := certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		Expect(ca.Cert.IsCA).To(BeTrue())
		Expect(ca.Cert.Subject.CommonName).To(Equal("loggregatorCA"))
		Expect(ca.Cert.CheckSignatureFrom(ca.Cert)).To(Succeed())
		Expect(parse(ca.CertPEM).Equal(ca.Cert)).To(BeTrue())
	})

	It("signs a leaf that verifies for its name, localhost and 127.0.0.1, as server and client", func() {
		ca, err := certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		pair, err := ca.Leaf("doppler", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		leaf := parse(pair.CertPEM)

		Expect(leaf.Subject.CommonName).To(Equal("doppler"))
		for _, name := range []string{"doppler", "localhost", "127.0.0.1"} {
			Expect(verify(ca, leaf, name, x509.ExtKeyUsageServerAuth)).To(Succeed(), name)
			Expect(verify(ca, leaf, name, x509.ExtKeyUsageClientAuth)).To(Succeed(), name)
		}
		Expect(leaf.IPAddresses).To(ContainElement(Satisfy(func(ip net.IP) bool { return ip.Equal(net.IPv4(127, 0, 0, 1)) })))
		Expect(verify(ca, leaf, "metron", x509.ExtKeyUsageServerAuth)).NotTo(Succeed())
	})

	It("signs a leaf whose key matches its certificate", func() {
		ca, err := certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		pair, err := ca.Leaf("metron", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		_, err = tls.X509KeyPair(pair.CertPEM, pair.KeyPEM)
		Expect(err).NotTo(HaveOccurred())
	})

	It("does not verify a leaf against another CA", func() {
		ca, err := certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		other, err := certgen.NewCA("otherCA")
		Expect(err).NotTo(HaveOccurred())
		pair, err := other.Leaf("doppler", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		Expect(verify(ca, parse(pair.CertPEM), "doppler", x509.ExtKeyUsageServerAuth)).NotTo(Succeed())
	})

	It("uses the validity period of the options", func() {
		ca, err := certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		notBefore := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
		notAfter := time.Now().Add(-24 * time.Hour).Truncate(time.Second)
		pair, err := ca.Leaf("doppler", certgen.LeafOptions{NotBefore: notBefore, NotAfter: notAfter})
		Expect(err).NotTo(HaveOccurred())
		leaf := parse(pair.CertPEM)
		Expect(leaf.NotBefore).To(BeTemporally("==", notBefore))
		Expect(leaf.NotAfter).To(BeTemporally("==", notAfter))
		Expect(verify(ca, leaf, "doppler", x509.ExtKeyUsageServerAuth)).NotTo(Succeed())
	})

	It("writes the CA and one certificate and key per name, readable only by the owner", func() {
		ca, err := certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		dir := filepath.Join(GinkgoT().TempDir(), "certs")
		files, err := ca.WriteFiles(dir, "doppler", "metron")
		Expect(err).NotTo(HaveOccurred())

		Expect(files).To(HaveLen(2))
		Expect(files["doppler"]).To(Equal(certgen.Files{
			CA:   filepath.Join(dir, "ca.crt"),
			Cert: filepath.Join(dir, "doppler.crt"),
			Key:  filepath.Join(dir, "doppler.key"),
		}))
		for _, f := range files {
			for _, path := range []string{f.CA, f.Cert, f.Key} {
				info, err := os.Stat(path)
				Expect(err).NotTo(HaveOccurred())
				Expect(info.Mode().Perm()).To(Equal(os.FileMode(0o600)), path)
			}
			_, err := tls.LoadX509KeyPair(f.Cert, f.Key)
			Expect(err).NotTo(HaveOccurred())
		}

		caPEM, err := os.ReadFile(files["metron"].CA)
		Expect(err).NotTo(HaveOccurred())
		Expect(caPEM).To(Equal(ca.CertPEM))
		certPEM, err := os.ReadFile(files["metron"].Cert)
		Expect(err).NotTo(HaveOccurred())
		Expect(verify(ca, parse(certPEM), "metron", x509.ExtKeyUsageClientAuth)).To(Succeed())
	})
})
