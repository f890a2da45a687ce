package rlp_test

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/rlp"
)

// certs are one CA's identities for the routers, the proxy and consumers.
type certs map[string]certgen.Files

func newCerts() certs {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "reverselogproxy", "client")
	Expect(err).NotTo(HaveOccurred())
	return files
}

func (c certs) startRouter(addr string) *envelopetest.EgressSource {
	r, err := envelopetest.NewEgressSource(addr, c["doppler"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(r.Stop)
	return r
}

func (c certs) proxyConfig(routerAddrs ...string) *rlp.Config {
	cfg := rlp.DefaultConfig()
	cfg.Egress.Addr = "127.0.0.1:0"
	cfg.Egress.TLS = c["reverselogproxy"]
	for _, a := range routerAddrs {
		cfg.Routers.Targets = append(cfg.Routers.Targets, resolve.Target{Addr: a})
	}
	cfg.Routers.TLS = c["reverselogproxy"]
	cfg.Routers.RefreshInterval = config.Duration(50 * time.Millisecond)
	cfg.Routers.MaxBackoff = config.Duration(200 * time.Millisecond)
	cfg.Metrics.Addr = "127.0.0.1:0"
	Expect(cfg.Validate()).To(Succeed())
	return cfg
}

func (c certs) clientTLS() *tls.Config {
	tlsCfg, err := mtls.Client(c["client"], "reverselogproxy", nil)
	Expect(err).NotTo(HaveOccurred())
	return tlsCfg
}

// running is a proxy running in the background.
type running struct {
	*rlp.Proxy
	cancel context.CancelFunc
	done   chan error
}

func startProxy(cfg *rlp.Config, lookup resolve.LookupFunc) *running {
	p, err := rlp.New(cfg, slog.New(slog.DiscardHandler), lookup)
	Expect(err).NotTo(HaveOccurred())
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{Proxy: p, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- p.Run(ctx) }()
	DeferCleanup(func() {
		cancel()
		Eventually(r.done, 10*time.Second).Should(Receive())
	})
	return r
}

// metric scrapes /metrics and returns the value of the series named
// exactly series (with its labels, as Prometheus prints them), or 0.
func (r *running) metric(series string) float64 {
	page, err := metricstest.Scrape("http://" + r.MetricsAddr() + "/metrics")
	Expect(err).NotTo(HaveOccurred())
	return metricstest.Value(page, series)
}

// collector gathers what an EnvelopeStreamConnector consumer receives.
type collector struct {
	mu   sync.Mutex
	envs []*loggregator_v2.Envelope
}

func (c *collector) payloads() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, len(c.envs))
	for _, e := range c.envs {
		out = append(out, string(e.GetLog().GetPayload()))
	}
	return out
}

func (c *collector) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.envs)
}

func consume(addr string, tlsCfg *tls.Config, req *loggregator_v2.EgressBatchRequest) *collector {
	ctx, cancel := context.WithCancel(context.Background())
	stream := loggregator.NewEnvelopeStreamConnector(addr, tlsCfg).Stream(ctx, req)
	c := &collector{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			batch := stream()
			if batch == nil {
				return
			}
			c.mu.Lock()
			c.envs = append(c.envs, batch...)
			c.mu.Unlock()
		}
	}()
	DeferCleanup(func() {
		cancel()
		Eventually(done).Should(BeClosed())
	})
	return c
}

// dial opens a raw BatchedReceiver stream on the proxy.
func dial(addr string, tlsCfg *tls.Config, req *loggregator_v2.EgressBatchRequest) loggregator_v2.Egress_BatchedReceiverClient {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	ctx, cancel := context.WithCancel(context.Background())
	DeferCleanup(cancel)
	stream, err := loggregator_v2.NewEgressClient(conn).BatchedReceiver(ctx, req)
	Expect(err).NotTo(HaveOccurred())
	return stream
}

// firehose asks for the logs of every source.
func firehose() *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{Selectors: []*loggregator_v2.Selector{
		{Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
	}}
}

func logs(sourceID, shardID string) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{
		ShardId: shardID,
		Selectors: []*loggregator_v2.Selector{{
			SourceId: sourceID,
			Message:  &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}},
		}},
	}
}

