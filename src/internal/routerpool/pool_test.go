package routerpool_test

import (
	"context"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/router"
	"loggregator/internal/routerpool"
)

var _ = leakcheck.EverySpec()

// certs are one CA's identities for the routers ("doppler") and the pool ("metron").
type certs map[string]certgen.Files

func newCerts() certs {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "metron")
	Expect(err).NotTo(HaveOccurred())
	return files
}

// runningRouter is the real router serving on addr until stop.
type runningRouter struct {
	*router.Router
	stop func()
}

func (c certs) startRouter(addr string) *runningRouter {
	cfg := *router.DefaultConfig()
	cfg.Addr = addr
	cfg.TLS = c["doppler"]
	cfg.Metrics.Addr = "127.0.0.1:0"
	cfg.ShutdownTimeout = config.Duration(2 * time.Second)
	Expect(cfg.Validate()).To(Succeed())
	r, err := router.New(cfg, slog.New(slog.DiscardHandler))
	Expect(err).NotTo(HaveOccurred())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	var stopped atomic.Bool
	stop := func() {
		if stopped.Swap(true) {
			return
		}
		cancel()
		Eventually(done, 10*time.Second).Should(Receive(BeNil()))
	}
	DeferCleanup(stop)
	return &runningRouter{Router: r, stop: stop}
}

// ingress is how many envelopes the router has accepted, from its /metrics.
func (r *runningRouter) ingress() float64 {
	page, err := metricstest.Scrape("http://" + r.MetricsAddr() + "/metrics")
	Expect(err).NotTo(HaveOccurred())
	return metricstest.Value(page, "ingress")
}

// value is the value of series in reg, or 0.
func value(reg *metrics.Registry, series string) float64 {
	return metricstest.Value(metricstest.Page(reg), series)
}

func (c certs) poolConfig(addrs ...string) routerpool.Config {
	cfg := routerpool.DefaultConfig()
	for _, a := range addrs {
		cfg.Targets = append(cfg.Targets, routerpool.Target{Addr: a})
	}
	cfg.TLS = c["metron"]
	cfg.Streams = 2
	cfg.DialTimeout = config.Duration(time.Second)
	cfg.MaxBackoff = config.Duration(100 * time.Millisecond)
	cfg.DNSRefreshInterval = config.Duration(50 * time.Millisecond)
	Expect(cfg.Validate("routers")).To(Succeed())
	return cfg
}

// runningPool is a pool running in the background on in.
type runningPool struct {
	in       chan [][]byte
	cancel   context.CancelFunc
	done     chan struct{}
	released atomic.Int64
	closeIn  func() // closes in once
}

func startPool(cfg routerpool.Config, m *routerpool.Metrics, buffered int) *runningPool {
	return startPoolOn(cfg, m, buffered, routerpool.Options{})
}

// startPoolOn is startPool with opts (its Release is the running pool's).
func startPoolOn(cfg routerpool.Config, m *routerpool.Metrics, buffered int, opts routerpool.Options) *runningPool {
	rp := &runningPool{in: make(chan [][]byte, buffered), done: make(chan struct{})}
	opts.Release = func([][]byte) { rp.released.Add(1) }
	p, err := routerpool.New(cfg, m, opts)
	Expect(err).NotTo(HaveOccurred())
	ctx, cancel := context.WithCancel(context.Background())
	rp.cancel = cancel
	go func() {
		defer close(rp.done)
		p.Run(ctx, rp.in)
	}()
	var closed atomic.Bool
	rp.closeIn = func() {
		if !closed.Swap(true) {
			close(rp.in)
		}
	}
	DeferCleanup(func() {
		cancel()
		rp.closeIn()
		Eventually(rp.done, 10*time.Second).Should(BeClosed())
	})
	return rp
}

// offer hands batch to a worker if one is taking batches now.
func (rp *runningPool) offer(batch [][]byte) bool {
	select {
	case rp.in <- batch:
		return true
	default:
		return false
	}
}

// batch is n encoded log envelopes.
func batch(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		b, err := proto.Marshal(&loggregator_v2.Envelope{
			SourceId: "app",
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello")}},
		})
		Expect(err).NotTo(HaveOccurred())
		out[i] = b
	}
	return out
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	defer ln.Close()
	return ln.Addr().String()
}

