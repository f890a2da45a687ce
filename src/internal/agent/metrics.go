package agent

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/fair"
	"loggregator/internal/metrics"
)

// SourceID is the source_id of the envelopes carrying the agent's own metrics.
const SourceID = "agent"

// reasonLogsDisabled is the drop reason of log envelopes refused because
// Ingress.DisableLogs is set.
const reasonLogsDisabled = "logs_disabled"

// ingressMetrics are the ingress side's metrics. The forwarding side's
// (egress, router_*, dropped{direction="egress"}) are routerpool.Metrics.
type ingressMetrics struct {
	// accepted counts envelopes put in the diode (ingress).
	accepted prometheus.Counter
	// bufferFull counts envelopes the full buffer overwrote:
	// dropped{direction="ingress",reason="buffer_full"}.
	bufferFull prometheus.Counter
	// budget counts envelopes the ingress diode evicted or refused to stay
	// within the process's buffer budget:
	// dropped{direction="ingress",reason="budget"}.
	budget prometheus.Counter
	// bySource charges the same drops to the sources that flooded the
	// buffer: dropped_by_source{source_id}, at most fair.TopSources of
	// them plus source_id="_other".
	bySource *fair.DropTable
	// invalid counts envelopes without a message:
	// dropped{direction="ingress",reason="invalid"}.
	invalid prometheus.Counter
	// tooLarge counts envelopes over ingress.max_envelope_bytes:
	// dropped{direction="ingress",reason="too_large"}.
	tooLarge prometheus.Counter
	// logsDisabled counts log envelopes refused under Ingress.DisableLogs:
	// dropped{direction="ingress",reason="logs_disabled"}.
	logsDisabled prometheus.Counter
	// shutdown counts envelopes that arrived after ingress stopped:
	// dropped{direction="ingress",reason="shutdown"}.
	shutdown prometheus.Counter
	// timestampMissing, timestampNegative and timestampFuture count
	// envelopes whose timestamp was replaced by the receive time because it
	// was 0, negative, or more than an hour ahead:
	// replaced_timestamps{reason="missing"|"negative"|"future"}.
	timestampMissing, timestampNegative, timestampFuture prometheus.Counter
}

func newIngressMetrics(r *metrics.Registry) *ingressMetrics {
	m := &ingressMetrics{
		accepted:     r.Ingress,
		bufferFull:   r.Dropped(metrics.Ingress, metrics.ReasonBufferFull),
		budget:       r.Dropped(metrics.Ingress, metrics.ReasonBudget),
		invalid:      r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		tooLarge:     r.Dropped(metrics.Ingress, metrics.ReasonTooLarge),
		logsDisabled: r.Dropped(metrics.Ingress, reasonLogsDisabled),
		shutdown:     r.Dropped(metrics.Ingress, metrics.ReasonShutdown),
		bySource:     fair.NewDropTable(fair.TopSources, r.CounterVec(fair.MetricName, fair.MetricHelp, fair.MetricLabel)),
	}
	replaced := r.CounterVec("replaced_timestamps",
		"Envelopes whose timestamp was replaced by the receive time, by reason (missing, negative, future: over an hour ahead).", "reason")
	m.timestampMissing = replaced.WithLabelValues("missing")
	m.timestampNegative = replaced.WithLabelValues("negative")
	m.timestampFuture = replaced.WithLabelValues("future")
	return m
}
