package otlp

import (
	"encoding/hex"
	"net/url"
	"slices"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	logspb "go.opentelemetry.io/proto/otlp/logs/v1"
	metricspb "go.opentelemetry.io/proto/otlp/metrics/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// Tags that are not copied into attributes: the two ids are attributes of
// their own, the trace ids become the span's, __v1_type is internal.
var skippedTags = []string{"instance_id", "source_id", "__v1_type", "span_id", "trace_id"}

// converted is one batch as OTLP, with what could not be converted.
type converted struct {
	logs     []*logspb.LogRecord
	metrics  []*metricspb.Metric
	spans    []*tracepb.Span
	invalid  int // records that do not decode as an envelope
	unmapped int // envelopes with nothing to map to (timers without a trace, empty envelopes)
}

// converter maps envelopes to OTLP as the package doc says. It is used by
// one goroutine (the lane's writer).
type converter struct {
	cfg Config
	now func() time.Time
	// totals are the running totals of counters that arrive as deltas, by
	// series (source id, instance id, name and tags); bounded by
	// cfg.MaxCounterSeries.
	totals map[string]uint64
	key    []byte // scratch for series keys
}

func newConverter(cfg Config) *converter {
	return &converter{cfg: cfg, now: time.Now, totals: map[string]uint64{}}
}

func (c *converter) convert(batch [][]byte) *converted {
	out := &converted{}
	observed := uint64(c.now().UnixNano()) //nolint:gosec // the clock is after 1970
	for _, b := range batch {
		var e loggregator_v2.Envelope
		if err := proto.Unmarshal(b, &e); err != nil {
			out.invalid++
			continue
		}
		switch m := e.Message.(type) {
		case *loggregator_v2.Envelope_Log:
			if c.cfg.EmitLogs {
				out.logs = append(out.logs, logRecord(&e, m.Log, observed))
			}
		case *loggregator_v2.Envelope_Event:
			if c.cfg.EmitLogs {
				out.logs = append(out.logs, eventRecord(&e, m.Event, observed))
			}
		case *loggregator_v2.Envelope_Counter:
			if c.cfg.EmitMetrics {
				out.metrics = append(out.metrics, c.sum(&e, m.Counter))
			}
		case *loggregator_v2.Envelope_Gauge:
			if c.cfg.EmitMetrics {
				out.metrics = appendGauges(out.metrics, &e, m.Gauge)
			}
		case *loggregator_v2.Envelope_Timer:
			if !c.cfg.EmitTraces {
				continue
			}
			if s := span(&e, m.Timer); s != nil {
				out.spans = append(out.spans, s)
			} else {
				out.unmapped++
			}
		default:
			out.unmapped++
		}
	}
	return out
}

func logRecord(e *loggregator_v2.Envelope, l *loggregator_v2.Log, observed uint64) *logspb.LogRecord {
	sev := logspb.SeverityNumber_SEVERITY_NUMBER_UNSPECIFIED
	switch l.GetType() {
	case loggregator_v2.Log_OUT:
		sev = logspb.SeverityNumber_SEVERITY_NUMBER_INFO
	case loggregator_v2.Log_ERR:
		sev = logspb.SeverityNumber_SEVERITY_NUMBER_ERROR
	}
	return &logspb.LogRecord{
		TimeUnixNano:         timestamp(e.GetTimestamp()),
		ObservedTimeUnixNano: observed,
		SeverityNumber:       sev,
		// Cloud Foundry's forwarder writes the enum's name here
		// ("SEVERITY_NUMBER_INFO"); collectors' pipelines may match on it.
		SeverityText: sev.String(),
		Body:         stringValue(string(l.GetPayload())),
		Attributes:   attributes(e),
	}
}

func eventRecord(e *loggregator_v2.Envelope, ev *loggregator_v2.Event, observed uint64) *logspb.LogRecord {
	return &logspb.LogRecord{
		TimeUnixNano:         timestamp(e.GetTimestamp()),
		ObservedTimeUnixNano: observed,
		Body: &commonpb.AnyValue{Value: &commonpb.AnyValue_KvlistValue{KvlistValue: &commonpb.KeyValueList{
			Values: []*commonpb.KeyValue{
				{Key: "title", Value: stringValue(ev.GetTitle())},
				{Key: "body", Value: stringValue(ev.GetBody())},
			},
		}}},
		Attributes: attributes(e),
	}
}

// sum maps a counter to a cumulative monotonic Sum. A counter carrying a
// delta is added to its series' running total; one carrying only a total
// sets it.
func (c *converter) sum(e *loggregator_v2.Envelope, ctr *loggregator_v2.Counter) *metricspb.Metric {
	total := ctr.GetTotal()
	key := c.seriesKey(e, ctr.GetName())
	if ctr.GetDelta() > 0 {
		prev, ok := c.totals[string(key)]
		if !ok && len(c.totals) >= c.cfg.MaxCounterSeries {
			clear(c.totals)
		}
		total = prev + ctr.GetDelta()
		c.totals[string(key)] = total
	} else if _, ok := c.totals[string(key)]; ok {
		c.totals[string(key)] = total
	}
	return &metricspb.Metric{
		Name: ctr.GetName(),
		Data: &metricspb.Metric_Sum{Sum: &metricspb.Sum{
			AggregationTemporality: metricspb.AggregationTemporality_AGGREGATION_TEMPORALITY_CUMULATIVE,
			IsMonotonic:            true,
			DataPoints: []*metricspb.NumberDataPoint{{
				TimeUnixNano: timestamp(e.GetTimestamp()),
				Attributes:   attributes(e),
				Value:        &metricspb.NumberDataPoint_AsInt{AsInt: int64(total)}, //nolint:gosec // counters beyond 2^63 wrap, as in Cloud Foundry
			}},
		}},
	}
}

// seriesKey is the counter's identity: source id, instance id, name and
// tags in key order, separated by zero bytes.
func (c *converter) seriesKey(e *loggregator_v2.Envelope, name string) []byte {
	k := append(c.key[:0], e.GetSourceId()...)
	k = append(append(k, 0), e.GetInstanceId()...)
	k = append(append(k, 0), name...)
	for _, t := range sortedKeys(e.GetTags()) {
		k = append(append(k, 0), t...)
		k = append(append(k, 0), e.GetTags()[t]...)
	}
	c.key = k
	return k
}

func appendGauges(out []*metricspb.Metric, e *loggregator_v2.Envelope, g *loggregator_v2.Gauge) []*metricspb.Metric {
	attrs := attributes(e)
	names := sortedKeys(g.GetMetrics())
	for _, name := range names {
		v := g.GetMetrics()[name]
		out = append(out, &metricspb.Metric{
			Name: name,
			Unit: v.GetUnit(),
			Data: &metricspb.Metric_Gauge{Gauge: &metricspb.Gauge{
				DataPoints: []*metricspb.NumberDataPoint{{
					TimeUnixNano: timestamp(e.GetTimestamp()),
					Attributes:   attrs,
					Value:        &metricspb.NumberDataPoint_AsDouble{AsDouble: v.GetValue()},
				}},
			}},
		})
	}
	return out
}

// span maps a timer carrying trace_id (16 bytes) and span_id (8 bytes) in
// hex, from anything but an HTTP client, to a span; nil otherwise.
func span(e *loggregator_v2.Envelope, t *loggregator_v2.Timer) *tracepb.Span {
	tags := e.GetTags()
	if tags["peer_type"] == "Client" {
		return nil
	}
	traceID, err := hex.DecodeString(tags["trace_id"])
	if err != nil || len(traceID) != 16 {
		return nil
	}
	spanID, err := hex.DecodeString(tags["span_id"])
	if err != nil || len(spanID) != 8 {
		return nil
	}
	name := t.GetName()
	if uri, ok := tags["uri"]; ok {
		if u, err := url.Parse(uri); err == nil {
			name = u.Path
		}
	}
	kind := tracepb.Span_SPAN_KIND_INTERNAL
	if tags["peer_type"] == "Server" {
		kind = tracepb.Span_SPAN_KIND_SERVER
	}
	return &tracepb.Span{
		TraceId:           traceID,
		SpanId:            spanID,
		Name:              name,
		Kind:              kind,
		StartTimeUnixNano: timestamp(t.GetStart()),
		EndTimeUnixNano:   timestamp(t.GetStop()),
		Status:            &tracepb.Status{Code: tracepb.Status_STATUS_CODE_UNSET},
		Attributes:        attributes(e),
	}
}

// attributes are source_id, instance_id and the envelope's tags in key order.
func attributes(e *loggregator_v2.Envelope) []*commonpb.KeyValue {
	tags := e.GetTags()
	out := make([]*commonpb.KeyValue, 0, 2+len(tags))
	out = append(out,
		&commonpb.KeyValue{Key: "instance_id", Value: stringValue(e.GetInstanceId())},
		&commonpb.KeyValue{Key: "source_id", Value: stringValue(e.GetSourceId())},
	)
	for _, k := range sortedKeys(tags) {
		if slices.Contains(skippedTags, k) {
			continue
		}
		out = append(out, &commonpb.KeyValue{Key: k, Value: stringValue(tags[k])})
	}
	return out
}

func stringValue(s string) *commonpb.AnyValue {
	return &commonpb.AnyValue{Value: &commonpb.AnyValue_StringValue{StringValue: s}}
}

// timestamp converts envelope nanoseconds; negative ones (never sent by a
// correct producer) become 0, "unknown" in OTLP.
func timestamp(ns int64) uint64 {
	if ns < 0 {
		return 0
	}
	return uint64(ns)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
