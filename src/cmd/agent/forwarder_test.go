package main_test

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/agent"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/fair"
	"loggregator/internal/otlp/otlptest"
)

// jobsDir is a stand-in for /var/vcap/jobs: each destination is a job
// directory with config/ingress_port.yml, as BOSH renders them.
type jobsDir string

func newJobsDir() jobsDir { return jobsDir(GinkgoT().TempDir()) }

func (d jobsDir) glob() string { return filepath.Join(string(d), "*", "config", "ingress_port.yml") }

// add writes job's ingress_port.yml naming addr's port, with protocol if
// not empty.
func (d jobsDir) add(job, addr, protocol string) {
	_, port, err := net.SplitHostPort(addr)
	Expect(err).NotTo(HaveOccurred())
	dir := filepath.Join(string(d), job, "config")
	Expect(os.MkdirAll(dir, 0o755)).To(Succeed())
	content := fmt.Sprintf("---\ningress: %s\n", port)
	if protocol != "" {
		content += "protocol: " + protocol + "\n"
	}
	Expect(os.WriteFile(filepath.Join(dir, "ingress_port.yml"), []byte(content), 0o600)).To(Succeed())
}

func (d jobsDir) remove(job string) {
	Expect(os.RemoveAll(filepath.Join(string(d), job))).To(Succeed())
}

// startDestination is a local v2 Ingress server (the loggregator_agent or
// syslog agent a forwarder feeds), certified for "metron".
func startDestination(stalled bool) *testRouter {
	sink, err := envelopetest.NewIngressSink(files("metron"))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(sink.Close)
	if stalled {
		sink.Stall()
	}
	return &testRouter{sink: sink, addr: sink.Addr()}
}

