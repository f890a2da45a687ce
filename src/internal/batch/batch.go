package batch

import (
	"context"
	"time"
)

// Source is what a Batcher reads from. diode.ManyToOne satisfies it.
type Source[T any] interface {
	// NextBatch appends up to cap(buf)-len(buf) entries to buf, waiting for
	// at least one. After ctx is done it still returns entries already
	// buffered, and returns buf unchanged only when there are none left.
	NextBatch(ctx context.Context, buf []T) []T
}

// Fuller is a Source that can tell that a batch is full before it holds
// the Batcher's size in entries (ByteCapped: full in bytes). The Batcher
// hands such a batch on as it does one of its size: without waiting for
// the linger or the flush interval.
type Fuller[T any] interface {
	Full(batch []T) bool
}

// Reckoner is a Source that can count what it overwrote without being
// read (diode.ManyToOne.Reckon, fair.Buffer.Reckon). A Batcher that holds
// its batch while the writers are stalled (SetHoldOnStall) has it do so
// every StallTimeout, so the loss shows while it lasts.
type Reckoner interface {
	Reckon()
}

// Batcher reads entries from a Source and sends batches of at most Size
// entries on the channel Batches returns. Run is its only goroutine.
type Batcher[T any] struct {
	src      Source[T]
	fuller   Fuller[T] // src, if it is one; nil otherwise
	size     int
	interval time.Duration
	onDrop   func(n int)
	linger   time.Duration
	hold     bool        // SetHoldOnStall
	target   int         // SetLingerTarget; 0 keeps the linger fixed
	wait     *time.Timer // for linger; used by Run only
	rate     float64     // entries per second, smoothed; used by Run only
	lastRead time.Time   // when Run last emptied the source; used by Run only
	released func([]T)   // SetOnRelease; nil if unset
	out      chan []T
	free     chan []T // batch buffers handed back by Release
}

// StallTimeout is how long a batch waits for a writer before the Batcher
// treats the writers as stalled: it then reads the newest entries from the
// source (so the source reports what it overwrote) and drops the batch it
// held, which is older, through onDrop.
const StallTimeout = time.Second

// New returns a Batcher making batches of at most size entries, none of whose
// entries waits longer than interval for a free writer once it is read.
// onDrop, which may be nil, is told how many entries the Batcher dropped
// because the writers were stalled.
func New[T any](src Source[T], size int, interval time.Duration, onDrop func(n int)) *Batcher[T] {
	if size < 1 {
		size = 1
	}
	if onDrop == nil {
		onDrop = func(int) {}
	}
	fuller, _ := src.(Fuller[T])
	return &Batcher[T]{
		src:      src,
		fuller:   fuller,
		size:     size,
		interval: interval,
		onDrop:   onDrop,
		out:      make(chan []T),
		free:     make(chan []T, 64),
	}
}

// SetLinger makes every batch that is not full wait d before it is handed
// on, even to a free writer, gathering what arrives meanwhile: at high rates
// that trades up to d of latency for fewer, larger writes (and fewer
// wake-ups downstream). 0, the default, hands a batch on at once. Call it
// before Run.
func (b *Batcher[T]) SetLinger(d time.Duration) { b.linger = d }

// SetHoldOnStall makes the Batcher keep the batch it holds while the
// writers are stalled instead of swapping it for the newest entries every
// StallTimeout: for a source that drops per source itself (fair.Buffer),
// where a swap would drop a batch of every source's envelopes, quiet ones
// included. A source that is a Reckoner is asked every StallTimeout to
// count what it overwrote meanwhile. Call it before Run.
func (b *Batcher[T]) SetHoldOnStall() { b.hold = true }

// SetLingerTarget makes the linger adapt to the arrival rate. Batches are
// paced instead of held: a batch that is not full waits until the linger
// has passed since the previous batch was read, so one that comes after a
// quiet spell, or a burst a producer wrote at once, goes out at once. And the
// linger shrinks to the time n entries take to arrive at the rate of recent
// batches, when that is shorter: at low rates batches go at most once per
// linger (the latency budget), gathering what they can; at high rates they
// go out with about n entries each, sooner, so a high rate pays less latency
// for batches already large enough. 0, the default, holds every partial
// batch for the whole linger. Call it before Run.
func (b *Batcher[T]) SetLingerTarget(n int) { b.target = max(n, 0) }

// SetOnRelease makes the Batcher call f with every batch whose entries are
// done with, before its buffer is reused: each batch a writer hands back with
// Release, and each the Batcher drops while the writers are stalled. A
// source whose entries stay charged to a budget after they are read
// (diode.KeepCharged) gives their bytes back in f. A writer that sets it
// must Release every batch it receives. Call it before Run.
func (b *Batcher[T]) SetOnRelease(f func(batch []T)) { b.released = f }

// Batches is the channel the writers receive batches from. It is closed when
// Run returns. A writer owns a batch it received until it calls Release.
func (b *Batcher[T]) Batches() <-chan []T { return b.out }

