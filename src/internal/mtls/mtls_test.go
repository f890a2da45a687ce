package mtls_test

import (
	"crypto/tls"
	"io"
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/mtls"
)

// handshake runs one TLS connection over 127.0.0.1 between a server with
// serverCfg and a client with clientCfg. The server sends a byte once its
// handshake succeeds and the client reads it, so a refusal by either side
// shows up in the client's error even under TLS 1.3, where the client
// finishes its half before the server has checked the client certificate.
func handshake(serverCfg, clientCfg *tls.Config) (clientErr, serverErr error) {
	ln, err := tls.Listen("tcp", "127.0.0.1:0", serverCfg)
	Expect(err).NotTo(HaveOccurred())
	defer ln.Close()

	served := make(chan error, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			served <- err
			return
		}
		defer conn.Close()
		if err := conn.(*tls.Conn).Handshake(); err != nil {
			served <- err
			return
		}
		_, err = conn.Write([]byte{1})
		served <- err
	}()

	clientErr = func() error {
		conn, err := tls.Dial("tcp", ln.Addr().String(), clientCfg)
		if err != nil {
			return err
		}
		defer conn.Close()
		Expect(conn.SetDeadline(time.Now().Add(5 * time.Second))).To(Succeed())
		_, err = io.ReadFull(conn, make([]byte, 1))
		return err
	}()
	return clientErr, <-served
}

func writeFile(dir, name string, data []byte) string {
	path := filepath.Join(dir, name)
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	return path
}

