package wire_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// protojsonOf is what the gateway wrote before JSONEncoder: protojson with
// every field (these envelopes' JSON names are their proto names), with the
// optional spaces protojson places at random taken out (json.Compact
// touches nothing inside strings).
func protojsonOf(env *loggregator_v2.Envelope) (string, error) {
	b, err := protojson.MarshalOptions{EmitUnpopulated: true}.Marshal(env)
	if err != nil {
		return "", err
	}
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		return "", err
	}
	return c.String(), nil
}

func encodeJSON(enc *wire.JSONEncoder, b []byte) (string, error) {
	out, err := enc.AppendEnvelope(nil, b)
	return string(out), err
}

func mustMarshal(env *loggregator_v2.Envelope) []byte {
	b, err := proto.Marshal(env)
	Expect(err).NotTo(HaveOccurred())
	return b
}

// jsonSamples covers every kind, every Value, unknown enums, escapes,
// extreme numbers and empty maps.
func jsonSamples() []*loggregator_v2.Envelope {
	return []*loggregator_v2.Envelope{
		{},
		{Timestamp: 1700000000123456789, SourceId: "app", InstanceId: "3",
			Tags:    map[string]string{"z": "1", "a": "2", "deployment": "cf"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello\x00\xff"), Type: loggregator_v2.Log_ERR}}},
		{Timestamp: -1, Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Type: 7}}},
		{Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Type: -2}}},
		{SourceId: "quote\" back\\ ctl\x01\x1f\b\f\n\r\t del\x7f é ☃ \U0001F600 <&> \u2028 \ufffd",
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: math.MaxUint64, Total: 1 << 63}}},
		{DeprecatedTags: map[string]*loggregator_v2.Value{
			"text": {Data: &loggregator_v2.Value_Text{Text: "t"}}, "int": {Data: &loggregator_v2.Value_Integer{Integer: math.MinInt64}},
			"dec": {Data: &loggregator_v2.Value_Decimal{Decimal: 1.5}}, "none": {}, "nil": nil},
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"cpu": {Unit: "percentage", Value: 12.25}, "tiny": {Value: 1e-7}, "huge": {Value: 1e21}, "neg": {Value: -3e-300},
				"nan": {Value: math.NaN()}, "inf": {Value: math.Inf(1)}, "-inf": {Value: math.Inf(-1)}, "zero": {}, "nil": nil,
				"negzero": {Value: math.Copysign(0, -1)}, "big": {Value: 123456789012345678}, "exp": {Value: 1e-10}}}}},
		{Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{}}},
		{Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: math.MinInt64, Stop: math.MaxInt64}}},
		{Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "t", Body: "multi\nline"}}},
		{Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{}}},
	}
}

