package main_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/agent"
	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/fair"
	"loggregator/internal/wire"
)

var _ = Describe("Agent", func() {
	It("delivers what go-loggregator's IngressClient emits, tagged with the VM's identity", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, nil)

		tlsCfg, err := loggregator.NewIngressTLSConfig(certs["client"].CA, certs["client"].Cert, certs["client"].Key)
		Expect(err).NotTo(HaveOccurred())
		client, err := loggregator.NewIngressClient(tlsCfg,
			loggregator.WithAddr(a.ingress),
			loggregator.WithBatchFlushInterval(10*time.Millisecond),
			loggregator.WithTag("origin", "my-origin"),
		)
		Expect(err).NotTo(HaveOccurred())
		for _, p := range numbered("log", 50) {
			client.EmitLog(p, loggregator.WithEnvelopeTag("job", "set-by-producer"))
		}

		Eventually(router.Count).Should(Equal(50))
		Consistently(router.Count, 200*time.Millisecond).Should(Equal(50))
		got := router.Logs()
		Expect(payloads(got)).To(ConsistOf(numbered("log", 50)))
		for _, e := range got {
			Expect(e.SourceId).To(Equal("my-origin"))
			Expect(e.Tags).To(HaveKeyWithValue("deployment", "cf"))
			Expect(e.Tags).To(HaveKeyWithValue("index", "3"))
			Expect(e.Tags).To(HaveKeyWithValue("ip", "10.0.0.7"))
			Expect(e.Tags).To(HaveKeyWithValue("zone", "z1"))
			Expect(e.Tags).To(HaveKeyWithValue("platform", "test"))
			Expect(e.Tags).To(HaveKeyWithValue("job", "set-by-producer"))
		}
	})

	It("delivers exactly what a plain generated client sends with Sender, BatchSender and Send", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, nil)
		c := a.ingressClient(clientTLS(files("client")))
		ctx := context.Background()

		sender, err := c.Sender(ctx)
		Expect(err).NotTo(HaveOccurred())
		for _, p := range numbered("sender", 10) {
			Expect(sender.Send(logEnvelope(p))).To(Succeed())
		}
		_, err = sender.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())

		batchSender, err := c.BatchSender(ctx)
		Expect(err).NotTo(HaveOccurred())
		var batch []*loggregator_v2.Envelope
		for _, p := range numbered("batch", 10) {
			batch = append(batch, logEnvelope(p))
		}
		Expect(batchSender.Send(&loggregator_v2.EnvelopeBatch{Batch: batch})).To(Succeed())
		_, err = batchSender.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())

		Expect(sendBatch(c, logEnvelope("send-0"), logEnvelope("send-1"))).To(Succeed())

		want := append(append(numbered("sender", 10), numbered("batch", 10)...), "send-0", "send-1")
		Eventually(router.Count).Should(Equal(len(want)))
		Consistently(router.Count, 200*time.Millisecond).Should(Equal(len(want)))
		Expect(payloads(router.Logs())).To(ConsistOf(want))
		Expect(a.metric("ingress")).To(BeNumerically("==", len(want)))
		Eventually(func() float64 { return a.metric("egress") }).Should(BeNumerically("==", len(want)))
	})

	It("keeps accepting from producers while the router stops reading, and counts the drops", func() {
		router := startRouter("", true)
		a := startAgent([]string{router.addr}, func(c *agent.Config) {
			c.Ingress.BufferSize = 100
			c.Routers.Streams = 1
		})
		c := a.ingressClient(clientTLS(files("client")))
		big := strings.Repeat("x", 4096)

		for i := range 200 {
			batch := make([]*loggregator_v2.Envelope, 50)
			for j := range batch {
				batch[j] = logEnvelope(fmt.Sprintf("%d-%d-%s", i, j, big))
			}
			Expect(sendBatch(c, batch...)).To(Succeed())
		}

		Expect(a.metric("ingress")).To(BeNumerically("==", 200*50))
		Eventually(func() float64 { return a.metric(`dropped{direction="ingress",reason="buffer_full"}`) }).Should(BeNumerically(">", 0))
		Expect(router.Count()).To(Equal(0))
	})

	It("holds no more bytes than its buffer budget while the router stops reading large envelopes, and counts what that costs", func() {
		router := startRouter("", true)
		a := startAgent([]string{router.addr}, func(c *agent.Config) {
			c.MemoryLimitMiB = 16 // a budget of 8 MiB; the 50,000 slots would hold 10 GB of these
			c.Ingress.MaxEnvelopeBytes = 8 << 20
			c.Routers.Streams = 1
		})
		const budget = 8 << 20
		Expect(a.metric("buffer_budget_bytes")).To(BeNumerically("==", budget))
		c := a.ingressClient(clientTLS(files("client")))
		payload := strings.Repeat("x", 200_000)

		// Each call carries 12 MB: more than the budget and the two batches
		// of 1 MiB the agent can have taken out of it, so each overflows it
		// however fast the agent runs.
		most := 0.0
		for i := range 5 {
			batch := make([]*loggregator_v2.Envelope, 60)
			for j := range batch {
				batch[j] = logEnvelope(fmt.Sprintf("%d-%d-%s", i, j, payload))
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // 12 MB through a -race binary
			_, err := c.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
			cancel()
			Expect(err).NotTo(HaveOccurred())
			held := a.metric("buffer_bytes")
			Expect(held).To(BeNumerically("<=", budget))
			most = max(most, held)
		}

		Expect(most).To(BeNumerically(">", budget/2), "the budget is what bounds the ingress diode, not its slots")
		Expect(a.metric("ingress")).To(BeNumerically("==", 5*60))
		Eventually(func() float64 { return a.metric(`dropped{direction="ingress",reason="budget"}`) }, 5*time.Second).Should(BeNumerically(">", 0))
	})

	It("drops a flooding source's envelopes and none of a quiet one's while the router is stalled", func() {
		router := startRouter("", true)
		var salt uint64
		a := startAgent([]string{router.addr}, func(c *agent.Config) {
			c.Routers.Streams = 1
			salt = agent.LaneSalt(c)
		})
		// A source that shares the noisy one's lane loses with it (see
		// internal/fair); this one has a lane of its own.
		quietID := "quiet"
		for i := 0; fair.Lane(salt, fair.DefaultLanes, []byte(quietID)) == fair.Lane(salt, fair.DefaultLanes, []byte("noisy")); i++ {
			quietID = fmt.Sprint("quiet-", i)
		}
		c := a.ingressClient(clientTLS(files("client")))
		flood := func() {
			batch := make([]*loggregator_v2.Envelope, 100_000)
			for i := range batch {
				batch[i] = &loggregator_v2.Envelope{SourceId: "noisy", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{}}}
			}
			// A race-built agent under a loaded machine can take a while.
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			_, err := c.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
			Expect(err).NotTo(HaveOccurred())
		}

		flood() // fills what the stalled stream takes, then the buffer
		quiet := sendQuiet(c, quietID, 300)
		flood() // one unary Send of 100,000 (2 MB) behind them
		Expect(a.metric("ingress")).To(BeNumerically("==", 200_300))

		router.sink.Resume()
		Eventually(func() []string { return payloadsOf(router.Logs(), quietID) }, 30*time.Second).Should(Equal(quiet))
		Eventually(func() float64 { return a.metric(`dropped_by_source{source_id="noisy"}`) }).Should(BeNumerically(">", 50_000))
		Eventually(func() float64 {
			return a.metric(`dropped{direction="ingress",reason="buffer_full"}`) - a.metric(`dropped_by_source{source_id="noisy"}`)
		}).Should(BeZero(), "every drop charged to noisy")
		text, err := a.metricsText()
		Expect(err).NotTo(HaveOccurred())
		Expect(text).NotTo(ContainSubstring(`source_id="` + quietID + `"`))
	})

	It("reconnects to its only router after it was killed and restarted, and delivers what came in while it was down", func() {
		router := startRouter("", false)
		addr := router.addr
		a := startAgent([]string{addr}, nil)
		c := a.ingressClient(clientTLS(files("client")))

		Expect(sendBatch(c, logEnvelope("before"))).To(Succeed())
		Eventually(router.Count).Should(Equal(1))

		// Each stream notices the kill on its next write; a worker whose
		// stream broke holds that batch and takes no more until a router
		// answers, so once every stream has broken the rest waits in the
		// ingress buffer.
		router.sink.Close()
		Eventually(func() float64 {
			Expect(sendBatch(c, logEnvelope("noticing"))).To(Succeed())
			return a.metric(`router_streams{destination="router"}`)
		}, 10*time.Second).Should(BeZero())
		Expect(a.metric(`router_held_envelopes{destination="router"}`)).To(BeNumerically(">", 0))
		whileDown := numbered("while-down", 100)
		for _, p := range whileDown {
			Expect(sendBatch(c, logEnvelope(p))).To(Succeed())
		}

		restarted := startRouter(addr, false)
		Eventually(func() []string {
			return payloads(restarted.Logs())
		}, 10*time.Second).Should(ContainElements(whileDown))
		Expect(a.metric(`dropped{direction="egress",reason="router_unavailable"}`)).To(BeZero())
		Eventually(func() float64 {
			return a.metric(`router_held_envelopes{destination="router"}`)
		}, 10*time.Second).Should(BeZero(), "every worker wrote what it held once it reconnected")
	})

	It("spreads the traffic over two routers", func() {
		r1 := startRouter("", false)
		r2 := startRouter("", false)
		a := startAgent([]string{r1.addr, r2.addr}, func(c *agent.Config) {
			c.Routers.RecycleAfterEnvelopes = 100
		})
		c := a.ingressClient(clientTLS(files("client")))

		for _, p := range numbered("spread", 2000) {
			Expect(sendBatch(c, logEnvelope(p))).To(Succeed())
		}

		Eventually(func() int { return r1.Count() + r2.Count() }).Should(Equal(2000))
		Expect(r1.Count()).To(BeNumerically(">", 0))
		Expect(r2.Count()).To(BeNumerically(">", 0))
		Expect(a.metric(`router_stream_recycles{destination="router"}`)).To(BeNumerically(">", 0))
	})

	It("refuses producers without a certificate signed by its CA", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, nil)

		otherCA, err := certgen.NewCA("otherCA")
		Expect(err).NotTo(HaveOccurred())
		other, err := otherCA.WriteFiles(GinkgoT().TempDir(), "client")
		Expect(err).NotTo(HaveOccurred())
		// Trust the agent's CA, present a certificate from another one.
		f := files("client")
		f.Cert, f.Key = other["client"].Cert, other["client"].Key
		Expect(sendBatch(a.ingressClient(clientTLS(f)), logEnvelope("rogue"))).NotTo(Succeed())

		noCert := clientTLS(files("client"))
		noCert.GetClientCertificate = nil
		Expect(sendBatch(a.ingressClient(noCert), logEnvelope("anonymous"))).NotTo(Succeed())

		Expect(a.metric("ingress")).To(BeZero())
		Consistently(router.Count, 200*time.Millisecond).Should(BeZero())
	})

	It("counts malformed and oversized envelopes and keeps serving", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, func(c *agent.Config) {
			c.Ingress.MaxEnvelopeBytes = 1024
		})
		c := a.ingressClient(clientTLS(files("client")))

		Expect(sendBatch(c,
			&loggregator_v2.Envelope{SourceId: "no-message"},
			logEnvelope(strings.Repeat("x", 2048)),
			logEnvelope("fine"),
		)).To(Succeed())

		Eventually(func() []string { return payloads(router.Logs()) }).Should(Equal([]string{"fine"}))
		Expect(a.metric(`dropped{direction="ingress",reason="invalid"}`)).To(BeNumerically("==", 1))
		Expect(a.metric(`dropped{direction="ingress",reason="too_large"}`)).To(BeNumerically("==", 1))
	})

	It("drops and counts logs when disable_logs is set, and still delivers metrics", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, func(c *agent.Config) {
			c.Ingress.DisableLogs = true
		})
		c := a.ingressClient(clientTLS(files("client")))

		Expect(sendBatch(c,
			logEnvelope("dropped"),
			&loggregator_v2.Envelope{SourceId: "app", Message: &loggregator_v2.Envelope_Counter{
				Counter: &loggregator_v2.Counter{Name: "requests", Delta: 1},
			}},
		)).To(Succeed())

		Eventually(router.Logs).Should(ConsistOf(WithTransform(
			(*loggregator_v2.Envelope).GetCounter, Not(BeNil()))))
		Expect(a.metric(`dropped{direction="ingress",reason="logs_disabled"}`)).To(BeNumerically("==", 1))
	})

	It("delivers everything it accepted before SIGTERM, then exits cleanly", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, func(c *agent.Config) {
			c.Batch.Size = 1000
			c.Batch.FlushInterval = config.Duration(time.Second)
		})
		c := a.ingressClient(clientTLS(files("client")))
		want := numbered("drain", 5000)
		for i := 0; i < len(want); i += 500 {
			batch := make([]*loggregator_v2.Envelope, 0, 500)
			for _, p := range want[i : i+500] {
				batch = append(batch, logEnvelope(p))
			}
			Expect(sendBatch(c, batch...)).To(Succeed())
		}

		a.session.Signal(syscall.SIGTERM)
		Eventually(a.session).Should(gexec.Exit(0))
		got := payloads(router.Logs())
		slices.Sort(got)
		slices.Sort(want)
		Expect(got).To(Equal(want))
	})

	// gRPC's BatchSender gives no acknowledgement per batch: Send returns
	// once the batch is in the client's send buffer, and what is still in
	// flight when the server ends the stream is gone (grpc-go documents
	// this on ClientStream.SendMsg). Flow control bounds it: a client can
	// have at most one stream window (wire's 1 MiB) unread by the agent.
	// The agent reads open streams through its grace, so a producer that
	// closes its stream then loses nothing; one that streams on loses at
	// most that window.
	It("loses at most one flow-control window and gRPC's send queue of a BatchSender producer streaming flat out at SIGTERM", func() {
		router := startRouter("", false)
		a := startAgent([]string{router.addr}, nil)
		c := a.ingressClient(clientTLS(files("client")))
		stream, err := c.BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())

		// One producer streams batches of 100 until a Send fails; a batch
		// whose Send returned nil counts as accepted, as gRPC's client
		// tells it so.
		var accepted []string
		sent := make(chan struct{})
		stopped := make(chan struct{})
		go func() {
			defer GinkgoRecover()
			defer close(stopped)
			for i := 0; ; i++ {
				batch := make([]*loggregator_v2.Envelope, 100)
				names := make([]string, 100)
				for j := range batch {
					names[j] = fmt.Sprintf("stream-%d-%d", i, j)
					batch[j] = logEnvelope(names[j])
				}
				if stream.Send(&loggregator_v2.EnvelopeBatch{Batch: batch}) != nil {
					return
				}
				accepted = append(accepted, names...)
				if i == 200 {
					close(sent)
				}
			}
		}()
		Eventually(sent).Should(BeClosed())
		a.session.Signal(syscall.SIGTERM)
		Eventually(stopped).Should(BeClosed())
		Eventually(a.session).Should(gexec.Exit(0))

		got := map[string]bool{}
		for _, p := range payloads(router.Logs()) {
			got[p] = true
		}
		var lost []string
		for _, p := range accepted {
			if !got[p] {
				lost = append(lost, p)
			}
		}
		GinkgoWriter.Printf("accepted %d, delivered %d, lost %d\n", len(accepted), len(got), len(lost))
		// What a Send that returned nil can have left unread: the stream's
		// flow-control window at the agent, and gRPC's client queue of
		// 64 KiB written but not yet on the wire (its write quota).
		batch := make([]*loggregator_v2.Envelope, 100)
		for j := range batch {
			batch[j] = logEnvelope(fmt.Sprintf("stream-1000-%d", j))
		}
		perEnvelope := float64(proto.Size(&loggregator_v2.EnvelopeBatch{Batch: batch})+5) / 100
		Expect(float64(len(lost)) * perEnvelope).To(BeNumerically("<=", wire.StreamWindow+64<<10))
	})

	It("runs on one core within 128 MiB, its collector at GC percent 200", func() {
		a := startAgent([]string{startRouter("", false).addr}, nil)
		Eventually(a.session.Err).Should(gbytes.Say(`"msg":"starting"`))
		Expect(string(a.session.Err.Contents())).To(And(
			ContainSubstring(`"max_procs":1,`),
			ContainSubstring(`"memory_limit_mib":128,`),
			ContainSubstring(`"gc_percent":200`),
		))
	})

	It("sends its own metrics through its pipeline", func() {
		router := startRouter("", false)
		startAgent([]string{router.addr}, func(c *agent.Config) {
			c.Metrics.EmitInterval = config.Duration(50 * time.Millisecond)
		})

		Eventually(func() []string {
			var names []string
			for _, e := range router.Received() {
				if e.SourceId == agent.SourceID && e.GetCounter() != nil {
					Expect(e.Tags).To(HaveKeyWithValue("deployment", "cf"))
					names = append(names, e.GetCounter().GetName())
				}
			}
			return names
		}).Should(ContainElements("ingress", "egress", "dropped", "router_connections"))
	})
})
