package ingress

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// Sink takes what producers send. envs are encoded loggregator.v2.Envelopes
// as they arrived, unchecked; invalid is the number of records of the same
// message that could not be framed and are not in envs.
//
// Accept is called from one goroutine per stream (and per unary Send), so
// calls for one stream come in order and calls for different streams run
// concurrently. It must not block: the producer's stream waits for it. Each
// envelope is a slice of a buffer nothing else references and may be kept,
// unless Config.SinkCopies says the sink keeps nothing of it; the envs
// slice itself is reused once Accept returns.
type Sink interface {
	Accept(envs [][]byte, invalid int)
}

// SinkFunc lets an ordinary function be a Sink.
type SinkFunc func(envs [][]byte, invalid int)

// Accept calls f(envs, invalid).
func (f SinkFunc) Accept(envs [][]byte, invalid int) { f(envs, invalid) }

// Config is how a Server stops.
type Config struct {
	// Grace is how long Stop lets open streams run, still accepting, before
	// it ends them; 0 ends them at once.
	Grace time.Duration
	// Stopping is the message of the codes.Unavailable status that ends
	// open streams and refuses new calls once Stop has begun ("server is
	// stopping" when empty). Say where the producer should go.
	Stopping string
	// Dropped, which may be nil, is told how many records (envelopes and
	// invalid records alike) arrived after Stop ended the streams and were
	// dropped unseen: dropped{direction="ingress",reason="shutdown"}.
	Dropped func(n int)
	// HandOff, which may be nil, tells acknowledged ingress (RegisterAcks)
	// when what the sink accepted has left its buffer; nil acknowledges a
	// batch once the sink has taken it.
	HandOff HandOff
	// SinkCopies promises that the sink keeps no envelope it is handed once
	// Accept has returned (it copies what it keeps, as the agent does). The
	// Server then gives each message's received frames back to gRPC's
	// buffer pool as soon as the sink has taken it, so later messages can
	// be read into memory already in use rather than into fresh buffers
	// for the collector to find (and, at first, for the kernel to fault
	// in). gRPC pools frames of 1 KiB and more, per P: the reuse is surest
	// with one P, as the agent runs. A sink that keeps envelopes must leave
	// it false: their bytes would be overwritten.
	SinkCopies bool
	// Room, which may be nil, lets acknowledged ingress (RegisterAcks) hold
	// a batch back, and so stop reading its stream, while the sink's
	// buffer has no room for it below its high-water mark; nil never holds
	// back. Plain streams never wait for it.
	Room Room
	// RoomWait bounds how long one batch is held back for Room before it
	// is accepted all the same (DefaultRoomWait if 0).
	RoomWait time.Duration
	// Held, which may be nil, is told how long each batch that Room held
	// back waited.
	Held func(time.Duration)
}

// When Stop ends a plain stream it waits for the producer's next message
// and then for cutQuiet without another (looking every cutPoll), for at
// most cutWait. A producer that sends in batches (go-loggregator's client
// flushes every 100 envelopes or every second) has just sent, and learns
// of the end long before its next Send, which then fails; ending the
// stream at a moment of its own choosing would lose whatever was on the
// wire then, which neither end can count.
const (
	cutQuiet = 5 * time.Millisecond
	cutPoll  = time.Millisecond
	cutWait  = 500 * time.Millisecond
)

// Server serves the loggregator.v2.Ingress service into a Sink. Create it
// with NewServer, Register it on a gRPC server built with
// wire.ServerOptions (its codec keeps envelopes encoded), and Stop it
// before stopping that gRPC server.
type Server struct {
	sink    Sink
	cfg     Config
	errStop error
	batches sync.Pool // *wire.Batch, the receive state of unary Sends

	// mu orders Accept and new calls against Stop: once Stop has set
	// closing no call starts, and once it has set stopped nothing reaches
	// the sink. Accept holds it shared while it feeds the sink.
	mu      sync.RWMutex
	closing bool          // guarded by mu
	stopped bool          // guarded by mu
	stopCh  chan struct{} // closed when stopped is set
	once    sync.Once     // Stop's work

	// gate makes Room's answer and the Accept after it one step for
	// acknowledged streams, so two of them never both fill the room one
	// answer saw. Plain streams do not take it.
	gate sync.Mutex

	streams sync.WaitGroup // one per open Sender/BatchSender call
	readers sync.WaitGroup // one per stream's receive loop
}

// NewServer returns a Server feeding sink.
func NewServer(sink Sink, cfg Config) *Server {
	msg := cfg.Stopping
	if msg == "" {
		msg = "server is stopping"
	}
	return &Server{
		sink:    sink,
		cfg:     cfg,
		errStop: status.Error(codes.Unavailable, msg),
		batches: sync.Pool{New: func() any { return &wire.Batch{} }},
		stopCh:  make(chan struct{}),
	}
}

// Register adds the Ingress service (Send, Sender, BatchSender) to g, which
// must use wire.Codec (wire.ServerOptions installs it). Server interceptors
// are not run for it.
func (s *Server) Register(g *grpc.Server) {
	g.RegisterService(&grpc.ServiceDesc{
		ServiceName: "loggregator.v2.Ingress",
		HandlerType: (*any)(nil),
		Methods:     []grpc.MethodDesc{{MethodName: "Send", Handler: s.send}},
		Streams: []grpc.StreamDesc{
			{StreamName: "Sender", ClientStreams: true, Handler: s.sender},
			{StreamName: "BatchSender", ClientStreams: true, Handler: s.batchSender},
		},
		Metadata: "loggregator-api/v2/ingress.proto",
	}, s)
}

