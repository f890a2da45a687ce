package rlp

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/egress"
	"loggregator/internal/metrics"
	"loggregator/internal/routerset"
)

// rlpMetrics is every metric the reverse log proxy emits besides the Go
// runtime's. docs/metrics.md lists them for operators.
type rlpMetrics struct {
	// routers are the router-side metrics, kept by the router set: ingress
	// (envelopes received from routers), dropped{direction="ingress",
	// reason="invalid"}, routers, router_connects, router_disconnects and
	// router_stream_errors.
	routers *routerset.Metrics

	// egress are the consumer-side metrics, kept by the egress server under
	// the same names as the router's: egress,
	// dropped{direction="egress",reason="slow_consumer"|"disconnected"|"invalid"},
	// subscriptions (open consumer streams), slow_consumer_disconnects, and
	// rejected_subscriptions (streams refused at egress.max_subscriptions).
	egress egress.Metrics

	// budget counts envelopes the consumers' diodes evicted or refused to
	// stay within the process's buffer budget:
	// dropped{direction="egress",reason="budget"}.
	budget prometheus.Counter
}

func newMetrics(r *metrics.Registry) *rlpMetrics {
	return &rlpMetrics{
		routers: routerset.NewMetrics(r),
		egress:  egress.NewMetrics(r),
		budget:  r.Dropped(metrics.Egress, metrics.ReasonBudget),
	}
}
