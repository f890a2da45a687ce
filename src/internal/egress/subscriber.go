package egress

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"

	"loggregator/internal/diode"
	"loggregator/internal/fair"
	"loggregator/internal/wire"
)

// ring is what both diode kinds offer the subscriber.
type ring interface {
	Set(env []byte)
	TryNext() ([]byte, bool)
	Next(ctx context.Context) ([]byte, bool)
}

// subscriber is one Egress stream: the diode the Source writes into and the
// goroutine (run) that reads it and sends. Fields without a comment belong
// to run.
type subscriber struct {
	s          *Server
	ring       ring
	batched    bool
	legacyTags bool

	// behindSince is when the current run of drops began (UnixNano), 0 while
	// the subscriber keeps up. Written from onDrop and run.
	behindSince int64
	// lost counts this subscriber's drops, for the disconnect message.
	lost atomic.Int64
	// slow is closed once the subscriber is to be disconnected as slow.
	slow     chan struct{}
	slowOnce sync.Once
	// stuck fires when a single send blocks for the slow consumer timeout.
	stuck *time.Timer
	// slotBytes is what the diode's slots cost the budget (slotShare.grant).
	slotBytes int64
	// budget is the subscriber's share of Config.Budget (envelopeShares),
	// which its diode and what run has taken from it are charged to; nil
	// without a Budget.
	budget *diode.Budget
	// carry is an envelope taken from the diode that did not fit in the
	// last message's Config.BatchBytes: the first of the next one.
	carry []byte
	// held is the bytes of the envelopes taken from the diode that are
	// still charged to the budget (see run): the message being sent, those
	// sent before it that the stream may still hold (sent), and carry.
	held int64
	// sent is the bytes of each message handed to the stream that it may
	// still hold queued, oldest first; sentBytes is their sum.
	sent      []int64
	sentBytes int64
	// tracker, for a fair ring, publishes what run has taken from it, for
	// a RoomSource's writers asking whether a batch fits (Tracker.Room).
	tracker *fair.Tracker
}

// newSubscriber makes a subscriber for req. One whose selectors can match
// more than one source gets a fair ring (fair.Buffer): when it falls
// behind, the source holding the most of its buffer loses first, so a
// firehose consumer that cannot keep up loses the flooding app's envelopes
// rather than everyone's. One that reads a single source gets a diode, or
// over a RoomSource a fair ring of one lane, which can say whether a batch
// fits.
func newSubscriber(s *Server, req *loggregator_v2.EgressBatchRequest, batched bool) *subscriber {
	sub := &subscriber{s: s, batched: batched, legacyTags: !req.GetUsePreferredTags(), slow: make(chan struct{})}
	var opts []diode.Option[[]byte]
	if s.cfg.Budget != nil {
		sub.budget = s.shares.join()
		opts = append(opts, diode.WithBudget(sub.budget, wire.BatchRecordSize, sub.onBudgetDrop), diode.KeepCharged[[]byte]())
	}
	if manySources(req) {
		if size, charged, ok := s.slots.grantFair(); ok {
			sub.slotBytes = charged
			b := fair.New(size, fair.Options{Lanes: fair.DefaultLanes, Salt: s.cfg.Salt, OnDrop: sub.onDrop, Diode: opts})
			sub.ring, sub.tracker = b, fair.NewTracker(b)
			return sub
		}
	}
	size, charged := s.slots.grant()
	sub.slotBytes = charged
	if s.rooms != nil {
		// One lane, the whole buffer for the one source, with a Tracker:
		// the Source can hold back a batch that does not fit.
		b := fair.New(size, fair.Options{Lanes: 1, OnDrop: sub.onDrop, Diode: opts})
		sub.ring, sub.tracker = b, fair.NewTracker(b)
		return sub
	}
	if s.cfg.ConcurrentWriters {
		sub.ring = diode.NewManyToOne(size, sub.onDrop, opts...)
	} else {
		sub.ring = diode.NewOneToOne(size, sub.onDrop, opts...)
	}
	return sub
}

// manySources reports whether req's selectors can match envelopes of more
// than one source id: one of them names none, or two name different ones.
func manySources(req *loggregator_v2.EgressBatchRequest) bool {
	sels := req.GetSelectors()
	for _, sel := range sels {
		if id := sel.GetSourceId(); id == "" || id != sels[0].GetSourceId() {
			return true
		}
	}
	return false
}

// write is the sink handed to the Source.
func (sub *subscriber) write(env []byte) { sub.ring.Set(env) }

// onDrop is called by the diode, in run, with the envelopes it overwrote.
func (sub *subscriber) onDrop(n int) {
	sub.s.m.SlowConsumer.Add(float64(n))
	sub.lost.Add(int64(n))
	if sub.behindSince == 0 {
		sub.behindSince = time.Now().UnixNano()
	}
}

