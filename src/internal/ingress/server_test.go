package ingress_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"runtime"
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
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/ingress"
	"loggregator/internal/leakcheck"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// call is one Accept as the sink saw it.
type call struct {
	envs    [][]byte
	invalid int
}

// recorder is a Sink that keeps every call. Once closed is set, a call is
// counted in late: the server promised none would come.
type recorder struct {
	mu    sync.Mutex
	calls []call // guarded by mu

	closed atomic.Bool
	late   atomic.Int64
}

func (r *recorder) Accept(envs [][]byte, invalid int) {
	if r.closed.Load() {
		r.late.Add(1)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, call{envs: append([][]byte(nil), envs...), invalid: invalid})
}

func (r *recorder) Calls() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]call(nil), r.calls...)
}

// Envelopes decodes every envelope received so far, in arrival order.
func (r *recorder) Envelopes() []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for _, c := range r.Calls() {
		for _, b := range c.envs {
			var e loggregator_v2.Envelope
			Expect(proto.Unmarshal(b, &e)).To(Succeed())
			out = append(out, &e)
		}
	}
	return out
}

// Invalid is the sum of the invalid counts the sink was given.
func (r *recorder) Invalid() int {
	n := 0
	for _, c := range r.Calls() {
		n += c.invalid
	}
	return n
}

// harness is an ingress.Server over a recorder on a real gRPC server with
// mutual TLS on loopback, built with wire.ServerOptions as components do.
type harness struct {
	sink      *recorder
	server    *ingress.Server
	dropped   atomic.Int64
	addr      string
	clientTLS *tls.Config
}

func newHarness(cfg ingress.Config) *harness {
	return newHarnessOn(nil, cfg)
}

// newHarnessOn is newHarness feeding sink instead of the recorder, which
// then stays empty.
func newHarnessOn(sink ingress.Sink, cfg ingress.Config) *harness {
	files, err := certgen.Identities(GinkgoT().TempDir(), "metron", "client")
	Expect(err).NotTo(HaveOccurred())
	serverTLS, err := mtls.Server(files["metron"], nil)
	Expect(err).NotTo(HaveOccurred())

	h := &harness{sink: &recorder{}}
	h.clientTLS, err = mtls.Client(files["client"], "metron", nil)
	Expect(err).NotTo(HaveOccurred())
	cfg.Dropped = func(n int) { h.dropped.Add(int64(n)) }
	if sink == nil {
		sink = h.sink
	}
	h.server = ingress.NewServer(sink, cfg)
	g := grpc.NewServer(wire.ServerOptions(serverTLS)...)
	h.server.Register(g)
	h.server.RegisterAcks(g)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	h.addr = ln.Addr().String()
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = g.Serve(ln)
	}()
	DeferCleanup(func() {
		h.server.Stop()
		g.Stop()
		Eventually(served).Should(BeClosed())
	})
	return h
}

// client is the generated v2 Ingress client on its own connection, closed
// when the spec ends.
func (h *harness) client() loggregator_v2.IngressClient {
	conn, err := grpc.NewClient("passthrough:///"+h.addr, grpc.WithTransportCredentials(credentials.NewTLS(h.clientTLS)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	return loggregator_v2.NewIngressClient(conn)
}

// loggregatorClient is go-loggregator's own IngressClient, as producers use it.
func (h *harness) loggregatorClient() *loggregator.IngressClient {
	c, err := loggregator.NewIngressClient(h.clientTLS,
		loggregator.WithAddr(h.addr), loggregator.WithBatchFlushInterval(10*time.Millisecond))
	Expect(err).NotTo(HaveOccurred())
	return c
}

func logEnv(sourceID string, payload string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: sourceID,
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(payload)}}}
}

func payloads(envs []*loggregator_v2.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, string(e.GetLog().GetPayload()))
	}
	return out
}

func encode(e *loggregator_v2.Envelope) []byte {
	GinkgoHelper()
	b, err := proto.Marshal(e)
	Expect(err).NotTo(HaveOccurred())
	return b
}

func isUnavailable(msg string) OmegaMatcher {
	return WithTransform(status.Convert, And(
		WithTransform((*status.Status).Code, Equal(codes.Unavailable)),
		WithTransform((*status.Status).Message, Equal(msg)),
	))
}

// serverGoroutines counts goroutines running code of the ingress Server.
func serverGoroutines() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "internal/ingress.(*Server)") {
			n++
		}
	}
	return n
}

