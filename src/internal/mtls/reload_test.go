package mtls_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/leakcheck"
	"loggregator/internal/mtls"
)

var _ = leakcheck.EverySpec()

// serveEcho serves cfg on 127.0.0.1 and echoes what every connection sends
// until the client closes it. The listener closes and its goroutines end
// at the spec's cleanup.
func serveEcho(cfg *tls.Config) string {
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	Expect(err).NotTo(HaveOccurred())
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer conn.Close()
				_, _ = io.Copy(conn, conn)
			})
		}
	})
	DeferCleanup(func() {
		Expect(ln.Close()).To(Succeed())
		wg.Wait()
	})
	return ln.Addr().String()
}

// roundTrip sends a few bytes on conn and reads them back, which fails
// when either side refused the handshake.
func roundTrip(conn *tls.Conn) error {
	if err := conn.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return err
	}
	if _, err := conn.Write([]byte("ping")); err != nil {
		return err
	}
	_, err := io.ReadFull(conn, make([]byte, 4))
	return err
}

// openConn dials addr and completes a round trip; the connection stays
// open until the spec's cleanup.
func openConn(addr string, cfg *tls.Config) (*tls.Conn, error) {
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	if err := roundTrip(conn); err != nil {
		_ = conn.Close()
		return nil, err
	}
	DeferCleanup(func() { _ = conn.Close() })
	return conn, nil
}

// serverSerial dials addr, completes a round trip, closes the connection
// and returns the serial number of the certificate the server presented.
func serverSerial(addr string, cfg *tls.Config) (*big.Int, error) {
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := roundTrip(conn); err != nil {
		return nil, err
	}
	return conn.ConnectionState().PeerCertificates[0].SerialNumber, nil
}

// replace writes data to path the way deployment tools do, through a new
// file renamed over the old one.
func replace(path string, data []byte) {
	tmp := path + ".new"
	Expect(os.WriteFile(tmp, data, 0o600)).To(Succeed())
	Expect(os.Rename(tmp, path)).To(Succeed())
}

// serialOf is the serial number of the certificate in certPEM.
func serialOf(certPEM []byte) *big.Int {
	block, _ := pem.Decode(certPEM)
	Expect(block).NotTo(BeNil())
	c, err := x509.ParseCertificate(block.Bytes)
	Expect(err).NotTo(HaveOccurred())
	return c.SerialNumber
}

