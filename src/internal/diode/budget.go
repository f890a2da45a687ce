package diode

import (
	"sync/atomic"
	"unsafe"
)

// Budget is a byte limit shared by the diodes of one process: the bytes of
// every entry they hold, summed, never exceed it. A diode given a budget
// (WithBudget) charges an entry's size before it stores it and credits it
// when the entry leaves: taken by the reader, overwritten, or evicted. When
// a charge would take the total over the limit, the writer evicts the oldest
// entries of its own diode until the new one fits; if its diode holds
// nothing older to evict, or the entry alone exceeds the limit, it drops the
// new entry. Either way the reader counts the loss through the budget's
// drop callback, not onDrop. The zero Budget is not usable; call NewBudget.
//
// A diode evicts only its own entries, so a diode whose reader has stalled
// keeps what it holds while others drop their newest: a stalled reader must
// be cut off (as egress does with slow consumers) for the others to recover
// their share, or each diode given its own Share of the budget.
type Budget struct {
	held   atomic.Int64
	limit  atomic.Int64
	parent *Budget // nil unless a Share; charged and credited with held
}

// NewBudget returns a budget of limit bytes. It panics if limit is less
// than 1.
func NewBudget(limit int64) *Budget {
	if limit < 1 {
		panic("diode: budget limit must be at least 1")
	}
	b := &Budget{}
	b.limit.Store(limit)
	return b
}

// Share returns a budget of limit bytes within b: what its diodes hold
// counts against both, so they hold at most limit bytes and, with every
// other diode and share of b, at most b's limit. Giving each of many
// destinations its own share, with the shares summing to b's limit, keeps
// a destination whose reader stalls from taking the room of the others:
// it evicts only its own oldest once its share is full. It panics if limit
// is less than 1.
func (b *Budget) Share(limit int64) *Budget {
	s := NewBudget(limit)
	s.parent = b
	return s
}

// SetLimit changes the most bytes the budget's diodes may hold (a share's
// part as destinations come and go). Entries held above a lowered limit
// stay until they leave; each later write evicts toward the new limit. It
// panics if limit is less than 1.
func (b *Budget) SetLimit(limit int64) {
	if limit < 1 {
		panic("diode: budget limit must be at least 1")
	}
	b.limit.Store(limit)
}

// Held is the bytes the budget's diodes hold now.
func (b *Budget) Held() int64 { return b.held.Load() }

// Limit is the most bytes the budget's diodes may hold.
func (b *Budget) Limit() int64 { return b.limit.Load() }

// Charge adds n bytes held outside any diode (a subscriber's slot array, a
// store of envelopes kept for later) if that keeps the total within the
// limit, and reports whether it did. What it charged is given back with
// Release. Diodes under the budget make room for their own entries only by
// evicting their own, never another holder's bytes.
func (b *Budget) Charge(n int64) bool { return b.charge(n) }

// Release gives back n bytes charged with Charge.
func (b *Budget) Release(n int64) { b.release(n) }

// charge adds n to the held bytes if that keeps them within the limit, and
// within the parent's limit for a share.
func (b *Budget) charge(n int64) bool {
	for {
		h := b.held.Load()
		if h+n > b.limit.Load() {
			return false
		}
		if b.held.CompareAndSwap(h, h+n) {
			break
		}
	}
	if b.parent != nil && !b.parent.charge(n) {
		b.held.Add(-n)
		return false
	}
	return true
}

// release gives back n bytes, to the parent as well for a share.
func (b *Budget) release(n int64) {
	if n != 0 {
		b.held.Add(-n)
		if b.parent != nil {
			b.parent.release(n)
		}
	}
}

// Option configures a diode at construction.
type Option[T any] func(*ring[T])

// WithBudget makes a diode hold its entries within b, measuring each with
// size (Len for []byte entries). onDrop, which may be nil, is called by the
// reader, like the constructor's onDrop, with the number of entries lost to
// the budget: evicted to make room, or refused because nothing older could
// be evicted.
func WithBudget[T any](b *Budget, size func(T) int, onDrop func(dropped int)) Option[T] {
	return func(r *ring[T]) {
		r.budget = b
		r.sizeOf = size
		r.onBudgetDrop = onDrop
	}
}

// ReaderReleases makes the entries the reader takes stay charged to the
// diode's budget (WithBudget) until the reader gives their bytes back with
// Budget.Release, measured by the same size function. A reader that holds
// what it took for a while (a batch being written to a slow connection)
// keeps it counted that way: taking an entry moves its bytes from the diode
// to the reader without a new charge, so the move cannot fail, and the
// diode's writers make room for new entries only by evicting their own.
// Without a budget it does nothing.
func ReaderReleases[T any]() Option[T] {
	return func(r *ring[T]) { r.readerReleases = true }
}

// SlotBytes is the memory of one slot of a diode of T entries, without what
// an entry points to: a diode of size n allocates n*SlotBytes[T]() bytes up
// front, whether or not it holds anything.
func SlotBytes[T any]() int64 { return int64(unsafe.Sizeof(slot[T]{})) }

// Len is the size of a []byte entry for WithBudget: its length. Bytes
// beyond the length that the slice's array holds are not counted, so a
// diode of slices into larger buffers pins more than its budget says.
func Len(b []byte) int { return len(b) }
