package egress

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"loggregator/internal/diode"
	"loggregator/internal/subscription"
)

// Source delivers encoded envelopes to the subscribers registered with it.
// Subscribe registers deliver for a validated request and returns a function
// that unregisters it; after that function returns, deliver is not called
// again. deliver must not be called from more than one goroutine at a time
// unless Config.ConcurrentWriters is set, and the envelopes handed to it must
// not change afterwards.
type Source interface {
	Subscribe(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte)) (unsubscribe func(), err error)
}

// RoomSource is a Source whose writers can hold a batch back, for a bounded
// time, while room says it does not fit in the subscriber's buffer below
// its high-water mark (fair.Tracker.Room), instead of delivering it at
// once and overwriting the subscriber's oldest envelopes: a source that
// reads from upstream streams (the rlp's router set) lets a burst wait in
// them. A Server over a RoomSource gives every subscriber a fair.Buffer
// (of one lane for a subscriber of one source) and subscribes through
// SubscribeWithRoom.
type RoomSource interface {
	Source
	SubscribeWithRoom(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte), room func(envs [][]byte) (bool, <-chan struct{})) (unsubscribe func(), err error)
}

// Config sizes the per-subscriber machinery.
type Config struct {
	// BufferSize is the number of envelopes buffered per subscriber.
	BufferSize int
	// BatchSize is the most envelopes sent in one EnvelopeBatch.
	BatchSize int
	// BatchBytes is the most bytes of envelopes (as batch records) sent in
	// one message, or read from a subscriber's diode for one Send; an
	// envelope larger than that goes alone. 0 means no limit. With a
	// Budget it bounds what each subscriber has in flight (see run).
	BatchBytes int
	// FlushInterval paces BatchedReceiver sends of small batches: at most
	// one message per interval, so it is also the longest a batch waits to
	// fill up. A batch of a quarter of BatchSize or BatchBytes goes at once.
	FlushInterval time.Duration
	// SlowConsumerTimeout is how long a subscriber may stay behind before it
	// is disconnected.
	SlowConsumerTimeout time.Duration
	// MaxSubscriptions limits connected subscribers; 0 means no limit.
	MaxSubscriptions int
	// ConcurrentWriters makes each subscriber's diode safe for a Source that
	// calls deliver from several goroutines at once.
	ConcurrentWriters bool
	// OnSlowConsumer, if set, is called each time a slow consumer is
	// disconnected, with a description that gives its loss in full: from
	// the subscriber's sender goroutine, once its ring has been emptied.
	OnSlowConsumer func(description string)
	// Budget, if set, bounds the bytes of every subscriber's diode, its
	// slots and the envelopes in them (see slotShare), together with the
	// process's other buffers, each subscriber's envelopes within an equal
	// share of it (see envelopeShares); BudgetDropped, if set, counts the
	// envelopes that costs them (dropped{reason="budget"}).
	Budget        *diode.Budget
	BudgetDropped func(n int)
	// Salt picks which sources share a lane of a subscriber's fair ring
	// (fair.Options.Salt); give each process its own.
	Salt uint64
}

var (
	errDraining = errors.New("server is draining")
	errSlow     = errors.New("slow consumer")
)

// Server serves the Egress API. Create it with NewServer, register it on a
// gRPC server that uses wire.Codec, and call Drain before stopping that
// server.
type Server struct {
	src   Source
	rooms RoomSource // src, when it can hold batches back; else nil
	cfg   Config
	m     Metrics
	log   *slog.Logger

	slots    *slotShare
	shares   *envelopeShares
	active   atomic.Int64  // subscribers counted against MaxSubscriptions
	draining atomic.Bool   // no new subscriptions once set
	drain    chan struct{} // closed by Drain
	once     sync.Once
	senders  sync.WaitGroup // one per subscriber send goroutine
	// gate orders senders.Add before Drain's Wait: Serve adds under the
	// read lock unless draining is set, Drain sets draining under the write
	// lock (a WaitGroup must not go up from zero while it is waited on).
	gate sync.RWMutex
}

// NewServer returns a Server over src.
func NewServer(src Source, cfg Config, m Metrics, log *slog.Logger) *Server {
	rooms, _ := src.(RoomSource)
	return &Server{src: src, rooms: rooms, cfg: cfg, m: m, log: log, slots: newSlotShare(cfg), shares: newEnvelopeShares(cfg), drain: make(chan struct{})}
}

// Register adds the Egress service to g: Receiver and BatchedReceiver
// streams are served through Serve.
func (s *Server) Register(g *grpc.Server) {
	g.RegisterService(&grpc.ServiceDesc{
		ServiceName: "loggregator.v2.Egress",
		HandlerType: (*any)(nil),
		Streams: []grpc.StreamDesc{
			{StreamName: "Receiver", ServerStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
				req := new(loggregator_v2.EgressRequest)
				if err := st.RecvMsg(req); err != nil {
					return err
				}
				return s.Serve(&grpcStream{st: st}, subscription.FromRequest(req))
			}},
			{StreamName: "BatchedReceiver", ServerStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
				req := new(loggregator_v2.EgressBatchRequest)
				if err := st.RecvMsg(req); err != nil {
					return err
				}
				return s.Serve(&grpcStream{st: st, batched: true}, req)
			}},
		},
		Metadata: "loggregator-api/v2/egress.proto",
	}, s)
}

