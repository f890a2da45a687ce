package syslog_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	gosyslog "github.com/influxdata/go-syslog/v3"
	"github.com/influxdata/go-syslog/v3/octetcounting"
	"github.com/influxdata/go-syslog/v3/rfc5424"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/syslog"
)

// receiver is a syslog server over TCP or TLS that parses what arrives
// with go-syslog's octet-counting parser.
type receiver struct {
	ln    net.Listener
	mu    sync.Mutex
	msgs  []*rfc5424.SyslogMessage
	errs  []error
	conns sync.WaitGroup
	open  []net.Conn
	read  bool
}

func newReceiver(tlsConf *tls.Config, read bool) *receiver {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	if tlsConf != nil {
		ln = tls.NewListener(ln, tlsConf)
	}
	r := &receiver{ln: ln, read: read}
	r.conns.Add(1)
	go r.accept()
	DeferCleanup(r.stop)
	return r
}

func (r *receiver) accept() {
	defer r.conns.Done()
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		r.mu.Lock()
		r.open = append(r.open, c)
		r.mu.Unlock()
		if !r.read {
			continue // a black hole: accepts and never reads
		}
		r.conns.Add(1)
		go func() {
			defer r.conns.Done()
			p := octetcounting.NewParser(gosyslog.WithListener(func(res *gosyslog.Result) {
				r.mu.Lock()
				defer r.mu.Unlock()
				if res.Error != nil && res.Error.Error() == "found EOF, expecting a MSGLEN" {
					return // the peer closed between messages, or before its first
				}
				if res.Error != nil {
					r.errs = append(r.errs, res.Error)
					return
				}
				r.msgs = append(r.msgs, res.Message.(*rfc5424.SyslogMessage))
			}))
			p.Parse(c)
		}()
	}
}

func (r *receiver) stop() {
	_ = r.ln.Close()
	r.mu.Lock()
	for _, c := range r.open {
		_ = c.Close()
	}
	r.mu.Unlock()
	r.conns.Wait()
}

func (r *receiver) messages() []*rfc5424.SyslogMessage {
	r.mu.Lock()
	defer r.mu.Unlock()
	Expect(r.errs).To(BeEmpty())
	return append([]*rfc5424.SyslogMessage(nil), r.msgs...)
}

func (r *receiver) texts() []string {
	var out []string
	for _, m := range r.messages() {
		out = append(out, *m.Message)
	}
	return out
}

func (r *receiver) addr() string { return r.ln.Addr().String() }

func entries(texts ...string) []syslog.Entry {
	out := make([]syslog.Entry, len(texts))
	for i, t := range texts {
		out[i] = syslog.Entry{Envelope: encode(logEnvelope(t, loggregator_v2.Log_OUT, map[string]string{"source_type": "APP/PROC/WEB"})), Hostname: "org.space.app"}
	}
	return out
}

func quickConfig() syslog.Config {
	c := syslog.DefaultConfig()
	c.DialTimeout, c.WriteTimeout = time.Second, 500*time.Millisecond
	c.MinBackoff, c.MaxBackoff = 10*time.Millisecond, 50*time.Millisecond
	return c
}

func newDrain(raw string, creds syslog.Credentials, cfg syslog.Config) *syslog.Drain {
	u, err := syslog.ParseURL(raw, true)
	Expect(err).NotTo(HaveOccurred())
	d, err := syslog.NewDrain(u, creds, cfg)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(d.Close)
	return d
}

type pki struct {
	ca           *certgen.CA
	server       tls.Certificate
	clientPEM    certgen.Pair
	pool         *x509.CertPool
	clientCAPool *x509.CertPool
}

