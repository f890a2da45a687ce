package batch

import "context"

// Reader is a buffer read one entry at a time: diode.ManyToOne and
// fair.Buffer satisfy it.
type Reader[T any] interface {
	// Next waits for an entry until ctx is done.
	Next(ctx context.Context) (T, bool)
	// TryNext returns an entry if one is buffered, without waiting.
	TryNext() (T, bool)
}

// ByteCapped is R as a Batcher's Source whose batches stop growing once
// they hold Max bytes, each entry measured by Size. A batch taken from a
// buffer is outside whatever bounds the buffer, so its bytes are bounded
// here however large its entries are: a batch of 1,000 envelopes of 20 KB
// would otherwise be 20 MB. A batch holds at least one entry, so a single
// entry over Max makes a batch of its own.
type ByteCapped[T any] struct {
	R    Reader[T]
	Size func(T) int
	Max  int
}

// Full reports whether batch holds Max bytes or more: the Batcher then
// hands it on at once (Fuller).
func (c ByteCapped[T]) Full(batch []T) bool {
	return len(batch) > 0 && c.bytes(batch) >= c.Max
}

func (c ByteCapped[T]) bytes(batch []T) int {
	n := 0
	for _, e := range batch {
		n += c.Size(e)
	}
	return n
}

// Reckon has R count what it overwrote, if R is a Reckoner.
func (c ByteCapped[T]) Reckon() {
	if r, ok := c.R.(Reckoner); ok {
		r.Reckon()
	}
}

// NextBatch is R's NextBatch that treats a batch of Max bytes as full.
// Asked to add to a batch that is full in bytes, it waits for ctx to end
// (the Batcher asks so only with its flush deadline, or with a context
// already done) and returns the batch unchanged, so the Batcher hands it
// on rather than ask again at once.
func (c ByteCapped[T]) NextBatch(ctx context.Context, buf []T) []T {
	if len(buf) == cap(buf) {
		return buf
	}
	n := c.bytes(buf)
	if len(buf) > 0 && n >= c.Max {
		<-ctx.Done()
		return buf
	}
	v, ok := c.R.Next(ctx)
	if !ok {
		return buf
	}
	buf = append(buf, v)
	n += c.Size(v)
	for len(buf) < cap(buf) && n < c.Max {
		v, ok := c.R.TryNext()
		if !ok {
			break
		}
		buf = append(buf, v)
		n += c.Size(v)
	}
	return buf
}