var _ = Describe("Reloading", func() {
	var (
		dir    string
		oldCA  *certgen.CA
		newCA  *certgen.CA
		server mtls.Files // doppler, signed by oldCA
		client mtls.Files // metron, signed by oldCA
	)

	BeforeEach(func() {
		DeferCleanup(mtls.SetCheckInterval(10 * time.Millisecond))

		dir = GinkgoT().TempDir()
		var err error
		oldCA, err = certgen.NewCA("oldCA")
		Expect(err).NotTo(HaveOccurred())
		newCA, err = certgen.NewCA("newCA")
		Expect(err).NotTo(HaveOccurred())
		files, err := oldCA.WriteFiles(filepath.Join(dir, "server"), "doppler")
		Expect(err).NotTo(HaveOccurred())
		server = files["doppler"]
		files, err = oldCA.WriteFiles(filepath.Join(dir, "client"), "metron")
		Expect(err).NotTo(HaveOccurred())
		client = files["metron"]
	})

	// clientOf is a client presenting a certificate signed by signer and
	// trusting both CAs, so that only the server can refuse it.
	clientOf := func(signer *certgen.CA, name string) *tls.Config {
		pair, err := signer.Leaf("metron", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		f := mtls.Files{
			CA:   writeFile(dir, name+"-ca.crt", append(append([]byte{}, oldCA.CertPEM...), newCA.CertPEM...)),
			Cert: writeFile(dir, name+".crt", pair.CertPEM),
			Key:  writeFile(dir, name+".key", pair.KeyPEM),
		}
		cfg, err := mtls.Client(f, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		return cfg
	}

	// startServer serves the server's files through a Reloader.
	startServer := func() (*mtls.Reloader, string) {
		r, err := mtls.NewReloader(server)
		Expect(err).NotTo(HaveOccurred())
		cfg, err := r.Server(nil)
		Expect(err).NotTo(HaveOccurred())
		return r, serveEcho(cfg)
	}

	It("moves a server to a new CA: new clients of it are accepted, old ones refused, open connections keep going", func() {
		r, addr := startServer()
		oldClient, newClient := clientOf(oldCA, "old"), clientOf(newCA, "new")

		open, err := openConn(addr, oldClient)
		Expect(err).NotTo(HaveOccurred())
		_, err = openConn(addr, newClient)
		Expect(err).To(MatchError(ContainSubstring("certificate")))

		pair, err := newCA.Leaf("doppler", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		replace(server.Key, pair.KeyPEM)
		replace(server.Cert, pair.CertPEM)
		replace(server.CA, newCA.CertPEM)

		Eventually(func() error { _, err := openConn(addr, newClient); return err }).Should(Succeed())
		Eventually(r.Reloads).Should(BeNumerically(">=", 1))
		Expect(serverSerial(addr, newClient)).To(Equal(serialOf(pair.CertPEM)))
		_, err = openConn(addr, oldClient)
		Expect(err).To(MatchError(ContainSubstring("certificate")))
		Expect(roundTrip(open)).To(Succeed())
		Expect(open.ConnectionState().PeerCertificates[0].Issuer.CommonName).To(Equal("oldCA"))
	})

	It("makes a client present its rotated certificate", func() {
		serverCfg, err := mtls.Server(server, nil)
		Expect(err).NotTo(HaveOccurred())
		var presented atomic.Pointer[big.Int]
		serverCfg.VerifyConnection = func(cs tls.ConnectionState) error {
			presented.Store(cs.PeerCertificates[0].SerialNumber)
			return nil
		}
		addr := serveEcho(serverCfg)
		clientCfg, err := mtls.Client(client, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())

		_, err = openConn(addr, clientCfg)
		Expect(err).NotTo(HaveOccurred())
		Expect(presented.Load()).To(Equal(serialOf(mustRead(client.Cert))))

		pair, err := oldCA.Leaf("metron", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		replace(client.Key, pair.KeyPEM)
		replace(client.Cert, pair.CertPEM)
		Eventually(func() *big.Int {
			_, err := openConn(addr, clientCfg)
			Expect(err).NotTo(HaveOccurred())
			return presented.Load()
		}).Should(Equal(serialOf(pair.CertPEM)))
	})

	It("keeps the old identity while the key does not match the new certificate, then takes the pair", func() {
		r, addr := startServer()
		clientCfg, err := mtls.Client(client, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		oldSerial := serialOf(mustRead(server.Cert))

		pair, err := oldCA.Leaf("doppler", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		replace(server.Cert, pair.CertPEM)
		Eventually(func() uint64 {
			Expect(serverSerial(addr, clientCfg)).To(Equal(oldSerial))
			return r.Failures()
		}).Should(BeNumerically(">=", 1))
		Expect(r.Err()).To(MatchError(ContainSubstring(server.Key)))
		Expect(r.Reloads()).To(BeZero())
		Expect(serverSerial(addr, clientCfg)).To(Equal(oldSerial))

		replace(server.Key, pair.KeyPEM)
		Eventually(func() (*big.Int, error) { return serverSerial(addr, clientCfg) }).Should(Equal(serialOf(pair.CertPEM)))
		Expect(r.Err()).NotTo(HaveOccurred())
		Expect(r.Reloads()).To(BeEquivalentTo(1))
	})

	It("keeps the old CA pool while the new CA file is corrupt", func() {
		r, addr := startServer()
		clientCfg, err := mtls.Client(client, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())

		replace(server.CA, newCA.CertPEM[:len(newCA.CertPEM)/2])
		Eventually(func() uint64 {
			_, err := openConn(addr, clientCfg)
			Expect(err).NotTo(HaveOccurred())
			return r.Failures()
		}).Should(BeNumerically(">=", 1))
		Expect(r.Err()).To(MatchError(ContainSubstring(server.CA)))
		Expect(r.Reloads()).To(BeZero())
		_, err = openConn(addr, clientCfg)
		Expect(err).NotTo(HaveOccurred())
	})

	It("still refuses a server another CA signed, and one with another name", func() {
		other, err := certgen.NewCA("otherCA")
		Expect(err).NotTo(HaveOccurred())
		otherFiles, err := other.WriteFiles(filepath.Join(dir, "other"), "doppler")
		Expect(err).NotTo(HaveOccurred())
		// The server trusts the client's CA; only the client can refuse.
		unknown, err := mtls.Server(mtls.Files{CA: client.CA, Cert: otherFiles["doppler"].Cert, Key: otherFiles["doppler"].Key}, nil)
		Expect(err).NotTo(HaveOccurred())
		known, err := mtls.Server(server, nil)
		Expect(err).NotTo(HaveOccurred())
		unknownAddr, knownAddr := serveEcho(unknown), serveEcho(known)

		clientCfg, err := mtls.Client(client, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		_, err = openConn(unknownAddr, clientCfg)
		Expect(err).To(MatchError(ContainSubstring("unknown authority")))

		wrongName, err := mtls.Client(client, "reverselogproxy", nil)
		Expect(err).NotTo(HaveOccurred())
		_, err = openConn(knownAddr, wrongName)
		Expect(err).To(MatchError(ContainSubstring("not reverselogproxy")))

		_, err = openConn(knownAddr, clientCfg)
		Expect(err).NotTo(HaveOccurred())
	})

	It("serves HTTPS-style without client certificates and rotates that certificate too", func() {
		cfg, err := mtls.ServerNoClientAuth(mtls.Identity{Cert: server.Cert, Key: server.Key}, nil)
		Expect(err).NotTo(HaveOccurred())
		addr := serveEcho(cfg)
		clientCfg, err := mtls.ClientNoCert(client.CA, "127.0.0.1", nil)
		Expect(err).NotTo(HaveOccurred())
		Expect(serverSerial(addr, clientCfg)).To(Equal(serialOf(mustRead(server.Cert))))

		pair, err := oldCA.Leaf("doppler", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		replace(server.Key, pair.KeyPEM)
		replace(server.Cert, pair.CertPEM)
		Eventually(func() (*big.Int, error) { return serverSerial(addr, clientCfg) }).Should(Equal(serialOf(pair.CertPEM)))

		wrongName, err := mtls.ClientNoCert(client.CA, "10.0.0.1", nil)
		Expect(err).NotTo(HaveOccurred())
		_, err = serverSerial(addr, wrongName)
		Expect(err).To(MatchError(ContainSubstring("10.0.0.1")))
	})

	It("needs the parts each config uses", func() {
		r, err := mtls.NewReloader(mtls.Files{CA: client.CA})
		Expect(err).NotTo(HaveOccurred())
		_, err = r.Server(nil)
		Expect(err).To(MatchError(ContainSubstring("required")))
		_, err = r.Client("doppler", nil)
		Expect(err).To(MatchError(ContainSubstring("required")))
		_, err = r.ClientNoCert("doppler", nil)
		Expect(err).NotTo(HaveOccurred())

		_, err = mtls.ServerNoClientAuth(mtls.Identity{Cert: server.Cert}, nil)
		Expect(err).To(HaveOccurred())
		_, err = mtls.ClientNoCert(client.CA, "", nil)
		Expect(err).To(MatchError(ContainSubstring("server name is required")))
	})
})
