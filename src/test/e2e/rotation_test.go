package e2e_test

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	pemenc "encoding/pem"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
)

// certFiles are the certificate files rendered for a system's jobs, sorted
// by what they hold.
type certFiles struct {
	cas    []string          // files that hold the CA
	leaves map[string]string // leaf certificate file -> its key file
}

// findCertFiles walks the rendered job directories and sorts every PEM file
// it finds: a CA file holds ca, a leaf file a certificate ca signed, whose
// key sits beside it as NAME.key.
func findCertFiles(work string, ca []byte) certFiles {
	GinkgoHelper()
	found := certFiles{leaves: map[string]string{}}
	Expect(filepath.Walk(filepath.Join(work, "jobs"), func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".crt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Equal(bytes.TrimSpace(data), bytes.TrimSpace(ca)) {
			found.cas = append(found.cas, path)
			return nil
		}
		if block, _ := pemenc.Decode(data); block == nil {
			return nil // an optional certificate the job was not given
		}
		key := strings.TrimSuffix(path, ".crt") + ".key"
		if _, err := os.Stat(key); err == nil {
			found.leaves[path] = key
		}
		return nil
	})).To(Succeed())
	Expect(found.cas).NotTo(BeEmpty())
	Expect(found.leaves).NotTo(BeEmpty())
	return found
}

// replaceFile writes data to path the way BOSH's agent and CredHub
// rotations leave it: a new file renamed over the old one.
func replaceFile(path string, data []byte) {
	GinkgoHelper()
	tmp := path + ".new"
	Expect(os.WriteFile(tmp, data, 0o600)).To(Succeed())
	Expect(os.Rename(tmp, path)).To(Succeed())
}

// commonName is the subject common name of the PEM certificate in data.
func commonName(data []byte) string {
	GinkgoHelper()
	block, _ := pemenc.Decode(data)
	Expect(block).NotTo(BeNil())
	cert, err := x509.ParseCertificate(block.Bytes)
	Expect(err).NotTo(HaveOccurred())
	return cert.Subject.CommonName
}

var _ = Describe("Certificate rotation", func() {
	It("takes a new CA and new leaves in the three deploys of a CredHub rotation under traffic, without a restart, keeping open streams and losing nothing", func() {
		sys := startSystem()
		DeferCleanup(sys.Stop)
		con := sys.consume(request("", logsOf("rotation")))
		sys.subscribed(1)
		em := sys.emitter()
		var sent []string
		traffic := func(n int) { sent = append(sent, em.logsFrom("rotation", "log", len(sent), n)...) }
		traffic(2000)

		oldCA, err := os.ReadFile(sys.Endpoints().CA)
		Expect(err).NotTo(HaveOccurred())
		files := findCertFiles(sys.Work, oldCA)
		newCA, err := certgen.NewCA("rotated-ca")
		Expect(err).NotTo(HaveOccurred())
		newClient, err := newCA.Leaf("client", certgen.LeafOptions{RSA: true})
		Expect(err).NotTo(HaveOccurred())
		newPool := x509.NewCertPool()
		Expect(newPool.AppendCertsFromPEM(newCA.CertPEM)).To(BeTrue())
		newIdentity, err := tls.X509KeyPair(newClient.CertPEM, newClient.KeyPEM)
		Expect(err).NotTo(HaveOccurred())
		oldIdentity, err := tls.LoadX509KeyPair(sys.Endpoints().ClientCert, sys.Endpoints().ClientKey)
		Expect(err).NotTo(HaveOccurred())
		oldPool := x509.NewCertPool()
		Expect(oldPool.AppendCertsFromPEM(oldCA)).To(BeTrue())

		// handshake dials a component's mTLS port as a client with id,
		// trusting roots, and returns the error of the handshake.
		handshake := func(endpoint, serverName string, id tls.Certificate, roots *x509.CertPool) error {
			conn, err := tls.Dial("tcp", sys.Endpoints().Endpoints[endpoint], &tls.Config{
				ServerName: serverName, RootCAs: roots, Certificates: []tls.Certificate{id},
				MinVersion: tls.VersionTLS12, NextProtos: []string{"h2"},
			})
			if err != nil {
				return err
			}
			defer conn.Close()
			// TLS 1.3 servers refuse a client certificate after the
			// client's side of the handshake: read to learn the verdict.
			_ = conn.SetReadDeadline(timeNowPlus(300))
			_, err = conn.Read(make([]byte, 1))
			if isTimeout(err) {
				return nil
			}
			return err
		}
		servers := map[string]string{"agent_ingress": "metron", "rlp_egress": "reverselogproxy"}

		By("deploy 1: every CA file holds the old and the new CA")
		for _, f := range files.cas {
			replaceFile(f, append(append([]byte{}, oldCA...), newCA.CertPEM...))
		}
		for endpoint, name := range servers {
			Eventually(func() error { return handshake(endpoint, name, newIdentity, oldPool) }).Should(Succeed(),
				"%s trusts a client of the new CA", endpoint)
		}
		traffic(2000)

		By("deploy 2: every leaf is reissued by the new CA")
		for crt, key := range files.leaves {
			data, err := os.ReadFile(crt)
			Expect(err).NotTo(HaveOccurred())
			pair, err := newCA.Leaf(commonName(data), certgen.LeafOptions{RSA: true})
			Expect(err).NotTo(HaveOccurred())
			replaceFile(key, pair.KeyPEM)
			replaceFile(crt, pair.CertPEM)
		}
		for endpoint, name := range servers {
			Eventually(func() error { return handshake(endpoint, name, newIdentity, newPool) }).Should(Succeed(),
				"%s presents a leaf of the new CA", endpoint)
		}
		traffic(2000)

		By("deploy 3: the old CA is removed")
		for _, f := range files.cas {
			replaceFile(f, newCA.CertPEM)
		}
		for endpoint, name := range servers {
			Eventually(func() error { return handshake(endpoint, name, oldIdentity, newPool) }).ShouldNot(Succeed(),
				"%s refuses a client of the old CA", endpoint)
			Expect(handshake(endpoint, name, newIdentity, newPool)).To(Succeed())
		}
		traffic(2000)

		Expect(em.close()).To(Succeed(), "the agent accepted every envelope over the stream it opened before the rotation")
		Eventually(con.count).Should(Equal(len(sent)), "the consumer's stream, opened before the rotation, delivers everything")
		Expect(con.duplicates()).To(BeEmpty())
		Expect(sorted(con.keys())).To(Equal(sorted(sent)))
	})
})

func timeNowPlus(ms int) time.Time { return time.Now().Add(time.Duration(ms) * time.Millisecond) }

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
