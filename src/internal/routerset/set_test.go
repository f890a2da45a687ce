package routerset_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/routerset"
)

var _ = leakcheck.EverySpec()

// certs are one CA's identities for the routers ("doppler") and the set's client.
type certs map[string]certgen.Files

func newCerts() certs {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "client")
	Expect(err).NotTo(HaveOccurred())
	return files
}

func (c certs) startRouter(addr string) *envelopetest.EgressSource {
	r, err := envelopetest.NewEgressSource(addr, c["doppler"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(r.Stop)
	return r
}

func (c certs) config(addrs ...string) routerset.Config {
	cfg := routerset.DefaultConfig()
	for _, a := range addrs {
		cfg.Targets = append(cfg.Targets, resolve.Target{Addr: a})
	}
	cfg.TLS = c["client"]
	cfg.RefreshInterval = config.Duration(20 * time.Millisecond)
	cfg.MaxBackoff = config.Duration(200 * time.Millisecond)
	Expect(cfg.Validate("routers")).To(Succeed())
	return cfg
}

// running is a Set whose Run runs in the background, and its registry.
type running struct {
	*routerset.Set
	reg    *metrics.Registry
	cancel context.CancelFunc
	done   chan struct{}
}

func start(cfg routerset.Config, lookup resolve.LookupFunc) *running {
	reg := metrics.NewRegistry()
	s, err := routerset.New(cfg, routerset.NewMetrics(reg), routerset.Options{Lookup: lookup})
	Expect(err).NotTo(HaveOccurred())
	s.Resolve(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{Set: s, reg: reg, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		s.Run(ctx)
	}()
	DeferCleanup(func() {
		cancel()
		Eventually(r.done, 5*time.Second).Should(BeClosed())
	})
	return r
}

// metric returns the value of the series written exactly as series, or 0.
func (r *running) metric(series string) float64 {
	return metricstest.Value(metricstest.Page(r.reg), series)
}

// sink gathers the payloads a subscriber is delivered; deliver may be
// called from several goroutines at once.
type sink struct {
	mu       sync.Mutex
	payloads []string
}

func (k *sink) deliver(env []byte) {
	payload := "undecodable"
	var e loggregator_v2.Envelope
	if proto.Unmarshal(env, &e) == nil {
		payload = string(e.GetLog().GetPayload())
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.payloads = append(k.payloads, payload)
}

func (k *sink) got() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := slices.Clone(k.payloads)
	slices.Sort(out)
	return out
}

func (k *sink) count() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.payloads)
}

// subscribe subscribes a sink with a log request from "app" and shard id.
func (r *running) subscribe(shardID string) (*sink, func()) {
	k := &sink{}
	unsubscribe, err := r.Subscribe(&loggregator_v2.EgressBatchRequest{
		ShardId: shardID,
		Selectors: []*loggregator_v2.Selector{{
			SourceId: "app", Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}},
		}},
	}, k.deliver)
	Expect(err).NotTo(HaveOccurred())
	var once sync.Once
	stop := func() { once.Do(unsubscribe) }
	DeferCleanup(stop)
	return k, stop
}

func payloads(n int, prefixes ...string) []string {
	var out []string
	for _, p := range prefixes {
		for i := range n {
			out = append(out, fmt.Sprintf("%s-%d", p, i))
		}
	}
	slices.Sort(out)
	return out
}

func freePort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// dns answers "routers.test" with the addresses set last.
type dns struct{ ips atomic.Pointer[[]string] }

func (d *dns) set(ips ...string) { d.ips.Store(&ips) }

func (d *dns) lookup(_ context.Context, host string) ([]string, error) {
	ips := d.ips.Load()
	if host != "routers.test" || ips == nil {
		return nil, errors.New("no such host")
	}
	return *ips, nil
}