var _ = Describe("Pool", func() {
	var c certs

	BeforeEach(func() {
		c = newCerts()
	})

	It("writes every batch to the routers and counts it under its destination", func() {
		r := c.startRouter("127.0.0.1:0")
		reg := metrics.NewRegistry()
		p := startPool(c.poolConfig(r.Addr()), routerpool.NewMetrics(reg, "router"), 0)
		for range 20 {
			p.in <- batch(5)
		}
		Eventually(r.ingress).Should(Equal(100.0))
		Eventually(p.released.Load).Should(Equal(int64(20)))
		Expect(value(reg, "egress")).To(Equal(100.0))
		Expect(value(reg, `router_batches_sent{destination="router"}`)).To(Equal(20.0))
		Eventually(func() float64 {
			return value(reg, `router_streams{destination="router"}`)
		}).Should(Equal(2.0))
		Expect(value(reg, `routers{destination="router"}`)).To(Equal(1.0))
	})

	It("reconnects after its router restarts", func() {
		addr := freeAddr()
		r := c.startRouter(addr)
		reg := metrics.NewRegistry()
		p := startPool(c.poolConfig(addr), routerpool.NewMetrics(reg, "router"), 0)
		p.in <- batch(1)
		Eventually(r.ingress).Should(Equal(1.0))
		Eventually(func() float64 {
			return value(reg, `router_connections{destination="router"}`)
		}).Should(Equal(2.0), "both streams are open before the restart")

		r.stop()
		restarted := c.startRouter(addr)
		Eventually(func() float64 {
			p.offer(batch(1))
			return restarted.ingress()
		}, 10*time.Second).Should(BeNumerically(">", 0))
		Expect(value(reg, `router_connections{destination="router"}`)).To(BeNumerically(">", 2))
	})

	It("fails over to the other router when one dies", func() {
		r1, r2 := c.startRouter("127.0.0.1:0"), c.startRouter("127.0.0.1:0")
		cfg := c.poolConfig(r1.Addr(), r2.Addr())
		cfg.Streams = 4
		p := startPool(cfg, routerpool.NewMetrics(metrics.NewRegistry(), "router"), 0)
		Eventually(func() bool {
			p.offer(batch(1))
			return r1.ingress() > 0 && r2.ingress() > 0
		}, 10*time.Second).Should(BeTrue(), "the streams spread over both routers")

		r1.stop()
		before := r2.ingress()
		for range 100 {
			p.in <- batch(1)
		}
		Eventually(r2.ingress).Should(BeNumerically(">=", before+90), "at most the batches on the breaking streams are lost")
	})

	It("recycles a stream after it has carried RecycleAfterEnvelopes", func() {
		r := c.startRouter("127.0.0.1:0")
		cfg := c.poolConfig(r.Addr())
		cfg.Streams = 1
		cfg.RecycleAfterEnvelopes = 10
		reg := metrics.NewRegistry()
		p := startPool(cfg, routerpool.NewMetrics(reg, "router"), 0)
		for range 10 {
			p.in <- batch(5)
		}
		Eventually(r.ingress).Should(Equal(50.0), "a recycled stream loses nothing")
		Eventually(func() float64 {
			return value(reg, `router_stream_recycles{destination="router"}`)
		}).Should(Equal(5.0))
		Expect(value(reg, `router_connections{destination="router"}`)).To(BeNumerically(">=", 5))
	})

	It("spreads its streams onto a router that joins in DNS within a refresh, losing nothing", func() {
		port := freeAddr()[len("127.0.0.1:"):]
		first := c.startRouter("127.0.0.1:" + port)
		var joined atomic.Bool
		lookup := func(_ context.Context, host string) ([]string, error) {
			if joined.Load() {
				return []string{"127.0.0.1", "127.0.0.2"}, nil
			}
			return []string{"127.0.0.1"}, nil
		}
		cfg := c.poolConfig("routers.example:" + port)
		cfg.Streams = 4
		reg := metrics.NewRegistry()
		p, err := routerpool.New(cfg, routerpool.NewMetrics(reg, "router"), routerpool.Options{Lookup: lookup})
		Expect(err).NotTo(HaveOccurred())
		in := make(chan [][]byte)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			p.Run(ctx, in)
		}()
		defer func() {
			close(in)
			Eventually(done, 10*time.Second).Should(BeClosed())
			cancel()
		}()
		sent := 0
		send := func() { in <- batch(1); sent++ }
		for range 20 {
			send()
		}
		second := c.startRouter("127.0.0.2:" + port)
		joined.Store(true)
		Eventually(func() float64 {
			send()
			return second.ingress()
		}, 5*time.Second).Should(BeNumerically(">", 0), "a stream moved to the new router (RecycleAfterEnvelopes is 1,000,000)")
		Eventually(func() float64 { return first.ingress() + second.ingress() }).Should(BeNumerically("==", sent), "the recycled streams lost nothing")
	})

	It("counts every batch left when its context ends as dropped for shutdown and releases each", func() {
		reg := metrics.NewRegistry()
		p := startPool(c.poolConfig(freeAddr()), routerpool.NewMetrics(reg, "router"), 10)
		for range 10 {
			p.in <- batch(3)
		}
		Eventually(func() float64 {
			return value(reg, `router_connection_failures{destination="router"}`)
		}).Should(BeNumerically(">", 0))

		p.cancel()
		p.closeIn()
		Eventually(p.done, 5*time.Second).Should(BeClosed())
		Expect(value(reg, `dropped{direction="egress",reason="shutdown"}`)).To(Equal(30.0))
		Expect(p.released.Load()).To(Equal(int64(10)))
	})

	It("shares one registry with a pool to another destination", func() {
		r1, r2 := c.startRouter("127.0.0.1:0"), c.startRouter("127.0.0.1:0")
		reg := metrics.NewRegistry()
		a := startPool(c.poolConfig(r1.Addr()), routerpool.NewMetrics(reg, "a"), 0)
		b := startPool(c.poolConfig(r2.Addr()), routerpool.NewMetrics(reg, "b"), 0)
		for range 3 {
			a.in <- batch(1)
		}
		for range 5 {
			b.in <- batch(1)
		}
		Eventually(r1.ingress).Should(Equal(3.0))
		Eventually(r2.ingress).Should(Equal(5.0))
		Eventually(func() int64 { return a.released.Load() + b.released.Load() }).Should(Equal(int64(8)))
		Expect(value(reg, `router_batches_sent{destination="a"}`)).To(Equal(3.0))
		Expect(value(reg, `router_batches_sent{destination="b"}`)).To(Equal(5.0))
		Expect(value(reg, "egress")).To(Equal(8.0))
	})
})