var _ = Describe("Server", func() {
	leakcheck.EverySpec()

	BeforeEach(func() {
		DeferCleanup(func() {
			Eventually(serverGoroutines).Should(BeZero(), "server goroutines leaked")
		})
	})

	It("reads a Sender stream one envelope per message, in order, and answers its half-close", func() {
		h := newHarness(ingress.Config{})
		s, err := h.client().Sender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		for _, p := range []string{"a", "b", "c"} {
			Expect(s.Send(logEnv("app", p))).To(Succeed())
		}
		resp, err := s.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())
		Expect(resp).NotTo(BeNil())

		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"a", "b", "c"}))
		for _, c := range h.sink.Calls() {
			Expect(c.envs).To(HaveLen(1))
		}
	})

	It("hands each BatchSender batch to the sink as one call and answers its half-close", func() {
		h := newHarness(ingress.Config{})
		s, err := h.client().BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "1"), logEnv("app", "2")}})).To(Succeed())
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "3")}})).To(Succeed())
		resp, err := s.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())
		Expect(resp).NotTo(BeNil())

		Expect(h.sink.Calls()).To(HaveLen(2))
		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"1", "2", "3"}))
	})

	It("keeps the envelopes' bytes exactly as the producer encoded them", func() {
		h := newHarness(ingress.Config{})
		e := &loggregator_v2.Envelope{SourceId: "app", Tags: map[string]string{"a": "1"}, // one tag: map order would vary
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 3}}}
		_, err := h.client().Send(context.Background(), &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{e}})
		Expect(err).NotTo(HaveOccurred())
		Expect(h.sink.Calls()).To(ConsistOf(call{envs: [][]byte{encode(e)}}))
	})

	It("gives the received frames back to gRPC's pool once the sink has taken them, when the sink copies", func() {
		// The recorder keeps the slices it is handed, which a sink that
		// says it copies must not do: with SinkCopies the frames behind
		// them are read into again by later messages, so some kept bytes
		// change; without it every kept envelope stays as it was sent.
		// One P, as the agent runs: gRPC's pool is per P.
		DeferCleanup(runtime.GOMAXPROCS, runtime.GOMAXPROCS(1))
		changed := func(cfg ingress.Config) int {
			h := newHarness(cfg)
			s, err := h.client().BatchSender(context.Background())
			Expect(err).NotTo(HaveOccurred())
			var sent [][]byte
			for i := range 40 {
				batch := &loggregator_v2.EnvelopeBatch{}
				// 60 envelopes, about 14 KB: a frame that fills most of
				// the 16 KiB pool buffer it is read into, which the codec
				// then references rather than copies (wire.splitReceived).
				for j := range 60 {
					e := logEnv("app", fmt.Sprintf("%03d-%02d-%s", i, j, strings.Repeat("x", 200)))
					batch.Batch = append(batch.Batch, e)
					sent = append(sent, encode(e))
				}
				Expect(s.Send(batch)).To(Succeed())
				// The next message is read once this one is taken, not
				// ahead of it into a frame of its own.
				Eventually(func() int { return len(h.sink.Calls()) }).Should(Equal(i + 1))
			}
			_, err = s.CloseAndRecv()
			Expect(err).NotTo(HaveOccurred())
			var kept [][]byte
			for _, c := range h.sink.Calls() {
				kept = append(kept, c.envs...)
			}
			Expect(kept).To(HaveLen(len(sent)))
			n := 0
			for i := range kept {
				if !bytes.Equal(kept[i], sent[i]) {
					n++
				}
			}
			return n
		}
		Expect(changed(ingress.Config{})).To(BeZero())
		Expect(changed(ingress.Config{SinkCopies: true})).To(BeNumerically(">", 0))
	})

	It("counts the records it cannot frame as invalid and hands over the ones before them", func() {
		h := newHarness(ingress.Config{})
		// One good record, then a record that claims 50 bytes and has 3.
		raw := wire.AppendBatchRecord(nil, encode(logEnv("app", "good")))
		raw = append(raw, 0x0a, 50, 1, 2, 3)
		conn, err := grpc.NewClient("passthrough:///"+h.addr, grpc.WithTransportCredentials(credentials.NewTLS(h.clientTLS)),
			grpc.WithDefaultCallOptions(grpc.ForceCodecV2(wire.NewCodec())))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(conn.Close)

		// The codec sends a *wire.Envelope as it is: here, a broken EnvelopeBatch.
		Expect(conn.Invoke(context.Background(), "/loggregator.v2.Ingress/Send", &wire.Envelope{Bytes: raw}, &loggregator_v2.SendResponse{})).To(Succeed())
		s, err := loggregator_v2.NewIngressClient(conn).BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(s.SendMsg(&wire.Envelope{Bytes: raw})).To(Succeed())
		_, err = s.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())

		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"good", "good"}))
		Expect(h.sink.Invalid()).To(Equal(2))
	})

	It("feeds each stream's batches to the sink in the order the stream sent them", func() {
		h := newHarness(ingress.Config{})
		c := h.client()
		var producers sync.WaitGroup
		for _, src := range []string{"s1", "s2", "s3"} {
			producers.Go(func() {
				defer GinkgoRecover()
				s, err := c.BatchSender(context.Background())
				Expect(err).NotTo(HaveOccurred())
				for i := range 100 {
					Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv(src, fmt.Sprint(i))}})).To(Succeed())
				}
				_, err = s.CloseAndRecv()
				Expect(err).NotTo(HaveOccurred())
			})
		}
		producers.Wait()

		seen := map[string][]string{}
		for _, e := range h.sink.Envelopes() {
			seen[e.SourceId] = append(seen[e.SourceId], string(e.GetLog().GetPayload()))
		}
		want := make([]string, 100)
		for i := range want {
			want[i] = fmt.Sprint(i)
		}
		Expect(seen).To(Equal(map[string][]string{"s1": want, "s2": want, "s3": want}))
	})

	It("ends open streams on Stop with Unavailable and the configured message, without waiting for idle producers", func() {
		h := newHarness(ingress.Config{Stopping: "router is stopping: send to another router"})
		c := h.client()
		batch, err := c.BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(batch.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "before")}})).To(Succeed())
		single, err := c.Sender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(single.Send(logEnv("app", "before"))).To(Succeed())
		Eventually(h.sink.Calls).Should(HaveLen(2))

		h.server.Stop()
		_, err = batch.CloseAndRecv()
		Expect(err).To(isUnavailable("router is stopping: send to another router"))
		_, err = single.CloseAndRecv()
		Expect(err).To(isUnavailable("router is stopping: send to another router"))
		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"before", "before"}))
	})

	It("refuses every call that starts after Stop with Unavailable", func() {
		h := newHarness(ingress.Config{})
		h.server.Stop()
		c := h.client()

		_, err := c.Send(context.Background(), &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "late")}})
		Expect(err).To(isUnavailable("server is stopping"))
		batch, err := c.BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		_, err = batch.CloseAndRecv()
		Expect(err).To(isUnavailable("server is stopping"))
		single, err := c.Sender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		_, err = single.CloseAndRecv()
		Expect(err).To(isUnavailable("server is stopping"))
		Expect(h.sink.Calls()).To(BeEmpty())
	})

	It("drops what is accepted after Stop and counts envelopes and invalid records through Dropped", func() {
		h := newHarness(ingress.Config{})
		h.server.Accept([][]byte{encode(logEnv("app", "early"))}, 1)
		h.server.Stop()
		h.server.Stop() // a second Stop returns too
		h.server.Accept([][]byte{encode(logEnv("app", "late")), encode(logEnv("app", "late"))}, 1)

		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"early"}))
		Expect(h.sink.Invalid()).To(Equal(1))
		Expect(h.dropped.Load()).To(BeEquivalentTo(3))
	})

	It("never calls the sink once Stop has returned, while producers keep sending", func() {
		h := newHarness(ingress.Config{})
		c := h.client()
		var producers sync.WaitGroup
		for i := range 4 {
			producers.Go(func() {
				b := &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", fmt.Sprint(i))}}
				if i%2 == 0 { // unary Send until refused
					for {
						if _, err := c.Send(context.Background(), b); err != nil {
							return
						}
					}
				}
				s, err := c.BatchSender(context.Background())
				if err != nil {
					return
				}
				for s.Send(b) == nil {
				}
			})
		}
		Eventually(func() int { return len(h.sink.Calls()) }).Should(BeNumerically(">", 100))

		h.server.Stop()
		h.sink.closed.Store(true)
		producers.Wait()
		Expect(h.sink.late.Load()).To(BeZero())
	})

	It("keeps reading open streams during the grace, answers a producer that closes meanwhile, and returns then", func() {
		h := newHarness(ingress.Config{Grace: time.Minute})
		c := h.client()
		s, err := c.BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "before")}})).To(Succeed())
		Eventually(h.sink.Calls).Should(HaveLen(1))

		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			h.server.Stop()
		}()
		Eventually(func() error {
			_, err := c.Send(context.Background(), &loggregator_v2.EnvelopeBatch{})
			return err
		}).Should(isUnavailable("server is stopping"))
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "during")}})).To(Succeed())
		_, err = s.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())

		Eventually(stopped).Should(BeClosed())
		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"before", "during"}))
		Expect(h.dropped.Load()).To(BeZero())
	})

	It("ends the streams still open when the grace runs out", func() {
		h := newHarness(ingress.Config{Grace: 50 * time.Millisecond, Stopping: "agent is stopping"})
		s, err := h.client().Sender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(s.Send(logEnv("app", "before"))).To(Succeed())
		Eventually(h.sink.Calls).Should(HaveLen(1))

		h.server.Stop()
		_, err = s.CloseAndRecv()
		Expect(err).To(isUnavailable("agent is stopping"))
	})

	It("ends paced streams in a pause of their producers: every Send that returned nil is in the sink", func() {
		h := newHarness(ingress.Config{})
		c := h.client()
		// 80 producers each send a batch every 200 ms, each from its own
		// start, so at any moment some batch is on its way; what a Send
		// that returned nil carried was accepted as far as its producer
		// knows. (A producer learns of the end before its next Send only
		// if its client reads the stream's end within the pause: at 100 ms
		// a race-built client on a loaded CI machine once did not.)
		var mu sync.Mutex
		var accepted []string
		var producers sync.WaitGroup
		for p := range 80 {
			producers.Go(func() {
				defer GinkgoRecover()
				s, err := c.BatchSender(context.Background())
				Expect(err).NotTo(HaveOccurred())
				time.Sleep(time.Duration(p) * 2500 * time.Microsecond)
				for i := 0; ; i++ {
					name := fmt.Sprintf("%d-%d", p, i)
					if s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", name)}}) != nil {
						return
					}
					mu.Lock()
					accepted = append(accepted, name)
					mu.Unlock()
					time.Sleep(200 * time.Millisecond)
				}
			})
		}
		Eventually(func() int { return len(h.sink.Calls()) }, 10*time.Second).Should(BeNumerically(">", 200))

		h.server.Stop()
		producers.Wait()
		got := payloads(h.sink.Envelopes())
		mu.Lock()
		defer mu.Unlock()

		Expect(got).To(ConsistOf(accepted))
		Expect(h.dropped.Load()).To(BeZero())
	})

	It("ends its streams and receive loops when the gRPC server stops without it", func() {
		h := newHarness(ingress.Config{})
		s, err := h.client().BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("app", "x")}})).To(Succeed())
		Eventually(h.sink.Calls).Should(HaveLen(1))
		Expect(serverGoroutines()).To(BeNumerically(">", 0))
		// The harness's cleanup stops the gRPC server; the leak checks that
		// follow it fail if a receive loop outlives its stream.
	})
})