// startForwarder runs the agent binary in the forwarder role over jobs.
func startForwarder(jobs jobsDir, adjust func(*agent.Config)) *runningAgent {
	cfg := agent.DefaultConfig()
	cfg.Role = agent.RoleForwarder
	cfg.Ingress.Addr = freeAddr()
	cfg.Ingress.TLS = files("metron")
	cfg.Metrics.Addr = freeAddr()
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	cfg.Forwarder.DownstreamGlob = jobs.glob()
	cfg.Forwarder.RescanInterval = config.Duration(100 * time.Millisecond)
	cfg.Forwarder.TLS = files("client")
	cfg.Forwarder.MaxBackoff = config.Duration(200 * time.Millisecond)
	cfg.Forwarder.DialTimeout = config.Duration(time.Second)
	cfg.Forwarder.OTel.MaxBackoff = config.Duration(100 * time.Millisecond)
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP = "cf", "diego-cell", "3", "10.0.0.7"
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

func logBatch(payloads []string) []*loggregator_v2.Envelope {
	out := make([]*loggregator_v2.Envelope, 0, len(payloads))
	for _, p := range payloads {
		out = append(out, logEnvelope(p))
	}
	return out
}

var _ = Describe("Agent in the forwarder role", func() {
	It("delivers everything to a healthy destination beside a stalled and a dead one, counting the others' losses as theirs", func() {
		jobs := newJobsDir()
		healthy := startDestination(false)
		stalled := startDestination(true)
		jobs.add("loggregator_agent", healthy.addr, "")
		jobs.add("stalled_job", stalled.addr, "")
		jobs.add("dead_job", freeAddr(), "")
		// One source's lane of a destination's ring holds a quarter of
		// it: 100, two of the batches below.
		a := startForwarder(jobs, func(c *agent.Config) { c.Forwarder.BufferSize = 400 })
		Eventually(func() float64 { return a.metric("destinations") }).Should(BeNumerically("==", 3))
		c := a.ingressClient(clientTLS(files("client")))

		// Each batch waits for the healthy destination to have the last:
		// the producer is faster than any writer, and the spec is about
		// the other two destinations not slowing this one, not about a
		// 100-envelope buffer absorbing 2,000 envelopes sent at once
		// (which it did on slower machines only).
		big := strings.Repeat("x", 4096)
		var want []string
		for i := range 40 {
			batch := numbered(fmt.Sprintf("%d-%s", i, big), 50)
			want = append(want, batch...)
			Expect(sendBatch(c, logBatch(batch)...)).To(Succeed())
			Eventually(healthy.Count).Should(Equal(len(want)))
		}

		Eventually(healthy.Count).Should(Equal(len(want)))
		got := payloads(healthy.Logs())
		slices.Sort(got)
		slices.Sort(want)
		Expect(got).To(Equal(want))
		for _, e := range healthy.Logs()[:10] {
			Expect(e.Tags).To(HaveKeyWithValue("deployment", "cf"))
			Expect(e.Tags).To(HaveKeyWithValue("index", "3"))
		}
		Expect(a.metric(`destination_egress{destination="loggregator_agent"}`)).To(BeNumerically("==", len(want)))
		Expect(a.metric(`destination_dropped{destination="loggregator_agent",reason="buffer_full"}`)).To(BeZero())
		Eventually(func() float64 {
			return a.metric(`destination_dropped{destination="stalled_job",reason="buffer_full"}`)
		}).Should(BeNumerically(">", 0))
		// The dead destination's lane holds a batch for it and drops the
		// oldest of the rest; nothing is given up as unavailable. Once
		// its file is removed, its lane stops: what it held is counted as
		// shutdown, and every envelope is accounted for.
		dead := func(reason string) float64 {
			return a.metric(`destination_dropped{destination="dead_job",reason="` + reason + `"}`)
		}
		Expect(a.metric(`destination_held_envelopes{destination="dead_job"}`)).To(BeNumerically(">", 0))
		Eventually(func() float64 { return dead("buffer_full") }).Should(BeNumerically(">", 0))
		Expect(a.metric(`destination_connection_failures{destination="dead_job"}`)).To(BeNumerically(">", 0))
		jobs.remove("dead_job")
		Eventually(func() float64 { return dead("buffer_full") + dead("shutdown") }, 10*time.Second).
			Should(BeNumerically("==", len(want)))
		Expect(dead("destination_unavailable")).To(BeZero())
		Expect(a.metric(`destination_held_envelopes{destination="dead_job"}`)).To(BeZero())
		Expect(a.metric(`dropped{direction="ingress",reason="buffer_full"}`)).To(BeZero())
	})

	It("drops a flooding source's envelopes and none of a quiet one's in a stalled destination's lane", func() {
		jobs := newJobsDir()
		stalled := startDestination(true)
		jobs.add("stalled_job", stalled.addr, "")
		var ingressSalt, laneSalt uint64
		a := startForwarder(jobs, func(c *agent.Config) {
			c.Forwarder.BufferSize = 2000 // a lane of the ring holds 500
			ingressSalt, laneSalt = agent.LaneSalt(c), agent.ForwarderLaneSalt(c)
		})
		Eventually(func() float64 { return a.metric("destinations") }).Should(BeNumerically("==", 1))
		// A source that shares the noisy one's lane loses with it (see
		// internal/fair); this one has lanes of its own in the agent's
		// buffer and in the destination's ring.
		sharesLane := func(id string) bool {
			return fair.Lane(ingressSalt, fair.DefaultLanes, []byte(id)) == fair.Lane(ingressSalt, fair.DefaultLanes, []byte("noisy")) ||
				fair.Lane(laneSalt, fair.DefaultLanes, []byte(id)) == fair.Lane(laneSalt, fair.DefaultLanes, []byte("noisy"))
		}
		quietID := "quiet"
		for i := 0; sharesLane(quietID); i++ {
			quietID = fmt.Sprint("quiet-", i)
		}
		c := a.ingressClient(clientTLS(files("client")))
		sent := 0
		flood := func() {
			batch := make([]*loggregator_v2.Envelope, 20_000)
			for i := range batch {
				batch[i] = &loggregator_v2.Envelope{SourceId: "noisy", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{}}}
			}
			for range 5 {
				Expect(sendBatchWithin(30*time.Second, c, batch...)).To(Succeed())
				sent += len(batch)
			}
		}

		flood() // fills what the stalled stream takes, then the lane
		quiet := sendQuiet(c, quietID, 300)
		sent += len(quiet)
		flood() // 100,000 more behind them
		dropped := func() float64 {
			return a.metric(`destination_dropped{destination="stalled_job",reason="buffer_full"}`) +
				a.metric(`dropped{direction="ingress",reason="buffer_full"}`)
		}
		// The lane's ring counts what it overwrote only when it is read
		// again, so wait for the agent's buffer to have handed everything
		// on: every envelope accepted, and the bytes held (the ring, the
		// batches the stalled writer holds) no longer changing.
		Eventually(func() float64 { return a.metric("ingress") }).Should(BeNumerically("==", sent))
		Eventually(func() bool {
			before := a.metric("buffer_bytes")
			time.Sleep(200 * time.Millisecond)
			return a.metric("buffer_bytes") == before
		}).Should(BeTrue())

		stalled.sink.Resume()
		Eventually(func() []string { return payloadsOf(stalled.Logs(), quietID) }, 30*time.Second).Should(Equal(quiet))
		Eventually(func() float64 { return a.metric(`destination_egress{destination="stalled_job"}`) + dropped() }).
			Should(BeNumerically("==", sent), "every envelope delivered or counted")
	})

	It("finds a destination added later and closes one whose file is removed", func() {
		jobs := newJobsDir()
		first := startDestination(false)
		jobs.add("first", first.addr, "")
		a := startForwarder(jobs, nil)
		c := a.ingressClient(clientTLS(files("client")))
		Expect(sendBatch(c, logEnvelope("one"))).To(Succeed())
		Eventually(func() []string { return payloads(first.Logs()) }).Should(Equal([]string{"one"}))

		second := startDestination(false)
		jobs.add("second", second.addr, "")
		Eventually(func() float64 { return a.metric("destinations") }).Should(BeNumerically("==", 2))
		Expect(sendBatch(c, logEnvelope("two"))).To(Succeed())
		Eventually(func() []string { return payloads(second.Logs()) }).Should(Equal([]string{"two"}))
		Eventually(func() []string { return payloads(first.Logs()) }).Should(Equal([]string{"one", "two"}))

		jobs.remove("first")
		Eventually(func() float64 { return a.metric("destinations") }).Should(BeNumerically("==", 1))
		Expect(sendBatch(c, logEnvelope("three"))).To(Succeed())
		Eventually(func() []string { return payloads(second.Logs()) }).Should(Equal([]string{"two", "three"}))
		Consistently(func() []string { return payloads(first.Logs()) }, 300*time.Millisecond).Should(Equal([]string{"one", "two"}))
	})

	It("keeps accepting while no destination is known, counts what it could not deliver, and delivers once one appears", func() {
		jobs := newJobsDir()
		a := startForwarder(jobs, nil)
		c := a.ingressClient(clientTLS(files("client")))
		Expect(sendBatch(c, logBatch(numbered("nowhere", 10))...)).To(Succeed())
		Eventually(func() float64 { return a.metric(`dropped{direction="egress",reason="no_destination"}`) }).Should(BeNumerically("==", 10))

		late := startDestination(false)
		jobs.add("late", late.addr, "")
		Eventually(func() float64 { return a.metric("destinations") }).Should(BeNumerically("==", 1))
		Expect(sendBatch(c, logEnvelope("found"))).To(Succeed())
		Eventually(func() []string { return payloads(late.Logs()) }).Should(Equal([]string{"found"}))
	})

	It("delivers to a destination that restarts what came in while it was down, while the other keeps receiving", func() {
		jobs := newJobsDir()
		steady := startDestination(false)
		restarting := startDestination(false)
		addr := restarting.addr
		jobs.add("steady", steady.addr, "")
		jobs.add("restarting", addr, "")
		a := startForwarder(jobs, nil)
		c := a.ingressClient(clientTLS(files("client")))
		Expect(sendBatch(c, logEnvelope("before"))).To(Succeed())
		Eventually(restarting.Count).Should(Equal(1))

		restarting.sink.Close()
		down := numbered("while-down", 100)
		Expect(sendBatch(c, logBatch(down)...)).To(Succeed())
		Eventually(steady.Count).Should(Equal(101))
		Eventually(func() float64 { return a.metric(`destination_held_envelopes{destination="restarting"}`) }).
			Should(BeNumerically(">", 0), "the batch is held while the destination is down")

		var sink *envelopetest.IngressSink
		Eventually(func() (err error) { sink, err = envelopetest.NewIngressSinkOn(addr, files("metron")); return err }).Should(Succeed())
		DeferCleanup(sink.Close)
		Expect(sendBatch(c, logEnvelope("after"))).To(Succeed())
		Eventually(func() []string { return payloads(sink.Envelopes()) }).Should(ConsistOf(append(down, "after")))
		Eventually(func() []string { return payloads(steady.Logs()) }).Should(ContainElement("after"))
		Expect(a.metric(`destination_held_envelopes{destination="restarting"}`)).To(BeZero())
		for _, reason := range []string{"buffer_full", "destination_unavailable", "shutdown"} {
			Expect(a.metric(`destination_dropped{destination="restarting",reason="`+reason+`"}`)).To(BeZero(), reason)
		}
		Expect(a.metric(`destination_connections{destination="restarting"}`)).To(BeNumerically(">=", 2))
	})

	It("sends logs and metrics to an OpenTelemetry collector named by a protocol: otelcol file", func() {
		jobs := newJobsDir()
		receiver, err := otlptest.NewReceiver(files("otel-collector"))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(receiver.Close)
		local := startDestination(false)
		jobs.add("otel-collector", receiver.Addr(), "otelcol")
		jobs.add("loggregator_agent", local.addr, "")
		a := startForwarder(jobs, nil)
		c := a.ingressClient(clientTLS(files("client")))

		Expect(sendBatch(c,
			logEnvelope("to-otel"),
			&loggregator_v2.Envelope{SourceId: "app-1", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 3}}},
		)).To(Succeed())

		Eventually(receiver.Logs).Should(HaveLen(1))
		Expect(receiver.Logs()[0].GetBody().GetStringValue()).To(Equal("to-otel"))
		Eventually(receiver.Metrics).Should(HaveLen(1))
		m := receiver.Metrics()[0]
		Expect(m.GetName()).To(Equal("requests"))
		Expect(m.GetSum().GetDataPoints()[0].GetAsInt()).To(Equal(int64(3)))
		attrs := map[string]string{}
		for _, kv := range m.GetSum().GetDataPoints()[0].GetAttributes() {
			attrs[kv.GetKey()] = kv.GetValue().GetStringValue()
		}
		Expect(attrs).To(HaveKeyWithValue("source_id", "app-1"))
		Expect(attrs).To(HaveKeyWithValue("deployment", "cf"))
		Eventually(local.Count).Should(Equal(2))
		Eventually(func() float64 { return a.metric(`otlp_exported{destination="otel-collector",signal="logs"}`) }).Should(BeNumerically("==", 1))
	})

	It("delivers everything it accepted before SIGTERM to every destination, then exits cleanly", func() {
		jobs := newJobsDir()
		d1 := startDestination(false)
		d2 := startDestination(false)
		jobs.add("one", d1.addr, "")
		jobs.add("two", d2.addr, "")
		a := startForwarder(jobs, func(c *agent.Config) { c.Batch.FlushInterval = config.Duration(time.Second) })
		Eventually(func() float64 { return a.metric("destinations") }).Should(BeNumerically("==", 2))
		c := a.ingressClient(clientTLS(files("client")))
		want := numbered("drain", 3000)
		// One source's share of a destination's ring is a quarter of its
		// buffer (2,500): a destination still connecting on a loaded
		// machine would see the oldest overwritten (drop-oldest, counted)
		// if all 3,000 came at once. So each batch but the last waits for
		// the one before to arrive; the last is in flight at SIGTERM, and
		// the flush interval (1 s) holds it in the agent.
		for i := 0; i < len(want); i += 500 {
			if i > 0 && i+500 < len(want) {
				for _, d := range []*testRouter{d1, d2} {
					Eventually(func() int { return len(d.Logs()) }, 10*time.Second).Should(BeNumerically(">=", i))
				}
			}
			Expect(sendBatch(c, logBatch(want[i:i+500])...)).To(Succeed())
		}
		Expect(a.metric(`destination_dropped{destination="one",reason="buffer_full"}`) +
			a.metric(`destination_dropped{destination="two",reason="buffer_full"}`)).To(BeZero())

		a.session.Signal(syscall.SIGTERM)
		Eventually(a.session).Should(gexec.Exit(0))
		slices.Sort(want)
		for _, d := range []*testRouter{d1, d2} {
			got := payloads(d.Logs())
			slices.Sort(got)
			Expect(got).To(Equal(want))
		}
	})
})
