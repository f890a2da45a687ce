package router_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/certgen"
	"loggregator/internal/fair"
	"loggregator/internal/ingress"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
	"loggregator/internal/router"
	"loggregator/internal/wire"
)

var _ = leakcheck.EverySpec()

// identities makes a CA with a "doppler" server identity and a client one.
func identities() (server, client mtls.Files) {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "client")
	Expect(err).NotTo(HaveOccurred())
	f := func(name string) mtls.Files {
		return files[name]
	}
	return f("doppler"), f("client")
}

func testConfig(server mtls.Files) router.Config {
	cfg := *router.DefaultConfig()
	cfg.Addr = "127.0.0.1:0"
	cfg.TLS = server
	cfg.Metrics.Addr = ""
	cfg.ShutdownTimeout.UnmarshalJSON([]byte(`"5s"`)) //nolint:errcheck // a constant
	return cfg
}

// running is a router serving in the test process. done is closed when
// Run has returned err.
type running struct {
	r    *router.Router
	stop context.CancelFunc
	done chan struct{}
	err  error
	conn *grpc.ClientConn
}

func start(cfg router.Config, client mtls.Files) *running {
	r, err := router.New(cfg, slog.New(slog.NewTextHandler(GinkgoWriter, nil)))
	Expect(err).NotTo(HaveOccurred())
	ctx, stop := context.WithCancel(context.Background())
	rr := &running{r: r, stop: stop, done: make(chan struct{})}
	go func() {
		defer close(rr.done)
		rr.err = r.Run(ctx)
	}()
	tlsCfg, err := mtls.Client(client, "doppler", nil)
	Expect(err).NotTo(HaveOccurred())
	rr.conn, err = grpc.NewClient(r.Addr(), grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() {
		rr.conn.Close()
		stop()
		Eventually(rr.done, 10*time.Second).Should(BeClosed())
	})
	return rr
}

func logFrom(src string, i int) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: src, InstanceId: fmt.Sprint(i),
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(fmt.Sprint("line ", i))}}}
}

func allLogs() *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{Selectors: []*loggregator_v2.Selector{
		{Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
	}}
}

var _ = Describe("New", func() {
	It("names the address it could not listen on", func() {
		server, _ := identities()
		taken, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		defer taken.Close()
		cfg := testConfig(server)
		cfg.Addr = taken.Addr().String()
		_, err = router.New(cfg, slog.New(slog.DiscardHandler))
		Expect(err).To(MatchError(ContainSubstring("router listen " + taken.Addr().String())))
	})

	It("names a certificate file it cannot read", func() {
		server, _ := identities()
		server.Cert = filepath.Join(GinkgoT().TempDir(), "missing.crt")
		_, err := router.New(testConfig(server), slog.New(slog.DiscardHandler))
		Expect(err).To(MatchError(ContainSubstring("missing.crt")))
	})
})

var _ = Describe("Router ingress buffer", func() {
	It("drops a flooding source's envelopes and none of a quiet one's when routing falls behind", func() {
		server, client := identities()
		cfg := testConfig(server)
		cfg.Ingress.BufferSize = 16 * 64 // 64 per lane
		salt := router.LaneSalt(cfg)
		// A source that shares the noisy one's lane loses with it (see
		// internal/fair); this one has a lane of its own.
		quiet := "quiet"
		for i := 0; fair.Lane(salt, fair.DefaultLanes, []byte(quiet)) == fair.Lane(salt, fair.DefaultLanes, []byte("noisy")); i++ {
			quiet = fmt.Sprint("quiet-", i)
		}
		rr := start(cfg, client)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		sub, err := loggregator_v2.NewEgressClient(rr.conn).BatchedReceiver(ctx, &loggregator_v2.EgressBatchRequest{
			Selectors: []*loggregator_v2.Selector{{SourceId: quiet, Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}}},
		})
		Expect(err).NotTo(HaveOccurred())
		got := make(chan string, 100)
		var probed atomic.Int64
		go func() {
			for {
				b, err := sub.Recv()
				if err != nil {
					return
				}
				for _, e := range b.Batch {
					if id := e.GetInstanceId(); id == "-1" {
						probed.Add(1)
					} else {
						got <- id
					}
				}
			}
		}()
		ingress := loggregator_v2.NewIngressClient(rr.conn)
		// A probe that arrives says the subscription is in place.
		Eventually(func() int64 {
			_, err := ingress.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logFrom(quiet, -1)}})
			Expect(err).NotTo(HaveOccurred())
			return probed.Load()
		}).Should(BeNumerically(">", 0))

		// One Send: 50,000 noisy, 20 quiet, 50,000 noisy. Routing is far
		// slower than accepting, so the buffer is full of noisy envelopes
		// from the start.
		var batch []*loggregator_v2.Envelope
		for i := range 100_000 {
			batch = append(batch, &loggregator_v2.Envelope{SourceId: "noisy", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{}}})
			if i == 50_000 {
				for q := range 20 {
					batch = append(batch, logFrom(quiet, q))
				}
			}
		}
		_, err = ingress.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
		Expect(err).NotTo(HaveOccurred())

		var want, received []string
		for q := range 20 {
			want = append(want, fmt.Sprint(q))
		}
		Eventually(func() []string {
			for {
				select {
				case id := <-got:
					received = append(received, id)
				default:
					return received
				}
			}
		}, 10*time.Second).Should(Equal(want))
	})
})

