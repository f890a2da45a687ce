package lossprobe_test

import (
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/lossprobe"
	"loggregator/internal/wire"
)

// gatewayEvent is the data of the event the gateway writes for envs: each
// envelope through wire.JSONEncoder, joined as its read path joins them.
func gatewayEvent(envs ...*loggregator_v2.Envelope) []byte {
	var enc wire.JSONEncoder
	data := []byte(`{"batch":[`)
	for i, e := range envs {
		raw, err := proto.Marshal(e)
		Expect(err).NotTo(HaveOccurred())
		if i > 0 {
			data = append(data, ',')
		}
		data, err = enc.AppendEnvelope(data, raw)
		Expect(err).NotTo(HaveOccurred())
	}
	return append(data, "]}"...)
}

func text(s string) *loggregator_v2.Value {
	return &loggregator_v2.Value{Data: &loggregator_v2.Value_Text{Text: s}}
}

// probeEnvelopes are envelopes of every kind the gateway can carry, with
// the probe's tags in tags, in deprecated tags, in both, and missing.
func probeEnvelopes() []*loggregator_v2.Envelope {
	tags := func(seq string) map[string]string {
		return map[string]string{lossprobe.TagRunID: "run-1", lossprobe.TagEmitter: "3", lossprobe.TagSeq: seq,
			"quote": `a"b\c`, "line": "x\ny\u2028", "ünï": "cødé"}
	}
	return []*loggregator_v2.Envelope{
		{Timestamp: 1764460000123456789, SourceId: "lossprobe", InstanceId: "0", Tags: tags("0"),
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(`{"seq":1} "]}`), Type: loggregator_v2.Log_ERR}}},
		{Timestamp: 5, SourceId: "lossprobe", Tags: tags("1"),
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: 2, Total: 18446744073709551615}}},
		{Timestamp: 6, SourceId: "lossprobe", Tags: tags("2"),
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"lossprobe": {Unit: "n", Value: 2}, "{]": {Unit: `"`, Value: -1.5e-300}}}}},
		{Timestamp: 7, SourceId: "lossprobe", Tags: tags("3"),
			Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "t", Start: 1, Stop: 2}}},
		{Timestamp: 8, SourceId: "lossprobe", Tags: tags("4"),
			Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "e", Body: "}"}}},
		{Timestamp: 9, SourceId: "lossprobe",
			DeprecatedTags: map[string]*loggregator_v2.Value{lossprobe.TagRunID: text("run-1"), lossprobe.TagEmitter: text("4"),
				lossprobe.TagSeq: text("5"), "n": {Data: &loggregator_v2.Value_Integer{Integer: -3}}}},
		{Timestamp: 10, SourceId: "lossprobe", Tags: map[string]string{lossprobe.TagSeq: "6"},
			DeprecatedTags: map[string]*loggregator_v2.Value{lossprobe.TagRunID: text("run-1"), lossprobe.TagSeq: text("7"),
				lossprobe.TagEmitter: {Data: &loggregator_v2.Value_Decimal{Decimal: 4}}}},
		{Timestamp: 11, SourceId: "lossprobe", Tags: map[string]string{lossprobe.TagRunID: "run-1", lossprobe.TagWarmup: "1"}},
		{Timestamp: 12, SourceId: "other", Tags: map[string]string{lossprobe.TagRunID: "run-2", lossprobe.TagEmitter: "0", lossprobe.TagSeq: "0"}},
		{},
	}
}

var _ = Describe("Scanning the gateway's events", func() {
	It("reads from the gateway's JSON what protojson reads, envelope by envelope", func() {
		envs := probeEnvelopes()
		for _, e := range envs {
			data := gatewayEvent(e)
			want, err := lossprobe.DecodeEvent(data)
			Expect(err).NotTo(HaveOccurred())
			got, ok := lossprobe.ScanEvent(data)
			Expect(ok).To(BeTrue(), string(data))
			Expect(got).To(Equal(want), string(data))
		}
		data := gatewayEvent(envs...)
		want, err := lossprobe.DecodeEvent(data)
		Expect(err).NotTo(HaveOccurred())
		Expect(want).To(HaveLen(len(envs)))
		got, ok := lossprobe.ScanEvent(data)
		Expect(ok).To(BeTrue())
		Expect(got).To(Equal(want))
		got, ok = lossprobe.ScanEvent([]byte(`{"batch":[]}`))
		Expect(ok).To(BeTrue())
		Expect(got).To(BeEmpty())
	})

	It("counts a scanned event as it counts the decoded one, without falling back", func() {
		data := gatewayEvent(probeEnvelopes()...)
		r, fallbacks, err := lossprobe.CountEvent("run-1", data)
		Expect(err).NotTo(HaveOccurred())
		Expect(fallbacks).To(BeZero())
		// Five from emitter 3 and one from emitter 4 in deprecated tags;
		// foreign: the one whose emitter is a decimal Value (no text), the
		// other run's and the empty one; the warm-up is neither.
		Expect(r.Received).To(BeEquivalentTo(6))
		Expect(r.Foreign).To(BeEquivalentTo(3))
	})

	DescribeTable("falls back to protojson for what the gateway does not write, and counts the same",
		func(data string) {
			_, ok := lossprobe.ScanEvent([]byte(data))
			Expect(ok).To(BeFalse())
			r, fallbacks, err := lossprobe.CountEvent("run-1", []byte(data))
			Expect(err).NotTo(HaveOccurred())
			Expect(fallbacks).To(BeEquivalentTo(1))
			Expect(r.Received).To(BeEquivalentTo(1))
		},
		Entry("whitespace", `{"batch": [{"timestamp":"1","tags":{"run_id":"run-1","emitter":"0","seq":"0"}}]}`),
		Entry("a null message", `{"batch":[{"timestamp":"1","tags":{"run_id":"run-1","emitter":"0","seq":"0"},"log":null}]}`),
		Entry("an escaped probe tag", `{"batch":[{"timestamp":"1","tags":{"run_id":"run\u002d1","emitter":"0","seq":"0"}}]}`),
		Entry("an escaped key", `{"batch":[{"timestamp":"1","t\u0061gs":{"run_id":"run-1","emitter":"0","seq":"0"}}]}`),
		Entry("a numeric timestamp", `{"batch":[{"timestamp":1,"tags":{"run_id":"run-1","emitter":"0","seq":"0"}}]}`),
		Entry("null", `{"batch":[{"timestamp":"1","deprecated_tags":null,"tags":{"run_id":"run-1","emitter":"0","seq":"0"}}]}`),
	)

	It("falls back for what protojson refuses too, and fails as it did", func() {
		for _, data := range []string{
			`{"batch":[{"timestamp":"1","tags":{}}`,
			`{"batch":[{"timestamp":"1","colour":"red"}]}`,
			`{"batch":[{"timestamp":"1","tags":{},"tags":{}}]}`,
			`{"batch":[{"timestamp":"99999999999999999999"}]}`,
		} {
			_, ok := lossprobe.ScanEvent([]byte(data))
			Expect(ok).To(BeFalse(), data)
			_, fallbacks, err := lossprobe.CountEvent("run-1", []byte(data))
			Expect(err).To(MatchError(ContainSubstring("decode event")), data)
			Expect(fallbacks).To(BeEquivalentTo(1))
		}
	})
})
