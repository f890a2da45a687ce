package agent

import "context"

// maxBatchBytes is the most envelope bytes the batcher puts in one batch.
// Batches taken from the ingress diode are outside the buffer budget (one
// in the batcher, one per router stream, each also encoded once for the
// wire), so their bytes are bounded here whatever the envelopes' size: a
// batch of 1,000 envelopes of 20 KB would be 20 MB, five times what a
// router accepts in one message (doppler.ingress.max_message_bytes, 4 MiB).
const maxBatchBytes = 1 << 20

// byteCapped is the ingress buffer as the batcher's source: it stops adding
// to a batch once the batch holds max bytes.
type byteCapped struct {
	d interface {
		Next(ctx context.Context) ([]byte, bool)
		TryNext() ([]byte, bool)
	}
	max int
}

// NextBatch is the buffer's NextBatch that treats a batch of max bytes
// as full. Asked to add to a batch that is full in bytes, it waits for ctx
// to end (the batcher asks so only with its flush deadline, or with a
// context already done) and returns the batch unchanged, so the batcher
// hands it on rather than ask again at once.
func (c byteCapped) NextBatch(ctx context.Context, buf [][]byte) [][]byte {
	n := 0
	for _, e := range buf {
		n += len(e)
	}
	if len(buf) == cap(buf) {
		return buf
	}
	if len(buf) > 0 && n >= c.max {
		<-ctx.Done()
		return buf
	}
	v, ok := c.d.Next(ctx)
	if !ok {
		return buf
	}
	buf = append(buf, v)
	n += len(v)
	for len(buf) < cap(buf) && n < c.max {
		v, ok := c.d.TryNext()
		if !ok {
			break
		}
		buf = append(buf, v)
		n += len(v)
	}
	return buf
}