var _ = Describe("Server with go-loggregator's IngressClient", func() {
	// The client never closes its connection, so only the server's own
	// goroutines can be checked for leaks here.
	BeforeEach(func() {
		DeferCleanup(func() {
			Eventually(serverGoroutines).Should(BeZero(), "server goroutines leaked")
		})
	})

	It("receives what Emit batches over BatchSender and answers CloseSend", func() {
		h := newHarness(ingress.Config{})
		c := h.loggregatorClient()
		for _, p := range []string{"a", "b", "c"} {
			c.Emit(logEnv("app", p))
		}
		Expect(c.CloseSend()).To(Succeed())
		Eventually(func() []string { return payloads(h.sink.Envelopes()) }).Should(Equal([]string{"a", "b", "c"}))
	})

	It("answers EmitEvent's unary Send and hands its envelope to the sink", func() {
		h := newHarness(ingress.Config{})
		c := h.loggregatorClient()
		Expect(c.EmitEvent(context.Background(), "title", "body")).To(Succeed())
		Expect(h.sink.Envelopes()).To(ConsistOf(WithTransform(
			(*loggregator_v2.Envelope).GetEvent, And(Not(BeNil()),
				WithTransform((*loggregator_v2.Event).GetTitle, Equal("title")))),
		))
		Expect(c.CloseSend()).To(Succeed())
	})
})
