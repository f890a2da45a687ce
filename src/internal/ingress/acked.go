package ingress

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/wire"
)

// Acknowledged ingress (src/proto/loggr/ack/v1/ingress.proto): a
// BatchSender whose receiver answers with the number of batches it has
// accepted, so a sender knows what a broken stream may have lost.
const (
	// AckService is the gRPC service name.
	AckService = "loggr.ack.v1.Ingress"
	// AckMethod is the full name of its one call.
	AckMethod = "/" + AckService + "/BatchSender"
)

// AckStreamDesc describes AckMethod for a client's grpc.ClientConn.NewStream.
var AckStreamDesc = grpc.StreamDesc{StreamName: "BatchSender", ClientStreams: true, ServerStreams: true}

// HandOff is what acknowledged ingress asks of a Sink that only buffers
// what it accepts (Config.HandOff): a batch is acknowledged once it has
// left that buffer (handed on, or counted as dropped there), so a crash of
// the process afterwards cannot lose it unseen. Without a HandOff a batch
// is acknowledged once Accept has returned.
type HandOff interface {
	// Mark appends to dst a mark of everything the Accept calls that have
	// returned took, and returns it. Any goroutine may call it.
	Mark(dst []uint64) []uint64
	// HandedOn reports whether everything mark covers has been handed
	// on; when not, it returns a channel that is closed once more has
	// been, to ask again then.
	HandedOn(mark []uint64) (bool, <-chan struct{})
}

// Room is what acknowledged ingress asks of a Sink whose buffer can fill
// up (Config.Room) before it hands it a batch: a sender on an acknowledged
// stream keeps every batch until it is acknowledged, so a batch held back
// there waits in the sender's own buffer (and, once the stream's
// flow-control window is full, stops the sender's writes) instead of
// overwriting older entries of the sink's.
type Room interface {
	// Room reports whether envs fit in the sink's buffer now; when not,
	// it returns a channel that is closed once the buffer has let some
	// go, to ask again then. Any goroutine may call it.
	Room(envs [][]byte) (bool, <-chan struct{})
}

// DefaultRoomWait is Config.RoomWait's default: a second, longer than the
// routing pauses of a starved process (a quarter of a router's lane is
// 125 ms of one source at 20,000/s) and short enough that a stream sharing
// a lane with a plain stream's flood, which Room never makes room for, is
// slowed rather than stopped.
const DefaultRoomWait = time.Second

// stopHandOff bounds how long a stream ended by Stop waits for the sink to
// hand on what it accepted, acknowledging as it goes, before it ends: the
// sender re-sends what is left unacknowledged, so a router that stops
// while still routing costs duplicates, not losses. A variable only for
// the specs (export_test.go).
var stopHandOff = time.Second

// RegisterAcks adds the acknowledged BatchSender (AckService) to g, which
// must use wire.Codec. It shares the Server's sink and its Stop: a stop
// refuses new calls and ends open ones with codes.Unavailable, like
// Register's, after a last acknowledgement of everything handed on (see
// HandOff), waiting at most a second for it.
// Batches that arrive once the server has stopped are neither accepted nor
// acknowledged (nor counted here): their sender still holds them and sends
// them elsewhere.
func (s *Server) RegisterAcks(g *grpc.Server) {
	g.RegisterService(&grpc.ServiceDesc{
		ServiceName: AckService,
		HandlerType: (*any)(nil),
		Streams: []grpc.StreamDesc{{
			StreamName: AckStreamDesc.StreamName, ClientStreams: true, ServerStreams: true,
			Handler: s.ackedBatchSender,
		}},
		Metadata: "loggr/ack/v1/ingress.proto",
	}, s)
}

