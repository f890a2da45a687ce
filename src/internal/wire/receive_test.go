package wire_test

import (
	"bytes"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"

	"loggregator/internal/wire"
)

// framePool is a mem.BufferPool that hands freed buffers out again, newest
// first, as gRPC's pool does when it has them, and counts what it got back.
type framePool struct {
	free [][]byte
	puts int
}

func (p *framePool) Get(n int) *[]byte {
	for i := len(p.free) - 1; i >= 0; i-- {
		if cap(p.free[i]) >= n {
			b := p.free[i][:n]
			p.free = append(p.free[:i], p.free[i+1:]...)
			return &b
		}
	}
	b := make([]byte, n)
	return &b
}

func (p *framePool) Put(b *[]byte) {
	p.puts++
	p.free = append(p.free, *b)
}

// frames cuts msg into buffers of at most size bytes taken from pool, as
// gRPC hands over a message that arrived in HTTP/2 frames.
func frames(msg []byte, size int, pool mem.BufferPool) mem.BufferSlice {
	var out mem.BufferSlice
	for rest := msg; len(rest) > 0; {
		n := min(len(rest), size)
		b := pool.Get(n)
		copy(*b, rest[:n])
		out = append(out, mem.NewBuffer(b, pool))
		rest = rest[n:]
	}
	return out
}

// mixedBatch is an EnvelopeBatch whose records are of many sizes (one over
// 128 bytes, so with a two-byte length, one empty), with fields other than
// batch between them, which a reader skips.
func mixedBatch() []byte {
	var msg []byte
	for i, size := range []int{0, 1, 5, 127, 128, 300, 40, 3} {
		msg = wire.AppendBatchRecord(msg, bytes.Repeat([]byte{byte('a' + i)}, size))
		switch i {
		case 2:
			msg = protowire.AppendTag(msg, 7, protowire.VarintType)
			msg = protowire.AppendVarint(msg, 1<<40)
		case 4:
			msg = protowire.AppendTag(msg, 8, protowire.Fixed64Type)
			msg = protowire.AppendFixed64(msg, 9)
		case 5:
			msg = protowire.AppendTag(msg, 9, protowire.Fixed32Type)
			msg = protowire.AppendFixed32(msg, 9)
		}
	}
	return msg
}

var _ = Describe("Codec receiving a batch in frames", func() {
	codec := wire.NewCodec()

	It("reads the same envelopes as SplitBatch, wherever the frames split the records", func() {
		msg := mixedBatch()
		want, invalid := wire.SplitBatch(nil, msg)
		Expect(invalid).To(BeZero())
		for size := 1; size <= len(msg); size++ {
			var b wire.Batch
			Expect(codec.Unmarshal(frames(msg, size, mem.NopBufferPool{}), &b)).To(Succeed())
			Expect(b.Envelopes).To(Equal(want), "frames of %d bytes", size)
			Expect(b.Invalid).To(BeZero(), "frames of %d bytes", size)
		}
	})

	It("counts a batch that breaks off as invalid, wherever it breaks and however it is framed", func() {
		msg := mixedBatch()
		for cut := range len(msg) {
			want, wantInvalid := wire.SplitBatch(nil, msg[:cut])
			for _, size := range []int{1, 2, 3, 7, 64, len(msg)} {
				var b wire.Batch
				Expect(codec.Unmarshal(frames(msg[:cut], size, mem.NopBufferPool{}), &b)).To(Succeed())
				Expect(b.Envelopes).To(Equal(want), "cut at %d, frames of %d bytes", cut, size)
				Expect(b.Invalid).To(Equal(wantInvalid), "cut at %d, frames of %d bytes", cut, size)
			}
		}
	})

	It("counts a record longer than the rest of the message as invalid without allocating for it", func() {
		msg := wire.AppendBatchRecord(nil, []byte("ok"))
		msg = protowire.AppendTag(msg, 1, protowire.BytesType)
		msg = protowire.AppendVarint(msg, 1<<62)
		msg = append(msg, "short"...)
		var b wire.Batch
		Expect(codec.Unmarshal(frames(msg, 4, mem.NopBufferPool{}), &b)).To(Succeed())
		Expect(b.Envelopes).To(Equal([][]byte{[]byte("ok")}))
		Expect(b.Invalid).To(Equal(1))
	})

	It("keeps received envelopes intact after gRPC frees its frames and reuses them", func() {
		msg := bytes.Repeat(mixedBatch(), 20) // pooled frames are over 1 KiB
		want, _ := wire.SplitBatch(nil, bytes.Clone(msg))
		pool := &framePool{}
		data := frames(msg, 2048, pool)
		var b wire.Batch
		Expect(codec.Unmarshal(data, &b)).To(Succeed())
		data.Free()
		for range 2 * len(data) {
			reused := pool.Get(2048)
			for i := range *reused {
				(*reused)[i] = 0xff
			}
		}
		Expect(b.Envelopes).To(Equal(want))
	})

	It("gives the frames back to the pool on Release", func() {
		pool := &framePool{}
		data := frames(bytes.Repeat(mixedBatch(), 20), 2048, pool)
		pooled := 0 // gRPC pools no buffer of 1 KiB or less
		for _, f := range data {
			if !mem.IsBelowBufferPoolingThreshold(f.Len()) {
				pooled++
			}
		}
		var b wire.Batch
		Expect(codec.Unmarshal(data, &b)).To(Succeed())
		data.Free()
		Expect(pool.puts).To(BeNumerically("<", pooled), "frames the envelopes point into stay out of the pool")
		b.Release()
		Expect(pool.puts).To(Equal(pooled))
		Expect(b.Envelopes).To(BeEmpty())
	})

	It("copies the records of a frame that fills little of its buffer instead of holding the buffer", func() {
		pool := &framePool{}
		msg := wire.AppendBatchRecord(nil, []byte("small"))
		big := pool.Get(4096)
		*big = append((*big)[:0], msg...)
		data := mem.BufferSlice{mem.NewBuffer(big, pool)}
		var b wire.Batch
		Expect(codec.Unmarshal(data, &b)).To(Succeed())
		data.Free()
		Expect(pool.puts).To(Equal(1))
		reused := pool.Get(len(msg))
		copy(*reused, bytes.Repeat([]byte{0xff}, len(msg)))
		Expect(b.Envelopes).To(Equal([][]byte{[]byte("small")}))
	})
})