var _ = Describe("Set", func() {
	var c certs

	BeforeEach(func() {
		c = newCerts()
	})

	It("subscribes on every router with the request unchanged and merges what they send", func() {
		r1, r2 := c.startRouter("127.0.0.1:0"), c.startRouter("127.0.0.1:0")
		s := start(c.config(r1.Addr(), r2.Addr()), nil)
		got, _ := s.subscribe("group")
		Eventually(r1.Subscriptions).Should(Equal(1))
		Eventually(r2.Subscriptions).Should(Equal(1))
		Expect(r1.Requests()[0].GetShardId()).To(Equal("group"))
		Expect(r2.Requests()[0].GetSelectors()[0].GetSourceId()).To(Equal("app"))

		r1.Send(envelopetest.Logs("app", "a", 50)...)
		r2.Send(envelopetest.Logs("app", "b", 50)...)
		Eventually(got.got).Should(Equal(payloads(50, "a", "b")))
		Eventually(func() float64 { return s.metric("ingress") }).Should(Equal(100.0))
		Expect(s.metric("routers")).To(Equal(2.0))
	})

	It("gives every subscriber its own stream on each router", func() {
		r1 := c.startRouter("127.0.0.1:0")
		s := start(c.config(r1.Addr()), nil)
		first, _ := s.subscribe("")
		second, stopSecond := s.subscribe("")
		Eventually(r1.Subscriptions).Should(Equal(2))

		r1.Send(envelopetest.Logs("app", "a", 10)...)
		Eventually(first.count).Should(Equal(10))
		Eventually(second.count).Should(Equal(10))

		stopSecond()
		Eventually(r1.Subscriptions).Should(Equal(1))
		r1.Send(envelopetest.Logs("app", "b", 10)...)
		Eventually(first.count).Should(Equal(20))
		Expect(second.count()).To(Equal(10), "nothing is delivered after unsubscribe returns")
	})

	It("subscribes open subscribers to a router that joins and drops one that leaves without disturbing the others", func() {
		port := freePort()
		r1, r2 := c.startRouter(fmt.Sprintf("127.0.0.1:%d", port)), c.startRouter(fmt.Sprintf("127.0.0.2:%d", port))
		d := &dns{}
		d.set("127.0.0.1")
		s := start(c.config(fmt.Sprintf("routers.test:%d", port)), d.lookup)
		got, _ := s.subscribe("")
		Eventually(r1.Subscriptions).Should(Equal(1))
		Expect(r2.Subscriptions()).To(Equal(0))

		d.set("127.0.0.1", "127.0.0.2")
		Eventually(r2.Subscriptions).Should(Equal(1))
		r2.Send(envelopetest.Logs("app", "b", 10)...)
		Eventually(got.count).Should(Equal(10))

		d.set("127.0.0.2")
		Eventually(r1.Subscriptions).Should(Equal(0))
		r2.Send(envelopetest.Logs("app", "c", 10)...)
		Eventually(got.count).Should(Equal(20))
		Expect(r2.Requests()).To(HaveLen(1), "the remaining router's stream was not re-opened")
		// The set ends a leaving router's streams before it updates its
		// gauge, so the router may see its stream end first.
		Eventually(func() float64 { return s.metric("routers") }).Should(Equal(1.0))
		Expect(s.metric("router_connects")).To(Equal(2.0))
		Expect(s.metric("router_disconnects")).To(Equal(1.0))
	})

	It("keeps the routers it has while DNS fails", func() {
		r1 := c.startRouter("127.0.0.1:0")
		_, port, err := net.SplitHostPort(r1.Addr())
		Expect(err).NotTo(HaveOccurred())
		d := &dns{}
		d.set("127.0.0.1")
		s := start(c.config("routers.test:"+port), d.lookup)
		got, _ := s.subscribe("")
		Eventually(r1.Subscriptions).Should(Equal(1))

		d.ips.Store(nil)
		Consistently(r1.Subscriptions, "200ms").Should(Equal(1))
		r1.Send(envelopetest.Logs("app", "a", 5)...)
		Eventually(got.count).Should(Equal(5))
		Expect(r1.Requests()).To(HaveLen(1))
	})

	It("re-subscribes to a router whose stream broke, trying it at least every wire.ReconnectCap however long it stays down", func() {
		r1 := c.startRouter("127.0.0.1:0")
		addr := r1.Addr()
		s := start(c.config(addr), nil)
		got, _ := s.subscribe("")
		Eventually(r1.Subscriptions).Should(Equal(1))
		r1.Stop()
		Eventually(func() float64 { return s.metric("router_stream_errors") }).Should(BeNumerically(">=", 1))

		// While the router is down its port accepts and closes every
		// connection, counting them: each is one attempt of the set's
		// connection to reach it, which fails its TLS handshake.
		ln, err := net.Listen("tcp", addr)
		Expect(err).NotTo(HaveOccurred())
		var attempts atomic.Int64
		accepted := make(chan struct{})
		DeferCleanup(func() {
			_ = ln.Close() // closed below unless the spec failed first
			<-accepted
		})
		go func() {
			defer close(accepted)
			for {
				conn, err := ln.Accept()
				if err != nil {
					return
				}
				attempts.Add(1)
				conn.Close()
			}
		}()
		// gRPC's own backoff would try at about 1, 2.6 and 5.2 s: once
		// between 2 and 4 s. Capped at wire.ReconnectCap (250 ms, ±20 %)
		// it tries six times or more.
		time.Sleep(2 * time.Second)
		before := attempts.Load()
		time.Sleep(2 * time.Second)
		Expect(attempts.Load()-before).To(BeNumerically(">=", 4), "attempts in 2 s, the router down for 2 s already")
		Expect(ln.Close()).To(Succeed())
		<-accepted

		restarted := c.startRouter(addr)
		Eventually(restarted.Subscriptions, 5*time.Second).Should(Equal(1))
		restarted.Send(envelopetest.Logs("app", "a", 10)...)
		Eventually(got.count).Should(Equal(10))
	})

	It("ends every stream on Close, and subscribes a later subscriber to nothing", func() {
		r1, r2 := c.startRouter("127.0.0.1:0"), c.startRouter("127.0.0.1:0")
		s := start(c.config(r1.Addr(), r2.Addr()), nil)
		s.subscribe("")
		s.subscribe("")
		Eventually(r1.Subscriptions).Should(Equal(2))
		Eventually(r2.Subscriptions).Should(Equal(2))

		s.Close()
		Eventually(r1.Subscriptions).Should(BeZero())
		Eventually(r2.Subscriptions).Should(BeZero())
		Expect(s.metric("routers")).To(BeZero())

		late, _ := s.subscribe("")
		Consistently(r1.Subscriptions, "100ms").Should(BeZero())
		Expect(late.count()).To(BeZero())
	})

	It("closes when Run's context ends", func() {
		r1 := c.startRouter("127.0.0.1:0")
		s := start(c.config(r1.Addr()), nil)
		s.subscribe("")
		Eventually(r1.Subscriptions).Should(Equal(1))
		s.cancel()
		Eventually(s.done).Should(BeClosed())
		Eventually(r1.Subscriptions).Should(BeZero())
	})
})

var _ = Describe("Config", func() {
	It("names the bad field", func() {
		cfg := routerset.DefaultConfig()
		Expect(cfg.Validate("routers")).To(MatchError(ContainSubstring("routers.targets")))
		cfg.Targets = resolve.Targets{{Addr: "doppler"}}
		Expect(cfg.Validate("routers")).To(MatchError(ContainSubstring("routers.targets[0].addr")))
		cfg.Targets = resolve.Targets{{Addr: "doppler:8082"}}
		Expect(cfg.Validate("routers")).To(MatchError(ContainSubstring("routers.tls")))
		cfg.TLS = mtls.Files{CA: "ca", Cert: "c", Key: "k"}
		cfg.MaxBackoff = 0
		Expect(cfg.Validate("routers")).To(MatchError(ContainSubstring("routers.max_backoff")))
	})
})