var _ = Describe("JSONEncoder", func() {
	It("writes every kind of envelope byte for byte as protojson does", func() {
		var enc wire.JSONEncoder
		for _, env := range jsonSamples() {
			want, err := protojsonOf(env)
			Expect(err).NotTo(HaveOccurred())
			Expect(encodeJSON(&enc, mustMarshal(env))).To(Equal(want))
		}
	})

	It("escapes each ASCII byte as protojson does, and takes UTF-8 whole, wherever it falls in a string", func() {
		var enc wire.JSONEncoder
		for pos := range 17 { // before, inside and after the first eight-byte words
			base := []byte(strings.Repeat("a", 17))
			for c := range 0x80 {
				s := bytes.Clone(base)
				s[pos] = byte(c)
				env := &loggregator_v2.Envelope{SourceId: string(s)}
				want, err := protojsonOf(env)
				Expect(err).NotTo(HaveOccurred())
				Expect(encodeJSON(&enc, mustMarshal(env))).To(Equal(want), "byte %#x at %d", c, pos)
			}
			env := &loggregator_v2.Envelope{SourceId: string(base[:pos]) + "\u00e9\u4e16" + string(base[pos:])}
			want, err := protojsonOf(env)
			Expect(err).NotTo(HaveOccurred())
			Expect(encodeJSON(&enc, mustMarshal(env))).To(Equal(want), "UTF-8 at %d", pos)

			bad := mustMarshal(&loggregator_v2.Envelope{SourceId: string(base)})
			bad[len(bad)-17+pos] = 0xff
			_, err = enc.AppendEnvelope(nil, bad)
			Expect(err).To(MatchError(wire.ErrMalformed), "0xff at %d", pos)
		}
	})

	It("writes the shape Cloud Foundry's gateway writes", func() {
		env := &loggregator_v2.Envelope{Timestamp: 5, SourceId: "a", Tags: map[string]string{"b": "2"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hi")}}}
		var enc wire.JSONEncoder
		Expect(encodeJSON(&enc, mustMarshal(env))).To(Equal(
			`{"timestamp":"5","source_id":"a","instance_id":"","deprecated_tags":{},"tags":{"b":"2"},"log":{"payload":"aGk=","type":"OUT"}}`))
	})

	It("sorts map entries by key and keeps the last of equal keys, as decoding does", func() {
		var b []byte
		for _, kv := range [][2]string{{"b", "1"}, {"a", "2"}, {"b", "3"}} {
			var entry []byte
			entry = protowire.AppendTag(entry, 1, protowire.BytesType)
			entry = protowire.AppendString(entry, kv[0])
			entry = protowire.AppendTag(entry, 2, protowire.BytesType)
			entry = protowire.AppendString(entry, kv[1])
			b = protowire.AppendTag(b, 9, protowire.BytesType)
			b = protowire.AppendBytes(b, entry)
		}
		var env loggregator_v2.Envelope
		Expect(proto.Unmarshal(b, &env)).To(Succeed())
		Expect(env.Tags).To(Equal(map[string]string{"a": "2", "b": "3"}))
		var enc wire.JSONEncoder
		Expect(encodeJSON(&enc, b)).To(ContainSubstring(`"tags":{"a":"2","b":"3"}`))
	})

	It("refuses invalid UTF-8 in a string, as protojson does, and leaves dst as it was", func() {
		env := mustMarshal(&loggregator_v2.Envelope{SourceId: "abc"})
		env[len(env)-2] = 0xff
		var enc wire.JSONEncoder
		dst := []byte("data: ")
		out, err := enc.AppendEnvelope(dst, env)
		Expect(err).To(MatchError(wire.ErrMalformed))
		Expect(err.Error()).To(ContainSubstring("UTF-8"))
		Expect(string(out)).To(Equal("data: "))
	})

	It("refuses truncated envelopes and known fields of the wrong wire type", func() {
		env := mustMarshal(&loggregator_v2.Envelope{SourceId: "abc", Timestamp: 3})
		var enc wire.JSONEncoder
		_, err := enc.AppendEnvelope(nil, env[:len(env)-1])
		Expect(err).To(MatchError(wire.ErrMalformed))
		_, err = enc.AppendEnvelope(nil, []byte{0x0a, 0x00}) // timestamp as bytes
		Expect(err).To(MatchError(wire.ErrMalformed))
		_, err = enc.AppendEnvelope(nil, []byte{0x22, 0x02, 0x10}) // a log cut inside
		Expect(err).To(MatchError(wire.ErrMalformed))
	})

	It("skips unknown fields, as protojson does", func() {
		env := mustMarshal(&loggregator_v2.Envelope{SourceId: "abc"})
		env = protowire.AppendTag(env, 99, protowire.Fixed32Type)
		env = protowire.AppendFixed32(env, 7)
		var enc wire.JSONEncoder
		Expect(encodeJSON(&enc, env)).To(Equal(`{"timestamp":"0","source_id":"abc","instance_id":"","deprecated_tags":{},"tags":{}}`))
	})

	It("allocates nothing once warm", func() {
		var enc wire.JSONEncoder
		envs := jsonSamples()
		encoded := make([][]byte, len(envs))
		for i, e := range envs {
			encoded[i] = mustMarshal(e)
		}
		buf := make([]byte, 0, 64<<10)
		allocs := testing.AllocsPerRun(100, func() {
			out := buf[:0]
			for _, e := range encoded {
				var err error
				if out, err = enc.AppendEnvelope(out, e); err != nil {
					panic(err)
				}
			}
		})
		Expect(allocs).To(BeZero())
	})
})
