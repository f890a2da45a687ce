package wire_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// FuzzScan checks that Scan never panics, accepts every envelope protobuf
// accepts, and agrees with protobuf on what it extracts. Run it with
// go test ./internal/wire -run '^$' -fuzz FuzzScan -fuzztime 30s; the seeds
// below run with every go test.
func FuzzScan(f *testing.F) {
	seeds := []*loggregator_v2.Envelope{
		{SourceId: "a", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}},
		{SourceId: "b", Tags: map[string]string{"k": "v"}, Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Total: 3}}},
		{DeprecatedTags: map[string]*loggregator_v2.Value{"d": {Data: &loggregator_v2.Value_Decimal{Decimal: 1.5}}}, Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"m": {Unit: "u", Value: 2}}}}},
		{InstanceId: "1", Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "t", Start: 1, Stop: 2}}},
		{Timestamp: 99, Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "t", Body: "b"}}},
	}
	for _, s := range seeds {
		b, err := proto.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{0x0b})
	f.Add([]byte{0x12, 0x05, 'a'})
	f.Add([]byte{0x4a, 0x06, 0x0a, 0x01, 0xff, 0x12, 0x01, 'v'})       // a tag key that is not UTF-8
	f.Add([]byte{0x4a, 0x07, 0x0a, 0x01, 'k', 0x12, 0x02, 0xc3, 0xa9}) // a tag value that is UTF-8, not ASCII
	f.Add([]byte{0x4a, 0x06, 0x12, 0x01, 'v', 0x0a, 0x01, 'k'})        // value before key
	tagged, err := proto.Marshal(&loggregator_v2.Envelope{SourceId: "s", Tags: map[string]string{
		"source_type": "APP/PROC/WEB", "deployment": "cf", "index": "0d3e1f2a", "é": "ü", "": "",
	}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tagged)
	gauge, err := proto.Marshal(&loggregator_v2.Envelope{SourceId: "s", Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{
		Metrics: map[string]*loggregator_v2.GaugeValue{
			"cpu": {Unit: "percentage", Value: 1.5}, "memory": {Unit: "bytes"}, "disk": {Value: 2}, "none": {}, "é": {Unit: "ü", Value: 3},
		},
	}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(gauge)
	f.Add([]byte{0x32, 0x0a, 0x0a, 0x08, 0x0a, 0x01, 'm', 0x12, 0x03, 0x0a, 0x01, 0xff}) // a unit that is not UTF-8
	f.Add([]byte{0x32, 0x09, 0x0a, 0x07, 0x0a, 0x01, 0xff, 0x12, 0x02, 0x0a, 0x00})      // a name that is not UTF-8
	f.Add([]byte{0x32, 0x09, 0x0a, 0x07, 0x0a, 0x01, 'm', 0x12, 0x02, 0x11, 0x00})       // a value cut short
	f.Fuzz(func(t *testing.T, b []byte) {
		var fields wire.Fields
		err := wire.Scan(b, &fields)
		var e loggregator_v2.Envelope
		perr := proto.Unmarshal(b, &e)
		if perr != nil {
			// Scan may accept less checked content (it does not look
			// inside a log, for one); it must not panic. But it checks
			// every string, so invalid UTF-8 it must refuse too.
			if err == nil && strings.Contains(perr.Error(), "UTF-8") {
				t.Fatalf("accepted %x, which protobuf refuses: %v", b, perr)
			}
			return
		}
		if err != nil {
			// Scan is stricter only about wire types of known fields, which
			// protobuf keeps as unknown fields.
			return
		}
		// The tags: every key (in either map) and HasTags, whether scan
		// took a field by its quick path or the long way.
		keys, err := wire.ScanTagKeys(b, &fields, nil)
		if err != nil {
			t.Fatalf("ScanTagKeys failed where Scan did not: %v", err)
		}
		got := map[string]bool{}
		for _, k := range keys {
			got[string(k)] = true
		}
		want := map[string]bool{}
		for k := range e.Tags {
			want[k] = true
		}
		for k := range e.DeprecatedTags {
			want[k] = true
		}
		if !maps.Equal(got, want) {
			t.Fatalf("tag keys %q, protobuf says %q", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
		if fields.HasTags != (len(e.Tags) > 0) {
			t.Fatalf("HasTags %v, protobuf has %d tags", fields.HasTags, len(e.Tags))
		}
		if string(fields.SourceID) != e.SourceId {
			t.Fatalf("source id %q, protobuf says %q", fields.SourceID, e.SourceId)
		}
		if fields.Timestamp != e.Timestamp {
			t.Fatalf("timestamp %d, protobuf says %d", fields.Timestamp, e.Timestamp)
		}
		var kind wire.Kind
		switch e.Message.(type) {
		case *loggregator_v2.Envelope_Log:
			kind = wire.KindLog
		case *loggregator_v2.Envelope_Counter:
			kind = wire.KindCounter
		case *loggregator_v2.Envelope_Gauge:
			kind = wire.KindGauge
		case *loggregator_v2.Envelope_Timer:
			kind = wire.KindTimer
		case *loggregator_v2.Envelope_Event:
			kind = wire.KindEvent
		}
		if fields.Kind != kind {
			t.Fatalf("kind %s, protobuf says %T", fields.Kind, e.Message)
		}
		if kind == wire.KindCounter && string(fields.Name) != e.GetCounter().GetName() {
			t.Fatalf("counter name %q, protobuf says %q", fields.Name, e.GetCounter().GetName())
		}
		if kind == wire.KindGauge {
			for name := range e.GetGauge().GetMetrics() {
				if !fields.HasGaugeNames([]string{name}) {
					t.Fatalf("gauge name %q not found", name)
				}
			}
		}
	})
}

// FuzzFieldIter checks that FieldIter never panics and reads every input as
// the protobuf module's wire reader does: the same fields, and an error
// exactly where that reader fails or meets a group.
func FuzzFieldIter(f *testing.F) {
	env, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: 300, SourceId: "app", Tags: map[string]string{"k": "v"},
		Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"cpu": {Unit: "%", Value: 1.5}}}},
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(env)
	f.Add([]byte{0x0b, 0x0c})
	f.Add([]byte{0x09, 1, 2, 3, 4, 5, 6, 7, 8, 0x15, 1, 2, 3, 4, 0x12, 0x00})
	f.Add([]byte{0x80, 0x80, 0x80, 0x80, 0x20, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := walk(b)
		want, whole := protowireWalk(b)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fields %v, protowire reads %v", got, want)
		}
		if (err == nil) != whole {
			t.Fatalf("error %v, protowire read to the end: %v", err, whole)
		}
	})
}

