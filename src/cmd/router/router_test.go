package main_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"loggregator/internal/mtls"
)

func tags(envs []*loggregator_v2.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, e.SourceId+"/"+e.Tags["i"])
	}
	return out
}

var _ = Describe("Router", func() {
	It("delivers to each subscriber exactly the envelopes its selectors match", func() {
		r := startRouter(nil)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		logsA := r.subscribe(ctx, request(sel("a", "log")))
		requests := r.subscribe(ctx, request(sel("", "counter", "requests")))
		cpu := r.subscribe(ctx, request(sel("b", "gauge", "cpu", "mem")))
		mixed := r.subscribe(ctx, request(sel("a", "log"), sel("b", "counter")))
		r.waitSubscribed(4)

		var envs []*loggregator_v2.Envelope
		for i := range 50 {
			envs = append(envs, logFrom("a", i), logFrom("b", i), counterFrom("a", "requests", i), counterFrom("b", "errors", i),
				gaugeFrom("b", i, "cpu", "mem", "disk"), gaugeFrom("b", i, "cpu"))
		}
		r.send(envs)

		want := func(keep func(e *loggregator_v2.Envelope) bool) []string {
			var out []*loggregator_v2.Envelope
			for _, e := range envs {
				if keep(e) {
					out = append(out, e)
				}
			}
			return tags(out)
		}
		// Order holds within a source, not across sources: the ingress
		// buffer keeps a lane per source (internal/fair), so each
		// subscriber is waited for on its own.
		collect := func(s *subscription) func() []string {
			var got []*loggregator_v2.Envelope
			return func() []string {
				got = append(got, s.drain()...)
				return tags(got)
			}
		}
		Eventually(collect(logsA)).Should(Equal(want(func(e *loggregator_v2.Envelope) bool {
			return e.SourceId == "a" && e.GetLog() != nil
		})))
		Eventually(collect(requests)).Should(Equal(want(func(e *loggregator_v2.Envelope) bool { return e.GetCounter().GetName() == "requests" })))
		Eventually(collect(cpu)).Should(Equal(want(func(e *loggregator_v2.Envelope) bool { return len(e.GetGauge().GetMetrics()) == 3 })))
		Eventually(collect(mixed)).Should(ConsistOf(want(func(e *loggregator_v2.Envelope) bool {
			return (e.SourceId == "a" && e.GetLog() != nil) || (e.SourceId == "b" && e.GetCounter() != nil)
		})))
		Expect(r.metric("ingress")).To(Equal(300.0))
	})

	It("splits a shard group's stream with no duplicates and no loss", func() {
		r := startRouter(nil)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		req := request(sel("", "log"))
		req.ShardId = "group-1"
		members := []*subscription{r.subscribe(ctx, req), r.subscribe(ctx, req), r.subscribe(ctx, req)}
		everything := r.subscribe(ctx, request(sel("", "log")))
		r.waitSubscribed(4)

		var envs []*loggregator_v2.Envelope
		for i := range 900 {
			envs = append(envs, logFrom("a", i))
		}
		r.send(envs)

		seen := map[string]int{}
		Eventually(func() int {
			for _, m := range members {
				for _, t := range tags(m.drain()) {
					seen[t]++
				}
			}
			return len(seen)
		}).Should(Equal(900))
		for t, n := range seen {
			Expect(n).To(Equal(1), "%s arrived more than once", t)
		}
		Expect(everything.drain()).To(HaveLen(900))
	})

	It("keeps counters and gauges of one name on one member with deterministic_name", func() {
		r := startRouter(nil)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		req := request(sel("", "counter"), sel("", "gauge"))
		req.ShardId, req.DeterministicName = "det", "consumer"
		members := []*subscription{r.subscribe(ctx, req), r.subscribe(ctx, req), r.subscribe(ctx, req)}
		r.waitSubscribed(3)
		var envs []*loggregator_v2.Envelope
		for i := range 300 {
			envs = append(envs, counterFrom("a", fmt.Sprint("c", i%10), i), gaugeFrom("b", i, fmt.Sprint("g", i%10)))
		}
		r.send(envs)

		owner := map[string]int{}
		total := 0
		Eventually(func() int {
			for i, m := range members {
				for _, e := range m.drain() {
					name := e.GetCounter().GetName()
					for n := range e.GetGauge().GetMetrics() {
						name = n
					}
					if o, ok := owner[name]; ok {
						Expect(o).To(Equal(i), "name %s went to two members", name)
					}
					owner[name] = i
					total++
				}
			}
			return total
		}).Should(Equal(600))
		Expect(owner).To(HaveLen(20))
	})

	It("lets a stalled subscriber lose only its own envelopes, then disconnects it and says so", func() {
		r := startRouter(map[string]any{"egress": map[string]any{"slow_consumer_timeout": "500ms", "buffer_size": 200}})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		stalled, err := loggregator_v2.NewEgressClient(r.conn).BatchedReceiver(ctx, request(sel("a", "log")))
		Expect(err).NotTo(HaveOccurred())
		fast := r.subscribe(ctx, request(sel("a", "log")))
		events := r.subscribe(ctx, request(sel("doppler", "event")))
		r.waitSubscribed(3)

		const total = 6000
		payload := make([]byte, 2000)
		received := 0
		for i := 0; i < total; i += 100 {
			var envs []*loggregator_v2.Envelope
			for j := i; j < i+100; j++ {
				e := logFrom("a", j)
				e.GetLog().Payload = payload
				envs = append(envs, e)
			}
			r.send(envs)
			// Keep pace with the fast subscriber, never with the stalled one.
			Eventually(func() int {
				for {
					select {
					case <-fast.envs:
						received++
					default:
						return received
					}
				}
			}).Should(Equal(i + 100))
		}
		Expect(fast.err).NotTo(Receive())

		Eventually(r.metric).WithArguments("slow_consumer_disconnects").Should(Equal(1.0))
		var got error
		for got == nil {
			_, got = stalled.Recv()
		}
		Expect(status.Code(got)).To(Equal(codes.Aborted))
		Expect(status.Convert(got).Message()).To(ContainSubstring("slow consumer"))
		Expect(r.metric(`dropped{direction="egress",reason="slow_consumer"}`) + r.metric(`dropped{direction="egress",reason="disconnected"}`)).To(BeNumerically(">", 0))
		Eventually(events.envs).Should(Receive(WithTransform(func(e *loggregator_v2.Envelope) string {
			return e.GetEvent().GetTitle()
		}, Equal("slow consumer disconnected"))))
	})

	It("holds its buffers, subscribers' diode slots included, within buffer_budget_bytes under many stalled subscribers", func() {
		r := startRouter(map[string]any{"memory_limit_mib": 16, "egress": map[string]any{"slow_consumer_timeout": "1m"}})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		budget := r.metric("buffer_budget_bytes")
		Expect(budget).To(Equal(float64(8 << 20)))

		const subscribers = 100
		for range subscribers { // each never reads
			_, err := loggregator_v2.NewEgressClient(r.conn).BatchedReceiver(ctx, request(sel("a", "log")))
			Expect(err).NotTo(HaveOccurred())
		}
		r.waitSubscribed(subscribers)
		// Nothing flows yet, and the diodes' slots are already charged: at
		// least a 64-slot floor of 32 bytes for each.
		Expect(r.metric("buffer_bytes")).To(BeNumerically(">=", subscribers*64*32))

		payload := make([]byte, 4000)
		peak := 0.0
		for i := 0; i < 5000; i += 100 { // 20 MB, to each subscriber
			var envs []*loggregator_v2.Envelope
			for j := i; j < i+100; j++ {
				e := logFrom("a", j)
				e.GetLog().Payload = payload
				envs = append(envs, e)
			}
			r.send(envs)
			peak = max(peak, r.metric("buffer_bytes"))
		}
		Eventually(func() float64 {
			peak = max(peak, r.metric("buffer_bytes"))
			return r.metric(`dropped{direction="egress",reason="budget"}`)
		}).Should(BeNumerically(">", 0), "the budget, not the slots, limited what the stalled subscribers hold")
		Expect(peak).To(BeNumerically("<=", budget))
		Expect(peak).To(BeNumerically(">=", budget/2))
	})

	It("refuses requests without selectors and subscriptions over the limit, and counts the refusals", func() {
		r := startRouter(map[string]any{"egress": map[string]any{"max_subscriptions": 2}})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		client := loggregator_v2.NewEgressClient(r.conn)

		s, err := client.BatchedReceiver(ctx, &loggregator_v2.EgressBatchRequest{ShardId: "x"})
		Expect(err).NotTo(HaveOccurred())
		_, err = s.Recv()
		Expect(status.Code(err)).To(Equal(codes.InvalidArgument))
		Expect(status.Convert(err).Message()).To(ContainSubstring("selector"))

		r.subscribe(ctx, request(sel("", "log")))
		r.subscribe(ctx, request(sel("", "log")))
		r.waitSubscribed(2)
		s, err = client.BatchedReceiver(ctx, request(sel("", "log")))
		Expect(err).NotTo(HaveOccurred())
		_, err = s.Recv()
		Expect(status.Code(err)).To(Equal(codes.ResourceExhausted))
		Expect(r.metric("rejected_subscriptions")).To(Equal(1.0))
	})

	It("serves a consumer built on go-loggregator's EnvelopeStreamConnector unchanged", func() {
		r := startRouter(nil)
		tlsCfg, err := mtls.Client(*r.client, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		connector := loggregator.NewEnvelopeStreamConnector(r.addr, tlsCfg.Clone())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		stream := connector.Stream(ctx, request(sel("a", "log")))
		got := make(chan *loggregator_v2.Envelope, 1000)
		go func() {
			for ctx.Err() == nil {
				for _, e := range stream() {
					got <- e
				}
			}
		}()
		r.waitSubscribed(1)
		r.send([]*loggregator_v2.Envelope{logFrom("a", 1), logFrom("b", 2), logFrom("a", 3)})
		Eventually(got).Should(Receive(WithTransform(func(e *loggregator_v2.Envelope) string { return e.Tags["i"] }, Equal("1"))))
		Eventually(got).Should(Receive(WithTransform(func(e *loggregator_v2.Envelope) string { return e.Tags["i"] }, Equal("3"))))
	})

	It("accepts the go-loggregator ingress client and counts malformed envelopes without failing", func() {
		r := startRouter(nil)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		logs := r.subscribe(ctx, request(sel("app", "log")))
		r.waitSubscribed(1)

		tlsCfg, err := mtls.Client(*r.client, "doppler", nil)
		Expect(err).NotTo(HaveOccurred())
		client, err := loggregator.NewIngressClient(tlsCfg, loggregator.WithAddr(r.addr), loggregator.WithBatchFlushInterval(10*time.Millisecond))
		Expect(err).NotTo(HaveOccurred())
		client.EmitLog("hello", loggregator.WithSourceInfo("app", "APP", "0"))
		Eventually(logs.envs).Should(Receive(WithTransform(func(e *loggregator_v2.Envelope) string {
			return string(e.GetLog().GetPayload())
		}, Equal("hello"))))

		// An envelope whose source_id is not UTF-8 is malformed.
		sendRaw(r, []byte{0x0a, 0x04, 0x12, 0x02, 0xff, 0xfe})
		Eventually(r.metric).WithArguments(`dropped{direction="ingress",reason="invalid"}`).Should(Equal(1.0))
		r.send([]*loggregator_v2.Envelope{logFrom("app", 9)})
		Eventually(logs.envs).Should(Receive())
	})

	It("delivers what it accepted to connected subscribers when stopped, then exits", func() {
		r := startRouter(nil)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s, err := loggregator_v2.NewEgressClient(r.conn).BatchedReceiver(ctx, request(sel("", "log")))
		Expect(err).NotTo(HaveOccurred())
		r.waitSubscribed(1)
		var envs []*loggregator_v2.Envelope
		for i := range 2000 {
			envs = append(envs, logFrom("a", i))
		}
		r.send(envs)
		r.session.Terminate()
		n := 0
		for {
			b, err := s.Recv()
			if errors.Is(err, io.EOF) {
				break
			}
			Expect(err).NotTo(HaveOccurred())
			n += len(b.Batch)
		}
		Expect(n).To(Equal(2000))
		Eventually(r.session, 10*time.Second).Should(gexec.Exit(0))
	})
})

// sendRaw sends an already-encoded EnvelopeBatch with the unary Send.
func sendRaw(r *router, batch []byte) {
	GinkgoHelper()
	Expect(r.conn.Invoke(context.Background(), "/loggregator.v2.Ingress/Send", rawMessage(batch), &loggregator_v2.SendResponse{})).To(Succeed())
}
