package metrics

import (
	"math"
	"strconv"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	dto "github.com/prometheus/client_model/go"
)

// Origin says whose metrics a set of families holds: every envelope made
// from them carries SourceID, InstanceID and Tags.
type Origin struct {
	SourceID   string
	InstanceID string
	// Tags go on every envelope; a metric's own label of the same name wins.
	Tags map[string]string
}

// Label names FromFamilies reads as fields rather than tags.
const (
	// LabelSourceID, on a metric, replaces the origin's source id.
	LabelSourceID = "source_id"
	// LabelUnit, on a gauge, becomes the gauge value's unit.
	LabelUnit = "unit"
)

// FromFamilies maps Prometheus metric families to v2 envelopes stamped
// with timestamp (Unix nanoseconds). It is the one mapping of a
// component's own metrics (Registry.Envelopes) and of metrics scraped from
// other programs, and it follows Cloud Foundry's prom scraper:
//
//   - a counter becomes a Counter envelope whose total is the value
//     truncated to a whole number;
//   - a gauge becomes a Gauge envelope of one value, its "unit" label
//     the value's unit;
//   - a histogram becomes a <name>_sum gauge, a <name>_count counter and
//     one <name>_bucket counter per bucket, tagged le="<upper bound>";
//   - a summary becomes a <name>_sum gauge, a <name>_count counter and one
//     <name> gauge per quantile, tagged quantile="<q>".
//
// Labels become tags, except "source_id", which replaces the origin's
// source id for that metric. Untyped metrics and counters whose value is
// negative, infinite or NaN have no envelope; skipped counts them, so the
// caller can count them as dropped.
func FromFamilies(families []*dto.MetricFamily, o Origin, timestamp int64) (envs []*loggregator_v2.Envelope, skipped int) {
	for _, f := range families {
		name := f.GetName()
		for _, m := range f.GetMetric() {
			base := envelopeFor(m, o, timestamp)
			switch f.GetType() {
			case dto.MetricType_COUNTER:
				e, ok := counter(base, name, m.GetCounter().GetValue())
				if !ok {
					skipped++
					continue
				}
				envs = append(envs, e)
			case dto.MetricType_GAUGE:
				unit := base.Tags[LabelUnit]
				delete(base.Tags, LabelUnit)
				if len(base.Tags) == 0 {
					base.Tags = nil
				}
				envs = append(envs, gauge(base, name, unit, m.GetGauge().GetValue()))
			case dto.MetricType_HISTOGRAM:
				h := m.GetHistogram()
				envs = append(envs,
					gauge(clone(base), name+"_sum", "", h.GetSampleSum()),
					counterOf(clone(base), name+"_count", whole(h.GetSampleCount(), h.SampleCountFloat)))
				for _, b := range h.GetBucket() {
					e := withTag(clone(base), "le", formatBound(b.GetUpperBound()))
					envs = append(envs, counterOf(e, name+"_bucket", whole(b.GetCumulativeCount(), b.CumulativeCountFloat)))
				}
			case dto.MetricType_SUMMARY:
				s := m.GetSummary()
				envs = append(envs,
					gauge(clone(base), name+"_sum", "", s.GetSampleSum()),
					counterOf(clone(base), name+"_count", s.GetSampleCount()))
				for _, q := range s.GetQuantile() {
					e := withTag(clone(base), "quantile", formatBound(q.GetQuantile()))
					envs = append(envs, gauge(e, name, "", q.GetValue()))
				}
			default:
				skipped++
			}
		}
	}
	return envs, skipped
}

// envelopeFor is the envelope without a message for one metric: the
// origin, with the metric's labels over the origin's tags.
func envelopeFor(m *dto.Metric, o Origin, timestamp int64) *loggregator_v2.Envelope {
	e := &loggregator_v2.Envelope{Timestamp: timestamp, SourceId: o.SourceID, InstanceId: o.InstanceID}
	if len(o.Tags) == 0 && len(m.GetLabel()) == 0 {
		return e
	}
	e.Tags = make(map[string]string, len(o.Tags)+len(m.GetLabel()))
	for k, v := range o.Tags {
		e.Tags[k] = v
	}
	for _, l := range m.GetLabel() {
		if l.GetName() == LabelSourceID {
			e.SourceId = l.GetValue()
			continue
		}
		e.Tags[l.GetName()] = l.GetValue()
	}
	if len(e.Tags) == 0 {
		e.Tags = nil
	}
	return e
}

func counter(e *loggregator_v2.Envelope, name string, v float64) (*loggregator_v2.Envelope, bool) {
	if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, false
	}
	return counterOf(e, name, uint64(v)), true
}

func counterOf(e *loggregator_v2.Envelope, name string, total uint64) *loggregator_v2.Envelope {
	e.Message = &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: name, Total: total}}
	return e
}

func gauge(e *loggregator_v2.Envelope, name, unit string, v float64) *loggregator_v2.Envelope {
	e.Message = &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{
		Metrics: map[string]*loggregator_v2.GaugeValue{name: {Unit: unit, Value: v}},
	}}
	return e
}

// whole is a histogram count, which the text parser stores as a float
// when any count of that histogram was written with a fraction.
func whole(n uint64, f *float64) uint64 {
	if f != nil && *f > 0 && !math.IsInf(*f, 0) {
		return uint64(*f)
	}
	return n
}

// clone copies the envelope's fields and tags, not its message (it has none yet).
func clone(e *loggregator_v2.Envelope) *loggregator_v2.Envelope {
	c := &loggregator_v2.Envelope{Timestamp: e.Timestamp, SourceId: e.SourceId, InstanceId: e.InstanceId}
	if e.Tags != nil {
		c.Tags = make(map[string]string, len(e.Tags)+1)
		for k, v := range e.Tags {
			c.Tags[k] = v
		}
	}
	return c
}

func withTag(e *loggregator_v2.Envelope, k, v string) *loggregator_v2.Envelope {
	if e.Tags == nil {
		e.Tags = map[string]string{}
	}
	e.Tags[k] = v
	return e
}

// formatBound writes a bucket bound or quantile as Prometheus does ("0.5", "+Inf").
func formatBound(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}
