package gateway

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/metrics"
	"loggregator/internal/wire"
)

// benchBatch is an encoded EnvelopeBatch of n app log envelopes shaped like
// Cloud Foundry's: a GUID source id, the usual tags and a 100-byte line.
func benchBatch(b *testing.B, n int) []byte {
	batch := &loggregator_v2.EnvelopeBatch{}
	for i := range n {
		batch.Batch = append(batch.Batch, &loggregator_v2.Envelope{
			Timestamp:  1700000000000000000 + int64(i),
			SourceId:   "5f4b2b0e-8c2a-4e0b-9d1e-3c6b3f1e2a7d",
			InstanceId: "0",
			Tags: map[string]string{
				"source_type": "APP/PROC/WEB", "deployment": "cf", "index": "c8b0a6e4-2d1f-4f53-9a0e-4f4a5c1b7e10",
				"ip": "10.0.16.12", "job": "diego-cell", "origin": "rep", "app_name": "billing", "space_name": "prod",
			},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
				Payload: fmt.Appendf(nil, "%-99d\n", i), Type: loggregator_v2.Log_OUT}},
		})
	}
	enc, err := proto.Marshal(batch)
	if err != nil {
		b.Fatal(err)
	}
	return enc
}

// BenchmarkEventOld is the gateway's read path before JSONEncoder, per
// envelope: decode a received batch into structs (the proto codec), write
// it as one event with protojson, write the event to a buffered writer.
func BenchmarkEventOld(b *testing.B) {
	raw := benchBatch(b, 100)
	w := bufio.NewWriterSize(io.Discard, 64<<10)
	opts := protojson.MarshalOptions{EmitUnpopulated: true}
	buf := make([]byte, 0, 64<<10)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		var batch loggregator_v2.EnvelopeBatch
		if err := proto.Unmarshal(raw, &batch); err != nil {
			b.Fatal(err)
		}
		buf = append(buf[:0], "data: "...)
		var err error
		if buf, err = opts.MarshalAppend(buf, &batch); err != nil {
			b.Fatal(err)
		}
		buf = append(buf, "\n\n"...)
		w.Write(buf)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100), "ns/envelope")
}

// BenchmarkEvent is the read path now, per envelope: split a received batch
// into encoded envelopes (wire.Codec), write them as one event with the
// gateway's event builder, write the event to a buffered writer.
func BenchmarkEvent(b *testing.B) {
	raw := benchBatch(b, 100)
	g := &Gateway{reg: metrics.NewRegistry()}
	g.m = newMetrics(g.reg)
	w := bufio.NewWriterSize(io.Discard, 64<<10)
	ev := event{enc: &wire.JSONEncoder{}, buf: make([]byte, 0, 64<<10)}
	free := make(chan *wire.Batch, 1)
	queued := newByteGate(func() int64 { return 1 << 20 })
	batch := &wire.Batch{}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		batch.Envelopes, batch.Invalid = wire.SplitBatch(batch.Envelopes[:0], raw)
		queued.take(context.Background(), batchBytes(batch))
		g.add(&ev, batch, free, queued)
		batch = <-free
		w.Write(ev.finish())
		ev.reset()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100), "ns/envelope")
}
