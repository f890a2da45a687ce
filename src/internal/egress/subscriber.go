package egress

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"

	"loggregator/internal/diode"
	"loggregator/internal/wire"
)

// ring is what both diode kinds offer the subscriber.
type ring interface {
	Set(env []byte)
	TryNext() ([]byte, bool)
	NextBatch(ctx context.Context, buf [][]byte) [][]byte
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
}

func newSubscriber(s *Server, req *loggregator_v2.EgressBatchRequest, batched bool) *subscriber {
	sub := &subscriber{s: s, batched: batched, legacyTags: !req.GetUsePreferredTags(), slow: make(chan struct{})}
	size, charged := s.slots.grant()
	sub.slotBytes = charged
	var opts []diode.Option[[]byte]
	if s.cfg.Budget != nil {
		opts = append(opts, diode.WithBudget(s.cfg.Budget, diode.Len, sub.onBudgetDrop))
	}
	if s.cfg.ConcurrentWriters {
		sub.ring = diode.NewManyToOne(size, sub.onDrop, opts...)
	} else {
		sub.ring = diode.NewOneToOne(size, sub.onDrop, opts...)
	}
	return sub
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

// run reads the diode and sends until ctx ends, a send fails or the
// subscriber is found slow. Once ctx ends it still sends what the diode
// holds, which is how a drain delivers buffered envelopes.
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
	var sent time.Time // when the last batch was handed to the stream
	for {
		buf = sub.ring.NextBatch(ctx, buf[:0])
		if len(buf) == 0 {
			return context.Cause(ctx)
		}
		if len(buf) < cap(buf) {
			sub.behindSince = 0 // the diode ran empty: caught up
			if sub.batched && cfg.FlushInterval > 0 && ctx.Err() == nil {
				if wait := cfg.FlushInterval - time.Since(sent); wait > 0 {
					buf = sub.linger(ctx, buf, flush, wait)
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
		if since := sub.behindSince; since != 0 && time.Since(time.Unix(0, since)) > cfg.SlowConsumerTimeout {
			sub.markSlow()
			return errSlow
		}
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
// interval.
func (sub *subscriber) linger(ctx context.Context, buf [][]byte, flush *time.Timer, d time.Duration) [][]byte {
	flush.Reset(d)
	select {
	case <-flush.C:
	case <-ctx.Done():
		flush.Stop()
	}
	return sub.ring.NextBatch(expired, buf)
}

// expired is a context that is already done: NextBatch with it returns only
// what is buffered, without waiting.
var expired = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

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
// held, and gives its slots back to the budget. Call it only after the Source
// stopped writing to it.
func (sub *subscriber) discard() {
	defer sub.s.slots.release(sub.slotBytes)
	n := 0
	for {
		if _, ok := sub.ring.TryNext(); !ok {
			break
		}
		n++
	}
	if n > 0 {
		sub.s.m.Disconnected.Add(float64(n))
	}
}
