package gateway

import (
	"strings"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/metrics"
	"loggregator/internal/wire"
)

func counterValue(c prometheus.Counter) float64 {
	var m dto.Metric
	Expect(c.Write(&m)).To(Succeed())
	return m.GetCounter().GetValue()
}

func logEnv(payload string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: "app", Tags: map[string]string{"b": "1", "a": "2"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(payload)}}}
}

func encoded(envs ...*loggregator_v2.Envelope) *wire.Batch {
	b := &wire.Batch{}
	for _, e := range envs {
		raw, err := proto.Marshal(e)
		Expect(err).NotTo(HaveOccurred())
		b.Envelopes = append(b.Envelopes, raw)
	}
	return b
}

// parseEvent reads a `data:` event back as go-loggregator's
// RLPGatewayClient does.
func parseEvent(ev []byte) *loggregator_v2.EnvelopeBatch {
	s := string(ev)
	Expect(s).To(HavePrefix("data: "))
	Expect(s).To(HaveSuffix("\n\n"))
	var batch loggregator_v2.EnvelopeBatch
	Expect(protojson.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, "data: "), "\n\n")), &batch)).To(Succeed())
	return &batch
}

var _ = Describe("Events", func() {
	var (
		g      *Gateway
		ev     event
		free   chan *wire.Batch
		queued *byteGate
	)
	BeforeEach(func() {
		g = &Gateway{reg: metrics.NewRegistry()}
		g.m = newMetrics(g.reg)
		ev = event{enc: &wire.JSONEncoder{}}
		free = make(chan *wire.Batch, 4)
		queued = newByteGate(func() int64 { return 1 << 20 })
	})

	It("writes the envelopes of several batches as one event that protojson reads back exactly", func() {
		g.add(&ev, encoded(logEnv("one"), logEnv("two")), free, queued)
		g.add(&ev, encoded(logEnv("three")), free, queued)
		Expect(ev.envelopes).To(Equal(3))
		got := parseEvent(ev.finish())
		want := &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnv("one"), logEnv("two"), logEnv("three")}}
		Expect(proto.Equal(got, want)).To(BeTrue(), "%v", got)
		Expect(free).To(HaveLen(2), "spent batches go back to the receiver")
		Expect(counterValue(g.reg.Ingress)).To(Equal(3.0))
	})

	It("drops and counts an envelope that cannot be written as JSON, and keeps the rest of the event", func() {
		bad := encoded(&loggregator_v2.Envelope{SourceId: "abc"}).Envelopes[0]
		bad[len(bad)-1] = 0xff // not UTF-8
		b := encoded(logEnv("one"))
		b.Envelopes = append([][]byte{bad}, append(b.Envelopes, bad)...)
		g.add(&ev, b, free, queued)
		Expect(ev.envelopes).To(Equal(1))
		got := parseEvent(ev.finish())
		Expect(got.Batch).To(HaveLen(1))
		Expect(counterValue(g.m.invalid)).To(Equal(2.0))
	})

	It("counts records the codec could not frame", func() {
		b := encoded(logEnv("one"))
		b.Invalid = 1
		g.add(&ev, b, free, queued)
		Expect(counterValue(g.m.invalid)).To(Equal(1.0))
	})

	It("writes the event being built before the closing event", func() {
		g.add(&ev, encoded(logEnv("one")), free, queued)
		out := string(ev.closing("the gateway is stopping"))
		data, closing, ok := strings.Cut(out, "\n\n")
		Expect(ok).To(BeTrue())
		Expect(parseEvent([]byte(data + "\n\n")).Batch).To(HaveLen(1))
		Expect(closing).To(Equal("event: closing\ndata: the gateway is stopping\n\n"))
	})

	It("writes only the closing event when nothing is pending", func() {
		Expect(string(ev.closing("closing due to stream timeout"))).To(Equal("event: closing\ndata: closing due to stream timeout\n\n"))
	})
})