var _ = Describe("Server and Client", func() {
	var (
		dir     string
		ca      *certgen.CA
		doppler mtls.Files
		metron  mtls.Files
	)

	BeforeEach(func() {
		dir = GinkgoT().TempDir()
		var err error
		ca, err = certgen.NewCA("loggregatorCA")
		Expect(err).NotTo(HaveOccurred())
		files, err := ca.WriteFiles(dir, "doppler", "metron")
		Expect(err).NotTo(HaveOccurred())
		doppler = files["doppler"]
		metron = files["metron"]
	})

	It("complete a mutual handshake when the client names the server's certificate", func() {
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(metron, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())

		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(clientErr).NotTo(HaveOccurred())
		Expect(serverErr).NotTo(HaveOccurred())
	})

	It("use TLS 1.2 as the minimum version", func() {
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(metron, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		Expect(serverCfg.MinVersion).To(BeEquivalentTo(tls.VersionTLS12))
		Expect(clientCfg.MinVersion).To(BeEquivalentTo(tls.VersionTLS12))
	})

	It("fail when the client expects another server name", func() {
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(metron, "reverselogproxy", nil)
		Expect(err).NotTo(HaveOccurred())

		clientErr, _ := handshake(serverCfg, clientCfg)
		Expect(clientErr).To(MatchError(ContainSubstring("reverselogproxy")))
	})

	It("refuse a client whose certificate another CA signed", func() {
		other, err := certgen.NewCA("otherCA")
		Expect(err).NotTo(HaveOccurred())
		otherFiles, err := other.WriteFiles(filepath.Join(dir, "other"), "metron")
		Expect(err).NotTo(HaveOccurred())
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(mtls.Files{CA: doppler.CA, Cert: otherFiles["metron"].Cert, Key: otherFiles["metron"].Key}, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())

		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(serverErr).To(MatchError(ContainSubstring("certificate signed by unknown authority")))
		Expect(clientErr).To(MatchError(ContainSubstring("unknown certificate authority")), "the alert says why")
	})

	It("tell a client with an expired certificate that it expired", func() {
		pair, err := ca.Leaf("metron", certgen.LeafOptions{
			NotBefore: time.Now().Add(-48 * time.Hour),
			NotAfter:  time.Now().Add(-24 * time.Hour),
		})
		Expect(err).NotTo(HaveOccurred())
		expired, err := tls.X509KeyPair(pair.CertPEM, pair.KeyPEM)
		Expect(err).NotTo(HaveOccurred())
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(metron, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return &expired, nil }

		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(serverErr).To(MatchError(ContainSubstring("expired")))
		Expect(clientErr).To(MatchError(ContainSubstring("expired certificate")), "the alert says why")
	})

	It("refuse a client without a certificate", func() {
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(metron, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg.GetClientCertificate = nil

		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(serverErr).To(MatchError(ContainSubstring("certificate")))
		Expect(clientErr).To(HaveOccurred())
	})

	It("refuse a client that offers at most TLS 1.1", func() {
		serverCfg, err := mtls.Server(doppler, nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(metron, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		clientCfg.MinVersion = tls.VersionTLS10
		clientCfg.MaxVersion = tls.VersionTLS11

		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(serverErr).To(MatchError(ContainSubstring("version")))
		Expect(clientErr).To(HaveOccurred())
	})

	It("negotiate a configured cipher suite", func() {
		suite := "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
		serverCfg, err := mtls.Server(doppler, []string{suite})
		Expect(err).NotTo(HaveOccurred())
		serverCfg.MaxVersion = tls.VersionTLS12 // TLS 1.3 suites are not configurable
		clientCfg, err := mtls.Client(metron, "doppler", []string{suite})
		Expect(err).NotTo(HaveOccurred())

		var negotiated uint16
		serverCfg.VerifyConnection = func(cs tls.ConnectionState) error {
			negotiated = cs.CipherSuite
			return nil
		}
		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(clientErr).NotTo(HaveOccurred())
		Expect(serverErr).NotTo(HaveOccurred())
		Expect(negotiated).To(Equal(tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384))
	})

	It("refuse a server certificate whose key no configured suite can use, naming both", func() {
		_, err := mtls.Server(doppler, []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"})
		Expect(err).To(MatchError(And(
			ContainSubstring(doppler.Cert), ContainSubstring("ECDSA key"),
			ContainSubstring("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), ContainSubstring("TLS 1.2 clients could not connect"))))
		_, err = mtls.ServerNoClientAuth(mtls.Identity{Cert: doppler.Cert, Key: doppler.Key}, []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
		Expect(err).To(MatchError(ContainSubstring("ECDSA key")))
	})

	It("serve TLS 1.2 clients with the ECDHE_RSA suites the jobs configure when the certificate is RSA, as BOSH makes it", func() {
		ca, err := certgen.NewCA("rsaCA")
		Expect(err).NotTo(HaveOccurred())
		files := map[string]mtls.Files{}
		for _, name := range []string{"doppler", "metron"} {
			pair, err := ca.Leaf(name, certgen.LeafOptions{RSA: true})
			Expect(err).NotTo(HaveOccurred())
			f := mtls.Files{CA: filepath.Join(dir, "rsa-ca.crt"), Cert: filepath.Join(dir, "rsa-"+name+".crt"), Key: filepath.Join(dir, "rsa-"+name+".key")}
			Expect(os.WriteFile(f.CA, ca.CertPEM, 0o600)).To(Succeed())
			Expect(os.WriteFile(f.Cert, pair.CertPEM, 0o600)).To(Succeed())
			Expect(os.WriteFile(f.Key, pair.KeyPEM, 0o600)).To(Succeed())
			files[name] = f
		}
		suites := []string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"}
		serverCfg, err := mtls.Server(files["doppler"], suites)
		Expect(err).NotTo(HaveOccurred())
		clientCfg, err := mtls.Client(files["metron"], "doppler", suites)
		Expect(err).NotTo(HaveOccurred())
		clientCfg.MaxVersion = tls.VersionTLS12
		clientErr, serverErr := handshake(serverCfg, clientCfg)
		Expect(clientErr).NotTo(HaveOccurred())
		Expect(serverErr).NotTo(HaveOccurred())
	})

	It("require a server name on the client", func() {
		_, err := mtls.Client(metron, "", nil)
		Expect(err).To(MatchError(ContainSubstring("server name is required")))
	})

	It("name a missing file", func() {
		missing := filepath.Join(dir, "missing.pem")
		for _, f := range []mtls.Files{
			{CA: missing, Cert: doppler.Cert, Key: doppler.Key},
			{CA: doppler.CA, Cert: missing, Key: doppler.Key},
			{CA: doppler.CA, Cert: doppler.Cert, Key: missing},
		} {
			_, err := mtls.Server(f, nil)
			Expect(err).To(MatchError(ContainSubstring(missing)), "%+v", f)
			_, err = mtls.Client(f, "doppler", nil)
			Expect(err).To(MatchError(ContainSubstring(missing)), "%+v", f)
		}
	})

	It("name a file that cannot be read", func() {
		unreadable := filepath.Join(dir, "a-directory.pem")
		Expect(os.Mkdir(unreadable, 0o700)).To(Succeed())
		_, err := mtls.Server(mtls.Files{CA: doppler.CA, Cert: unreadable, Key: doppler.Key}, nil)
		Expect(err).To(MatchError(ContainSubstring(unreadable)))
	})

	It("name an expired certificate", func() {
		pair, err := ca.Leaf("doppler", certgen.LeafOptions{
			NotBefore: time.Now().Add(-48 * time.Hour),
			NotAfter:  time.Now().Add(-24 * time.Hour),
		})
		Expect(err).NotTo(HaveOccurred())
		cert := writeFile(dir, "expired.crt", pair.CertPEM)
		key := writeFile(dir, "expired.key", pair.KeyPEM)

		_, err = mtls.Server(mtls.Files{CA: doppler.CA, Cert: cert, Key: key}, nil)
		Expect(err).To(MatchError(ContainSubstring(cert)))
		Expect(err).To(MatchError(ContainSubstring("expired")))
	})

	It("name a certificate that is not valid yet", func() {
		pair, err := ca.Leaf("doppler", certgen.LeafOptions{
			NotBefore: time.Now().Add(24 * time.Hour),
			NotAfter:  time.Now().Add(48 * time.Hour),
		})
		Expect(err).NotTo(HaveOccurred())
		cert := writeFile(dir, "future.crt", pair.CertPEM)
		key := writeFile(dir, "future.key", pair.KeyPEM)

		_, err = mtls.Client(mtls.Files{CA: doppler.CA, Cert: cert, Key: key}, "doppler", nil)
		Expect(err).To(MatchError(ContainSubstring(cert)))
		Expect(err).To(MatchError(ContainSubstring("not valid before")))
	})

	It("name both files when the key does not match the certificate", func() {
		_, err := mtls.Server(mtls.Files{CA: doppler.CA, Cert: doppler.Cert, Key: metron.Key}, nil)
		Expect(err).To(MatchError(ContainSubstring(doppler.Cert)))
		Expect(err).To(MatchError(ContainSubstring(metron.Key)))
	})

	It("name a CA file that holds no PEM certificate", func() {
		notPEM := writeFile(dir, "ca.txt", []byte("not a certificate\n"))
		_, err := mtls.Server(mtls.Files{CA: notPEM, Cert: doppler.Cert, Key: doppler.Key}, nil)
		Expect(err).To(MatchError(ContainSubstring(notPEM)))
		Expect(err).To(MatchError(ContainSubstring("no PEM certificate")))
	})

	It("name a CA file that holds only a key", func() {
		keyOnly := writeFile(dir, "ca-key.pem", mustRead(doppler.Key))
		_, err := mtls.Client(mtls.Files{CA: keyOnly, Cert: doppler.Cert, Key: doppler.Key}, "doppler", nil)
		Expect(err).To(MatchError(ContainSubstring(keyOnly)))
	})

	It("reject unknown cipher suite names", func() {
		_, err := mtls.Server(doppler, []string{"TLS_NO_SUCH_SUITE"})
		Expect(err).To(MatchError(ContainSubstring(`"TLS_NO_SUCH_SUITE"`)))
	})
})

func mustRead(path string) []byte {
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	return data
}

var _ = Describe("CipherSuites", func() {
	It("maps IANA names to Go's IDs", func() {
		ids, err := mtls.CipherSuites([]string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", " TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 "})
		Expect(err).NotTo(HaveOccurred())
		Expect(ids).To(Equal([]uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384}))
	})

	It("means Go's defaults when empty", func() {
		ids, err := mtls.CipherSuites(nil)
		Expect(err).NotTo(HaveOccurred())
		Expect(ids).To(BeNil())
	})

	It("rejects an unknown name", func() {
		_, err := mtls.CipherSuites([]string{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"})
		Expect(err).To(MatchError(ContainSubstring(`"ECDHE-RSA-AES128-GCM-SHA256"`)))
	})

	It("rejects an insecure suite", func() {
		_, err := mtls.CipherSuites([]string{"TLS_RSA_WITH_RC4_128_SHA"})
		Expect(err).To(MatchError(ContainSubstring("insecure")))
	})
})

var _ = Describe("SplitCipherSuites", func() {
	It("splits the colon-separated BOSH form", func() {
		Expect(mtls.SplitCipherSuites("A:B")).To(Equal([]string{"A", "B"}))
	})

	It("skips blanks and empty entries", func() {
		Expect(mtls.SplitCipherSuites(" A : :B: ")).To(Equal([]string{"A", "B"}))
		Expect(mtls.SplitCipherSuites("")).To(BeEmpty())
	})
})

var _ = Describe("Files", func() {
	It("names the missing field under the given prefix", func() {
		Expect(mtls.Files{Cert: "c", Key: "k"}.Validate("router.tls")).To(MatchError("router.tls.ca_file: required"))
		Expect(mtls.Files{CA: "a", Key: "k"}.Validate("router.tls")).To(MatchError("router.tls.cert_file: required"))
		Expect(mtls.Files{CA: "a", Cert: "c"}.Validate("router.tls")).To(MatchError("router.tls.key_file: required"))
		Expect(mtls.Files{CA: "a", Cert: "c", Key: "k"}.Validate("router.tls")).To(Succeed())
	})
})

var _ = Describe("ServerConfig", func() {
	files := mtls.Files{CA: "a", Cert: "c", Key: "k"}

	It("names the first bad field under the given prefix", func() {
		Expect(mtls.ServerConfig{Addr: "nope", TLS: files}.Validate("ingress")).To(MatchError(HavePrefix("ingress.addr: ")))
		Expect(mtls.ServerConfig{Addr: ":1", TLS: mtls.Files{CA: "a"}}.Validate("ingress")).To(MatchError("ingress.tls.cert_file: required"))
		Expect(mtls.ServerConfig{Addr: ":1", TLS: files, CipherSuites: []string{"X"}}.Validate("ingress")).To(MatchError(HavePrefix("ingress.cipher_suites: ")))
		Expect(mtls.ServerConfig{Addr: ":1", TLS: files}.Validate("ingress")).To(Succeed())
	})

	It("names top-level fields without a prefix", func() {
		Expect(mtls.ServerConfig{Addr: "nope", TLS: files}.Validate("")).To(MatchError(HavePrefix("addr: ")))
		Expect(mtls.ServerConfig{Addr: ":1"}.Validate("")).To(MatchError("tls.ca_file: required"))
		Expect(mtls.ServerConfig{Addr: ":1", TLS: files, CipherSuites: []string{"X"}}.Validate("")).To(MatchError(HavePrefix("cipher_suites: ")))
	})
})
