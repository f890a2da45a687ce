package agent_test

import (
	"strconv"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/agent"
)

func encode(e *loggregator_v2.Envelope) []byte {
	GinkgoHelper()
	b, err := proto.Marshal(e)
	Expect(err).NotTo(HaveOccurred())
	return b
}

func logWith(sourceID string, tags map[string]string, deprecated map[string]*loggregator_v2.Value) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		SourceId: sourceID, Tags: tags, DeprecatedTags: deprecated,
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello")}},
	}
}

func text(s string) *loggregator_v2.Value {
	return &loggregator_v2.Value{Data: &loggregator_v2.Value_Text{Text: s}}
}

// ingest runs envs through an agent's ingress and decodes what it forwards.
func ingest(cfg *agent.Config, envs ...*loggregator_v2.Envelope) (out []*loggregator_v2.Envelope, invalid, tooLarge float64) {
	GinkgoHelper()
	var raw [][]byte
	for _, e := range envs {
		raw = append(raw, encode(e))
	}
	got, invalid, tooLarge, err := agent.Ingest(cfg, raw)
	Expect(err).NotTo(HaveOccurred())
	for _, b := range got {
		var e loggregator_v2.Envelope
		Expect(proto.Unmarshal(b, &e)).To(Succeed())
		out = append(out, &e)
	}
	return out, invalid, tooLarge
}

func tagged() *agent.Config {
	cfg := agent.DefaultConfig()
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP, cfg.Zone = "cf", "router", "2", "10.0.0.9", "z2"
	cfg.Tags = map[string]string{"platform": "test", "job": "ignored: the identity tag wins"}
	return cfg
}

