package dropsonde_test

import (
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/dropsonde"
)

var _ = Describe("V2Decoder", func() {
	envs := []*loggregator_v2.Envelope{
		{Timestamp: 7, SourceId: "app", InstanceId: "2", Tags: map[string]string{"origin": "rep", "deployment": "cf", "job": "diego-cell", "empty": ""},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello"), Type: loggregator_v2.Log_ERR}}},
		{SourceId: "svc", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 1, Total: 9}}},
		{SourceId: "app", Tags: map[string]string{"origin": "rep", "unit": "µs"},
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"cpu": {Unit: "percentage", Value: 1.5}, "memory": {Unit: "bytes", Value: 2}}}}},
		{SourceId: "router", DeprecatedTags: map[string]*loggregator_v2.Value{"old": {Data: &loggregator_v2.Value_Text{Text: "style"}}},
			Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 1, Stop: 2}}},
	}

	It("decodes what proto.Unmarshal decodes, one decoder and one envelope reused throughout", func() {
		var d dropsonde.V2Decoder
		var got loggregator_v2.Envelope
		for range 2 {
			for _, e := range envs {
				raw, err := proto.Marshal(e)
				Expect(err).NotTo(HaveOccurred())
				Expect(d.Decode(raw, &got)).To(Succeed())
				Expect(proto.Equal(&got, e)).To(BeTrue(), "%v", e)
			}
		}
	})

	It("keeps the last of a repeated tag key, as proto.Unmarshal does", func() {
		var raw []byte
		for _, v := range []string{"first", "second"} {
			var entry []byte
			entry = protowire.AppendTag(entry, 1, protowire.BytesType)
			entry = protowire.AppendString(entry, "k")
			entry = protowire.AppendTag(entry, 2, protowire.BytesType)
			entry = protowire.AppendString(entry, v)
			raw = protowire.AppendTag(raw, 9, protowire.BytesType)
			raw = protowire.AppendBytes(raw, entry)
		}
		var want loggregator_v2.Envelope
		Expect(proto.Unmarshal(raw, &want)).To(Succeed())
		var d dropsonde.V2Decoder
		var got loggregator_v2.Envelope
		Expect(d.Decode(raw, &got)).To(Succeed())
		Expect(got.Tags).To(Equal(map[string]string{"k": "second"}))
		Expect(proto.Equal(&got, &want)).To(BeTrue())
	})

	DescribeTable("refuses what proto.Unmarshal refuses",
		func(raw []byte) {
			var want loggregator_v2.Envelope
			Expect(proto.Unmarshal(raw, &want)).NotTo(Succeed())
			var d dropsonde.V2Decoder
			var got loggregator_v2.Envelope
			Expect(d.Decode(raw, &got)).NotTo(Succeed())
		},
		Entry("a tag value that is not UTF-8", oneTag("k", "\xff")),
		Entry("a tag key that is not UTF-8", oneTag("\xfe", "v")),
		Entry("a truncated envelope", func() []byte { b := mustMarshal(envs[0]); return b[:len(b)-1] }()),
		Entry("a truncated tag entry", []byte{9<<3 | 2, 4, 1<<3 | 2, 5, 'a', 'b'}),
	)
})

// oneTag is an envelope with one tag, encoded by hand: proto.Marshal
// refuses strings that are not UTF-8.
func oneTag(k, v string) []byte {
	var entry []byte
	entry = protowire.AppendTag(entry, 1, protowire.BytesType)
	entry = protowire.AppendString(entry, k)
	entry = protowire.AppendTag(entry, 2, protowire.BytesType)
	entry = protowire.AppendString(entry, v)
	raw := protowire.AppendTag(nil, 9, protowire.BytesType)
	return protowire.AppendBytes(raw, entry)
}

// mustMarshal runs while the spec tree is built, so it panics rather
// than asserts; proto.Marshal of these envelopes does not fail.
func mustMarshal(e *loggregator_v2.Envelope) []byte {
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(e)
	if err != nil {
		panic(err)
	}
	return b
}
