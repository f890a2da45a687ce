package main_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/resolve"
	"loggregator/internal/udpforwarder"
)

func TestUDPForwarder(t *testing.T) {
	RegisterFailHandler(Fail)
	SetDefaultEventuallyTimeout(10 * time.Second)
	SetDefaultEventuallyPollingInterval(20 * time.Millisecond)
	RunSpecs(t, "UDP forwarder component")
}

var (
	binPath string
	certs   map[string]certgen.Files
)

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/udp-forwarder", "-race")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	binPath = string(p)
	var err error
	certs, err = certgen.Identities(GinkgoT().TempDir(), "metron", "client")
	Expect(err).NotTo(HaveOccurred())
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// freeTCP and freeUDP return loopback addresses nothing listens on right now.
func freeTCP() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	defer ln.Close()
	return ln.Addr().String()
}

func freeUDP() string {
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	defer c.Close()
	return c.LocalAddr().String()
}

// startAgent is an envelopetest.IngressSink standing in for the local
// agent, on addr ("" for any free port).
func startAgent(addr string) *envelopetest.IngressSink {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var sink *envelopetest.IngressSink
	Eventually(func() (err error) { sink, err = envelopetest.NewIngressSinkOn(addr, certs["metron"]); return err }).Should(Succeed())
	DeferCleanup(sink.Close)
	return sink
}

// forwarded returns what the agent received, leaving out the forwarder's own metrics.
func forwarded(sink *envelopetest.IngressSink) []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for _, e := range sink.Envelopes() {
		if e.GetSourceId() != udpforwarder.SourceID {
			out = append(out, e)
		}
	}
	return out
}

// runningForwarder is the binary started with a written config.
type runningForwarder struct {
	session *gexec.Session
	udp     string
	metrics string
	conn    net.Conn
}

func startForwarder(agentAddr string, adjust func(*udpforwarder.Config)) *runningForwarder {
	cfg := udpforwarder.DefaultConfig()
	cfg.UDP.Addr = freeUDP()
	cfg.Agent.Targets = resolve.Targets{{Addr: agentAddr}}
	cfg.Agent.TLS = certs["client"]
	cfg.Agent.MaxBackoff = config.Duration(200 * time.Millisecond)
	cfg.Agent.DialTimeout = config.Duration(time.Second)
	cfg.Metrics.Addr = freeTCP()
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP = "cf", "router", "idx-7", "10.0.0.7"
	if adjust != nil {
		adjust(cfg)
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "udp-forwarder.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())

	s, err := gexec.Start(exec.Command(binPath, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { s.Kill().Wait(5 * time.Second) })
	f := &runningForwarder{session: s, udp: cfg.UDP.Addr, metrics: cfg.Metrics.Addr}
	Eventually(func() error { _, err := f.metricsText(); return err }).Should(Succeed())
	f.conn, err = net.Dial("udp", f.udp)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(f.conn.Close)
	return f
}

// send writes one datagram.
func (f *runningForwarder) send(datagram []byte) {
	_, err := f.conn.Write(datagram)
	Expect(err).NotTo(HaveOccurred())
}

// sendV1 marshals e as an emitter does and writes it as one datagram.
func (f *runningForwarder) sendV1(e *events.Envelope) {
	b, err := proto.Marshal(e)
	Expect(err).NotTo(HaveOccurred())
	f.send(b)
}

func (f *runningForwarder) metricsText() (string, error) {
	resp, err := http.Get("http://" + f.metrics + "/metrics")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

// metric returns the value of the series written exactly as series, or 0 if absent.
func (f *runningForwarder) metric(series string) float64 {
	text, err := f.metricsText()
	Expect(err).NotTo(HaveOccurred())
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`).FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	v, err := strconv.ParseFloat(m[1], 64)
	Expect(err).NotTo(HaveOccurred())
	return v
}

// hasMetric reports whether /metrics has a series named name.
func (f *runningForwarder) hasMetric(name string) bool {
	text, err := f.metricsText()
	Expect(err).NotTo(HaveOccurred())
	return regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `[ {]`).MatchString(text)
}
