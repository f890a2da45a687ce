package wire_test

import (
	"testing"

	"google.golang.org/grpc/mem"

	"loggregator/internal/wire"
)

// BenchmarkCodecUnmarshalBatch receives a batch of 1000 envelopes of 200
// bytes that arrived in 16 KiB frames, as a router or the rlp does.
func BenchmarkCodecUnmarshalBatch(b *testing.B) {
	env := make([]byte, 200)
	var enc []byte
	for range 1000 {
		enc = wire.AppendBatchRecord(enc, env)
	}
	var data mem.BufferSlice
	for rest := enc; len(rest) > 0; {
		n := min(len(rest), 16<<10)
		data = append(data, mem.SliceBuffer(rest[:n]))
		rest = rest[n:]
	}
	c := wire.NewCodec()
	var batch wire.Batch
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Unmarshal(data, &batch); err != nil {
			b.Fatal(err)
		}
	}
	if len(batch.Envelopes) != 1000 {
		b.Fatalf("%d envelopes", len(batch.Envelopes))
	}
}

// BenchmarkCodecMarshalBatch sends a batch of 1000 envelopes of 200 bytes,
// as a router or the rlp does for each egress batch; gRPC frees the buffer
// once written.
func BenchmarkCodecMarshalBatch(b *testing.B) {
	envs := make([][]byte, 1000)
	for i := range envs {
		envs[i] = make([]byte, 200)
	}
	c := wire.NewCodec()
	batch := &wire.Batch{Envelopes: envs}
	b.ReportAllocs()
	for b.Loop() {
		data, err := c.Marshal(batch)
		if err != nil {
			b.Fatal(err)
		}
		data.Free()
	}
}