// onBudgetDrop is called by the diode, in run, with the envelopes the
// process's buffer budget cost this subscriber. Like overwrites, they mark
// it as behind.
func (sub *subscriber) onBudgetDrop(n int) {
	if f := sub.s.cfg.BudgetDropped; f != nil {
		f(n)
	}
	sub.lost.Add(int64(n))
	if sub.behindSince == 0 {
		sub.behindSince = time.Now().UnixNano()
	}
}

func (sub *subscriber) markSlow() {
	sub.slowOnce.Do(func() { close(sub.slow) })
}

// isSlow reports whether the subscriber was found slow.
func (sub *subscriber) isSlow() bool {
	select {
	case <-sub.slow:
		return true
	default:
		return false
	}
}

// run reads the diode and sends until ctx ends, a send fails or the
// subscriber is found slow. Once ctx ends it still sends what the diode
// holds, which is how a drain delivers buffered envelopes.
//
// With a budget, what run has taken from the diode stays charged to it
// (diode.KeepCharged) until it is known to have left the process, so a
// subscriber whose connection stalls holds its messages in flight within
// the budget like the envelopes still in its diode. A Send that returned
// may still have its message queued in the transport: gRPC queues a
// message and returns as long as less than its write quota (64 KiB) of the
// stream is unwritten, whether or not the peer's flow-control window is
// open. So when the Send of message M returns, every message followed by
// at least the quota before M has been written, and its charge goes back
// (keepSent); the rest stay charged until a later Send returns, or the
// diode runs empty and run is about to wait. A stalled gRPC subscriber
// thus holds, counted, the message it is blocked on, the messages queued
// before it (about the quota plus one message) and one carried envelope,
// each message within BatchBytes.
func (sub *subscriber) run(ctx context.Context, st Stream) error {
	cfg := sub.s.cfg
	sub.stuck = time.AfterFunc(time.Hour, sub.markSlow)
	sub.stuck.Stop()
	defer sub.stuck.Stop()

	size := max(cfg.BatchSize, 1)
	if !sub.batched {
		size = 64 // envelopes read from the diode at once, still sent one by one
	}
	buf := make([][]byte, 0, size)
	flush := time.NewTimer(time.Hour)
	flush.Stop()
	defer flush.Stop()
	var queue int64 // what the stream may hold unwritten after a Send returns
	if q, ok := st.(queueing); ok {
		queue = q.queued()
	}
	var sent time.Time // when the last batch was handed to the stream
	var bytes int      // buf's size in batch records
	var drained bool
	for {
		buf, bytes, drained = sub.fill(ctx, buf[:0], 0)
		if len(buf) == 0 {
			return context.Cause(ctx)
		}
		if drained {
			sub.behindSince = 0 // the diode ran empty: caught up
			if sub.batched && cfg.FlushInterval > 0 && ctx.Err() == nil && !sizable(len(buf), bytes, size, cfg.BatchBytes) {
				if wait := cfg.FlushInterval - time.Since(sent); wait > 0 {
					buf, bytes = sub.linger(ctx, buf, bytes, flush, wait)
				}
			}
		}
		if sub.legacyTags {
			buf = sub.convert(buf)
		}
		if sub.batched {
			sent = time.Now()
		}
		if err := sub.send(st, buf); err != nil {
			return err
		}
		sub.keepSent(int64(bytes), queue)
		clear(buf) // let go of the envelopes sent
		if since := sub.behindSince; since != 0 && time.Since(time.Unix(0, since)) > cfg.SlowConsumerTimeout {
			sub.markSlow()
			return errSlow
		}
	}
}

// fill appends to buf the carried envelope, then what the diode holds, up
// to buf's capacity and Config.BatchBytes in batch records (the first
// envelope goes even when it alone is larger); bytes is what buf already
// holds, and fill returns it updated. An empty buf waits, as Next does,
// for the first envelope when the diode is empty, after giving back the
// charge of the messages sent (releaseSent): the subscriber has kept up,
// and its connection is taking what it was sent. drained reports that the
// diode ran empty.
func (sub *subscriber) fill(ctx context.Context, buf [][]byte, bytes int) (_ [][]byte, _ int, drained bool) {
	buf, bytes, drained = sub.take(ctx, buf, bytes)
	sub.published()
	return buf, bytes, drained
}

// published tells the writers of a fair ring what run has taken from it,
// so that those waiting for room in it ask again.
func (sub *subscriber) published() {
	if sub.tracker != nil {
		sub.tracker.Published()
	}
}

// take is fill without publishing.
func (sub *subscriber) take(ctx context.Context, buf [][]byte, bytes int) (_ [][]byte, _ int, drained bool) {
	limit := sub.s.cfg.BatchBytes
	if sub.carry != nil {
		buf = append(buf, sub.carry)
		bytes += wire.BatchRecordSize(sub.carry)
		sub.carry = nil
	}
	for len(buf) < cap(buf) && (limit <= 0 || bytes < limit) {
		env, ok := sub.ring.TryNext()
		if !ok && len(buf) == 0 {
			sub.releaseSent()
			sub.published() // the ring is empty: whoever waits for room has it
			env, ok = sub.ring.Next(ctx)
		}
		if !ok {
			return buf, bytes, true
		}
		n := wire.BatchRecordSize(env)
		if sub.budget != nil {
			sub.held += int64(n)
		}
		if limit > 0 && len(buf) > 0 && bytes+n > limit {
			sub.carry = env
			return buf, bytes, false
		}
		buf = append(buf, env)
		bytes += n
	}
	return buf, bytes, false
}

