package main_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/binding"
	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
	"loggregator/internal/syslog/syslogtest"
	"loggregator/internal/syslogagent"
)

func TestSyslogAgent(t *testing.T) {
	RegisterFailHandler(Fail)
	SetDefaultEventuallyTimeout(15 * time.Second)
	SetDefaultEventuallyPollingInterval(50 * time.Millisecond)
	RunSpecs(t, "Syslog agent component")
}

var (
	binPath string
	certs   map[string]certgen.Files
)

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/syslog-agent", "-race")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	binPath = string(p)
	var err error
	certs, err = certgen.Identities(GinkgoT().TempDir(), "metron", "client", "binding-cache", "syslog-agent", "drain")
	Expect(err).NotTo(HaveOccurred())
})

var _ = SynchronizedAfterSuite(func() {}, func() { gexec.CleanupBuildArtifacts() })

func freeAddr() string {
	addr, err := envelopetest.FreeAddr()
	Expect(err).NotTo(HaveOccurred())
	return addr
}

// bindingCache is a stand-in for the binding cache: a real mTLS HTTPS
// server serving /v2/bindings and /v2/aggregate through binding.Handler.
type bindingCache struct {
	handler *binding.Handler
	srv     *http.Server
	ln      net.Listener
	done    chan struct{}
}

func startBindingCache() *bindingCache {
	tlsCfg, err := mtls.Server(certs["binding-cache"], nil)
	Expect(err).NotTo(HaveOccurred())
	ln, err := tls.Listen("tcp", "127.0.0.1:0", tlsCfg)
	Expect(err).NotTo(HaveOccurred())
	c := &bindingCache{handler: binding.NewHandler(), ln: ln, done: make(chan struct{})}
	c.srv = &http.Server{Handler: c.handler, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		defer close(c.done)
		_ = c.srv.Serve(ln) // ends with ErrServerClosed
	}()
	DeferCleanup(c.stop)
	return c
}

func (c *bindingCache) url() string { return "https://" + c.ln.Addr().String() }

func (c *bindingCache) stop() {
	_ = c.srv.Close()
	<-c.done
}

func (c *bindingCache) set(bindings []binding.Binding, aggregate []binding.Binding) {
	Expect(c.handler.SetBindings(bindings)).To(Succeed())
	Expect(c.handler.SetAggregate(aggregate)).To(Succeed())
}

func bind(url, appID, hostname string) binding.Binding {
	return binding.Binding{URL: url, Credentials: []binding.Credentials{{Apps: []binding.App{{AppID: appID, Hostname: hostname}}}}}
}

type runningAgent struct {
	session *gexec.Session
	ingress string
	metrics string
}

func startAgent(cacheURL string, adjust func(*syslogagent.Config)) *runningAgent {
	cfg := syslogagent.DefaultConfig()
	cfg.Ingress.Addr = freeAddr()
	cfg.Ingress.TLS = certs["metron"]
	cfg.Metrics.Addr = freeAddr()
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	cfg.BindingCache.URL = cacheURL
	cfg.BindingCache.TLS = certs["syslog-agent"]
	cfg.BindingCache.PollingInterval = config.Duration(200 * time.Millisecond)
	cfg.Drains.CAFile = certs["drain"].CA
	cfg.Drains.DialTimeout = config.Duration(time.Second)
	cfg.Drains.WriteTimeout = config.Duration(time.Second)
	cfg.Drains.MinBackoff = config.Duration(20 * time.Millisecond)
	cfg.Drains.MaxBackoff = config.Duration(200 * time.Millisecond)
	cfg.Drains.FlushInterval = config.Duration(10 * time.Millisecond)
	cfg.ShutdownTimeout = config.Duration(2 * time.Second)
	if adjust != nil {
		adjust(cfg)
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "syslog-agent.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	s, err := gexec.Start(exec.Command(binPath, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { s.Kill().Wait(5 * time.Second) })
	a := &runningAgent{session: s, ingress: cfg.Ingress.Addr, metrics: cfg.Metrics.Addr}
	Eventually(func() error { _, err := a.metricsText(); return err }).Should(Succeed())
	return a
}

func (a *runningAgent) metricsText() (string, error) {
	resp, err := http.Get("http://" + a.metrics + "/metrics")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

// metric returns the value of the series written exactly as series, or 0.
func (a *runningAgent) metric(series string) float64 {
	text, err := a.metricsText()
	Expect(err).NotTo(HaveOccurred())
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`).FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	v, err := strconv.ParseFloat(m[1], 64)
	Expect(err).NotTo(HaveOccurred())
	return v
}

func (a *runningAgent) client() loggregator_v2.IngressClient {
	tlsCfg, err := mtls.Client(certs["client"], "metron", nil)
	Expect(err).NotTo(HaveOccurred())
	conn, err := grpc.NewClient("passthrough:///"+a.ingress, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	return loggregator_v2.NewIngressClient(conn)
}

func send(c loggregator_v2.IngressClient, envs ...*loggregator_v2.Envelope) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := c.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: envs})
	Expect(err).NotTo(HaveOccurred())
}

func appLog(sourceID, text string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		Timestamp: time.Now().UnixNano(), SourceId: sourceID, InstanceId: "0",
		Tags:    map[string]string{"source_type": "APP/PROC/WEB", "organization_name": "org", "space_name": "space", "app_name": "app"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(text)}},
	}
}

// startRsyslog runs a real rsyslogd drain over TLS with the "drain" identity.
func startRsyslog() *syslogtest.Rsyslog {
	r, err := syslogtest.Start(GinkgoT().TempDir(), syslogtest.TLS, certs["drain"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(r.Stop)
	return r
}

func rsyslogTexts(r *syslogtest.Rsyslog) func() []string {
	return func() []string {
		ms, err := r.Messages()
		Expect(err).NotTo(HaveOccurred())
		out := make([]string, len(ms))
		for i, m := range ms {
			out[i] = m.Msg
		}
		return out
	}
}

// httpsDrain is an HTTPS drain receiver; fail makes it answer 503.
type httpsDrain struct {
	srv    *http.Server
	ln     net.Listener
	done   chan struct{}
	mu     sync.Mutex
	bodies []string
	fail   bool
}

func startHTTPSDrain() *httpsDrain {
	id := certs["drain"]
	pair, err := tls.LoadX509KeyPair(id.Cert, id.Key)
	Expect(err).NotTo(HaveOccurred())
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12})
	Expect(err).NotTo(HaveOccurred())
	d := &httpsDrain{ln: ln, done: make(chan struct{})}
	d.srv = &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.fail {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		d.bodies = append(d.bodies, string(body))
	})}
	go func() {
		defer close(d.done)
		_ = d.srv.Serve(ln)
	}()
	DeferCleanup(func() { _ = d.srv.Close(); <-d.done })
	return d
}

func (d *httpsDrain) addr() string { return d.ln.Addr().String() }

func (d *httpsDrain) setFail(f bool) { d.mu.Lock(); d.fail = f; d.mu.Unlock() }

func (d *httpsDrain) received() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.bodies...)
}
