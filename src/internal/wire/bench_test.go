package wire_test

import (
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// encodedBatch returns an encoded EnvelopeBatch of 1000 envelopes of 200
// bytes.
func encodedBatch() []byte {
	env := make([]byte, 200)
	var enc []byte
	for range 1000 {
		enc = wire.AppendBatchRecord(enc, env)
	}
	return enc
}

// BenchmarkCodecUnmarshalBatch receives a batch of 1000 envelopes of 200
// bytes as gRPC hands it over: each 16 KiB frame read into a buffer from
// gRPC's pool, the frames given to the codec, then freed. "kept" keeps the
// envelopes, as a router or the rlp does in its diodes, so gRPC's pool
// cannot reuse the frames; "released" releases each batch once read, as the
// gateway does after writing it as JSON.
func BenchmarkCodecUnmarshalBatch(b *testing.B) {
	for _, release := range []bool{false, true} {
		name := "kept"
		if release {
			name = "released"
		}
		b.Run(name, func(b *testing.B) {
			enc := encodedBatch()
			pool := mem.DefaultBufferPool()
			c := wire.NewCodec()
			var batch wire.Batch
			var data mem.BufferSlice
			b.SetBytes(int64(len(enc)))
			b.ReportAllocs()
			for b.Loop() {
				data = data[:0]
				for rest := enc; len(rest) > 0; {
					n := min(len(rest), 16<<10)
					frame := pool.Get(n)
					copy(*frame, rest[:n])
					data = append(data, mem.NewBuffer(frame, pool))
					rest = rest[n:]
				}
				if err := c.Unmarshal(data, &batch); err != nil {
					b.Fatal(err)
				}
				data.Free()
				if len(batch.Envelopes) != 1000 {
					b.Fatalf("%d envelopes", len(batch.Envelopes))
				}
				if release {
					batch.Release()
				}
			}
		})
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

// benchEnvelopes are what an agent or router scans most: an app log with
// identity tags, a counter, and a gauge of five metrics with deprecated tags.
func benchEnvelopes(b *testing.B) map[string][]byte {
	b.Helper()
	tags := map[string]string{
		"source_type": "APP/PROC/WEB", "deployment": "cf", "job": "diego-cell",
		"index": "0d3e1f2a-0000-0000-0000-000000000000", "ip": "10.0.16.12",
	}
	metrics := map[string]*loggregator_v2.GaugeValue{}
	for _, n := range []string{"cpu", "memory", "disk", "memory_quota", "disk_quota"} {
		metrics[n] = &loggregator_v2.GaugeValue{Unit: "bytes", Value: 1.5}
	}
	envs := map[string]*loggregator_v2.Envelope{
		"log": {
			Timestamp: 1, SourceId: "app-guid-0000-0000-0000-000000000000", InstanceId: "0", Tags: tags,
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("2026-01-01T00:00:00Z INFO a typical application log line of about 100 bytes")}},
		},
		"counter": {
			Timestamp: 1, SourceId: "gorouter", Tags: tags,
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "total_requests", Delta: 1, Total: 9000}},
		},
		"gauge": {
			Timestamp: 1, SourceId: "app-guid-0000-0000-0000-000000000000", InstanceId: "0",
			DeprecatedTags: map[string]*loggregator_v2.Value{"origin": {Data: &loggregator_v2.Value_Text{Text: "rep"}}},
			Message:        &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: metrics}},
		},
	}
	out := map[string][]byte{}
	for k, e := range envs {
		enc, err := proto.MarshalOptions{Deterministic: true}.Marshal(e)
		if err != nil {
			b.Fatal(err)
		}
		out[k] = enc
	}
	return out
}

// BenchmarkScan scans one envelope of each kind, as the agent's ingress and
// the router's subscription registry do for every envelope.
func BenchmarkScan(b *testing.B) {
	for _, kind := range []string{"log", "counter", "gauge"} {
		env := benchEnvelopes(b)[kind]
		b.Run(kind, func(b *testing.B) {
			var f wire.Fields
			b.SetBytes(int64(len(env)))
			b.ReportAllocs()
			for b.Loop() {
				if err := wire.Scan(env, &f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGaugeNames looks up and hashes the names of a scanned gauge, as
// a subscription's selector and its hash pick do.
func BenchmarkGaugeNames(b *testing.B) {
	env := benchEnvelopes(b)["gauge"]
	var f wire.Fields
	if err := wire.Scan(env, &f); err != nil {
		b.Fatal(err)
	}
	names := []string{"memory", "disk_quota"}
	b.ReportAllocs()
	for b.Loop() {
		if !f.HasGaugeNames(names) || f.NameHash() == 0 {
			b.Fatal("gauge names not found")
		}
	}
}

// BenchmarkEachTagKey lists the tag keys of a log with five tags, as the
// agent does before adding its own.
func BenchmarkEachTagKey(b *testing.B) {
	env := benchEnvelopes(b)["log"]
	b.SetBytes(int64(len(env)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		wire.EachTagKey(env, func([]byte) bool { n++; return true })
		if n != 5 {
			b.Fatalf("%d keys", n)
		}
	}
}

// BenchmarkEachField reads the timestamp and the tag entries of a log, as
// the loss probe's consumer does.
func BenchmarkEachField(b *testing.B) {
	env := benchEnvelopes(b)["log"]
	b.SetBytes(int64(len(env)))
	b.ReportAllocs()
	for b.Loop() {
		var ts uint64
		entries := 0
		err := wire.EachField(env, func(num int, v uint64, data []byte) bool {
			switch {
			case num == 1 && data == nil:
				ts = v
			case num == 9 && data != nil:
				entries++
			}
			return true
		})
		if err != nil || ts != 1 || entries != 5 {
			b.Fatalf("ts %d, %d entries, %v", ts, entries, err)
		}
	}
}

// BenchmarkSplitBatch splits an encoded batch of 1000 envelopes of 200
// bytes into its records without copying.
func BenchmarkSplitBatch(b *testing.B) {
	enc := encodedBatch()
	envs := make([][]byte, 0, 1000)
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		var bad int
		envs, bad = wire.SplitBatch(envs[:0], enc)
		if bad != 0 || len(envs) != 1000 {
			b.Fatalf("%d envelopes, %d bad", len(envs), bad)
		}
	}
}
