package diode

import (
	"context"
	"runtime"
	"sync/atomic"
)

// lockBit marks a slot whose value is being copied in (by a writer) or out
// (by the reader). The rest of a slot's state is seq+1, so a state of 0 means
// the slot was never written.
const lockBit = 1

// spinsBeforeYield bounds the busy-wait on a locked slot before the waiting
// goroutine yields its processor to whoever holds the slot.
const spinsBeforeYield = 8

// slot holds one entry. val is guarded by the lock bit of state: only the
// goroutine that set the bit by CompareAndSwap touches val until it stores
// the state back.
type slot[T any] struct {
	state atomic.Uint64
	val   T
}

// ring is the part the diode types share: the slots, the reader's position
// and the wake-up signal. Writers choose sequence numbers themselves and hand
// them to put; everything else is called by the one reader.
type ring[T any] struct {
	slots  []slot[T]
	size   uint64
	wake   chan struct{} // capacity 1; a token means "look again"
	onDrop func(dropped int)

	_ [64]byte

	// waiting is set by the reader just before it parks on wake and cleared by
	// the first writer that sees it, so writers touch wake only when the reader
	// is asleep.
	waiting atomic.Bool

	_ [64]byte

	// read is the sequence number the reader expects next. Reader-owned.
	read uint64
}

func (r *ring[T]) init(size int, onDrop func(int)) {
	if size < 1 {
		panic("diode: size must be at least 1")
	}
	r.slots = make([]slot[T], size)
	r.size = uint64(size)
	r.wake = make(chan struct{}, 1)
	r.onDrop = onDrop
}

// put stores v as entry seq. It gives up silently when a later sequence
// number already owns the slot: the reader then counts seq as dropped when it
// finds the slot ahead of it.
func (r *ring[T]) put(seq uint64, v T) {
	s := &r.slots[seq%r.size]
	published := (seq + 1) << 1
	for spins := 0; ; spins++ {
		st := s.state.Load()
		if st>>1 > seq+1 {
			return
		}
		if st&lockBit == 0 && s.state.CompareAndSwap(st, published|lockBit) {
			s.val = v
			s.state.Store(published)
			break
		}
		// Another goroutine is copying this slot: the reader, or a writer a
		// whole lap behind us. Either holds it for one copy of T.
		if spins >= spinsBeforeYield {
			runtime.Gosched()
		}
	}
	if r.waiting.Load() && r.waiting.CompareAndSwap(true, false) {
		select {
		case r.wake <- struct{}{}:
		default:
		}
	}
}

// tryNext returns the oldest entry still in the ring, first reporting to
// onDrop, in one call, the entries it had to skip. It returns false when the
// next entry has not been written yet.
func (r *ring[T]) tryNext() (v T, ok bool) {
	var lost uint64
	for {
		s := &r.slots[r.read%r.size]
		st := s.state.Load()
		n := st >> 1
		if n > r.read+1 {
			// The slot holds entry n-1, a lap or more ahead of us, so every
			// entry up to n-1-size has been overwritten or is about to be.
			head := n - r.size
			lost += head - r.read
			r.read = head
			continue
		}
		if n == r.read+1 && st&lockBit == 0 {
			if !s.state.CompareAndSwap(st, st|lockBit) {
				continue // a writer took the slot meanwhile; look again
			}
			v = s.val
			var zero T
			s.val = zero // let the garbage collector have what v points to
			s.state.Store(st)
			r.read++
			ok = true
		}
		if lost > 0 && r.onDrop != nil {
			r.onDrop(int(lost))
		}
		return v, ok
	}
}

// next is tryNext that parks until a writer signals or ctx is done. Entries
// already in the ring are returned even when ctx is done, so a reader that
// loops until next fails drains the ring on shutdown.
func (r *ring[T]) next(ctx context.Context) (T, bool) {
	for {
		if v, ok := r.tryNext(); ok {
			return v, true
		}
		// Announce the park, then look once more: a writer that published
		// before seeing the flag is caught by this second look.
		r.waiting.Store(true)
		if v, ok := r.tryNext(); ok {
			r.waiting.Store(false)
			return v, true
		}
		select {
		case <-r.wake:
		case <-ctx.Done():
			r.waiting.Store(false)
			var zero T
			return zero, false
		}
	}
}

// nextBatch appends what fits in buf's spare capacity, waiting for the first
// entry as next does.
func (r *ring[T]) nextBatch(ctx context.Context, buf []T) []T {
	if len(buf) == cap(buf) {
		return buf
	}
	v, ok := r.next(ctx)
	if !ok {
		return buf
	}
	buf = append(buf, v)
	for len(buf) < cap(buf) {
		v, ok := r.tryNext()
		if !ok {
			break
		}
		buf = append(buf, v)
	}
	return buf
}
