package router

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/fair"
	"loggregator/internal/metrics"
)

// routerMetrics are the router's own metrics beyond the egress server's
// (subscriptions, slow_consumer_disconnects, rejected_subscriptions, egress,
// dropped{direction="egress",...}; see internal/egress/metrics.go).
type routerMetrics struct {
	// ingress counts envelopes accepted from agents.
	ingress prometheus.Counter
	// bufferFull counts envelopes the ingress buffer overwrote: routing fell behind.
	bufferFull prometheus.Counter
	// ingressBudget and egressBudget count envelopes the ingress diode and
	// the subscribers' diodes evicted or refused to stay within the
	// process's buffer budget: dropped{direction="ingress"|"egress",reason="budget"}.
	ingressBudget, egressBudget prometheus.Counter
	// bySource charges the same drops to the sources that flooded the
	// buffer: dropped_by_source{source_id}, fair.TopSources of them and "_other".
	bySource *fair.DropTable
	// invalid counts malformed envelopes (or unframeable batch remainders) dropped at ingress.
	invalid prometheus.Counter
	// shutdown counts envelopes refused because they arrived while stopping.
	shutdown prometheus.Counter
	// heldBatches and heldSeconds count the batches of acknowledged
	// streams that waited, unread, for room below the ingress buffer's
	// high-water mark, and how long they waited in all.
	heldBatches, heldSeconds prometheus.Counter
}

func newRouterMetrics(r *metrics.Registry) routerMetrics {
	return routerMetrics{
		ingress:       r.Ingress,
		bufferFull:    r.Dropped(metrics.Ingress, metrics.ReasonBufferFull),
		invalid:       r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		ingressBudget: r.Dropped(metrics.Ingress, metrics.ReasonBudget),
		egressBudget:  r.Dropped(metrics.Egress, metrics.ReasonBudget),
		shutdown:      r.Dropped(metrics.Ingress, metrics.ReasonShutdown),
		heldBatches:   r.Counter("ingress_held_batches", "Batches of acknowledged agent streams held back, unread, until the ingress buffer had room below its high-water mark or, in the router's first second, until its first subscription arrived."),
		heldSeconds:   r.Counter("ingress_held_seconds", "Seconds that held-back batches of acknowledged agent streams waited, in all."),
		bySource:      fair.NewDropTable(fair.TopSources, r.CounterVec(fair.MetricName, fair.MetricHelp, fair.MetricLabel)),
	}
}
