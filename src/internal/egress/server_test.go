package egress_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/diode"
	"loggregator/internal/egress"
	"loggregator/internal/fair"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/subscription"
	"loggregator/internal/wire"
)

func value(m prometheus.Metric) float64 {
	var d dto.Metric
	Expect(m.Write(&d)).To(Succeed())
	if d.Counter != nil {
		return d.Counter.GetValue()
	}
	return d.Gauge.GetValue()
}

func logEnv(src string, i int, size int) []byte {
	b, err := proto.Marshal(&loggregator_v2.Envelope{SourceId: src, Tags: map[string]string{"n": fmt.Sprint(i)},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: make([]byte, size)}}})
	Expect(err).NotTo(HaveOccurred())
	return b
}

// envOfSize is logEnv with a payload that makes its encoding size bytes.
func envOfSize(src string, i int, size int) []byte {
	p := size - len(logEnv(src, i, 0))
	for range 4 {
		b := logEnv(src, i, p)
		if len(b) == size {
			return b
		}
		p -= len(b) - size
	}
	Fail(fmt.Sprintf("no envelope of %d bytes", size))
	return nil
}

func logsFrom(src string) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{UsePreferredTags: true, Selectors: []*loggregator_v2.Selector{
		{SourceId: src, Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
	}}
}

// harness is an egress.Server over a subscription registry on a real mTLS
// gRPC server. route feeds the registry from one goroutine, as the router does.
type harness struct {
	reg     *subscription.Registry
	metrics egress.Metrics
	server  *egress.Server
	grpc    *grpc.Server
	conn    *grpc.ClientConn
	creds   credentials.TransportCredentials // the client's, for more connections
	client  loggregator_v2.EgressClient
	logs    *gbytes.Buffer // what the server logged
	mu      sync.Mutex
	events  []string
}

func newHarness(cfg egress.Config) *harness {
	ca, err := certgen.NewCA("ca")
	Expect(err).NotTo(HaveOccurred())
	files, err := ca.WriteFiles(GinkgoT().TempDir(), "doppler", "client")
	Expect(err).NotTo(HaveOccurred())
	srvTLS, err := mtls.Server(files["doppler"], nil)
	Expect(err).NotTo(HaveOccurred())
	cliTLS, err := mtls.Client(files["client"], "doppler", nil)
	Expect(err).NotTo(HaveOccurred())

	h := &harness{reg: subscription.NewRegistry(), metrics: egress.NewMetrics(metrics.NewRegistry()), logs: gbytes.NewBuffer()}
	cfg.OnSlowConsumer = func(d string) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.events = append(h.events, d)
	}
	h.server = egress.NewServer(h.reg, cfg, h.metrics, slog.New(slog.NewTextHandler(io.MultiWriter(GinkgoWriter, h.logs), nil)))
	h.grpc = grpc.NewServer(grpc.Creds(credentials.NewTLS(srvTLS)), grpc.ForceServerCodecV2(wire.NewCodec()))
	h.server.Register(h.grpc)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	go func() { _ = h.grpc.Serve(ln) }()
	h.creds = credentials.NewTLS(cliTLS)
	h.conn, err = grpc.NewClient(ln.Addr().String(), grpc.WithTransportCredentials(h.creds))
	Expect(err).NotTo(HaveOccurred())
	h.client = loggregator_v2.NewEgressClient(h.conn)
	DeferCleanup(func() {
		Expect(h.conn.Close()).To(Succeed())
		h.grpc.Stop()
	})
	return h
}

func (h *harness) route(envs ...[]byte) {
	Expect(h.reg.RouteBatch(envs)).To(BeZero())
}

func (h *harness) subscribe(ctx context.Context, req *loggregator_v2.EgressBatchRequest) loggregator_v2.Egress_BatchedReceiverClient {
	GinkgoHelper()
	s, err := h.client.BatchedReceiver(ctx, req)
	Expect(err).NotTo(HaveOccurred())
	Eventually(h.reg.Len).Should(BeNumerically(">", 0))
	return s
}

func defaults() egress.Config {
	return egress.Config{BufferSize: 1000, BatchSize: 100, FlushInterval: time.Millisecond, SlowConsumerTimeout: time.Second, MaxSubscriptions: 10}
}

