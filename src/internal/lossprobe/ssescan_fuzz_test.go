package lossprobe

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// fuzzTags is what the Tracker reads from one envelope.
type fuzzTags struct {
	ts                          int64
	runID, emitter, seq, warmup string
}

func scanned(data []byte) ([]fuzzTags, bool) {
	fs, ok := scanBatch(data, nil)
	var out []fuzzTags
	for _, f := range fs {
		out = append(out, fuzzTags{f.timestamp, string(f.runID), string(f.emitter), string(f.seq), string(f.warm)})
	}
	return out, ok
}

func decoded(data []byte) ([]fuzzTags, error) {
	var b loggregator_v2.EnvelopeBatch
	err := protojson.Unmarshal(data, &b)
	var out []fuzzTags
	for _, e := range b.GetBatch() {
		out = append(out, fuzzTags{e.GetTimestamp(), tag(e, TagRunID), tag(e, TagEmitter), tag(e, TagSeq), tag(e, TagWarmup)})
	}
	return out, err
}

// eventOf is the gateway's event data for the encoded envelopes envs.
func eventOf(t testing.TB, envs ...*loggregator_v2.Envelope) []byte {
	var enc wire.JSONEncoder
	data := []byte(`{"batch":[`)
	for i, e := range envs {
		raw, err := proto.Marshal(e)
		if err != nil {
			t.Skip("not an envelope an emitter sends:", err)
		}
		if i > 0 {
			data = append(data, ',')
		}
		if data, err = enc.AppendEnvelope(data, raw); err != nil {
			t.Skip("not an envelope the gateway writes:", err)
		}
	}
	return append(data, "]}"...)
}

// FuzzScanEvent holds the scan to protojson on any data: when both read
// it, they read the same.
func FuzzScanEvent(f *testing.F) {
	f.Add([]byte(`{"batch":[]}`))
	f.Add([]byte(`{"batch":[{"timestamp":"1","source_id":"","instance_id":"","deprecated_tags":{"seq":{"text":"2"}},"tags":{"run_id":"r","emitter":"0"},"log":{"payload":"","type":"OUT"}}]}`))
	f.Add([]byte(`{"batch":[{"timestamp":"1","tags":{"run_id":"r","x":"\"}"},"gauge":{"metrics":{"a":{"unit":"","value":1}}}},{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := scanned(data)
		want, err := decoded(data)
		if ok && err == nil && fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("scan %v, protojson %v", got, want)
		}
	})
}

// FuzzScanGatewayEnvelope holds the scan to protojson on what the gateway
// writes, and has it scan all of that but escaped strings and negative
// timestamps.
func FuzzScanGatewayEnvelope(f *testing.F) {
	f.Add(int64(1764460000123456789), "run", "1", "2", "source_type", "APP", []byte("line"), false)
	f.Add(int64(-1), "r\"", "", "x", "run_id", "}", []byte{0, 1}, true)
	f.Fuzz(func(t *testing.T, ts int64, runID, emitter, seq, key, value string, payload []byte, deprecated bool) {
		e := &loggregator_v2.Envelope{Timestamp: ts, SourceId: value, Tags: map[string]string{TagRunID: runID, key: value},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: payload}}}
		if deprecated {
			e.DeprecatedTags = map[string]*loggregator_v2.Value{
				TagEmitter: {Data: &loggregator_v2.Value_Text{Text: emitter}}, TagSeq: {Data: &loggregator_v2.Value_Text{Text: seq}}, value: {}}
		} else {
			e.Tags[TagEmitter], e.Tags[TagSeq] = emitter, seq
		}
		data := eventOf(t, e, e)
		got, ok := scanned(data)
		want, err := decoded(data)
		if err != nil {
			t.Fatalf("protojson refuses the gateway's %s: %v", data, err)
		}
		if !ok && ts >= 0 && !bytes.Contains(data, []byte{'\\'}) {
			t.Fatalf("no scan of %s", data)
		}
		if ok && fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("scan %v, protojson %v of %s", got, want, data)
		}
	})
}

// benchEvent is the data of a gateway event of n probe log envelopes
// shaped like the probe's, with the tags the agent adds.
func benchEvent(b *testing.B, n int) []byte {
	var envs []*loggregator_v2.Envelope
	for i := range n {
		envs = append(envs, &loggregator_v2.Envelope{
			Timestamp: time.Now().UnixNano(), SourceId: "lossprobe", InstanceId: "0",
			Tags: map[string]string{TagRunID: "9f2c1e7a4b3d", TagEmitter: "0", TagSeq: fmt.Sprint(i),
				"deployment": "cf", "job": "lossprobe", "index": "c8b0a6e4-2d1f-4f53-9a0e-4f4a5c1b7e10", "ip": "10.0.16.12"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: fmt.Appendf(nil, "%-99d\n", i)}},
		})
	}
	return eventOf(b, envs...)
}

func benchReader(b *testing.B, decode func(r *reader, data []byte, now time.Time) error) {
	const n = 100
	data := benchEvent(b, n)
	r := newReader("gateway", NewTracker("9f2c1e7a4b3d", 0), false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	now := time.Now()
	if err := decode(r, data, now); err != nil || r.tracker.Unique() != n {
		b.Fatalf("%v: %d counted", err, r.tracker.Unique())
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := decode(r, data, now); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/envelope")
}

// BenchmarkGatewayEventProtojson is the gateway reader's cost per event of
// 100 envelopes before the scan: protojson, then the Tracker.
func BenchmarkGatewayEventProtojson(b *testing.B) {
	benchReader(b, (*reader).decodeEvent)
}

// BenchmarkGatewayEventScan is the same with the scan.
func BenchmarkGatewayEventScan(b *testing.B) {
	benchReader(b, func(r *reader, data []byte, now time.Time) error {
		err := r.event(data, now)
		if r.fallbacks.Load() > 0 {
			b.Fatal("fell back")
		}
		return err
	})
}
