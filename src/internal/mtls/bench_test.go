package mtls_test

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"os"
	"testing"
	"time"

	"loggregator/internal/certgen"
	"loggregator/internal/mtls"
)

// BenchmarkHandshake runs full mutual TLS handshakes over loopback TCP:
// "static" with configs holding the certificate and pools
// directly, as this package built them before reloading; "reloading" with
// Server and Client as they are; "check-every-handshake" with the files
// stat'ed on every handshake, the worst case of the reload check.
func BenchmarkHandshake(b *testing.B) {
	dir := b.TempDir()
	ca, err := certgen.NewCA("loggregatorCA")
	if err != nil {
		b.Fatal(err)
	}
	files, err := ca.WriteFiles(dir, "doppler", "metron")
	if err != nil {
		b.Fatal(err)
	}
	server, client := files["doppler"], files["metron"]

	b.Run("static", func(b *testing.B) {
		benchHandshakes(b, staticServer(b, server), staticClient(b, client))
	})
	b.Run("reloading", func(b *testing.B) {
		serverCfg, clientCfg := reloadingConfigs(b, server, client)
		benchHandshakes(b, serverCfg, clientCfg)
	})
	b.Run("check-every-handshake", func(b *testing.B) {
		defer mtls.SetCheckInterval(0)()
		serverCfg, clientCfg := reloadingConfigs(b, server, client)
		benchHandshakes(b, serverCfg, clientCfg)
	})
}

func benchHandshakes(b *testing.B, serverCfg, clientCfg *tls.Config) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	served := make(chan error)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				close(served)
				return
			}
			served <- serveOne(tls.Server(conn, serverCfg))
		}
	}()
	defer func() {
		ln.Close()
		for range served {
		}
	}()

	b.ReportAllocs()
	for b.Loop() {
		err := dialOne(ln.Addr().String(), clientCfg)
		if srvErr := <-served; err == nil {
			err = srvErr
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// serveOne completes the server's half of one handshake and writes a byte,
// which the client reads: so both sides have verified each other (under
// TLS 1.3 the client finishes first) and the session tickets are read.
func serveOne(conn *tls.Conn) error {
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return err
	}
	if err := conn.Handshake(); err != nil {
		return err
	}
	_, err := conn.Write([]byte{1})
	return err
}

func dialOne(addr string, cfg *tls.Config) error {
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return err
	}
	_, err = conn.Read(make([]byte, 1))
	return err
}

func reloadingConfigs(b *testing.B, server, client mtls.Files) (*tls.Config, *tls.Config) {
	serverCfg, err := mtls.Server(server, nil)
	if err != nil {
		b.Fatal(err)
	}
	clientCfg, err := mtls.Client(client, "doppler", nil)
	if err != nil {
		b.Fatal(err)
	}
	return serverCfg, clientCfg
}

func staticServer(b *testing.B, f mtls.Files) *tls.Config {
	cert, pool := staticFiles(b, f)
	return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert},
		ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
}

func staticClient(b *testing.B, f mtls.Files) *tls.Config {
	cert, pool := staticFiles(b, f)
	return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert},
		RootCAs: pool, ServerName: "doppler"}
}

func staticFiles(b *testing.B, f mtls.Files) (tls.Certificate, *x509.CertPool) {
	cert, err := tls.LoadX509KeyPair(f.Cert, f.Key)
	if err != nil {
		b.Fatal(err)
	}
	caPEM, err := os.ReadFile(f.CA)
	if err != nil {
		b.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		b.Fatal("no CA certificate")
	}
	return cert, pool
}

// BenchmarkReloadCheck is what the reload check adds to a handshake: one
// GetCertificate call, with the files looked at once a second (as
// deployed) or every call.
func BenchmarkReloadCheck(b *testing.B) {
	ca, err := certgen.NewCA("loggregatorCA")
	if err != nil {
		b.Fatal(err)
	}
	files, err := ca.WriteFiles(b.TempDir(), "doppler")
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B) {
		cfg, err := mtls.Server(files["doppler"], nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := cfg.GetCertificate(nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("every-second", run)
	b.Run("every-call", func(b *testing.B) {
		defer mtls.SetCheckInterval(0)()
		run(b)
	})
}