// ackedBatchSender reads in one goroutine and answers in the handler's own,
// so only the handler ever calls SendMsg and a stop never waits for an idle
// producer. The reader records a batch in the stream's ledger only once
// the sink has taken it, under mu, so once Stop has set stopped the ledger
// is final and the last acknowledgement covers everything handed on.
func (s *Server) ackedBatchSender(_ any, st grpc.ServerStream) error {
	if !s.enter() {
		return s.errStop
	}
	defer s.streams.Done()
	l := &ledger{handOff: s.cfg.HandOff, progress: make(chan struct{}, 1)}
	done := make(chan error, 1)
	go func() {
		defer s.readers.Done()
		var b wire.Batch
		for {
			if err := st.RecvMsg(&b); err != nil {
				done <- err
				return
			}
			s.acceptWhenRoom(st.Context(), b.Envelopes, b.Invalid, l)
			s.done(&b) // an idle stream must not pin the batch's buffer
		}
	}()

	ack := &wrapperspb.UInt64Value{}
	// answer acknowledges what has been handed on, if that is more than
	// was acknowledged, and returns a channel to wait on for more.
	answer := func() (<-chan struct{}, error) {
		n, more := l.handedOn()
		if n == ack.Value {
			return more, nil
		}
		ack.Value = n
		return more, st.SendMsg(ack)
	}
	if err := st.SendMsg(ack); err != nil { // 0: the service is here
		return err
	}
	for {
		more, err := answer()
		if err != nil {
			return err
		}
		select {
		case <-l.progress:
		case <-more:
		case err := <-done:
			if !errors.Is(err, io.EOF) {
				return err
			}
			return s.settle(st.Context(), answer, false)
		case <-st.Context().Done(): // the connection is gone; the reader ends with it
			return st.Context().Err()
		case <-s.stopCh:
			// The stream ends either way; the sender re-sends what it
			// lacks.
			return s.settle(st.Context(), answer, true)
		}
	}
}

// settle acknowledges, as the sink hands it on, everything the stream's
// reader accepted, once the reader has ended or the server has stopped
// (so nothing more is accepted). It returns nil once everything is
// acknowledged, or the stop status once the server stops (stopping: has
// stopped) and stopHandOff has passed or everything is acknowledged; an
// error of the stream ends it at once.
func (s *Server) settle(ctx context.Context, answer func() (<-chan struct{}, error), stopping bool) error {
	stop := s.stopCh
	var deadline <-chan time.Time
	if stopping {
		stop, deadline = nil, time.After(stopHandOff)
	}
	for {
		more, err := answer()
		switch {
		case err != nil:
			return err
		case more == nil && stopping:
			return s.errStop
		case more == nil:
			return nil
		}
		select {
		case <-more:
		case <-stop:
			stop, deadline, stopping = nil, time.After(stopHandOff), true
		case <-deadline:
			return s.errStop
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// acceptWhenRoom accepts one batch (acceptRecorded) once Config.Room has
// room for it or RoomWait has passed, under gate. Meanwhile the stream is
// not read: its sender holds the batches behind this one. If ctx ends
// first the batch is neither accepted nor acknowledged, and its sender
// sends it elsewhere; a stop ends the wait, and acceptRecorded then drops
// it unacknowledged.
func (s *Server) acceptWhenRoom(ctx context.Context, envs [][]byte, invalid int, l *ledger) {
	if s.cfg.Room == nil {
		s.acceptRecorded(envs, invalid, l)
		return
	}
	var (
		start   time.Time
		timeout <-chan time.Time
		expired bool
	)
	for {
		s.gate.Lock()
		ok, more := s.cfg.Room.Room(envs)
		if ok || expired {
			s.acceptRecorded(envs, invalid, l)
			s.gate.Unlock()
			if !start.IsZero() && s.cfg.Held != nil {
				s.cfg.Held(time.Since(start))
			}
			return
		}
		s.gate.Unlock()
		if start.IsZero() {
			start = time.Now()
			wait := s.cfg.RoomWait
			if wait <= 0 {
				wait = DefaultRoomWait
			}
			t := time.NewTimer(wait)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case <-more:
		case <-timeout:
			expired = true
		case <-s.stopCh:
			expired = true
		case <-ctx.Done():
			return
		}
	}
}

// acceptRecorded hands one batch to the sink and records it in l, unless
// the server has stopped.
func (s *Server) acceptRecorded(envs [][]byte, invalid int, l *ledger) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.stopped {
		return
	}
	s.sink.Accept(envs, invalid)
	l.record()
}