// Release hands a batch buffer back for reuse once the writer is done with
// it. Calling it is optional unless SetOnRelease was called; a batch that
// is not released is collected.
func (b *Batcher[T]) Release(batch []T) {
	if b.released != nil {
		b.released(batch)
	}
	if cap(batch) != b.size {
		return
	}
	clear(batch)
	select {
	case b.free <- batch[:0]:
	default:
	}
}

// Run batches until ctx is done and the source is empty, then closes
// Batches. Once ctx is done it still sends every entry the source held, so
// the writers must keep receiving until the channel is closed.
func (b *Batcher[T]) Run(ctx context.Context) {
	defer close(b.out)
	b.wait = time.NewTimer(time.Hour)
	b.wait.Stop()
	defer b.wait.Stop()
	for {
		batch := b.src.NextBatch(ctx, b.buffer())
		if len(batch) == 0 {
			return
		}
		if ctx.Err() != nil {
			b.out <- batch
			continue
		}
		if b.linger > 0 && !b.full(batch) {
			batch = b.gather(ctx, batch)
		}
		b.observe(len(batch))
		b.deliver(ctx, batch)
	}
}

// gather waits the linger time on one timer, then tops batch up with what
// the source holds, so Run wakes once per batch rather than once per write
// into the source.
func (b *Batcher[T]) gather(ctx context.Context, batch []T) []T {
	d := b.lingerTime()
	if b.target > 0 {
		// Paced: the linger counts from when the previous batch was read,
		// so a batch after a quiet spell (or the first) goes at once.
		if b.lastRead.IsZero() {
			d = 0
		} else {
			d -= time.Since(b.lastRead)
		}
	}
	if d < minLinger {
		return b.src.NextBatch(expired, batch)
	}
	b.wait.Reset(d)
	select {
	case <-b.wait.C:
	case <-ctx.Done():
		b.wait.Stop()
	}
	return b.src.NextBatch(expired, batch)
}

// minLinger is the shortest wait worth a timer: an adapted linger below it
// means batches already fill at once.
const minLinger = 50 * time.Microsecond

// lingerTime is how long the next partial batch waits: the linger, or, with a
// target, the time the target takes to arrive at the observed rate if that
// is shorter.
func (b *Batcher[T]) lingerTime() time.Duration {
	if b.target == 0 || b.rate <= 0 {
		return b.linger
	}
	return min(b.linger, time.Duration(float64(b.target)/b.rate*float64(time.Second)))
}

// observe updates the arrival rate with the n entries read since the
// previous batch was read: they arrived in the time between the two reads.
// The rate is halved towards each new figure, so it follows a change of load
// within a few batches.
func (b *Batcher[T]) observe(n int) {
	if b.target == 0 {
		return
	}
	now := time.Now()
	if last := b.lastRead; !last.IsZero() {
		if el := now.Sub(last).Seconds(); el > 0 {
			b.rate = (b.rate + float64(n)/el) / 2
		}
	}
	b.lastRead = now
}

// deliver sends batch at once if a writer is free; otherwise it tops the
// batch up until it is full or the flush interval has passed, then waits for
// a writer.
func (b *Batcher[T]) deliver(ctx context.Context, batch []T) {
	select {
	case b.out <- batch:
		return
	default:
	}
	if !b.full(batch) {
		deadline, cancel := context.WithTimeout(ctx, b.interval)
		for !b.full(batch) && deadline.Err() == nil {
			select {
			case b.out <- batch:
				cancel()
				return
			default:
			}
			batch = b.src.NextBatch(deadline, batch)
		}
		cancel()
	}
	b.send(batch)
}

// send waits for a writer to take batch. While the writers stay stalled it
// swaps batch for the newest entries every StallTimeout, dropping the older,
// or with SetHoldOnStall keeps it and has a Reckoner source count its losses.
func (b *Batcher[T]) send(batch []T) {
	select {
	case b.out <- batch:
		return
	default:
	}
	stall := time.NewTimer(StallTimeout)
	defer stall.Stop()
	for {
		select {
		case b.out <- batch:
			return
		case <-stall.C:
			stall.Reset(StallTimeout)
			if b.hold {
				if r, ok := b.src.(Reckoner); ok {
					r.Reckon()
				}
				continue
			}
			fresh := b.src.NextBatch(expired, b.buffer())
			if len(fresh) == 0 {
				b.Release(fresh)
				continue
			}
			b.onDrop(len(batch))
			b.Release(batch)
			batch = fresh
		}
	}
}

// expired is a context that is already done: NextBatch with it returns only
// what is buffered, without waiting.
var expired = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

// full reports whether batch is handed on as it is: it holds size
// entries, or the source says it is full.
func (b *Batcher[T]) full(batch []T) bool {
	return len(batch) >= b.size || (b.fuller != nil && b.fuller.Full(batch))
}

func (b *Batcher[T]) buffer() []T {
	select {
	case buf := <-b.free:
		return buf
	default:
		return make([]T, 0, b.size)
	}
}