func newPKI() pki {
	ca, err := certgen.NewCA("drainCA")
	Expect(err).NotTo(HaveOccurred())
	srv, err := ca.Leaf("127.0.0.1", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	cert, err := tls.X509KeyPair(srv.CertPEM, srv.KeyPEM)
	Expect(err).NotTo(HaveOccurred())
	client, err := ca.Leaf("app-binding", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	return pki{ca: ca, server: cert, clientPEM: client, pool: pool, clientCAPool: pool}
}

var _ = Describe("Drain", func() {
	It("writes octet-counted RFC 5424 messages over TCP", func() {
		r := newReceiver(nil, true)
		d := newDrain("syslog://"+r.addr(), syslog.Credentials{}, quickConfig())
		Expect(d.Write(context.Background(), entries("one", "two\n", "three"))).To(Succeed())
		Eventually(r.texts).Should(Equal([]string{"one\n", "two\n", "three\n"}))
		m := r.messages()[0]
		Expect([]any{*m.Priority, m.Version, *m.Hostname, *m.Appname, *m.ProcID, m.MsgID}).
			To(Equal([]any{uint8(14), uint16(1), "org.space.app", "app-guid", "[APP/PROC/WEB/3]", (*string)(nil)}))
		Expect(*m.StructuredData).To(Equal(map[string]map[string]string{"tags@47450": {"source_type": "APP/PROC/WEB"}}))
		Expect(m.Timestamp.UnixNano()).To(Equal(at / 1000 * 1000))
	})

	It("writes over mutual TLS with the binding's certificate and CA", func() {
		p := newPKI()
		r := newReceiver(&tls.Config{Certificates: []tls.Certificate{p.server}, ClientCAs: p.clientCAPool, ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: tls.VersionTLS12}, true)
		d := newDrain("syslog-tls://"+r.addr(), syslog.Credentials{Cert: string(p.clientPEM.CertPEM), Key: string(p.clientPEM.KeyPEM), CA: string(p.ca.CertPEM)}, quickConfig())
		Expect(d.Write(context.Background(), entries("secure"))).To(Succeed())
		Eventually(r.texts).Should(Equal([]string{"secure\n"}))
	})

	It("trusts the job's drain CA, or skips verification when told to", func() {
		p := newPKI()
		r := newReceiver(&tls.Config{Certificates: []tls.Certificate{p.server}, MinVersion: tls.VersionTLS12}, true)
		cfg := quickConfig()
		cfg.MaxAttempts = 1
		Expect(newDrain("syslog-tls://"+r.addr(), syslog.Credentials{}, cfg).Write(context.Background(), entries("x"))).NotTo(Succeed())
		cfg.RootCAs = p.pool
		Expect(newDrain("syslog-tls://"+r.addr(), syslog.Credentials{}, cfg).Write(context.Background(), entries("ca"))).To(Succeed())
		cfg.RootCAs, cfg.SkipVerify = nil, true
		Expect(newDrain("syslog-tls://"+r.addr(), syslog.Credentials{}, cfg).Write(context.Background(), entries("skip"))).To(Succeed())
		Eventually(r.texts).Should(ConsistOf("ca\n", "skip\n"))
	})

	It("refuses a binding whose certificate is not a key pair", func() {
		u, err := syslog.ParseURL("syslog-tls://h:1", true)
		Expect(err).NotTo(HaveOccurred())
		_, err = syslog.NewDrain(u, syslog.Credentials{Cert: "nope", Key: "nope"}, quickConfig())
		Expect(err).To(MatchError(ContainSubstring("syslog-tls://h:1")))
	})

	It("skips and reports an envelope with an invalid tag key instead of blocking", func() {
		r := newReceiver(nil, true)
		cfg := quickConfig()
		var mu sync.Mutex
		var invalid []error
		cfg.Invalid = func(err error) { mu.Lock(); invalid = append(invalid, err); mu.Unlock() }
		d := newDrain("syslog://"+r.addr(), syslog.Credentials{}, cfg)
		bad := syslog.Entry{Envelope: encode(logEnvelope("bad", 0, map[string]string{"a key": "v"}))}
		Expect(d.Write(context.Background(), append([]syslog.Entry{bad}, entries("good")...))).To(Succeed())
		Eventually(r.texts).Should(Equal([]string{"good\n"}))
		mu.Lock()
		defer mu.Unlock()
		Expect(invalid).To(HaveLen(1))
	})

	It("reconnects after the drain restarts and gives a batch up after MaxAttempts", func() {
		r := newReceiver(nil, true)
		addr := r.addr()
		cfg := quickConfig()
		var mu sync.Mutex
		failures := 0
		cfg.Failed = func(error) { mu.Lock(); failures++; mu.Unlock() }
		d := newDrain("syslog://"+addr, syslog.Credentials{}, cfg)
		Expect(d.Write(context.Background(), entries("before"))).To(Succeed())
		Eventually(r.texts).Should(Equal([]string{"before\n"}))
		r.stop()
		Eventually(func() error { return d.Write(context.Background(), entries("lost")) }).Should(HaveOccurred())
		mu.Lock()
		Expect(failures).To(BeNumerically(">=", cfg.MaxAttempts))
		mu.Unlock()

		ln, err := net.Listen("tcp", addr)
		Expect(err).NotTo(HaveOccurred())
		again := &receiver{ln: ln, read: true}
		again.conns.Add(1)
		go again.accept()
		DeferCleanup(again.stop)
		Expect(d.Write(context.Background(), entries("after"))).To(Succeed())
		Eventually(again.texts).Should(Equal([]string{"after\n"}))
	})

	It("fails a write to a drain that accepts and never reads, within the write timeout", func() {
		r := newReceiver(nil, false)
		cfg := quickConfig()
		cfg.MaxAttempts = 1
		d := newDrain("syslog://"+r.addr(), syslog.Credentials{}, cfg)
		big := make([]string, 2000)
		for i := range big {
			big[i] = strings.Repeat("x", 1000)
		}
		batch := entries(big...)
		Eventually(func() error { return d.Write(context.Background(), batch) }).Should(MatchError(ContainSubstring("timeout")))
	})

	It("stops retrying when its context ends", func() {
		cfg := quickConfig()
		cfg.MinBackoff, cfg.MaxBackoff, cfg.MaxAttempts = time.Hour, time.Hour, 5
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		addr := ln.Addr().String()
		Expect(ln.Close()).To(Succeed())
		d := newDrain("syslog://"+addr, syslog.Credentials{}, cfg)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		Expect(d.Write(ctx, entries("x"))).To(HaveOccurred())
	})

	Describe("over HTTPS", func() {
		type request struct {
			uri, contentType, user, password string
			ok                               bool
			body                             string
		}
		var (
			mu       sync.Mutex
			requests []request
			srv      *httptest.Server
			cfg      syslog.Config
		)
		got := func() []request { mu.Lock(); defer mu.Unlock(); return append([]request(nil), requests...) }
		BeforeEach(func() {
			mu.Lock()
			requests = nil
			mu.Unlock()
			srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				u, p, ok := r.BasicAuth()
				mu.Lock()
				requests = append(requests, request{r.RequestURI, r.Header.Get("Content-Type"), u, p, ok, string(b)})
				mu.Unlock()
			}))
			DeferCleanup(srv.Close)
			cfg = quickConfig()
			cfg.RootCAs = x509.NewCertPool()
			cfg.RootCAs.AddCert(srv.Certificate())
		})

		It("posts one message per request, with decoded basic auth and the URL's path and query", func() {
			d := newDrain("https://us%40er:p%3Ass@"+srv.Listener.Addr().String()+"/drain/x?drain-type=logs", syslog.Credentials{}, cfg)
			Expect(d.Write(context.Background(), entries("a", "b"))).To(Succeed())
			Expect(got()).To(HaveLen(2))
			for i, text := range []string{"a\n", "b\n"} {
				r := got()[i]
				Expect([]any{r.uri, r.contentType, r.user, r.password, r.ok}).To(Equal([]any{"/drain/x?drain-type=logs", "text/plain", "us@er", "p:ss", true}))
				m := parse(r.body)
				Expect(*m.Message).To(Equal(text))
			}
		})

		It("posts a batch as one body of concatenated messages, split at 512 KiB", func() {
			d := newDrain("https-batch://"+srv.Listener.Addr().String()+"/b", syslog.Credentials{}, cfg)
			Expect(d.Write(context.Background(), entries("a", "b", "c"))).To(Succeed())
			Expect(got()).To(HaveLen(1))
			Expect(got()[0].ok).To(BeFalse())
			Expect(got()[0].body).To(MatchRegexp(`^(<14>1 [^\n]* a\n)(<14>1 [^\n]* b\n)(<14>1 [^\n]* c\n)$`))

			big := make([]string, 700)
			for i := range big {
				big[i] = strings.Repeat("x", 1000)
			}
			Expect(d.Write(context.Background(), entries(big...))).To(Succeed())
			Expect(got()).To(HaveLen(3))
			Expect(len(got()[1].body)).To(BeNumerically("<=", syslog.MaxBatchBody))
		})

		It("retries a refused POST and reports the failures without credentials", func() {
			srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
			var errs []error
			cfg.Failed = func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }
			d := newDrain("https://user:secret@"+srv.Listener.Addr().String()+"/?token=secret", syslog.Credentials{}, cfg)
			err := d.Write(context.Background(), entries("a"))
			Expect(err).To(MatchError(ContainSubstring("503")))
			mu.Lock()
			defer mu.Unlock()
			Expect(errs).To(HaveLen(cfg.MaxAttempts))
			Expect(err.Error()).NotTo(ContainSubstring("secret"))
		})
	})
})
