package gateway

import (
	"context"
	"sync"
	"sync/atomic"

	"loggregator/internal/wire"
)

// byteGate bounds the bytes of the batches a reader's receiver has taken
// from its upstream stream and its writer has not yet written. Without it
// a reader whose client stopped reading held up to recvQueue batches on
// top of its stream's window, outside the byte budget (500 such readers
// took the gateway to 461 MiB against its 256). The receiver takes a
// batch's bytes before queueing it, waiting while the gate is full; the
// writer gives them back once the batch is in its event. The limit is
// asked for at each take, so it can follow the number of open streams.
// One batch is always let through, however large, so a batch bigger than
// the limit cannot wedge the stream.
type byteGate struct {
	limit func() int64
	room  chan struct{} // capacity 1; a token means "look again"
	// total, if not nil, is kept at the sum of every gate's bytes (the
	// gateway's buffer_bytes).
	total *atomic.Int64

	mu   sync.Mutex
	held int64 // guarded by mu
}

func newByteGate(limit func() int64) *byteGate {
	return &byteGate{limit: limit, room: make(chan struct{}, 1)}
}

// take adds n bytes, waiting until they fit or nothing is held. It reports
// false if ctx ended first.
func (q *byteGate) take(ctx context.Context, n int64) bool {
	for {
		q.mu.Lock()
		if q.held == 0 || q.held+n <= q.limit() {
			q.held += n
			q.mu.Unlock()
			if q.total != nil {
				q.total.Add(n)
			}
			return true
		}
		q.mu.Unlock()
		select {
		case <-q.room:
		case <-ctx.Done():
			return false
		}
	}
}

// give takes n bytes away and wakes a waiting take.
func (q *byteGate) give(n int64) {
	q.mu.Lock()
	q.held -= n
	q.mu.Unlock()
	if q.total != nil {
		q.total.Add(-n)
	}
	select {
	case q.room <- struct{}{}:
	default:
	}
}

// batchBytes is what b's envelopes take, encoded.
func batchBytes(b *wire.Batch) int64 {
	var n int64
	for _, env := range b.Envelopes {
		n += int64(len(env))
	}
	return n
}

// drop gives back whatever the gate still holds, once the reader is done:
// the batches its receiver queued that its writer never took.
func (q *byteGate) drop() {
	q.mu.Lock()
	n := q.held
	q.held = 0
	q.mu.Unlock()
	if q.total != nil {
		q.total.Add(-n)
	}
}
