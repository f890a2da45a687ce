package routerpool

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/diode"
	"loggregator/internal/wire"
)

// errBroken is a send on an acknowledged stream whose acknowledgements
// have stopped: the stream is gone even if gRPC has not said so yet.
var errBroken = errors.New("router stream broken")

// stream is one stream to a router and the connection under it, owned by
// one worker. It is either acknowledged (acked is set: loggr.ack.v1) or
// plain (plain is set: loggregator.v2 BatchSender).
//
// On an acknowledged stream the worker keeps every batch it wrote until the
// router acknowledges it (pending), so that a break costs nothing but a
// re-send. A plain stream gives no answer until it is closed, so the worker
// keeps only the sizes of its recent writes: those within the last
// flow-control window (wire.StreamWindow) of the stream may be unread by
// the router; everything written before was read, as the window had to
// open for the later writes to go out.
type stream struct {
	addr   string
	conn   *grpc.ClientConn
	cancel context.CancelFunc
	msg    wire.Batch // reused; SendMsg encodes before returning
	sent   uint64     // envelopes written
	gen    uint64     // resolution generation last checked
	known  []string   // the routers resolved when it was opened

	plain       loggregator_v2.Ingress_BatchSenderClient
	recent      []write // plain: writes possibly unread, oldest first
	recentBytes int     // plain: sum of recent's bytes

	acked        grpc.ClientStream
	acks         atomic.Uint64 // batches acknowledged; written by readAcks
	written      atomic.Uint64 // acked: batches written; read by watch
	ackCh        chan struct{} // signalled (cap 1) by readAcks on each acknowledgement
	wrote        chan struct{} // acked: signalled (cap 1) by send on each write, for watch
	broken       chan struct{} // closed when readAcks ends
	pending      []write       // acked: written and not yet released, oldest first
	pendingBytes int           // acked: sum of pending's bytes
	released     uint64        // acked: batches acknowledged and released
	budget       *diode.Budget // acked: charged for pending batches (Options.Budget); may be nil
}

// write is one batch written to a stream: the batch itself while it may
// have to be sent again, its size on the wire, its envelope count and the
// bytes charged to the budget for keeping it.
type write struct {
	batch   [][]byte
	bytes   int
	envs    int
	charged int64
}

// wireSize is the size of batch as one gRPC message on the stream.
func wireSize(batch [][]byte) int {
	n := 5 // gRPC message prefix
	for _, e := range batch {
		n += wire.BatchRecordSize(e)
	}
	return n
}

// readAcks reads acknowledgements until the stream ends; it is the only
// goroutine besides the worker that touches s, and only acks, ackCh and
// broken.
func (s *stream) readAcks() {
	defer close(s.broken)
	var v wrapperspb.UInt64Value
	for {
		if err := s.acked.RecvMsg(&v); err != nil {
			return
		}
		if v.Value > s.acks.Load() {
			s.acks.Store(v.Value)
		}
		select {
		case s.ackCh <- struct{}{}:
		default:
		}
	}
}

// watch cuts s when its router stops acknowledging: every timeout/2 it
// checks whether batches were already waiting for an acknowledgement at
// the previous check and none has come since, and if so calls stalled and
// cancels the stream, which breaks it (the worker then sends its
// unacknowledged batches to another router). A router that stops reading
// but keeps its connection (SIGSTOP, a wedged process) is so left between
// timeout/2 and timeout after its last acknowledgement, even while the
// worker is blocked writing to it. A check that finds every batch
// acknowledged stops the checks until the next write (wrote), so an idle
// stream wakes nobody, and the first write after such a pause is given a
// full timeout. It returns when the stream ends.
func (s *stream) watch(timeout time.Duration, stalled func()) {
	t := time.NewTimer(timeout / 2)
	defer t.Stop()
	lastAcks, lastWritten := s.acks.Load(), s.written.Load()
	for {
		select {
		case <-s.broken:
			return
		case <-t.C:
		}
		acks, written := s.acks.Load(), s.written.Load()
		if lastWritten > lastAcks && acks == lastAcks {
			stalled()
			s.cancel()
			return
		}
		lastAcks, lastWritten = acks, written
		if acks >= written {
			select {
			case <-s.broken:
				return
			case <-s.wrote:
			}
		}
		t.Reset(timeout / 2)
	}
}

// send writes batch, whose wire size is size. On an acknowledged stream the
// batch is kept in pending with the bytes charged to s.budget for it, which
// leave the budget when it leaves pending; the caller releases it on a plain
// one.
func (s *stream) send(batch [][]byte, size int, charged int64) error {
	if err := s.write(batch); err != nil {
		s.uncharge(charged) // not written: nothing to keep it for
		return err
	}
	s.sent += uint64(len(batch))
	w := write{bytes: size, envs: len(batch)}
	if s.acked != nil {
		s.written.Add(1)
		select {
		case s.wrote <- struct{}{}:
		default:
		}
		w.batch, w.charged = batch, charged
		s.pending = append(s.pending, w)
		s.pendingBytes += size
		return nil
	}
	s.recent = append(s.recent, w)
	s.recentBytes += size
	for len(s.recent) > 1 && s.recentBytes-s.recent[0].bytes >= wire.StreamWindow {
		s.recentBytes -= s.recent[0].bytes
		s.recent[0] = write{}
		s.recent = s.recent[1:]
	}
	return nil
}

// write sends batch as one message; an acknowledged stream whose
// acknowledgements have ended is not written to.
func (s *stream) write(batch [][]byte) error {
	var cs grpc.ClientStream = s.plain
	if s.acked != nil {
		select {
		case <-s.broken:
			return errBroken
		default:
		}
		cs = s.acked
	}
	s.msg.Envelopes = batch
	err := cs.SendMsg(&s.msg)
	s.msg.Envelopes = nil
	return err
}

// trim releases the pending batches the router has acknowledged.
func (s *stream) trim(release func([][]byte)) {
	acked := s.acks.Load()
	for s.released < acked && len(s.pending) > 0 {
		release(s.pending[0].batch)
		s.uncharge(s.pending[0].charged)
		s.pendingBytes -= s.pending[0].bytes
		s.pending[0] = write{}
		s.pending = s.pending[1:]
		s.released++
	}
}

// unacked takes the pending batches the router has not acknowledged, oldest
// first, after releasing those it has.
func (s *stream) unacked(release func([][]byte)) [][][]byte {
	s.trim(release)
	if len(s.pending) == 0 {
		return nil
	}
	out := make([][][]byte, len(s.pending))
	for i, w := range s.pending {
		out[i] = w.batch
		s.uncharge(w.charged)
	}
	s.pending, s.pendingBytes = nil, 0
	return out
}

// uncharge gives n bytes charged for a pending batch back to the budget.
func (s *stream) uncharge(n int64) {
	if n != 0 {
		s.budget.Release(n)
	}
}

// unconfirmed is the number of envelopes of a plain stream's writes that
// may be unread.
func (s *stream) unconfirmed() int {
	n := 0
	for _, w := range s.recent {
		n += w.envs
	}
	return n
}
