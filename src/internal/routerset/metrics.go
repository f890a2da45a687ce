package routerset

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// Metrics are a Set's metrics.
type Metrics struct {
	// ingress counts envelopes received from routers (the registry's ingress).
	ingress prometheus.Counter
	// invalid counts router records that were not well framed:
	// dropped{direction="ingress",reason="invalid"}.
	invalid prometheus.Counter
	// routers is the number of routers in the current membership (routers).
	routers prometheus.Gauge
	// connects counts routers that joined the membership (router_connects).
	connects prometheus.Counter
	// disconnects counts routers that left the membership (router_disconnects).
	disconnects prometheus.Counter
	// streamErrors counts subscription streams to a router that broke and
	// were re-opened with backoff (router_stream_errors).
	streamErrors prometheus.Counter
	// heldBatches and heldSeconds count router batches held back, unread,
	// until the consumer's buffer had room, and how long they waited
	// (ingress_held_batches, ingress_held_seconds).
	heldBatches prometheus.Counter
	heldSeconds prometheus.Counter
}

// NewMetrics registers a Set's metrics on r.
func NewMetrics(r *metrics.Registry) *Metrics {
	return &Metrics{
		ingress:      r.Ingress,
		invalid:      r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		routers:      r.Gauge("routers", "Routers in the current membership."),
		connects:     r.Counter("router_connects", "Routers that joined the membership."),
		disconnects:  r.Counter("router_disconnects", "Routers that left the membership."),
		streamErrors: r.Counter("router_stream_errors", "Subscription streams to a router that broke and were re-opened."),
		heldBatches:  r.Counter("ingress_held_batches", "Batches from routers held back, unread, until the consumer's buffer had room for them below three quarters of a lane (at most 100 ms each, and 250 ms in every 10 s per consumer)."),
		heldSeconds:  r.Counter("ingress_held_seconds", "Seconds that held-back batches from routers waited, in all."),
	}
}