// FuzzSplitBatch checks that SplitBatch never panics and frames every
// EnvelopeBatch protobuf can decode into the same envelopes, byte for byte.
func FuzzSplitBatch(f *testing.F) {
	batch, err := proto.Marshal(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{
		{SourceId: "a", Timestamp: 1, Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}},
		{SourceId: "b", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: 2}}},
	}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(batch)
	f.Add(batch[:len(batch)-3])
	f.Add([]byte{0x0a, 0x00, 0x10, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		envs, invalid := wire.SplitBatch(nil, b)
		var want loggregator_v2.EnvelopeBatch
		if proto.Unmarshal(b, &want) != nil {
			return // a batch protobuf refuses may still be framed in part
		}
		if _, whole := protowireWalk(b); !whole {
			return // a group: FieldIter refuses groups by design, protobuf skips them
		}
		if invalid != 0 {
			t.Fatalf("%d records not framed in a batch protobuf decodes", invalid)
		}
		if len(envs) != len(want.GetBatch()) {
			t.Fatalf("%d envelopes, protobuf says %d", len(envs), len(want.GetBatch()))
		}
		for i, env := range envs {
			var got loggregator_v2.Envelope
			if err := proto.Unmarshal(env, &got); err != nil {
				t.Fatalf("envelope %d does not decode alone: %v", i, err)
			}
			if !proto.Equal(&got, want.GetBatch()[i]) {
				t.Fatalf("envelope %d is %v, protobuf says %v", i, &got, want.GetBatch()[i])
			}
		}
	})
}
