package otlp_test

import (
	"context"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	logspb "go.opentelemetry.io/proto/otlp/logs/v1"
	metricspb "go.opentelemetry.io/proto/otlp/metrics/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/otlp"
	"loggregator/internal/otlp/otlptest"
)

var _ = leakcheck.EverySpec()

const ts = int64(1_700_000_000_123_456_789)

func encode(envs ...*loggregator_v2.Envelope) [][]byte {
	out := make([][]byte, 0, len(envs))
	for _, e := range envs {
		b, err := proto.Marshal(e)
		Expect(err).NotTo(HaveOccurred())
		out = append(out, b)
	}
	return out
}

// attrs flattens string attributes into a map.
func attrs(kvs []*commonpb.KeyValue) map[string]string {
	out := map[string]string{}
	for _, kv := range kvs {
		out[kv.GetKey()] = kv.GetValue().GetStringValue()
	}
	return out
}

var _ = Describe("Exporter", func() {
	var (
		receiver *otlptest.Receiver
		reg      *metrics.Registry
		client   mtls.Files
		cfg      otlp.Config
	)

	BeforeEach(func() {
		certs, err := certgen.Identities(GinkgoT().TempDir(), "otel-collector", "forwarder")
		Expect(err).NotTo(HaveOccurred())
		client = certs["forwarder"]
		receiver, err = otlptest.NewReceiver(certs["otel-collector"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(receiver.Close)
		reg = metrics.NewRegistry()
		cfg = otlp.DefaultConfig()
		cfg.MaxBackoff = config.Duration(20 * time.Millisecond)
	})

	newExporter := func() *otlp.Exporter {
		tlsCfg, err := mtls.Client(client, cfg.ServerName, nil)
		Expect(err).NotTo(HaveOccurred())
		x, err := otlp.NewExporter(receiver.Addr(), tlsCfg, cfg, otlp.NewMetrics(reg, "otel"), nil)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(x.Close)
		return x
	}

	tags := map[string]string{"deployment": "cf", "job": "diego-cell", "__v1_type": "x", "source_id": "ignored"}

	It("maps logs and events to log records with every field and the tags as attributes", func() {
		x := newExporter()
		Expect(x.Write(context.Background(), encode(
			&loggregator_v2.Envelope{Timestamp: ts, SourceId: "app-1", InstanceId: "2", Tags: tags,
				Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello"), Type: loggregator_v2.Log_OUT}}},
			&loggregator_v2.Envelope{Timestamp: ts, SourceId: "app-1", InstanceId: "2",
				Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("oops"), Type: loggregator_v2.Log_ERR}}},
			&loggregator_v2.Envelope{Timestamp: ts, SourceId: "bosh",
				Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "deployed", Body: "all good"}}},
		))).To(Succeed())

		logs := receiver.Logs()
		Expect(logs).To(HaveLen(3))
		out := logs[0]
		Expect(out.GetTimeUnixNano()).To(Equal(uint64(ts)))
		Expect(out.GetObservedTimeUnixNano()).To(BeNumerically(">", uint64(ts)))
		Expect(out.GetSeverityNumber()).To(Equal(logspb.SeverityNumber_SEVERITY_NUMBER_INFO))
		Expect(out.GetSeverityText()).To(Equal("SEVERITY_NUMBER_INFO"))
		Expect(out.GetBody().GetStringValue()).To(Equal("hello"))
		Expect(attrs(out.GetAttributes())).To(Equal(map[string]string{
			"source_id": "app-1", "instance_id": "2", "deployment": "cf", "job": "diego-cell",
		}))
		Expect(logs[1].GetSeverityNumber()).To(Equal(logspb.SeverityNumber_SEVERITY_NUMBER_ERROR))
		Expect(logs[1].GetBody().GetStringValue()).To(Equal("oops"))

		ev := logs[2].GetBody().GetKvlistValue().GetValues()
		Expect(ev).To(HaveLen(2))
		Expect(attrs(ev)).To(Equal(map[string]string{"title": "deployed", "body": "all good"}))
		Expect(attrs(logs[2].GetAttributes())).To(HaveKeyWithValue("source_id", "bosh"))
	})

	It("maps counters to cumulative monotonic sums, adding deltas up per series", func() {
		x := newExporter()
		counter := func(delta, total uint64, instance string) *loggregator_v2.Envelope {
			return &loggregator_v2.Envelope{Timestamp: ts, SourceId: "router", InstanceId: instance, Tags: map[string]string{"deployment": "cf"},
				Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: delta, Total: total}}}
		}
		Expect(x.Write(context.Background(), encode(counter(2, 0, "0"), counter(3, 0, "0"), counter(1, 0, "1"), counter(0, 40, "2")))).To(Succeed())

		ms := receiver.Metrics()
		Expect(ms).To(HaveLen(4))
		var values []int64
		for _, m := range ms {
			Expect(m.GetName()).To(Equal("requests"))
			sum := m.GetSum()
			Expect(sum).NotTo(BeNil())
			Expect(sum.GetAggregationTemporality()).To(Equal(metricspb.AggregationTemporality_AGGREGATION_TEMPORALITY_CUMULATIVE))
			Expect(sum.GetIsMonotonic()).To(BeTrue())
			Expect(sum.GetDataPoints()).To(HaveLen(1))
			dp := sum.GetDataPoints()[0]
			Expect(dp.GetTimeUnixNano()).To(Equal(uint64(ts)))
			Expect(attrs(dp.GetAttributes())).To(HaveKeyWithValue("deployment", "cf"))
			Expect(attrs(dp.GetAttributes())).To(HaveKeyWithValue("source_id", "router"))
			values = append(values, dp.GetAsInt())
		}
		Expect(values).To(Equal([]int64{2, 5, 1, 40}))
	})

	It("maps each gauge entry to a gauge of its own name, unit and value", func() {
		x := newExporter()
		Expect(x.Write(context.Background(), encode(&loggregator_v2.Envelope{Timestamp: ts, SourceId: "cell", InstanceId: "7",
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"cpu":    {Unit: "percentage", Value: 12.5},
				"memory": {Unit: "bytes", Value: 1024},
			}}}}))).To(Succeed())

		ms := receiver.Metrics()
		Expect(ms).To(HaveLen(2))
		got := map[string]*metricspb.Metric{}
		for _, m := range ms {
			got[m.GetName()] = m
		}
		Expect(got["cpu"].GetUnit()).To(Equal("percentage"))
		Expect(got["cpu"].GetGauge().GetDataPoints()[0].GetAsDouble()).To(Equal(12.5))
		Expect(got["memory"].GetUnit()).To(Equal("bytes"))
		Expect(got["memory"].GetGauge().GetDataPoints()[0].GetAsDouble()).To(Equal(1024.0))
		dp := got["memory"].GetGauge().GetDataPoints()[0]
		Expect(dp.GetTimeUnixNano()).To(Equal(uint64(ts)))
		Expect(attrs(dp.GetAttributes())).To(Equal(map[string]string{"source_id": "cell", "instance_id": "7"}))
	})

	It("maps timers with trace and span ids to spans and skips the others, counted", func() {
		x := newExporter()
		timer := func(t map[string]string) *loggregator_v2.Envelope {
			return &loggregator_v2.Envelope{Timestamp: ts, SourceId: "gorouter", Tags: t,
				Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: ts, Stop: ts + 5_000_000}}}
		}
		Expect(x.Write(context.Background(), encode(
			timer(map[string]string{"trace_id": "0102030405060708090a0b0c0d0e0f10", "span_id": "0102030405060708", "peer_type": "Server", "uri": "https://app.example.com/v1/items?x=1", "method": "GET"}),
			timer(map[string]string{"trace_id": "0102030405060708090a0b0c0d0e0f10", "span_id": "1112131415161718"}),
			timer(map[string]string{"trace_id": "0102030405060708090a0b0c0d0e0f10", "span_id": "2122232425262728", "peer_type": "Client"}),
			timer(nil),
		))).To(Succeed())

		spans := receiver.Spans()
		Expect(spans).To(HaveLen(2))
		s := spans[0]
		Expect(s.GetTraceId()).To(Equal([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
		Expect(s.GetSpanId()).To(Equal([]byte{1, 2, 3, 4, 5, 6, 7, 8}))
		Expect(s.GetName()).To(Equal("/v1/items"))
		Expect(s.GetKind()).To(Equal(tracepb.Span_SPAN_KIND_SERVER))
		Expect(s.GetStartTimeUnixNano()).To(Equal(uint64(ts)))
		Expect(s.GetEndTimeUnixNano()).To(Equal(uint64(ts + 5_000_000)))
		Expect(s.GetStatus().GetCode()).To(Equal(tracepb.Status_STATUS_CODE_UNSET))
		Expect(attrs(s.GetAttributes())).To(Equal(map[string]string{
			"source_id": "gorouter", "instance_id": "", "peer_type": "Server", "uri": "https://app.example.com/v1/items?x=1", "method": "GET",
		}))
		Expect(spans[1].GetName()).To(Equal("http"))
		Expect(spans[1].GetKind()).To(Equal(tracepb.Span_SPAN_KIND_INTERNAL))
		Expect(counter(reg, `otlp_skipped{destination="otel",reason="unmapped"}`)).To(Equal(2.0))
	})

	It("sends only the signals that are switched on", func() {
		cfg.EmitLogs, cfg.EmitTraces = false, false
		x := newExporter()
		Expect(x.Write(context.Background(), encode(
			&loggregator_v2.Envelope{SourceId: "a", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}},
			&loggregator_v2.Envelope{SourceId: "a", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: 1}}},
		))).To(Succeed())
		Expect(receiver.Logs()).To(BeEmpty())
		Expect(receiver.Metrics()).To(HaveLen(1))
		Expect(receiver.Calls()).To(Equal(1))
	})

	It("retries a refused export up to max_retries, then gives the batch up", func() {
		cfg.MaxRetries = 2
		x := newExporter()
		log := encode(&loggregator_v2.Envelope{SourceId: "a", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}})

		receiver.Refuse(2, codes.Unavailable)
		Expect(x.Write(context.Background(), log)).To(Succeed())
		Expect(receiver.Logs()).To(HaveLen(1))
		Expect(receiver.Calls()).To(Equal(3))

		receiver.Refuse(3, codes.ResourceExhausted)
		Expect(x.Write(context.Background(), log)).To(MatchError(ContainSubstring("ResourceExhausted")))
		Expect(receiver.Calls()).To(Equal(6))
		Expect(counter(reg, `otlp_retries{destination="otel"}`)).To(Equal(4.0))

		receiver.Refuse(1, codes.InvalidArgument)
		Expect(x.Write(context.Background(), log)).To(MatchError(ContainSubstring("InvalidArgument")))
		Expect(receiver.Calls()).To(Equal(7))
		Expect(counter(reg, `otlp_exported{destination="otel",signal="logs"}`)).To(Equal(1.0))
	})

	It("stops retrying when its context ends", func() {
		cfg.MaxRetries = 1000
		x := newExporter()
		receiver.Refuse(1_000_000, codes.Unavailable)
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		Expect(x.Write(ctx, encode(&loggregator_v2.Envelope{SourceId: "a", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{}}}))).
			To(MatchError(context.DeadlineExceeded))
	})

	It("counts records that are not envelopes and sends the rest", func() {
		x := newExporter()
		batch := append([][]byte{{0xff, 0xff, 0xff}}, encode(&loggregator_v2.Envelope{SourceId: "a", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("ok")}}})...)
		Expect(x.Write(context.Background(), batch)).To(Succeed())
		Expect(receiver.Logs()).To(HaveLen(1))
		Expect(counter(reg, `otlp_skipped{destination="otel",reason="invalid"}`)).To(Equal(1.0))
	})
})
