package main_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/agent"
	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
	"loggregator/internal/routerpool"
)

func TestAgent(t *testing.T) {
	RegisterFailHandler(Fail)
	SetDefaultEventuallyTimeout(10 * time.Second)
	SetDefaultEventuallyPollingInterval(20 * time.Millisecond)
	RunSpecs(t, "Agent component")
}

var (
	agentPath string
	certs     map[string]certgen.Files
)

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/agent", "-race")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	agentPath = string(p)
	var err error
	certs, err = certgen.Identities(GinkgoT().TempDir(), "metron", "doppler", "client", "otel-collector")
	Expect(err).NotTo(HaveOccurred())
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

func files(name string) mtls.Files {
	return certs[name]
}

// freeAddr returns a loopback address nothing listens on right now.
func freeAddr() string {
	addr, err := envelopetest.FreeAddr()
	Expect(err).NotTo(HaveOccurred())
	return addr
}

// testRouter is an envelopetest.IngressSink standing in for a router, with
// the views of what it received that the specs use.
type testRouter struct {
	sink *envelopetest.IngressSink
	addr string
}

// startRouter serves on addr ("" for any free port); a stalled router
// accepts streams but does not read them.
func startRouter(addr string, stalled bool) *testRouter {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var sink *envelopetest.IngressSink
	Eventually(func() (err error) { sink, err = envelopetest.NewIngressSinkOn(addr, files("doppler")); return err }).Should(Succeed())
	DeferCleanup(sink.Close)
	if stalled {
		sink.Stall()
	}
	return &testRouter{sink: sink, addr: sink.Addr()}
}

// Received returns what the router has read so far.
func (r *testRouter) Received() []*loggregator_v2.Envelope { return r.sink.Envelopes() }

// Count is the number of envelopes read so far, not counting the agent's own metrics.
func (r *testRouter) Count() int {
	return len(r.Logs())
}

// Logs returns the log envelopes received, leaving out the agent's own metrics.
func (r *testRouter) Logs() []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for _, e := range r.Received() {
		if e.GetSourceId() != agent.SourceID {
			out = append(out, e)
		}
	}
	return out
}

// runningAgent is the agent binary started with a written config.
type runningAgent struct {
	session *gexec.Session
	ingress string
	metrics string
}

// startAgent writes a config for routers and starts the binary; adjust
// changes the config first.
func startAgent(routers []string, adjust func(*agent.Config)) *runningAgent {
	cfg := agent.DefaultConfig()
	cfg.Ingress.Addr = freeAddr()
	cfg.Ingress.TLS = files("metron")
	cfg.Metrics.Addr = freeAddr()
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	cfg.Routers.TLS = files("client")
	cfg.Routers.MaxBackoff = config.Duration(200 * time.Millisecond)
	cfg.Routers.DialTimeout = config.Duration(time.Second)
	for _, r := range routers {
		cfg.Routers.Targets = append(cfg.Routers.Targets, routerpool.Target{Addr: r})
	}
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP, cfg.Zone = "cf", "diego-cell", "3", "10.0.0.7", "z1"
	cfg.Tags = map[string]string{"platform": "test"}
	cfg.ShutdownTimeout = config.Duration(5 * time.Second)
	if adjust != nil {
		adjust(cfg)
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "agent.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())

	s, err := gexec.Start(exec.Command(agentPath, "--config", path), GinkgoWriter, GinkgoWriter)
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

// metric returns the value of the series written exactly as series
// (`dropped{direction="ingress",reason="invalid"}`), or 0 if absent.
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

// clientTLS is a producer's TLS config with the given identity.
func clientTLS(f mtls.Files) *tls.Config {
	cfg, err := mtls.Client(f, "metron", nil)
	Expect(err).NotTo(HaveOccurred())
	return cfg
}

// ingressClient is a plain generated v2 Ingress client.
func (a *runningAgent) ingressClient(tlsCfg *tls.Config) loggregator_v2.IngressClient {
	conn, err := grpc.NewClient("passthrough:///"+a.ingress, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	return loggregator_v2.NewIngressClient(conn)
}

func logEnvelope(payload string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		SourceId: "app-1",
		Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(payload)}},
	}
}

func sendBatch(c loggregator_v2.IngressClient, envs ...*loggregator_v2.Envelope) error {
	return sendBatchWithin(5*time.Second, c, envs...)
}

// sendBatchWithin is sendBatch with a deadline of its own, for batches
// so large that a race-built agent on a loaded machine takes seconds to
// read them (it never waits on its buffers: the time is parsing).
func sendBatchWithin(d time.Duration, c loggregator_v2.IngressClient, envs ...*loggregator_v2.Envelope) error {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	_, err := c.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: envs})
	return err
}

// sendQuiet sends n logs of source, one per unary Send, and returns their
// payloads in order.
func sendQuiet(c loggregator_v2.IngressClient, source string, n int) []string {
	GinkgoHelper()
	quiet := make([]string, 0, n)
	for i := range n {
		e := logEnvelope(fmt.Sprint("quiet-", i))
		e.SourceId = source
		Expect(sendBatch(c, e)).To(Succeed())
		quiet = append(quiet, fmt.Sprint("quiet-", i))
	}
	return quiet
}

// payloadsOf returns the log payloads of source's envelopes among envs.
func payloadsOf(envs []*loggregator_v2.Envelope, source string) []string {
	var out []string
	for _, e := range envs {
		if e.GetSourceId() == source {
			out = append(out, string(e.GetLog().GetPayload()))
		}
	}
	return out
}

func payloads(envs []*loggregator_v2.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, string(e.GetLog().GetPayload()))
	}
	return out
}

func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%d", prefix, i)
	}
	return out
}
