package otlp

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// Signals, the values of the signal label.
const (
	SignalLogs    = "logs"
	SignalMetrics = "metrics"
	SignalTraces  = "traces"
)

// Metrics are an Exporter's metrics, labelled by destination so that the
// exporters of one process share a registry.
type Metrics struct {
	// exported counts log records, metric points and spans the collector
	// accepted: otlp_exported{destination,signal}.
	exported map[string]prometheus.Counter
	// rejected counts what the collector refused in a partial success:
	// otlp_rejected{destination,signal}.
	rejected map[string]prometheus.Counter
	// retries counts exports tried again after a retryable status:
	// otlp_retries{destination}.
	retries prometheus.Counter
	// invalid counts records that did not decode as envelopes:
	// otlp_skipped{destination,reason="invalid"}.
	invalid prometheus.Counter
	// unmapped counts envelopes with no OTLP form (timers without trace
	// and span ids, from HTTP clients, or empty envelopes):
	// otlp_skipped{destination,reason="unmapped"}.
	unmapped prometheus.Counter
}

// NewMetrics registers the metrics of the exporter to destination on r.
func NewMetrics(r *metrics.Registry, destination string) *Metrics {
	exported := r.CounterVec("otlp_exported", "Log records, metric points and spans an OpenTelemetry collector accepted.", "destination", "signal")
	rejected := r.CounterVec("otlp_rejected", "Log records, metric points and spans an OpenTelemetry collector rejected in a partial success.", "destination", "signal")
	skipped := r.CounterVec("otlp_skipped", "Envelopes not sent to an OpenTelemetry collector: invalid, or with no OTLP form (unmapped).", "destination", "reason")
	m := &Metrics{
		exported: map[string]prometheus.Counter{},
		rejected: map[string]prometheus.Counter{},
		retries:  r.CounterVec("otlp_retries", "Exports to an OpenTelemetry collector tried again after a retryable status.", "destination").WithLabelValues(destination),
		invalid:  skipped.WithLabelValues(destination, "invalid"),
		unmapped: skipped.WithLabelValues(destination, "unmapped"),
	}
	for _, s := range []string{SignalLogs, SignalMetrics, SignalTraces} {
		m.exported[s] = exported.WithLabelValues(destination, s)
		m.rejected[s] = rejected.WithLabelValues(destination, s)
	}
	return m
}