// Accept hands envs to the sink as if a producer had sent them, unless the
// server has stopped: then it counts them through Config.Dropped. So a
// Server is itself a Sink, one that a component's own envelopes can enter
// by.
func (s *Server) Accept(envs [][]byte, invalid int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.stopped {
		if n := len(envs) + invalid; n > 0 && s.cfg.Dropped != nil {
			s.cfg.Dropped(n)
		}
		return
	}
	s.sink.Accept(envs, invalid)
}

// Stop stops accepting. New calls are refused at once with
// codes.Unavailable; open streams keep being read for up to Config.Grace
// (a producer closing its stream meanwhile gets its normal response), then
// end with codes.Unavailable, a plain stream just after its producer's
// next message (at most cutWait later), with what its reader received
// until then accepted. Stop returns once every stream call and
// receive loop has ended and no Accept is in progress; what arrives later
// is dropped and counted. It does not wait for idle peers: each receive
// loop runs in its own goroutine. Calling Stop again waits for the first.
func (s *Server) Stop() {
	s.once.Do(func() {
		s.mu.Lock()
		s.closing = true
		s.mu.Unlock()

		ended := make(chan struct{})
		go func() { // ends once the stop below ends every stream
			s.streams.Wait()
			close(ended)
		}()
		if s.cfg.Grace > 0 {
			t := time.NewTimer(s.cfg.Grace)
			select {
			case <-ended:
			case <-t.C:
			}
			t.Stop()
		}

		s.mu.Lock()
		s.stopped = true
		close(s.stopCh)
		s.mu.Unlock()
		<-ended
		s.readers.Wait()
	})
}

// enter registers a new stream call, or reports false once Stop has begun.
// Registering under mu means every Add happens before Stop's waits.
func (s *Server) enter() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closing {
		return false
	}
	s.streams.Add(1)
	s.readers.Add(1)
	return true
}

func (s *Server) send(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
	s.mu.RLock()
	closing := s.closing
	s.mu.RUnlock()
	if closing {
		return nil, s.errStop
	}
	b := s.batches.Get().(*wire.Batch)
	defer func() {
		s.done(b) // the pool must not pin the batch's buffer
		s.batches.Put(b)
	}()
	if err := dec(b); err != nil {
		return nil, err
	}
	s.Accept(b.Envelopes, b.Invalid)
	return &loggregator_v2.SendResponse{}, nil
}

func (s *Server) sender(_ any, st grpc.ServerStream) error {
	var e wire.Envelope
	one := make([][]byte, 1)
	return s.serve(st, &loggregator_v2.IngressResponse{}, func() error {
		if err := st.RecvMsg(&e); err != nil {
			return err
		}
		one[0] = e.Bytes
		s.acceptStreamed(one, 0)
		one[0] = nil // an idle stream must not pin what the sink let go
		return nil
	})
}

func (s *Server) batchSender(_ any, st grpc.ServerStream) error {
	var b wire.Batch
	return s.serve(st, &loggregator_v2.BatchSenderResponse{}, func() error {
		if err := st.RecvMsg(&b); err != nil {
			return err
		}
		s.acceptStreamed(b.Envelopes, b.Invalid)
		s.done(&b) // an idle stream must not pin the batch's buffer
		return nil
	})
}

// done lets go of a received batch the sink has taken: its frames go back
// to gRPC's pool when the sink copies (Config.SinkCopies), else only the
// references to them are cleared, leaving the sink's envelopes to the
// collector.
func (s *Server) done(b *wire.Batch) {
	if s.cfg.SinkCopies {
		b.Release()
		return
	}
	clear(b.Envelopes)
}

// acceptStreamed hands what a plain stream's reader received to the sink,
// also once Stop has begun to end the streams: the producer was told it was
// sent, and Stop waits for every reader before it returns.
func (s *Server) acceptStreamed(envs [][]byte, invalid int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.sink.Accept(envs, invalid)
}

// serve runs recv in its own goroutine until the client half-closes the
// stream (answered with resp), the stream fails, or Stop ends it, which
// then need not wait for an idle producer's next message. The loop's
// receive state lives in recv's closure: one per stream, reused for every
// message.
func (s *Server) serve(st grpc.ServerStream, resp proto.Message, recv func() error) error {
	if !s.enter() {
		return s.errStop
	}
	defer s.streams.Done()
	done := make(chan error, 1)
	var received atomic.Uint64 // messages recv has returned
	go func() {
		defer s.readers.Done()
		for {
			if err := recv(); err != nil {
				done <- err
				return
			}
			received.Add(1)
		}
	}()
	ended := func(err error) error {
		if errors.Is(err, io.EOF) {
			return st.SendMsg(resp)
		}
		return err
	}
	select {
	case err := <-done:
		return ended(err)
	case <-s.stopCh:
	}
	// Cut the stream just after its producer has sent, once cutQuiet has
	// passed without another message: a producer that sends in batches
	// learns of the end before its next Send, which then fails instead of
	// vanishing on the wire. A producer that sends nothing, or never
	// pauses, is cut at cutWait.
	tick := time.NewTicker(cutPoll)
	defer tick.Stop()
	cutAt := time.Now().Add(cutWait)
	atStop := received.Load()
	seen, quietSince := atStop, time.Now()
	for {
		select {
		case err := <-done:
			return ended(err)
		case now := <-tick.C:
			if n := received.Load(); n != seen {
				seen, quietSince = n, now
			}
			if (seen != atStop && now.Sub(quietSince) >= cutQuiet) || !now.Before(cutAt) {
				return s.errStop
			}
		}
	}
}