// collect receives from s in the background until it ends.
func collect(s loggregator_v2.Egress_BatchedReceiverClient) (func() []*loggregator_v2.Envelope, chan error) {
	var mu sync.Mutex
	var got []*loggregator_v2.Envelope
	errc := make(chan error, 1)
	go func() {
		for {
			b, err := s.Recv()
			if err != nil {
				errc <- err
				return
			}
			mu.Lock()
			got = append(got, b.Batch...)
			mu.Unlock()
		}
	}()
	return func() []*loggregator_v2.Envelope {
		mu.Lock()
		defer mu.Unlock()
		return append([]*loggregator_v2.Envelope(nil), got...)
	}, errc
}

var _ = leakcheck.EverySpec()

var _ = Describe("Server", func() {
	It("sends the envelopes a BatchedReceiver selected, in batches any client decodes", func() {
		h := newHarness(defaults())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		got, _ := collect(h.subscribe(ctx, logsFrom("a")))
		for i := range 250 {
			h.route(logEnv("a", i, 10), logEnv("b", i, 10))
		}
		Eventually(func() int { return len(got()) }).Should(Equal(250))
		for i, e := range got() {
			Expect(e.SourceId).To(Equal("a"))
			Expect(e.Tags["n"]).To(Equal(fmt.Sprint(i)))
		}
		Expect(value(h.metrics.Egress)).To(Equal(250.0))
		Expect(value(h.metrics.Subscriptions)).To(Equal(1.0))
	})

	It("sends one envelope per message to a Receiver", func() {
		h := newHarness(defaults())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s, err := h.client.Receiver(ctx, &loggregator_v2.EgressRequest{UsePreferredTags: true, Selectors: logsFrom("a").Selectors})
		Expect(err).NotTo(HaveOccurred())
		Eventually(h.reg.Len).Should(Equal(1))
		h.route(logEnv("a", 1, 5), logEnv("a", 2, 5))
		for _, n := range []string{"1", "2"} {
			e, err := s.Recv()
			Expect(err).NotTo(HaveOccurred())
			Expect(e.Tags["n"]).To(Equal(n))
		}
	})

	It("moves tags to deprecated_tags for a consumer that does not use preferred tags", func() {
		h := newHarness(defaults())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		req := logsFrom("a")
		req.UsePreferredTags = false
		s := h.subscribe(ctx, req)
		h.route(logEnv("a", 3, 5))
		b, err := s.Recv()
		Expect(err).NotTo(HaveOccurred())
		Expect(b.Batch[0].Tags).To(BeEmpty())
		Expect(b.Batch[0].DeprecatedTags["n"].GetText()).To(Equal("3"))
	})

	It("rejects a request without selectors with InvalidArgument", func() {
		h := newHarness(defaults())
		s, err := h.client.BatchedReceiver(context.Background(), &loggregator_v2.EgressBatchRequest{})
		Expect(err).NotTo(HaveOccurred())
		_, err = s.Recv()
		Expect(status.Code(err)).To(Equal(codes.InvalidArgument))
		Expect(status.Convert(err).Message()).To(ContainSubstring("selector"))
	})

	It("refuses subscriptions over the limit with ResourceExhausted and counts them", func() {
		cfg := defaults()
		cfg.MaxSubscriptions = 1
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		h.subscribe(ctx, logsFrom("a"))
		s, err := h.client.BatchedReceiver(ctx, logsFrom("a"))
		Expect(err).NotTo(HaveOccurred())
		_, err = s.Recv()
		Expect(status.Code(err)).To(Equal(codes.ResourceExhausted))
		Expect(status.Convert(err).Message()).To(ContainSubstring("at most 1 subscriptions"))
		Expect(value(h.metrics.RejectedSubscriptions)).To(Equal(1.0))
	})

	It("lets a stalled subscriber lose only its own envelopes, then disconnects it", func() {
		cfg := defaults()
		cfg.SlowConsumerTimeout = 300 * time.Millisecond
		cfg.BufferSize = 100
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		stalled := h.subscribe(ctx, logsFrom("a"))
		fastStream, err := h.client.BatchedReceiver(ctx, logsFrom("a"))
		Expect(err).NotTo(HaveOccurred())
		Eventually(h.reg.Len).Should(Equal(2))
		fast, fastErr := collect(fastStream)

		const total = 3000
		sent := 0
		stalledDone := make(chan error, 1)
		go func() {
			// Read nothing until the server gives up on this stream.
			<-ctx.Done()
		}()
		for sent < total {
			h.route(logEnv("a", sent, 4096))
			sent++
			if sent%50 == 0 {
				// Pace the producer to the fast consumer, never to the stalled one.
				Eventually(func() int { return len(fast()) }).Should(BeNumerically(">=", sent))
			}
		}
		Eventually(func() int { return len(fast()) }).Should(Equal(total))
		Consistently(fastErr).ShouldNot(Receive())

		Eventually(value).WithArguments(h.metrics.SlowConsumerDisconnects).Should(Equal(1.0))
		go func() {
			for {
				if _, err := stalled.Recv(); err != nil {
					stalledDone <- err
					return
				}
			}
		}()
		var err2 error
		Eventually(stalledDone, 5*time.Second).Should(Receive(&err2))
		Expect(status.Code(err2)).To(Equal(codes.Aborted))
		Expect(err2.Error()).To(ContainSubstring("slow consumer"))
		Expect(value(h.metrics.SlowConsumer) + value(h.metrics.Disconnected)).To(BeNumerically(">", 0))
		// Once its ring is emptied the server logs and announces the loss
		// in full: every overwrite, the ones made while a Send blocked
		// included (the disconnect itself could count only those before).
		Eventually(h.logs).Should(gbytes.Say(`slow consumer's loss, counted in full.* lost=(\d+)`))
		final := regexp.MustCompile(`counted in full.* lost=(\d+)`).FindSubmatch(h.logs.Contents())
		Expect(strconv.ParseFloat(string(final[1]), 64)).To(Equal(value(h.metrics.SlowConsumer)))
		Eventually(func() []string {
			h.mu.Lock()
			defer h.mu.Unlock()
			return slices.Clone(h.events)
		}).Should(ConsistOf(ContainSubstring("disconnected: it stayed behind for more than 300ms and lost " + string(final[1]) + " envelopes")))
	})

	It("sends a batch at once after a quiet flush interval, and paces what follows to one message per interval", func() {
		cfg := defaults()
		cfg.FlushInterval = time.Hour
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := h.subscribe(ctx, logsFrom("a"))
		h.route(logEnv("a", 0, 10))
		b, err := s.Recv() // not held for the hour: nothing was sent before
		Expect(err).NotTo(HaveOccurred())
		Expect(b.Batch).To(HaveLen(1))
		h.route(logEnv("a", 1, 10))
		h.route(logEnv("a", 2, 10))
		Expect(h.server.Drain(ctx)).To(Succeed()) // ends the wait early
		b, err = s.Recv()
		Expect(err).NotTo(HaveOccurred())
		Expect(b.Batch).To(HaveLen(2), "both waited out the interval in one message")
		_, err = s.Recv()
		Expect(err).To(MatchError(io.EOF))
	})

	It("sends a batch that already holds a quarter of a full message at once, inside the flush interval", func() {
		cfg := defaults()
		cfg.FlushInterval = time.Hour
		cfg.BatchBytes = 64 << 10
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := h.subscribe(ctx, logsFrom("a"))
		h.route(logEnv("a", 0, 10))
		b, err := s.Recv() // nothing was sent before: at once
		Expect(err).NotTo(HaveOccurred())
		Expect(b.Batch).To(HaveLen(1))
		got := make(chan int, 1)
		go func() {
			defer GinkgoRecover()
			b, err := s.Recv()
			Expect(err).NotTo(HaveOccurred())
			got <- len(b.Batch)
		}()
		h.route(envOfSize("a", 1, cfg.BatchBytes/4)) // a quarter of BatchBytes
		Eventually(got, 5*time.Second).Should(Receive(Equal(1)), "sent without waiting out the hour")
	})

	It("counts a batch of a quarter of BatchSize envelopes, or of BatchBytes bytes, as one to send at once", func() {
		Expect(egress.Sizable(24, 2400, 100, 64<<10)).To(BeFalse())
		Expect(egress.Sizable(25, 2500, 100, 64<<10)).To(BeTrue())
		Expect(egress.Sizable(1, 16<<10, 100, 64<<10)).To(BeTrue())
		Expect(egress.Sizable(1, 16<<10, 100, 0)).To(BeFalse(), "no byte limit")
		Expect(egress.Sizable(1, 10, 8, 0)).To(BeFalse())
		Expect(egress.Sizable(1, 10, 1, 0)).To(BeTrue())
	})

	It("gives a consumer of many sources that falls behind a fair ring: the flooding source loses its own envelopes, a quiet one none", func() {
		cfg := defaults()
		cfg.SlowConsumerTimeout = time.Minute // behind on purpose, not to be cut off
		cfg.Salt = 7
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		noisy, quiet := "noisy", "quiet-0"
		for i := 1; fair.Lane(cfg.Salt, fair.DefaultLanes, []byte(quiet)) == fair.Lane(cfg.Salt, fair.DefaultLanes, []byte(noisy)); i++ {
			quiet = fmt.Sprintf("quiet-%d", i) // a quiet source in a lane of its own, as 15 of 16 are
		}
		s, err := h.client.BatchedReceiver(ctx, &loggregator_v2.EgressBatchRequest{UsePreferredTags: true, Selectors: []*loggregator_v2.Selector{
			{Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}}, // every source's logs
		}})
		Expect(err).NotTo(HaveOccurred())
		Eventually(h.reg.Len).Should(BeNumerically(">", 0))

		// The consumer reads nothing yet: what gRPC's windows take, then
		// the ring (1,000 configured, a quarter per lane), holds the rest.
		const floods, perFlood, size = 20, 1000, 200
		sentQuiet := 0
		for f := range floods {
			h.route(logEnv(quiet, sentQuiet, size))
			sentQuiet++
			batch := make([][]byte, perFlood)
			for i := range batch {
				batch[i] = logEnv(noisy, f*perFlood+i, size)
			}
			h.route(batch...)
		}
		got, errc := collect(s)
		Expect(h.server.Drain(ctx)).To(Succeed())
		Eventually(errc, 10*time.Second).Should(Receive(MatchError(io.EOF)))

		bySource := map[string]int{}
		for _, e := range got() {
			bySource[e.SourceId]++
		}
		Expect(bySource[quiet]).To(Equal(sentQuiet), "the quiet source lost nothing")
		lost := floods*perFlood - bySource[noisy]
		Expect(lost).To(BeNumerically(">", floods*perFlood/2), "the flood overflowed the ring")
		Expect(value(h.metrics.SlowConsumer)).To(BeNumerically("==", lost), "every loss counted")
	})

	It("holds a stalled subscriber to its share of the budget, so one that reads keeps its room", func() {
		const limit = 4 << 20
		cfg := defaults()
		cfg.SlowConsumerTimeout = time.Minute // stalled on purpose, not to be cut off
		cfg.BatchBytes = 64 << 10
		cfg.Budget = diode.NewBudget(limit)
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		_ = h.subscribe(ctx, logsFrom("a")) // never read
		reading := h.subscribe(ctx, logsFrom("a"))
		Eventually(h.reg.Len).Should(Equal(2))
		got, _ := collect(reading)

		// 8 MB in all: the stalled subscriber's 1,000 slots would hold
		// all of it, so only bytes bound it; each share is a quarter of
		// the budget (half of it over two subscribers).
		const rounds, per, size = 20, 50, 8 << 10
		for r := range rounds {
			batch := make([][]byte, per)
			for i := range batch {
				batch[i] = logEnv("a", r*per+i, size)
			}
			h.route(batch...)
			Eventually(func() int { return len(got()) }, 5*time.Second).Should(Equal((r+1)*per), "the reading subscriber lost nothing")
			// The two shares, and the slot arrays (under 128 KiB here):
			// the stalled one's diode took no more than its share. (Its
			// drops are counted only once its reader gets to them, which
			// it may not while its Send is blocked.)
			Expect(cfg.Budget.Held()).To(BeNumerically("<=", limit/2+128<<10))
		}
	})

	It("delivers what it buffered and ends streams with OK when drained", func() {
		h := newHarness(defaults())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := h.subscribe(ctx, logsFrom("a"))
		for i := range 500 {
			h.route(logEnv("a", i, 10))
		}
		Expect(h.server.Drain(ctx)).To(Succeed())
		n := 0
		for {
			b, err := s.Recv()
			if errors.Is(err, io.EOF) {
				break
			}
			Expect(err).NotTo(HaveOccurred())
			n += len(b.Batch)
		}
		Expect(n).To(Equal(500))
		_, err := h.client.BatchedReceiver(ctx, logsFrom("a"))
		if err == nil {
			s2, _ := h.client.BatchedReceiver(ctx, logsFrom("a"))
			_, err = s2.Recv()
		}
		Expect(status.Code(err)).To(Equal(codes.Unavailable))
	})

	It("counts what stalled subscribers have in flight against the budget, and cuts every message at BatchBytes", func() {
		const limit, batchBytes, stalled = 32 << 20, 64 << 10, 20
		cfg := defaults()
		cfg.Budget = diode.NewBudget(limit)
		cfg.BatchBytes = batchBytes
		cfg.MaxSubscriptions = stalled + 1
		cfg.SlowConsumerTimeout = time.Minute // stalled, not cut off, while measured
		h := newHarness(cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()

		// Fixed 64 KiB stream windows (no BDP growth), so each stalled
		// stream takes one window of envelopes into this process's client
		// and the rest waits in the server. Each selects its own source, so
		// no two hold the same envelope and the budget counts real bytes.
		conn, err := grpc.NewClient(h.conn.Target(), grpc.WithTransportCredentials(h.creds),
			grpc.WithInitialWindowSize(64<<10), grpc.WithInitialConnWindowSize(16<<20))
		Expect(err).NotTo(HaveOccurred())
		defer conn.Close()
		for i := range stalled {
			_, err := loggregator_v2.NewEgressClient(conn).BatchedReceiver(ctx, logsFrom(fmt.Sprint("stalled-", i)))
			Expect(err).NotTo(HaveOccurred())
		}
		Eventually(h.reg.Len).Should(Equal(stalled))
		reader := h.subscribe(ctx, logsFrom("read"))
		Eventually(h.reg.Len).Should(Equal(stalled + 1))
		sizes := make(chan int, 1000)
		go func() {
			defer close(sizes)
			for {
				b, err := reader.Recv()
				if err != nil {
					return
				}
				sizes <- proto.Size(b)
			}
		}()

		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		held := cfg.Budget.Held()
		// A burst of 16 KiB envelopes (whole size classes of the Go heap, so
		// their bytes are what the budget counts) for each stalled stream in
		// turn, and envelopes for the reader between them.
		for i := range stalled {
			for n := range 100 {
				h.route(envOfSize(fmt.Sprint("stalled-", i), n, 16<<10))
			}
			for n := range 20 {
				h.route(logEnv("read", n, 1000))
			}
		}
		settled := -1.0
		Eventually(func() bool {
			n := value(h.metrics.Egress)
			same := n == settled
			settled = n
			return same
		}).WithPolling(200 * time.Millisecond).WithTimeout(20 * time.Second).Should(BeTrue())
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		counted := cfg.Budget.Held() - held

		Expect(cfg.Budget.Held()).To(BeNumerically("<=", limit))
		// Uncounted, each stalled stream held two messages of up to 100
		// envelopes (1.6 MB each, in 2 MiB buffers) beside its diode. What
		// is left uncounted now is the stalled streams' client windows in
		// this process (1.25 MiB) and gRPC's own state.
		Expect(grown-counted).To(BeNumerically("<", 12<<20),
			"the heap grew by %d bytes, the budget counts %d more", grown, counted)
		cancel()
		var largest int
		for n := range sizes {
			largest = max(largest, n)
		}
		Expect(largest).To(BeNumerically(">", 0))
		Expect(largest).To(BeNumerically("<=", batchBytes))
	})

	It("charges subscribers' diode slots to the budget, gives later ones fewer, and takes them back when they leave", func() {
		const limit = 400_000
		cfg := defaults() // 1,000 slots of 32 bytes, at most 10 subscriptions
		cfg.Budget = diode.NewBudget(limit)
		h := newHarness(cfg)
		floors := int64(10 * 64 * 32)
		Expect(cfg.Budget.Held()).To(Equal(floors))

		ctx, cancel := context.WithCancel(context.Background())
		for range 8 {
			h.subscribe(ctx, logsFrom("a"))
		}
		Eventually(h.reg.Len).Should(Equal(8))
		// Half the budget, less the floors, holds five diodes of 1,000 slots
		// beyond their floors, then two of 500; the eighth keeps its floor.
		full, half := int64((1000-64)*32), int64((500-64)*32)
		Expect(cfg.Budget.Held()).To(Equal(floors + 5*full + 2*half))
		Expect(cfg.Budget.Held()).To(BeNumerically("<=", limit/2))

		cancel()
		Eventually(h.reg.Len).Should(BeZero())
		Eventually(cfg.Budget.Held).Should(Equal(floors))
	})
})