var _ = Describe("Router.Run", func() {
	It("stops with an error when its own metrics cannot be sent, as every component does", func() {
		server, client := identities()
		cfg := testConfig(server)
		cfg.Agent.Addr = "127.0.0.1:3458"
		cfg.Agent.TLS = client
		cfg.Agent.TLS.Key = filepath.Join(GinkgoT().TempDir(), "missing.key")
		r, err := router.New(cfg, slog.New(slog.NewTextHandler(GinkgoWriter, nil)))
		Expect(err).NotTo(HaveOccurred())
		done := make(chan error, 1)
		go func() { done <- r.Run(context.Background()) }()
		Eventually(done, 10*time.Second).Should(Receive(MatchError(ContainSubstring("missing.key"))))
	})

	It("on stop, ends agents' streams with Unavailable and delivers what it accepted to its subscribers", func() {
		server, client := identities()
		rr := start(testConfig(server), client)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()

		sub, err := loggregator_v2.NewEgressClient(rr.conn).BatchedReceiver(ctx, allLogs())
		Expect(err).NotTo(HaveOccurred())
		agent, err := loggregator_v2.NewIngressClient(rr.conn).BatchSender(ctx)
		Expect(err).NotTo(HaveOccurred())
		// The subscriber counts what it gets until its stream ends.
		var mu sync.Mutex
		apps, probes := 0, 0
		ended := make(chan error, 1)
		go func() {
			for {
				b, err := sub.Recv()
				if err != nil {
					ended <- err
					return
				}
				mu.Lock()
				for _, e := range b.Batch {
					if e.GetSourceId() == "app" {
						apps++
					} else {
						probes++
					}
				}
				mu.Unlock()
			}
		}()
		// A probe that arrives says the subscription is in place.
		Eventually(func() int {
			Expect(agent.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logFrom("probe", 0)}})).To(Succeed())
			mu.Lock()
			defer mu.Unlock()
			return probes
		}).Should(BeNumerically(">", 0))

		var batch []*loggregator_v2.Envelope
		for i := range 1000 {
			batch = append(batch, logFrom("app", i))
		}
		// A unary Send returns once the router has accepted the batch.
		_, err = loggregator_v2.NewIngressClient(rr.conn).Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
		Expect(err).NotTo(HaveOccurred())

		rr.stop()
		var endErr error
		Eventually(ended, 10*time.Second).Should(Receive(&endErr))
		Expect(errors.Is(endErr, io.EOF)).To(BeTrue(), "the subscriber's stream ends with OK, not %v", endErr)
		mu.Lock()
		Expect(apps).To(Equal(1000), "every envelope accepted before the stop reaches the subscriber")
		mu.Unlock()

		_, err = agent.CloseAndRecv()
		Expect(status.Code(err)).To(Equal(codes.Unavailable))
		Expect(err.Error()).To(ContainSubstring("send to another router"))
		Eventually(rr.done, 10*time.Second).Should(BeClosed())
		Expect(rr.err).NotTo(HaveOccurred())
	})
})