var _ = Describe("Ingress", func() {
	It("replaces a missing, negative or far-future timestamp with the receive time and counts each by reason", func() {
		now := time.Now()
		stamped := func(ts int64) []byte {
			e := logWith("app", map[string]string{"n": strconv.FormatInt(ts, 10)}, nil)
			e.Timestamp = ts
			return encode(e)
		}
		good := now.Add(-time.Minute).UnixNano()
		slightlyAhead := now.Add(30 * time.Second).UnixNano()
		raw := [][]byte{stamped(0), stamped(-42), stamped(now.Add(48 * time.Hour).UnixNano()), stamped(good), stamped(slightlyAhead)}

		got, replaced, err := agent.IngestTimestamps(agent.DefaultConfig(), raw)
		Expect(err).NotTo(HaveOccurred())
		Expect(replaced).To(Equal(map[string]float64{"missing": 1, "negative": 1, "future": 1}))
		Expect(got).To(HaveLen(5))
		after := time.Now().UnixNano()
		for i, b := range got {
			var e loggregator_v2.Envelope
			Expect(proto.Unmarshal(b, &e)).To(Succeed())
			Expect(e.GetLog().GetPayload()).To(Equal([]byte("hello")))
			switch i {
			case 3:
				Expect(e.Timestamp).To(Equal(good))
			case 4:
				Expect(e.Timestamp).To(Equal(slightlyAhead), "a clock a little ahead is not a bug")
			default:
				Expect(e.Timestamp).To(BeNumerically(">=", now.UnixNano()), "envelope %d (%s)", i, e.Tags["n"])
				Expect(e.Timestamp).To(BeNumerically("<=", after))
			}
		}
	})

	It("adds the VM's identity and custom tags to encoded envelopes, keeping what else they hold", func() {
		in := logWith("app", nil, nil)
		out, _, _ := ingest(tagged(), in)
		Expect(out).To(HaveLen(1))
		Expect(out[0].Tags).To(Equal(map[string]string{
			"deployment": "cf", "job": "router", "index": "2", "ip": "10.0.0.9", "zone": "z2", "platform": "test",
		}))
		Expect(out[0].SourceId).To(Equal("app"))
		Expect(out[0].GetLog().GetPayload()).To(Equal([]byte("hello")))
	})

	It("keeps tags the producer set, in tags or in deprecated_tags", func() {
		out, _, _ := ingest(tagged(), logWith("app",
			map[string]string{"job": "mine", "source_type": "APP"},
			map[string]*loggregator_v2.Value{"zone": text("my-zone")}))
		Expect(out).To(HaveLen(1))
		Expect(out[0].Tags).To(HaveKeyWithValue("job", "mine"))
		Expect(out[0].Tags).To(HaveKeyWithValue("source_type", "APP"))
		Expect(out[0].Tags).To(HaveKeyWithValue("deployment", "cf"))
		Expect(out[0].Tags).NotTo(HaveKey("zone"))
		Expect(out[0].DeprecatedTags["zone"].GetText()).To(Equal("my-zone"))
	})

	It("fills an empty source_id from the origin tag, preferring tags over deprecated_tags", func() {
		out, _, _ := ingest(tagged(),
			logWith("", map[string]string{"origin": "from-tags"}, map[string]*loggregator_v2.Value{"origin": text("from-deprecated")}),
			logWith("", nil, map[string]*loggregator_v2.Value{"origin": text("from-deprecated")}),
			logWith("", nil, nil),
			logWith("set", map[string]string{"origin": "ignored"}, nil),
		)
		Expect(out).To(HaveLen(4))
		Expect(out[0].SourceId).To(Equal("from-tags"))
		Expect(out[1].SourceId).To(Equal("from-deprecated"))
		Expect(out[2].SourceId).To(BeEmpty())
		Expect(out[3].SourceId).To(Equal("set"))
		for _, e := range out {
			Expect(e.Tags).To(HaveKeyWithValue("deployment", "cf"))
		}
	})

	It("counts envelopes without a message, malformed or too large, and keeps the rest", func() {
		cfg := tagged()
		cfg.Ingress.MaxEnvelopeBytes = 100
		big := logWith("app", nil, nil)
		big.GetLog().Payload = make([]byte, 200)
		raw := [][]byte{
			encode(&loggregator_v2.Envelope{SourceId: "no-message"}),
			{0x12, 0x05, 'a'}, // source_id cut short
			encode(big),
			encode(logWith("fine", nil, nil)),
		}
		got, invalid, tooLarge, err := agent.Ingest(cfg, raw)
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(HaveLen(1))
		Expect(invalid).To(Equal(2.0))
		Expect(tooLarge).To(Equal(1.0))
	})

	It("drops and counts log envelopes when logs are disabled, forwarding every other kind", func() {
		cfg := tagged()
		cfg.Ingress.DisableLogs = true
		raw := [][]byte{
			encode(logWith("app", nil, nil)),
			encode(&loggregator_v2.Envelope{SourceId: "c", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 1}}}),
			encode(&loggregator_v2.Envelope{SourceId: "g", Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"cpu": {Value: 1}}}}}),
			encode(&loggregator_v2.Envelope{SourceId: "t", Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 1, Stop: 2}}}),
			encode(&loggregator_v2.Envelope{SourceId: "e", Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "deployed"}}}),
			encode(logWith("other-app", nil, nil)),
		}
		got, logsDisabled, err := agent.IngestLogsDisabled(cfg, raw)
		Expect(err).NotTo(HaveOccurred())
		Expect(logsDisabled).To(Equal(2.0))
		var ids []string
		for _, b := range got {
			var e loggregator_v2.Envelope
			Expect(proto.Unmarshal(b, &e)).To(Succeed())
			Expect(e.GetLog()).To(BeNil())
			ids = append(ids, e.SourceId)
		}
		Expect(ids).To(Equal([]string{"c", "g", "t", "e"}))
	})

	It("forwards log envelopes by default", func() {
		got, logsDisabled, err := agent.IngestLogsDisabled(tagged(), [][]byte{encode(logWith("app", nil, nil))})
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(HaveLen(1))
		Expect(logsDisabled).To(BeZero())
	})
})
