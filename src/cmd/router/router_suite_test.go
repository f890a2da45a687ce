package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
	"loggregator/tools/versions"
)

func TestRouter(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Router component suite")
}

var routerPath string

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.BuildWithEnvironment("loggregator/cmd/router", versions.StaticEnv)
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	routerPath = string(p)
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// router is one running router process and the client identities to talk to it.
type router struct {
	addr    string
	metrics string
	session *gexec.Session
	client  *mtls.Files
	conn    *grpc.ClientConn
}

func freePort() string {
	addr, err := envelopetest.FreeAddr()
	Expect(err).NotTo(HaveOccurred())
	return addr
}

// startRouter writes certificates and a config (defaults plus overrides),
// starts the binary and waits until it listens.
func startRouter(overrides map[string]any) *router {
	dir := GinkgoT().TempDir()
	files, err := certgen.Identities(dir, "doppler", "client")
	Expect(err).NotTo(HaveOccurred())
	r := &router{addr: freePort(), metrics: freePort()}
	cfg := map[string]any{
		"addr":    r.addr,
		"tls":     map[string]string{"ca_file": files["doppler"].CA, "cert_file": files["doppler"].Cert, "key_file": files["doppler"].Key},
		"metrics": map[string]any{"addr": r.metrics, "emit_interval": "1s"},
	}
	for k, v := range overrides {
		cfg[k] = v
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(dir, "router.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())

	r.session, err = gexec.Start(exec.Command(routerPath, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	Eventually(r.session.Err).Should(gbytes.Say("router listening"))
	client := files["client"]
	r.client = &client
	tlsCfg, err := mtls.Client(*r.client, "doppler", nil)
	Expect(err).NotTo(HaveOccurred())
	r.conn, err = grpc.NewClient(r.addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() {
		_ = r.conn.Close()
		r.session.Terminate()
		Eventually(r.session, 10*time.Second).Should(gexec.Exit())
	})
	return r
}

// send streams envelopes to the router as an agent does, in batches of 100.
func (r *router) send(envs []*loggregator_v2.Envelope) {
	GinkgoHelper()
	s, err := loggregator_v2.NewIngressClient(r.conn).BatchSender(context.Background())
	Expect(err).NotTo(HaveOccurred())
	for i := 0; i < len(envs); i += 100 {
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: envs[i:min(i+100, len(envs))]})).To(Succeed())
	}
	_, err = s.CloseAndRecv()
	Expect(err).NotTo(HaveOccurred())
}

// subscription reads one BatchedReceiver stream in the background.
type subscription struct {
	envs chan *loggregator_v2.Envelope
	err  chan error
}

func (r *router) subscribe(ctx context.Context, req *loggregator_v2.EgressBatchRequest) *subscription {
	GinkgoHelper()
	s, err := loggregator_v2.NewEgressClient(r.conn).BatchedReceiver(ctx, req)
	Expect(err).NotTo(HaveOccurred())
	sub := &subscription{envs: make(chan *loggregator_v2.Envelope, 100000), err: make(chan error, 1)}
	go func() {
		for {
			b, err := s.Recv()
			if err != nil {
				sub.err <- err
				return
			}
			for _, e := range b.Batch {
				sub.envs <- e
			}
		}
	}()
	return sub
}

// drain returns what arrived until nothing more came for a moment.
func (s *subscription) drain() []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for {
		select {
		case e := <-s.envs:
			out = append(out, e)
		case <-time.After(300 * time.Millisecond):
			return out
		}
	}
}

// waitSubscribed waits until the router reports n subscriptions.
func (r *router) waitSubscribed(n int) {
	GinkgoHelper()
	Eventually(r.metric).WithArguments("subscriptions").Should(Equal(float64(n)))
}

func (r *router) metric(line string) float64 {
	return scrape(r.metrics, line)
}

func logFrom(src string, i int) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: src, InstanceId: fmt.Sprint(i), Tags: map[string]string{"i": fmt.Sprint(i)},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(fmt.Sprint("line ", i))}}}
}

func counterFrom(src, name string, i int) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: src, InstanceId: fmt.Sprint(i), Tags: map[string]string{"i": fmt.Sprint(i)},
		Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: name, Total: uint64(i)}}}
}

func gaugeFrom(src string, i int, names ...string) *loggregator_v2.Envelope {
	m := map[string]*loggregator_v2.GaugeValue{}
	for _, n := range names {
		m[n] = &loggregator_v2.GaugeValue{Unit: "x", Value: float64(i)}
	}
	return &loggregator_v2.Envelope{SourceId: src, InstanceId: fmt.Sprint(i), Tags: map[string]string{"i": fmt.Sprint(i)},
		Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: m}}}
}

func sel(src string, kind string, names ...string) *loggregator_v2.Selector {
	s := &loggregator_v2.Selector{SourceId: src}
	switch kind {
	case "log":
		s.Message = &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}
	case "counter":
		name := ""
		if len(names) > 0 {
			name = names[0]
		}
		s.Message = &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{Name: name}}
	case "gauge":
		s.Message = &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{Names: names}}
	case "event":
		s.Message = &loggregator_v2.Selector_Event{Event: &loggregator_v2.EventSelector{}}
	}
	return s
}

func request(sels ...*loggregator_v2.Selector) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{Selectors: sels, UsePreferredTags: true}
}