var _ = Describe("Startup replay", func() {
	// receive counts the app envelopes a subscription gets, by instance id.
	receive := func(ctx context.Context, rr *running, req *loggregator_v2.EgressBatchRequest) func() map[string]int {
		sub, err := loggregator_v2.NewEgressClient(rr.conn).BatchedReceiver(ctx, req)
		Expect(err).NotTo(HaveOccurred())
		var mu sync.Mutex
		seen := map[string]int{}
		go func() {
			for {
				b, err := sub.Recv()
				if err != nil {
					return
				}
				mu.Lock()
				for _, e := range b.Batch {
					seen[e.GetInstanceId()]++
				}
				mu.Unlock()
			}
		}()
		return func() map[string]int {
			mu.Lock()
			defer mu.Unlock()
			return maps.Clone(seen)
		}
	}
	send := func(ctx context.Context, rr *running, from, to int) {
		var batch []*loggregator_v2.Envelope
		for i := from; i < to; i++ {
			batch = append(batch, logFrom("app", i))
		}
		_, err := loggregator_v2.NewIngressClient(rr.conn).Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
		Expect(err).NotTo(HaveOccurred())
	}
	once := func(n int) map[string]int {
		want := map[string]int{}
		for i := range n {
			want[fmt.Sprint(i)] = 1
		}
		return want
	}

	It("gives a subscription that arrives within startup_replay what the router routed before it, each envelope once", func(ctx SpecContext) {
		server, client := identities()
		cfg := testConfig(server)
		cfg.StartupReplay.UnmarshalJSON([]byte(`"1m"`)) //nolint:errcheck // a constant
		rr := start(cfg, client)
		send(ctx, rr, 0, 100) // no subscriber yet: an agent that reached the router before any rlp
		late := receive(ctx, rr, allLogs())
		Eventually(late).Should(HaveLen(100))
		send(ctx, rr, 100, 200)
		Eventually(late).Should(Equal(once(200)))
		Consistently(late, 300*time.Millisecond).Should(Equal(once(200)))
	})

	It("replays to one member of a shard group, not to every member", func(ctx SpecContext) {
		server, client := identities()
		cfg := testConfig(server)
		cfg.StartupReplay.UnmarshalJSON([]byte(`"1m"`)) //nolint:errcheck // a constant
		rr := start(cfg, client)
		send(ctx, rr, 0, 100)
		req := allLogs()
		req.ShardId = "nozzle"
		a := receive(ctx, rr, req)
		b := receive(ctx, rr, req)
		send(ctx, rr, 100, 200)
		sum := func() map[string]int {
			all := a()
			for k, v := range b() {
				all[k] += v
			}
			return all
		}
		Eventually(sum).Should(Equal(once(200)))
		Consistently(sum, 300*time.Millisecond).Should(Equal(once(200)))
	})

	It("keeps what it holds for late subscriptions within a quarter of the buffer budget, the newest, and gives the bytes back when the window closes", func(ctx SpecContext) {
		server, client := identities()
		cfg := testConfig(server)
		cfg.StartupReplay.UnmarshalJSON([]byte(`"3s"`)) //nolint:errcheck // a constant
		cfg.MemoryLimitMiB = 2                          // a budget of 1 MiB
		cfg.Metrics.Addr = "127.0.0.1:0"
		rr := start(cfg, client)
		held := func() float64 {
			page, err := metricstest.Scrape("http://" + rr.r.MetricsAddr() + "/metrics")
			Expect(err).NotTo(HaveOccurred())
			return metricstest.Value(page, "buffer_bytes")
		}
		big := func(i int) *loggregator_v2.Envelope {
			e := logFrom("app", i)
			e.GetLog().Payload = make([]byte, 10_000)
			return e
		}
		ingress := loggregator_v2.NewIngressClient(rr.conn)
		for from := 0; from < 200; from += 20 { // 2 MB, twice the budget
			batch := make([]*loggregator_v2.Envelope, 0, 20)
			for i := from; i < from+20; i++ {
				batch = append(batch, big(i))
			}
			_, err := ingress.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
			Expect(err).NotTo(HaveOccurred())
		}
		Eventually(held).Should(BeNumerically(">", 200<<10), "the kept envelopes are charged")
		Expect(held()).To(BeNumerically("<=", 256<<10), "they take at most a quarter of the budget")

		late := receive(ctx, rr, allLogs())
		Eventually(late).Should(HaveKey("199"), "the newest are kept")
		Expect(late()).NotTo(HaveKey("0"), "the oldest made room")

		withReplay := held() // the late subscriber's diode slots, and the replay store
		Eventually(func() float64 {
			send(ctx, rr, 1000, 1001) // routing after the window closes it
			return held()
		}, 10*time.Second).Should(BeNumerically("<", withReplay-200<<10))
	})

	// acked opens an acknowledged stream, as the agents of this release
	// write, and returns it with the newest acknowledgement it has read.
	acked := func(ctx context.Context, rr *running) (grpc.ClientStream, func() uint64) {
		st, err := rr.conn.NewStream(ctx, &ingress.AckStreamDesc, ingress.AckMethod, grpc.ForceCodecV2(wire.NewCodec()))
		Expect(err).NotTo(HaveOccurred())
		var newest atomic.Uint64
		go func() {
			var v wrapperspb.UInt64Value
			for st.RecvMsg(&v) == nil {
				newest.Store(v.GetValue())
			}
		}()
		return st, newest.Load
	}
	// sendAcked sends from 16 sources, as an agent of a busy VM does, so
	// that no source's share of the subscriber's ring (a quarter of it)
	// is what limits the spec.
	sendAcked := func(st grpc.ClientStream, from, to int) {
		defer GinkgoRecover()
		for i := from; i < to; i += 100 {
			b := &wire.Batch{}
			for j := i; j < min(i+100, to); j++ {
				env, err := proto.Marshal(logFrom(fmt.Sprint("app-", j%16), j))
				Expect(err).NotTo(HaveOccurred())
				b.Envelopes = append(b.Envelopes, env)
			}
			Expect(st.SendMsg(b)).To(Succeed())
		}
	}

	It("holds acknowledged streams back, unread, until its first subscription, which then gets everything they sent, more than the replay keeps", func(ctx SpecContext) {
		server, client := identities()
		cfg := testConfig(server)
		cfg.StartupReplay.UnmarshalJSON([]byte(`"1m"`)) //nolint:errcheck // a constant
		rr := start(cfg, client)                        // egress_buffer_size 10,000: the replay keeps 5,000
		st, newest := acked(ctx, rr)
		go sendAcked(st, 0, 8000)
		Consistently(newest, 300*time.Millisecond).Should(BeZero(), "nothing is acknowledged before a subscriber is there")
		late := receive(ctx, rr, allLogs())
		Eventually(late, 5*time.Second).Should(Equal(once(8000)))
		Eventually(newest).Should(Equal(uint64(80)))
	})

	It("stops holding them back a second after it started when no subscription has arrived", func(ctx SpecContext) {
		server, client := identities()
		cfg := testConfig(server)
		cfg.StartupReplay.UnmarshalJSON([]byte(`"1m"`)) //nolint:errcheck // a constant
		rr := start(cfg, client)
		st, newest := acked(ctx, rr)
		sendAcked(st, 0, 100)
		Consistently(newest, 300*time.Millisecond).Should(BeZero())
		Eventually(newest, 3*time.Second).Should(Equal(uint64(1)))
		late := receive(ctx, rr, allLogs())
		Eventually(late).Should(Equal(once(100)), "still replayed to a subscription after the hold")
	})

	It("without it, a late subscription gets only what is routed after it", func(ctx SpecContext) {
		server, client := identities()
		rr := start(testConfig(server), client) // startup_replay 0
		inPlace := func(sub func() map[string]int, probe int) {
			GinkgoHelper()
			Eventually(func() int {
				send(ctx, rr, probe, probe+1)
				return sub()[fmt.Sprint(probe)]
			}).Should(BeNumerically(">", 0), "a probe routed after the subscription reaches it")
		}
		early := receive(ctx, rr, allLogs())
		inPlace(early, 1000)
		send(ctx, rr, 0, 100)
		Eventually(early).Should(HaveKey("99")) // routed before the late subscription
		late := receive(ctx, rr, allLogs())
		inPlace(late, 2000)
		send(ctx, rr, 100, 200)
		Eventually(late).Should(HaveKey("199"))
		Expect(late()).NotTo(HaveKey("0"))
	})
})
