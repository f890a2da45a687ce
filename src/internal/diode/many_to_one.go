package diode

import (
	"context"
	"sync/atomic"
)

// ManyToOne is a drop-oldest ring buffer that is safe for many concurrent
// writers and one reader. Set may be called from any goroutine; TryNext, Next
// and NextBatch from one goroutine at a time.
type ManyToOne[T any] struct {
	// claimed counts the sequence numbers handed to writers.
	claimed atomic.Uint64
	_       [56]byte
	r       ring[T]
}

// NewManyToOne returns a ManyToOne that holds the newest size entries.
// onDrop, which may be nil, is called by the reader with the number of
// entries overwritten since it last read. opts (WithBudget) may bound the
// bytes it holds. It panics if size is less than 1.
func NewManyToOne[T any](size int, onDrop func(dropped int), opts ...Option[T]) *ManyToOne[T] {
	d := &ManyToOne[T]{}
	d.r.init(size, onDrop, opts)
	return d
}

// Set stores v, overwriting the oldest entry when the ring is full. It never
// waits for the reader to catch up and never allocates; at most it spins while
// another goroutine copies the one slot it is about to overwrite.
func (d *ManyToOne[T]) Set(v T) {
	d.r.put(d.claimed.Add(1)-1, v)
}

// TryNext returns the oldest entry, or false at once if there is none.
func (d *ManyToOne[T]) TryNext() (T, bool) {
	return d.r.tryNext()
}

// Reckon counts, through the drop callback, the entries overwritten since
// the reader last read, without reading: for a reader that cannot take
// entries now (its consumer is stalled) but should not hide the loss. Only
// the reader may call it.
func (d *ManyToOne[T]) Reckon() { d.r.reckon() }

// Next returns the oldest entry, waiting for one to be written. It returns
// false only when the ring is empty and ctx is done; entries already written
// are still returned after ctx is done.
func (d *ManyToOne[T]) Next(ctx context.Context) (T, bool) {
	return d.r.next(ctx)
}

// NextBatch appends up to cap(buf)-len(buf) entries to buf, oldest first,
// waiting as Next does until there is at least one. It returns buf unchanged
// when buf has no spare capacity or when the ring is empty and ctx is done.
func (d *ManyToOne[T]) NextBatch(ctx context.Context, buf []T) []T {
	return d.r.nextBatch(ctx, buf)
}

// Claimed is the number of sequence numbers handed to writers: every Set
// that has returned stored its entry below it. Any goroutine may call it.
func (d *ManyToOne[T]) Claimed() uint64 {
	return d.claimed.Load()
}

// Position is the sequence number the reader expects next: every entry
// below it has been returned by TryNext, Next or NextBatch, or counted as
// dropped. Only the reader may call it. Position reaching a Claimed value
// taken earlier means everything written before that is out of the ring.
func (d *ManyToOne[T]) Position() uint64 {
	return d.r.read
}