// Drain refuses new subscriptions and has every subscriber send what its
// buffer holds and end its stream with OK. It returns when all have, or
// when ctx is done. Call it after the Source has delivered its last
// envelope.
func (s *Server) Drain(ctx context.Context) error {
	s.once.Do(func() {
		s.gate.Lock()
		s.draining.Store(true)
		s.gate.Unlock()
		close(s.drain)
	})
	done := make(chan struct{})
	go func() {
		s.senders.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("egress drain: %w", ctx.Err())
	}
}

// addSender counts a send goroutine about to start and reports true,
// unless the Server is draining.
func (s *Server) addSender() bool {
	s.gate.RLock()
	defer s.gate.RUnlock()
	if s.draining.Load() {
		return false
	}
	s.senders.Add(1)
	return true
}

// Subscriptions is the number of connected subscribers.
func (s *Server) Subscriptions() int { return int(s.active.Load()) }

// Serve subscribes st to the Source for req and sends it what the Source
// delivers until the subscriber goes away, the Server drains (nil) or the
// subscriber is cut off as slow. Its errors are gRPC status errors, whatever
// carries st, so every transport reports the same outcomes: Unavailable
// while draining, InvalidArgument for a bad request, ResourceExhausted at
// the subscription limit, Aborted for a slow consumer, or the error of a
// failed Send.
func (s *Server) Serve(st Stream, req *loggregator_v2.EgressBatchRequest) error {
	if s.draining.Load() {
		return status.Error(codes.Unavailable, "shutting down: subscribe to another instance")
	}
	if _, err := subscription.Validate(req); err != nil {
		return err
	}
	if n := s.active.Add(1); s.cfg.MaxSubscriptions > 0 && n > int64(s.cfg.MaxSubscriptions) {
		s.active.Add(-1)
		s.m.RejectedSubscriptions.Inc()
		return status.Errorf(codes.ResourceExhausted, "subscription limit reached: this instance serves at most %d subscriptions", s.cfg.MaxSubscriptions)
	}
	defer s.active.Add(-1)

	ctx, cancel := context.WithCancelCause(st.Context())
	defer cancel(nil)
	stopDrain := context.AfterFunc(drainContext{s.drain}, func() { cancel(errDraining) })
	defer stopDrain()

	sub := newSubscriber(s, req, st.Batched())
	var unsubscribe func()
	var err error
	if s.rooms != nil { // newSubscriber gave sub a tracker
		unsubscribe, err = s.rooms.SubscribeWithRoom(req, sub.write, sub.tracker.Room)
	} else {
		unsubscribe, err = s.src.Subscribe(req, sub.write)
	}
	if err != nil {
		s.slots.release(sub.slotBytes)
		s.shares.leave(sub.budget)
		return err
	}
	s.m.Subscriptions.Inc()
	defer s.m.Subscriptions.Dec()

	done := make(chan error, 1)
	unsubscribed := make(chan struct{})
	if !s.addSender() {
		// Drain began after the check above: the subscriber ends as every
		// new one does while draining.
		unsubscribe()
		sub.discard()
		return status.Error(codes.Unavailable, "shutting down: subscribe to another instance")
	}
	go func() {
		defer s.senders.Done()
		done <- sub.run(ctx, st)
		<-unsubscribed
		sub.discard()
		if sub.isSlow() {
			// Announced only now: the ring's overwrites while a Send
			// blocked are counted once discard has emptied it.
			lost := sub.lost.Load()
			s.log.Info("slow consumer's loss, counted in full", "peer", st.Peer(), "lost", lost)
			if s.cfg.OnSlowConsumer != nil {
				s.cfg.OnSlowConsumer(fmt.Sprintf("slow consumer %s disconnected: it stayed behind for more than %s and lost %d envelopes",
					st.Peer(), s.cfg.SlowConsumerTimeout, lost))
			}
		}
	}()

	select {
	case err = <-done:
	case <-sub.slow:
		err = errSlow
	}
	unsubscribe()
	close(unsubscribed)

	switch {
	case errors.Is(err, errSlow):
		s.m.SlowConsumerDisconnects.Inc()
		s.log.Warn("disconnecting slow consumer", "peer", st.Peer(), "lost_so_far", sub.lost.Load(), "timeout", s.cfg.SlowConsumerTimeout.String())
		return status.Errorf(codes.Aborted, "slow consumer: stayed behind for more than %s (lost at least %d envelopes); reconnect and read faster",
			s.cfg.SlowConsumerTimeout, sub.lost.Load())
	case errors.Is(err, errDraining):
		return nil
	case err != nil && st.Context().Err() != nil:
		return status.FromContextError(st.Context().Err()).Err()
	}
	return err
}

// drainContext is a context.Context that is done when ch is closed, so a
// closed channel can cancel other contexts through context.AfterFunc.
type drainContext struct{ ch chan struct{} }

func (d drainContext) Deadline() (time.Time, bool) { return time.Time{}, false }
func (d drainContext) Done() <-chan struct{}       { return d.ch }
func (d drainContext) Value(any) any               { return nil }
func (d drainContext) Err() error {
	select {
	case <-d.ch:
		return context.Canceled
	default:
		return nil
	}
}