// envelopes makes n logs from sourceID whose payloads are prefix-0 .. prefix-(n-1).
func envelopes(sourceID, prefix string, n int) []*loggregator_v2.Envelope {
	out := make([]*loggregator_v2.Envelope, n)
	for i := range out {
		out[i] = &loggregator_v2.Envelope{
			SourceId: sourceID,
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(fmt.Sprintf("%s-%d", prefix, i))}},
		}
	}
	return out
}

func payloads(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%d", prefix, i)
	}
	return out
}

var _ = Describe("Reverse log proxy", func() {
	var c certs

	BeforeEach(func() {
		c = newCerts()
	})

	It("delivers to an EnvelopeStreamConnector consumer exactly what two routers send", func() {
		r1, r2 := c.startRouter("127.0.0.1:0"), c.startRouter("127.0.0.1:0")
		p := startProxy(c.proxyConfig(r1.Addr(), r2.Addr()), nil)
		got := consume(p.Addr(), c.clientTLS(), logs("app", ""))
		Eventually(r1.Subscriptions).Should(Equal(1))
		Eventually(r2.Subscriptions).Should(Equal(1))
		Expect(r1.Requests()[0].GetSelectors()[0].GetSourceId()).To(Equal("app"))

		r1.Send(envelopes("app", "a", 500)...)
		r2.Send(envelopes("app", "b", 500)...)

		Eventually(got.count).Should(Equal(1000))
		Consistently(got.count, "200ms").Should(Equal(1000))
		Expect(sorted(got.payloads())).To(Equal(sorted(append(payloads("a", 500), payloads("b", 500)...))))
		Eventually(func() float64 { return p.metric("egress") }).Should(Equal(1000.0))
		Expect(p.metric("ingress")).To(Equal(1000.0))
	})

	It("serves Receiver streams one envelope per message", func() {
		r1 := c.startRouter("127.0.0.1:0")
		p := startProxy(c.proxyConfig(r1.Addr()), nil)
		conn, err := grpc.NewClient(p.Addr(), grpc.WithTransportCredentials(credentials.NewTLS(c.clientTLS())))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(conn.Close)
		ctx, cancel := context.WithCancel(context.Background())
		DeferCleanup(cancel)
		stream, err := loggregator_v2.NewEgressClient(conn).Receiver(ctx, &loggregator_v2.EgressRequest{Selectors: logs("app", "").Selectors})
		Expect(err).NotTo(HaveOccurred())
		Eventually(r1.Subscriptions).Should(Equal(1))

		r1.Send(envelopes("app", "a", 3)...)
		for _, want := range payloads("a", 3) {
			e, err := stream.Recv()
			Expect(err).NotTo(HaveOccurred())
			Expect(string(e.GetLog().GetPayload())).To(Equal(want))
		}
	})

	It("forwards the shard id and deterministic name, so a shard group splits every router's stream without duplicates", func() {
		r1, r2 := c.startRouter("127.0.0.1:0"), c.startRouter("127.0.0.1:0")
		p := startProxy(c.proxyConfig(r1.Addr(), r2.Addr()), nil)
		req := logs("app", "group")
		req.DeterministicName = "name"
		first, second := consume(p.Addr(), c.clientTLS(), req), consume(p.Addr(), c.clientTLS(), req)
		Eventually(r1.Subscriptions).Should(Equal(2))
		Eventually(r2.Subscriptions).Should(Equal(2))
		for _, r := range r1.Requests() {
			Expect(r.GetShardId()).To(Equal("group"))
			Expect(r.GetDeterministicName()).To(Equal("name"))
		}

		r1.Send(envelopes("app", "a", 400)...)
		r2.Send(envelopes("app", "b", 400)...)

		Eventually(func() int { return first.count() + second.count() }).Should(Equal(800))
		Expect(first.count()).To(BeNumerically(">", 0))
		Expect(second.count()).To(BeNumerically(">", 0))
		Expect(sorted(append(first.payloads(), second.payloads()...))).To(Equal(sorted(append(payloads("a", 400), payloads("b", 400)...))))
	})

	It("subscribes open consumers to a router that joins and drops one that leaves without disturbing the others", func() {
		port := freePort()
		r1, r2 := c.startRouter(fmt.Sprintf("127.0.0.1:%d", port)), c.startRouter(fmt.Sprintf("127.0.0.2:%d", port))
		var ips atomic.Pointer[[]string]
		ips.Store(&[]string{"127.0.0.1"})
		lookup := func(_ context.Context, host string) ([]string, error) {
			if host != "routers.test" {
				return nil, errors.New("no such host")
			}
			return *ips.Load(), nil
		}
		p := startProxy(c.proxyConfig(fmt.Sprintf("routers.test:%d", port)), lookup)
		got := consume(p.Addr(), c.clientTLS(), logs("app", ""))
		Eventually(r1.Subscriptions).Should(Equal(1))
		Expect(r2.Subscriptions()).To(Equal(0))

		ips.Store(&[]string{"127.0.0.1", "127.0.0.2"})
		Eventually(r2.Subscriptions).Should(Equal(1))
		r2.Send(envelopes("app", "b", 10)...)
		Eventually(got.count).Should(Equal(10))

		ips.Store(&[]string{"127.0.0.2"})
		Eventually(r1.Subscriptions).Should(Equal(0))
		r2.Send(envelopes("app", "c", 10)...)
		Eventually(got.count).Should(Equal(20))
		Expect(r2.Requests()).To(HaveLen(1), "the remaining router's stream was not re-opened")
		Expect(p.metric("routers")).To(Equal(1.0))
		Expect(p.metric("router_connects")).To(Equal(2.0))
		Expect(p.metric("router_disconnects")).To(Equal(1.0))
	})

	It("re-subscribes to a router that restarts", func() {
		r1 := c.startRouter("127.0.0.1:0")
		addr := r1.Addr()
		p := startProxy(c.proxyConfig(addr), nil)
		got := consume(p.Addr(), c.clientTLS(), logs("app", ""))
		Eventually(r1.Subscriptions).Should(Equal(1))

		r1.Stop()
		restarted := c.startRouter(addr)
		Eventually(restarted.Subscriptions, 5*time.Second).Should(Equal(1))
		restarted.Send(envelopes("app", "a", 10)...)
		Eventually(got.count).Should(Equal(10))
		Expect(p.metric("router_stream_errors")).To(BeNumerically(">=", 1))
	})

	It("refuses a stream beyond max_subscriptions with ResourceExhausted and counts it", func() {
		r1 := c.startRouter("127.0.0.1:0")
		cfg := c.proxyConfig(r1.Addr())
		cfg.Egress.MaxSubscriptions = 1
		p := startProxy(cfg, nil)
		consume(p.Addr(), c.clientTLS(), logs("app", ""))
		Eventually(func() float64 { return p.metric("subscriptions") }).Should(Equal(1.0))

		_, err := dial(p.Addr(), c.clientTLS(), logs("app", "")).Recv()
		Expect(status.Code(err)).To(Equal(codes.ResourceExhausted))
		Expect(err).To(MatchError(ContainSubstring("at most 1")))
		Expect(p.metric("rejected_subscriptions")).To(Equal(1.0))
	})

	It("rejects a request without selectors with InvalidArgument", func() {
		r1 := c.startRouter("127.0.0.1:0")
		p := startProxy(c.proxyConfig(r1.Addr()), nil)
		_, err := dial(p.Addr(), c.clientTLS(), &loggregator_v2.EgressBatchRequest{}).Recv()
		Expect(status.Code(err)).To(Equal(codes.InvalidArgument))
		Expect(err).To(MatchError(ContainSubstring("selector")))
		Expect(r1.Requests()).To(BeEmpty())
	})

	// A consumer that stays slow uses up what the rlp may hold its router
	// streams back for it (a burst's allowance), then loses and is cut off.
	DescribeTable("lets a slow consumer lose only its own envelopes, then disconnects it with a clear status", func(req *loggregator_v2.EgressBatchRequest) {
		r1 := c.startRouter("127.0.0.1:0")
		cfg := c.proxyConfig(r1.Addr())
		cfg.Egress.BufferSize = 400 // a firehose consumer keeps 100 of one source: two batches
		cfg.Egress.BatchSize = 10
		cfg.Egress.SlowConsumerTimeout = config.Duration(300 * time.Millisecond)
		p := startProxy(cfg, nil)
		slow := dial(p.Addr(), c.clientTLS(), req)
		fast := consume(p.Addr(), c.clientTLS(), req)
		Eventually(r1.Subscriptions).Should(Equal(2))

		big := strings.Repeat("x", 4096)
		sent := 0
		for round := 0; round < 60; round++ {
			envs := envelopes("app", "a", 50)
			for _, e := range envs {
				e.GetLog().Payload = append(e.GetLog().Payload, big...)
			}
			r1.Send(envs...)
			sent += len(envs)
			Eventually(fast.count).Should(Equal(sent))
		}

		Eventually(func() float64 { return p.metric("slow_consumer_disconnects") }).Should(Equal(1.0))
		// What the slow one lost is counted: dropped from its full buffer
		// while it stayed behind or, when a send blocked past the timeout
		// before the buffer filled (a loaded machine), still buffered when
		// it was cut off.
		Eventually(func() float64 {
			return p.metric(`dropped{direction="egress",reason="slow_consumer"}`) + p.metric(`dropped{direction="egress",reason="disconnected"}`)
		}).Should(BeNumerically(">", 0))
		var err error
		for err == nil {
			_, err = slow.Recv()
		}
		Expect(status.Code(err)).To(Equal(codes.Aborted))
		Expect(err).To(MatchError(ContainSubstring("slow consumer")))
		Expect(fast.count()).To(Equal(sent))
	},
		Entry("of one app", logs("app", "")),
		Entry("of every app (a firehose: its buffer split by source)", firehose()),
	)

	DescribeTable("holds a burst of one source back in its router stream while a consumer catches up, instead of overwriting it", func(req *loggregator_v2.EgressBatchRequest) {
		r1 := c.startRouter("127.0.0.1:0")
		cfg := c.proxyConfig(r1.Addr())
		cfg.Egress.BufferSize = 400
		cfg.Egress.BatchSize = 50
		p := startProxy(cfg, nil)
		st := dial(p.Addr(), c.clientTLS(), req)
		Eventually(r1.Subscriptions).Should(Equal(1))

		// 1,000 envelopes of 1 KiB from one app, more than the consumer's
		// buffer keeps of one source (100 of a firehose's, all 400 of an
		// app consumer's), while the consumer reads nothing for 50 ms.
		big := strings.Repeat("x", 1024)
		go func() {
			defer GinkgoRecover()
			for round := range 10 {
				envs := envelopes("app", fmt.Sprint("b", round), 100)
				for _, e := range envs {
					e.GetLog().Payload = append(e.GetLog().Payload, big...)
				}
				r1.Send(envs...)
			}
		}()
		time.Sleep(50 * time.Millisecond)
		var got atomic.Int64
		go func() {
			for {
				b, err := st.Recv()
				if err != nil {
					return
				}
				got.Add(int64(len(b.GetBatch())))
			}
		}()
		Eventually(got.Load, 5*time.Second).Should(BeEquivalentTo(1000))
		Expect(p.metric(`dropped{direction="egress",reason="slow_consumer"}`)).To(BeZero())
		Expect(p.metric("ingress_held_batches")).To(BeNumerically(">", 0))
	},
		Entry("a firehose consumer (its buffer split by source)", firehose()),
		Entry("a consumer of that one app", logs("app", "")),
	)

	It("on stop delivers what it already received, then ends the streams and returns", func() {
		r1 := c.startRouter("127.0.0.1:0")
		p := startProxy(c.proxyConfig(r1.Addr()), nil)
		stream := dial(p.Addr(), c.clientTLS(), logs("app", ""))
		Eventually(r1.Subscriptions).Should(Equal(1))
		r1.Send(envelopes("app", "a", 1000)...)
		Eventually(func() float64 { return p.metric("ingress") }).Should(Equal(1000.0))

		p.cancel()
		var got []string
		for {
			batch, err := stream.Recv()
			if err != nil {
				Expect(err).To(Equal(io.EOF))
				break
			}
			for _, e := range batch.GetBatch() {
				got = append(got, string(e.GetLog().GetPayload()))
			}
		}
		Expect(got).To(Equal(payloads("a", 1000)))
		Eventually(p.done).Should(Receive(BeNil()))
		Expect(r1.Subscriptions()).To(Equal(0))
		p.done <- nil // for the cleanup
	})
})

// sorted sorts s in place and returns it; ConsistOf is quadratic on long lists.
func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

func freePort() int {
	port, err := envelopetest.FreePort()
	Expect(err).NotTo(HaveOccurred())
	return port
}
