package diode

import (
	"context"
	"runtime"
	"sync/atomic"
)

// lockBit marks a slot whose value is being copied in (by a writer) or out
// (by the reader or an evicting writer). emptyBit marks a slot whose entry
// has left it (taken by the reader, evicted for the budget, or refused by
// it) while its sequence number stays. The rest of a slot's state is
// seq+1, shifted by seqShift, so a state of 0 means the slot was never
// written.
const (
	lockBit  = 1
	emptyBit = 2
	seqShift = 2
)

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

	// budget, when set, bounds the bytes held (see Budget); sizeOf measures
	// an entry and onBudgetDrop is told, by the reader, of entries lost to
	// the budget.
	budget       *Budget
	sizeOf       func(T) int
	onBudgetDrop func(dropped int)
	keepCharged  bool // KeepCharged: the reader's consumer releases what it takes

	_ [64]byte

	// waiting is set by the reader just before it parks on wake and cleared by
	// the first writer that sees it, so writers touch wake only when the reader
	// is asleep.
	waiting atomic.Bool

	// evictFrom is a sequence number below which writers found every entry
	// gone, so an eviction scan starts there. Written only under budget
	// pressure.
	evictFrom atomic.Uint64

	_ [64]byte

	// read is the sequence number the reader expects next. Reader-owned.
	read uint64
	// taken is read, published for evicting writers when there is a budget.
	taken atomic.Uint64
}

func (r *ring[T]) init(size int, onDrop func(int), opts []Option[T]) {
	if size < 1 {
		panic("diode: size must be at least 1")
	}
	r.slots = make([]slot[T], size)
	r.size = uint64(size)
	r.wake = make(chan struct{}, 1)
	r.onDrop = onDrop
	for _, o := range opts {
		o(r)
	}
}

// put stores v as entry seq. It gives up silently when a later sequence
// number already owns the slot: the reader then counts seq as dropped when it
// finds the slot ahead of it. With a budget it first charges v's size,
// evicting older entries as needed; when v cannot fit it stores an empty
// entry instead, which the reader counts as lost to the budget.
func (r *ring[T]) put(seq uint64, v T) {
	s := &r.slots[seq%r.size]
	published := (seq + 1) << seqShift
	var charged int64
	if r.budget != nil {
		charged = int64(r.sizeOf(v))
		if !r.reserve(seq, charged) {
			var zero T
			v, charged = zero, 0
			published |= emptyBit
		}
	}
	for spins := 0; ; spins++ {
		st := s.state.Load()
		if st>>seqShift > seq+1 {
			if charged != 0 {
				r.budget.release(charged)
			}
			return
		}
		if st&lockBit == 0 && s.state.CompareAndSwap(st, published|lockBit) {
			if r.budget != nil && st&emptyBit == 0 && st != 0 {
				// The entry overwritten was still held: its bytes leave.
				r.budget.release(int64(r.sizeOf(s.val)))
			}
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

// reserve charges n bytes for entry seq to the budget, evicting the oldest
// entries before seq that the ring still holds until they fit. It reports
// false, having charged nothing, when they cannot fit.
func (r *ring[T]) reserve(seq uint64, n int64) bool {
	if n > r.budget.Limit() {
		return false
	}
	for !r.budget.charge(n) {
		if !r.evictOldest(seq) {
			return false
		}
	}
	return true
}

// evictOldest takes the oldest entry before seq that the ring holds out of
// its slot, leaving the slot marked empty with its sequence number, and
// gives its bytes back to the budget. Slots being copied and entries not yet
// stored are passed over. It reports whether it evicted one. Scans start at
// evictFrom, which only grows.
func (r *ring[T]) evictOldest(seq uint64) bool {
	from := max(r.taken.Load(), r.evictFrom.Load())
	if seq >= r.size {
		from = max(from, seq+1-r.size)
	}
	gone := true // every entry from `from` up to k is known to be gone
	for k := from; k < seq; k++ {
		s := &r.slots[k%r.size]
		st := s.state.Load()
		n := st >> seqShift
		held := n == k+1 && st&(lockBit|emptyBit) == 0
		if held && s.state.CompareAndSwap(st, st|lockBit) {
			v := s.val
			var zero T
			s.val = zero
			s.state.Store(st | emptyBit)
			r.budget.release(int64(r.sizeOf(v)))
			// The next scan starts past k even when an entry before it is
			// still being stored: a writer descheduled between claiming and
			// storing would otherwise make every scan walk from its entry,
			// up to a lap. Its entry, once stored, then waits for the reader
			// or the next lap, within the budget all the same.
			r.advanceEvictFrom(k + 1)
			return true
		}
		// Entry k is gone for good if a later one owns the slot or it was
		// emptied; one not yet stored or being copied may still arrive.
		gone = gone && (n > k+1 || (n == k+1 && st&(lockBit|emptyBit) == emptyBit))
		if gone {
			from = k + 1
		}
	}
	r.advanceEvictFrom(from)
	return false
}

// advanceEvictFrom raises evictFrom to k unless it is already past it.
func (r *ring[T]) advanceEvictFrom(k uint64) {
	for {
		cur := r.evictFrom.Load()
		if cur >= k || r.evictFrom.CompareAndSwap(cur, k) {
			return
		}
	}
}

// tryNext returns the oldest entry still in the ring, first reporting to
// onDrop, in one call, the entries it had to skip, and to onBudgetDrop
// those the budget took. It returns false when the next entry has not been
// written yet.
func (r *ring[T]) tryNext() (v T, ok bool) {
	var lost, evicted uint64
	for {
		s := &r.slots[r.read%r.size]
		st := s.state.Load()
		n := st >> seqShift
		if n > r.read+1 {
			lost += r.skipLapped(n)
			continue
		}
		if n == r.read+1 && st&(lockBit|emptyBit) == emptyBit {
			// Evicted for the budget, or refused by it.
			evicted++
			r.read++
			continue
		}
		if n == r.read+1 && st&lockBit == 0 {
			if !s.state.CompareAndSwap(st, st|lockBit) {
				continue // a writer took the slot meanwhile; look again
			}
			v = s.val
			var zero T
			s.val = zero // let the garbage collector have what v points to
			s.state.Store(st | emptyBit)
			r.read++
			ok = true
			if r.budget != nil && !r.keepCharged {
				r.budget.release(int64(r.sizeOf(v)))
			}
		}
		if r.budget != nil {
			r.taken.Store(r.read)
		}
		if lost > 0 && r.onDrop != nil {
			r.onDrop(int(lost))
		}
		if evicted > 0 && r.onBudgetDrop != nil {
			r.onBudgetDrop(int(evicted))
		}
		return v, ok
	}
}

// skipLapped moves the reader past the entries overwritten under it, given
// that the slot at read holds entry n-1, a lap or more ahead: every entry up
// to n-1-size has been overwritten or is about to be. It returns how many.
func (r *ring[T]) skipLapped(n uint64) uint64 {
	head := n - r.size
	lost := head - r.read
	r.read = head
	return lost
}

// reckon reports to onDrop the entries writers have overwritten since the
// reader last looked, without taking any: what tryNext would report before
// its next entry, so that a reader held up downstream still counts what
// its ring is losing.
func (r *ring[T]) reckon() {
	var lost uint64
	for {
		n := r.slots[r.read%r.size].state.Load() >> seqShift
		if n <= r.read+1 {
			break
		}
		lost += r.skipLapped(n)
	}
	if lost == 0 {
		return
	}
	if r.budget != nil {
		r.taken.Store(r.read)
	}
	if r.onDrop != nil {
		r.onDrop(int(lost))
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
