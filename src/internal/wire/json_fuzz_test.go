package wire_test

import (
	"encoding/json"
	"strings"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// FuzzJSONEnvelope checks JSONEncoder against protojson on envelopes made
// of arbitrary field values: every kind, both maps with colliding keys, all
// three Values, any strings, numbers and bytes. The output must equal
// protojson's byte for byte.
func FuzzJSONEnvelope(f *testing.F) {
	f.Add(int64(1), "src", "0", "k", "v", "k2", "v2", uint8(0), "name", []byte("payload"), uint64(1), uint64(2), 1.5)
	f.Add(int64(-5), "", "", "", "", "", "", uint8(9), "", []byte{}, uint64(1<<63), uint64(0), -1e-7)
	f.Add(int64(0), "é\"\\\n", "\x01", "a", "", "a", "x", uint8(0x2f), "☃", []byte{0xff}, uint64(3), uint64(1<<32+1), 1e300)
	f.Fuzz(func(t *testing.T, ts int64, src, inst, k1, v1, k2, v2 string, kind uint8, name string, payload []byte, n1, n2 uint64, d float64) {
		env := &loggregator_v2.Envelope{Timestamp: ts, SourceId: src, InstanceId: inst}
		if kind&0x10 != 0 {
			env.Tags = map[string]string{k1: v1, k2: v2}
		}
		if kind&0x20 != 0 {
			env.DeprecatedTags = map[string]*loggregator_v2.Value{
				k1: {Data: &loggregator_v2.Value_Text{Text: v1}},
				k2: {Data: &loggregator_v2.Value_Integer{Integer: int64(n1)}},
				v1: {Data: &loggregator_v2.Value_Decimal{Decimal: d}},
				v2: {},
			}
		}
		switch kind & 0x0f % 6 {
		case 1:
			env.Message = &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: payload, Type: loggregator_v2.Log_Type(int32(n1))}}
		case 2:
			env.Message = &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: name, Delta: n1, Total: n2}}
		case 3:
			env.Message = &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				name: {Unit: k1, Value: d}, k2: {Unit: v2, Value: float64(int64(n2))}}}}
		case 4:
			env.Message = &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: name, Start: int64(n1), Stop: int64(n2)}}
		case 5:
			env.Message = &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: name, Body: v1}}
		}
		b, err := proto.Marshal(env)
		if err != nil {
			return // invalid UTF-8 in a string: FuzzJSONRaw covers it
		}
		want, err := protojsonOf(env)
		if err != nil {
			t.Fatalf("protojson: %v", err)
		}
		var enc wire.JSONEncoder
		got, err := enc.AppendEnvelope(nil, b)
		if err != nil {
			t.Fatalf("encode %x: %v", b, err)
		}
		if string(got) != want {
			t.Fatalf("encoded %x\n got %s\nwant %s", b, got, want)
		}
	})
}

// FuzzJSONRaw feeds JSONEncoder arbitrary bytes. It must never panic;
// what it writes must be valid JSON; and for every input protobuf decodes
// it must write exactly what protojson writes for the decoded envelope,
// except that it refuses known fields of the wrong wire type and groups
// (which protobuf keeps as unknown fields) and takes the last occurrence
// of a repeated message field whole where protobuf merges them.
func FuzzJSONRaw(f *testing.F) {
	for _, env := range jsonSamples()[1:] {
		b, err := proto.Marshal(env)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{0x12, 0x01, 0xff})
	f.Add([]byte{0x22, 0x02, 0x10, 0x01, 0x22, 0x02, 0x0a, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		var enc wire.JSONEncoder
		got, err := enc.AppendEnvelope(nil, b)
		if err == nil && !json.Valid(got) {
			t.Fatalf("encoded %x to invalid JSON %s", b, got)
		}
		var env loggregator_v2.Envelope
		if proto.Unmarshal(b, &env) != nil {
			return
		}
		if err != nil {
			if msg := err.Error(); !strings.Contains(msg, "wire type") && !strings.Contains(msg, "group") {
				t.Fatalf("refused %x, which protobuf decodes: %v", b, err)
			}
			return
		}
		if mergesMessages(b) {
			return
		}
		want, perr := protojsonOf(&env)
		if perr != nil {
			t.Fatalf("protojson: %v", perr)
		}
		if string(got) != want {
			t.Fatalf("encoded %x\n got %s\nwant %s", b, got, want)
		}
	})
}

// mergesMessages reports whether decoding b merges two occurrences of a
// message: more than one oneof message field in the envelope, or a map
// entry with more than one value message (deprecated_tags, gauge metrics).
func mergesMessages(b []byte) bool {
	count := map[protowire.Number]int{}
	var gauge []byte
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return true
		}
		b = b[n:]
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			return true
		}
		if typ == protowire.BytesType {
			v, _ := protowire.ConsumeBytes(b)
			switch num {
			case 4, 5, 6, 7, 10:
				count[4]++
				if num == 6 {
					gauge = v
				}
			case 3:
				if entryValues(v) > 1 {
					return true
				}
			}
		}
		b = b[m:]
	}
	if count[4] > 1 {
		return true
	}
	for len(gauge) > 0 {
		num, typ, n := protowire.ConsumeTag(gauge)
		if n < 0 {
			return true
		}
		gauge = gauge[n:]
		m := protowire.ConsumeFieldValue(num, typ, gauge)
		if m < 0 {
			return true
		}
		if num == 1 && typ == protowire.BytesType {
			v, _ := protowire.ConsumeBytes(gauge)
			if entryValues(v) > 1 {
				return true
			}
		}
		gauge = gauge[m:]
	}
	return false
}

// entryValues counts the value fields (2) of an encoded map entry.
func entryValues(b []byte) int {
	n := 0
	for len(b) > 0 {
		num, typ, l := protowire.ConsumeTag(b)
		if l < 0 {
			return 2
		}
		b = b[l:]
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			return 2
		}
		if num == 2 {
			n++
		}
		b = b[m:]
	}
	return n
}
