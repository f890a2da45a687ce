package egress_test

import (
	"context"
	"log/slog"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"loggregator/internal/egress"
	"loggregator/internal/metrics"
	"loggregator/internal/subscription"
)

// memStream is a Stream carried by a channel, as a websocket or an HTTP
// response would carry one: Send copies each envelope out, or blocks while
// the reader is stalled.
type memStream struct {
	ctx     context.Context
	batched bool
	out     chan []byte
}

func (m *memStream) Context() context.Context { return m.ctx }
func (m *memStream) Batched() bool            { return m.batched }
func (m *memStream) Peer() string             { return "mem-peer" }

func (m *memStream) Send(envs [][]byte) error {
	for _, e := range envs {
		select {
		case m.out <- append([]byte(nil), e...):
		case <-m.ctx.Done():
			return m.ctx.Err()
		}
	}
	return nil
}

var _ = Describe("Server.Serve with a Stream of another transport", func() {
	var (
		reg    *subscription.Registry
		m      egress.Metrics
		server *egress.Server
	)

	BeforeEach(func() {
		reg = subscription.NewRegistry()
		m = egress.NewMetrics(metrics.NewRegistry())
		cfg := defaults()
		cfg.BufferSize = 10
		cfg.SlowConsumerTimeout = 100 * time.Millisecond
		server = egress.NewServer(reg, cfg, m, slog.New(slog.NewTextHandler(GinkgoWriter, nil)))
	})

	// serve runs Serve as a transport's handler would: when Serve returns,
	// the transport ends the stream.
	serve := func(st *memStream) chan error {
		ctx, end := context.WithCancel(st.ctx)
		st.ctx = ctx
		done := make(chan error, 1)
		go func() {
			defer end()
			done <- server.Serve(st, logsFrom("app"))
		}()
		Eventually(reg.Len).Should(Equal(1))
		return done
	}

	It("delivers what the Source routes and ends with the subscriber", func() {
		ctx, cancel := context.WithCancel(context.Background())
		st := &memStream{ctx: ctx, batched: true, out: make(chan []byte, 100)}
		done := serve(st)

		Expect(reg.RouteBatch([][]byte{logEnv("app", 1, 10), logEnv("other", 2, 10), logEnv("app", 3, 10)})).To(BeZero())
		Eventually(st.out).Should(Receive(Equal(logEnv("app", 1, 10))))
		Eventually(st.out).Should(Receive(Equal(logEnv("app", 3, 10))))
		Eventually(func() float64 { return value(m.Egress) }).Should(Equal(2.0))

		cancel()
		Eventually(done).Should(Receive(HaveOccurred()))
		Eventually(reg.Len).Should(BeZero())
		Expect(value(m.Subscriptions)).To(BeZero())
	})

	It("cuts off a subscriber that stays behind with the same Aborted status gRPC subscribers get", func() {
		st := &memStream{ctx: context.Background(), out: make(chan []byte)} // nobody reads
		done := serve(st)

		stop, stopped := make(chan struct{}), make(chan struct{})
		defer func() { close(stop); <-stopped }()
		env := logEnv("app", 1, 10)
		go func(reg *subscription.Registry) {
			defer close(stopped)
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					reg.RouteBatch([][]byte{env})
				}
			}
		}(reg)

		var err error
		Eventually(done, 5*time.Second).Should(Receive(&err))
		Expect(status.Code(err)).To(Equal(codes.Aborted))
		Expect(err.Error()).To(ContainSubstring("slow consumer"))
		Expect(value(m.SlowConsumerDisconnects)).To(Equal(1.0))
	})

	It("ends with nil once drained, after sending what was buffered", func() {
		st := &memStream{ctx: context.Background(), batched: true, out: make(chan []byte, 100)}
		done := serve(st)
		Expect(reg.RouteBatch([][]byte{logEnv("app", 1, 10)})).To(BeZero())
		Expect(server.Drain(context.Background())).To(Succeed())
		Eventually(done).Should(Receive(BeNil()))
		Expect(st.out).To(Receive(Equal(logEnv("app", 1, 10))))
	})
})