// keepSent records a message of n bytes whose Send has returned and gives
// back the charge of the messages before it that the stream has written
// for sure: those followed by at least queue bytes before this one. With
// queue 0 (a Stream whose Send returns once written) that is all of them.
func (sub *subscriber) keepSent(n, queue int64) {
	if sub.budget == nil {
		return
	}
	if queue == 0 {
		sub.release(n)
		return
	}
	sub.sent = append(sub.sent, n)
	sub.sentBytes += n
	drop := 0
	for len(sub.sent)-drop > 2 && sub.sentBytes-sub.sent[drop]-n >= queue {
		sub.release(sub.sent[drop])
		sub.sentBytes -= sub.sent[drop]
		drop++
	}
	if drop > 0 {
		sub.sent = sub.sent[:copy(sub.sent, sub.sent[drop:])]
	}
}

// releaseSent gives back the charge of every message sent.
func (sub *subscriber) releaseSent() {
	sub.release(sub.sentBytes)
	sub.sent, sub.sentBytes = sub.sent[:0], 0
}

// release gives back n bytes of what run took from the diode.
func (sub *subscriber) release(n int64) {
	if n != 0 && sub.budget != nil {
		sub.held -= n
		sub.budget.Release(n)
	}
}

// linger waits d, then tops buf up with what arrived meanwhile. It sleeps
// on flush rather than reading each envelope as it comes, so a subscriber
// wakes once per batch, not once per write into its diode; the diode (many
// times a batch by default) holds what arrives during d.
//
// run lingers only for what is left of the flush interval since the last
// send: batched sends are paced at most one per flush interval. Envelopes
// that come less often than that (at everyday rates the router gets one
// agent batch every few milliseconds) go out as soon as they arrive, with no
// timer and no added latency; faster ones are gathered into one message per
// interval, unless what arrived is already a quarter of a message (sizable).
func (sub *subscriber) linger(ctx context.Context, buf [][]byte, bytes int, flush *time.Timer, d time.Duration) ([][]byte, int) {
	flush.Reset(d)
	select {
	case <-flush.C:
	case <-ctx.Done():
		flush.Stop()
	}
	buf, bytes, _ = sub.fill(ctx, buf, bytes)
	return buf, bytes
}

// sizable reports whether a batch of n envelopes and bytes bytes is a
// quarter of a full one (size envelopes or limit bytes) or more: such a
// batch goes at once, without waiting out the flush interval. Pacing pays
// where many small upstream batches arrive close together (a router fed by
// a fleet of agents); a batch that is already that large would gain few
// envelopes by waiting, and the wait is a timer wake-up and milliseconds
// of latency on every hop.
func sizable(n, bytes, size, limit int) bool {
	return n >= max(size/4, 1) || (limit > 0 && bytes >= limit/4)
}

// send hands buf to the stream; a Send blocked for the slow consumer
// timeout marks the subscriber slow.
func (sub *subscriber) send(st Stream, buf [][]byte) error {
	if len(buf) == 0 {
		return nil
	}
	sub.stuck.Reset(sub.s.cfg.SlowConsumerTimeout)
	defer sub.stuck.Stop()
	if err := st.Send(buf); err != nil {
		return err
	}
	sub.s.m.Egress.Add(float64(len(buf)))
	return nil
}

// convert rewrites envelopes with tags for a consumer that wants
// deprecated_tags, dropping (and counting) any that cannot be converted.
func (sub *subscriber) convert(buf [][]byte) [][]byte {
	var f wire.Fields
	out := buf[:0]
	for _, env := range buf {
		if err := wire.Scan(env, &f); err != nil {
			sub.s.m.Invalid.Inc()
			continue
		}
		if f.HasTags {
			conv, err := wire.ToDeprecatedTags(env)
			if err != nil {
				sub.s.m.Invalid.Inc()
				continue
			}
			env = conv
		}
		out = append(out, env)
	}
	return out
}

// discard empties the diode of a subscriber that has gone, counting what it
// held, and gives what it held and its slots back to the budget. Call it
// only after the Source stopped writing to it.
func (sub *subscriber) discard() {
	defer sub.s.slots.release(sub.slotBytes)
	defer sub.s.shares.leave(sub.budget)
	n := 0
	if sub.carry != nil {
		sub.carry = nil
		n++
	}
	sub.release(sub.held)
	for {
		env, ok := sub.ring.TryNext()
		if !ok {
			break
		}
		if sub.budget != nil {
			sub.budget.Release(int64(wire.BatchRecordSize(env)))
		}
		n++
	}
	if n > 0 {
		sub.s.m.Disconnected.Add(float64(n))
	}
}
