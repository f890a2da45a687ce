package diode

import "context"

// OneToOne is a drop-oldest ring buffer for one writer and one reader. Set
// may be called from one goroutine at a time; TryNext, Next and NextBatch
// from one (other) goroutine at a time. It saves ManyToOne's atomic
// increment per Set.
type OneToOne[T any] struct {
	// written counts the entries Set has stored. Writer-owned.
	written uint64
	_       [56]byte
	r       ring[T]
}

// NewOneToOne returns a OneToOne that holds the newest size entries.
// onDrop, which may be nil, is called by the reader with the number of
// entries overwritten since it last read. opts (WithBudget) may bound the
// bytes it holds. It panics if size is less than 1.
func NewOneToOne[T any](size int, onDrop func(dropped int), opts ...Option[T]) *OneToOne[T] {
	d := &OneToOne[T]{}
	d.r.init(size, onDrop, opts)
	return d
}

// Set stores v, overwriting the oldest entry when the ring is full. It never
// waits for the reader to catch up and never allocates; at most it spins while
// another goroutine copies the one slot it is about to overwrite.
func (d *OneToOne[T]) Set(v T) {
	seq := d.written
	d.written++
	d.r.put(seq, v)
}

// TryNext returns the oldest entry, or false at once if there is none.
func (d *OneToOne[T]) TryNext() (T, bool) {
	return d.r.tryNext()
}

// Reckon counts, through the drop callback, the entries overwritten since
// the reader last read, without reading: for a reader that cannot take
// entries now (its consumer is stalled) but should not hide the loss. Only
// the reader may call it.
func (d *OneToOne[T]) Reckon() { d.r.reckon() }

// Next returns the oldest entry, waiting for one to be written. It returns
// false only when the ring is empty and ctx is done; entries already written
// are still returned after ctx is done.
func (d *OneToOne[T]) Next(ctx context.Context) (T, bool) {
	return d.r.next(ctx)
}

// NextBatch appends up to cap(buf)-len(buf) entries to buf, oldest first,
// waiting as Next does until there is at least one. It returns buf unchanged
// when buf has no spare capacity or when the ring is empty and ctx is done.
func (d *OneToOne[T]) NextBatch(ctx context.Context, buf []T) []T {
	return d.r.nextBatch(ctx, buf)
}
