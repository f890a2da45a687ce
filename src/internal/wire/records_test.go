package wire_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/certgen"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// countingConn counts the calls that reach a real TCP connection.
type countingConn struct {
	net.Conn
	writes, reads atomic.Int64
}

func (c *countingConn) Write(p []byte) (int, error) {
	c.writes.Add(1)
	return c.Conn.Write(p)
}

func (c *countingConn) Read(p []byte) (int, error) {
	c.reads.Add(1)
	return c.Conn.Read(p)
}

// tlsPair is a client and a server connection, handshaken by creds over
// loopback TCP, and the counted sockets under them.
type tlsPair struct {
	client, server         net.Conn
	rawClient, rawServer   *countingConn
	clientInfo, serverInfo credentials.AuthInfo
}

func handshake(newCreds func(*tls.Config) credentials.TransportCredentials) tlsPair {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "metron")
	Expect(err).NotTo(HaveOccurred())
	serverTLS, err := mtls.Server(files["doppler"], nil)
	Expect(err).NotTo(HaveOccurred())
	clientTLS, err := mtls.Client(files["metron"], "doppler", nil)
	Expect(err).NotTo(HaveOccurred())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	defer ln.Close()
	var p tlsPair
	done := make(chan error, 1)
	go func() {
		raw, err := ln.Accept()
		if err != nil {
			done <- err
			return
		}
		p.rawServer = &countingConn{Conn: raw}
		p.server, p.serverInfo, err = newCreds(serverTLS).ServerHandshake(p.rawServer)
		done <- err
	}()
	raw, err := net.Dial("tcp", ln.Addr().String())
	Expect(err).NotTo(HaveOccurred())
	p.rawClient = &countingConn{Conn: raw}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p.client, p.clientInfo, err = newCreds(clientTLS).ClientHandshake(ctx, "doppler", p.rawClient)
	Expect(err).NotTo(HaveOccurred())
	Expect(<-done).To(Succeed())
	DeferCleanup(func() {
		p.client.Close()
		p.server.Close()
	})
	return p
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

var _ = Describe("Credentials", func() {
	It("writes the records of one write in one syscall and reads them in few", func() {
		p := handshake(wire.Credentials)
		Expect(p.serverInfo.(credentials.TLSInfo).State.PeerCertificates[0].Subject.CommonName).To(Equal("metron"))
		Expect(p.clientInfo.(credentials.TLSInfo).State.PeerCertificates[0].Subject.CommonName).To(Equal("doppler"))

		msg := randomBytes(200 << 10) // 13 TLS records
		writesBefore := p.rawClient.writes.Load()
		readsBefore := p.rawServer.reads.Load()
		go func() {
			defer GinkgoRecover()
			n, err := p.client.Write(msg)
			Expect(err).NotTo(HaveOccurred())
			Expect(n).To(Equal(len(msg)))
		}()
		got := make([]byte, len(msg))
		_, err := io.ReadFull(p.server, got)
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(Equal(msg))

		Expect(p.rawClient.writes.Load() - writesBefore).To(BeEquivalentTo(1))
		Expect(p.rawServer.reads.Load()-readsBefore).To(BeNumerically("<", 13), "fewer reads than records")
	})

	It("writes each record on its own with plain TLS credentials (what it replaces)", func() {
		p := handshake(credentials.NewTLS)
		msg := randomBytes(200 << 10)
		writesBefore := p.rawClient.writes.Load()
		go func() { _, _ = p.client.Write(msg) }()
		_, err := io.ReadFull(p.server, make([]byte, len(msg)))
		Expect(err).NotTo(HaveOccurred())
		Expect(p.rawClient.writes.Load() - writesBefore).To(BeNumerically(">=", 13))
	})

	It("keeps both directions intact while both ends write at once", func() {
		p := handshake(wire.Credentials)
		const rounds = 50
		send := func(conn net.Conn, seed byte) []byte {
			var all bytes.Buffer
			for i := range rounds {
				msg := bytes.Repeat([]byte{seed + byte(i)}, 1000+i*997)
				all.Write(msg)
				_, err := conn.Write(msg)
				Expect(err).NotTo(HaveOccurred())
			}
			return all.Bytes()
		}
		var wg sync.WaitGroup
		var toServer, toClient []byte
		wg.Go(func() {
			defer GinkgoRecover()
			toServer = send(p.client, 'a')
		})
		wg.Go(func() {
			defer GinkgoRecover()
			toClient = send(p.server, 'A')
		})
		var atServer, atClient []byte
		var rg sync.WaitGroup
		n := 0
		for i := range rounds {
			n += 1000 + i*997
		}
		rg.Go(func() {
			defer GinkgoRecover()
			atServer = make([]byte, n)
			_, err := io.ReadFull(p.server, atServer)
			Expect(err).NotTo(HaveOccurred())
		})
		rg.Go(func() {
			defer GinkgoRecover()
			atClient = make([]byte, n)
			_, err := io.ReadFull(p.client, atClient)
			Expect(err).NotTo(HaveOccurred())
		})
		wg.Wait()
		rg.Wait()
		Expect(atServer).To(Equal(toServer))
		Expect(atClient).To(Equal(toClient))
	})

	It("returns the socket's error from a write, and reads end when the peer closes", func() {
		p := handshake(wire.Credentials)
		Expect(p.server.Close()).To(Succeed())
		_, err := p.client.Read(make([]byte, 10))
		Expect(err).To(MatchError(io.EOF))

		Expect(p.rawClient.Conn.Close()).To(Succeed())
		_, err = p.client.Write(randomBytes(64 << 10))
		Expect(err).To(HaveOccurred())
	})
})
