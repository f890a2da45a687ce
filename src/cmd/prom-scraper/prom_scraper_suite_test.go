package main_test

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
	"loggregator/internal/promscraper"
)

func TestPromScraper(t *testing.T) {
	RegisterFailHandler(Fail)
	SetDefaultEventuallyTimeout(15 * time.Second)
	SetDefaultEventuallyPollingInterval(50 * time.Millisecond)
	RunSpecs(t, "Prom scraper component")
}

var (
	scraperPath string
	certs       map[string]certgen.Files
)

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/prom-scraper", "-race")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	scraperPath = string(p)
	var err error
	certs, err = certgen.Identities(GinkgoT().TempDir(), "metron", "prom_scraper", "target")
	Expect(err).NotTo(HaveOccurred())
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// freeAddr returns a loopback address nothing listens on right now.
func freeAddr() string {
	addr, err := envelopetest.FreeAddr()
	Expect(err).NotTo(HaveOccurred())
	return addr
}

// startAgent is a real v2 Ingress server over mutual TLS with the agent's
// identity, standing in for the VM's agent.
func startAgent() *envelopetest.IngressSink {
	sink, err := envelopetest.NewIngressSink(certs["metron"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(sink.Close)
	return sink
}

// target is a real HTTP(S) server on loopback standing in for a job's
// /metrics endpoint; requests counts the requests it has seen.
type target struct {
	port     int
	requests atomic.Int64
}

// startTarget serves handler, over mutual TLS with the "target" identity
// when tlsOn.
func startTarget(handler http.HandlerFunc, tlsOn bool) *target {
	if !tlsOn {
		return startTargetTLS(handler, nil)
	}
	cfg, err := mtls.Server(certs["target"], nil)
	Expect(err).NotTo(HaveOccurred())
	return startTargetTLS(handler, cfg)
}

// startTargetTLS serves handler over TLS with cfg, or plain HTTP when cfg is nil.
func startTargetTLS(handler http.HandlerFunc, cfg *tls.Config) *target {
	t := &target{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	if cfg != nil {
		ln = tls.NewListener(ln, cfg)
	}
	t.port = ln.Addr().(*net.TCPAddr).Port
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			t.requests.Add(1)
			handler(w, r)
		}),
		ReadHeaderTimeout: 5 * time.Second,
		// Handshakes the scraper refuses are the spec's business, not noise.
		ErrorLog: log.New(GinkgoWriter, "target: ", 0),
	}
	go func() { _ = srv.Serve(ln) }()
	DeferCleanup(srv.Close)
	return t
}

// page is what a healthy target serves: a counter, a gauge with a unit and
// a histogram, in the Prometheus text format.
const page = `# HELP requests_total Requests served.
# TYPE requests_total counter
requests_total{code="200"} 1027
# HELP queue_depth Items queued.
# TYPE queue_depth gauge
queue_depth{unit="items"} 12.5
# TYPE latency_seconds histogram
latency_seconds_bucket{le="0.1"} 3
latency_seconds_bucket{le="+Inf"} 8
latency_seconds_sum 4.25
latency_seconds_count 8
`

func healthy(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	fmt.Fprint(w, page)
}

// hanging never answers; the request ends only when the scraper gives up
// (or the server closes at the end of the spec).
func hanging(_ http.ResponseWriter, r *http.Request) {
	<-r.Context().Done()
}

func garbage(w http.ResponseWriter, _ *http.Request) {
	fmt.Fprint(w, "<html><body>this is {{ not a metrics page\n")
}

// writeTargetFile writes jobs/<job>/config/prom_scraper_config.yml under root,
// as a BOSH job renders it.
func writeTargetFile(root, job, content string) {
	dir := filepath.Join(root, "jobs", job, "config")
	Expect(os.MkdirAll(dir, 0o755)).To(Succeed())
	Expect(os.WriteFile(filepath.Join(dir, "prom_scraper_config.yml"), []byte(content), 0o644)).To(Succeed())
}

// runningScraper is the prom-scraper binary started with a written config.
type runningScraper struct {
	session *gexec.Session
	metrics string
}

// startScraper runs the binary with targets declared under root and the
// agent at agentAddr; adjust changes the config first.
func startScraper(root, agentAddr string, adjust func(*promscraper.Config)) *runningScraper {
	cfg := promscraper.DefaultConfig()
	cfg.ConfigGlobs = []string{filepath.Join(root, "jobs", "*", "config", "prom_scraper_config.yml")}
	cfg.ScrapeInterval = config.Duration(time.Second)
	cfg.ScrapeTimeout = config.Duration(800 * time.Millisecond)
	cfg.DefaultSourceID = "scraper-vm"
	tlsFiles := certs["prom_scraper"]
	cfg.Scrape.TLS = &tlsFiles
	cfg.Agent.Addr = agentAddr
	cfg.Agent.TLS = certs["prom_scraper"]
	cfg.Metrics.Addr = freeAddr()
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	if adjust != nil {
		adjust(cfg)
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "prom-scraper.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())

	s, err := gexec.Start(exec.Command(scraperPath, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { s.Kill().Wait(5 * time.Second) })
	r := &runningScraper{session: s, metrics: cfg.Metrics.Addr}
	Eventually(func() error { _, err := metricstest.Scrape(r.url()); return err }).Should(Succeed())
	return r
}

func (r *runningScraper) url() string { return "http://" + r.metrics + "/metrics" }

// metric returns the value of one series on the scraper's /metrics page.
func (r *runningScraper) metric(series string) float64 {
	text, err := metricstest.Scrape(r.url())
	Expect(err).NotTo(HaveOccurred())
	return metricstest.Value(text, series)
}
