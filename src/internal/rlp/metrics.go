package rlp

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/egress"
	"loggregator/internal/metrics"
)

// rlpMetrics is every metric the reverse log proxy emits besides the Go
// runtime's. docs/metrics.md lists them for operators.
type rlpMetrics struct {
	// ingress counts envelopes received from routers (the registry's "ingress").
	ingress prometheus.Counter
	// droppedInvalid counts router records that were not well framed:
	// dropped{direction="ingress",reason="invalid"}.
	droppedInvalid prometheus.Counter
	// routers is the number of routers in the current membership.
	routers prometheus.Gauge
	// routerConnects counts routers that joined the membership.
	routerConnects prometheus.Counter
	// routerDisconnects counts routers that left the membership.
	routerDisconnects prometheus.Counter
	// routerStreamErrors counts subscription streams to a router that broke
	// and were re-opened with backoff.
	routerStreamErrors prometheus.Counter

	// egress are the consumer-side metrics, kept by the egress server:
	// egress, dropped{direction="egress",reason="slow_consumer"|"disconnected"|"invalid"},
	// subscriptions (open consumer streams), slow_consumer_disconnects, and
	// rejected_streams (streams refused at egress.max_streams).
	egress egress.Metrics
}

func newMetrics(r *metrics.Registry) *rlpMetrics {
	return &rlpMetrics{
		ingress:            r.Ingress,
		droppedInvalid:     r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		routers:            r.Gauge("routers", "Routers in the current membership."),
		routerConnects:     r.Counter("router_connects", "Routers that joined the membership."),
		routerDisconnects:  r.Counter("router_disconnects", "Routers that left the membership."),
		routerStreamErrors: r.Counter("router_stream_errors", "Subscription streams to a router that broke and were re-opened."),
		egress: egress.Metrics{
			Egress:                  r.Egress,
			SlowConsumer:            r.Dropped(metrics.Egress, metrics.ReasonSlowConsumer),
			Disconnected:            r.Dropped(metrics.Egress, egress.ReasonDisconnected),
			Invalid:                 r.Dropped(metrics.Egress, metrics.ReasonInvalid),
			Subscriptions:           r.Gauge("subscriptions", "Open consumer streams."),
			SlowConsumerDisconnects: r.Counter("slow_consumer_disconnects", "Consumers disconnected for staying behind past egress.slow_consumer_timeout."),
			RejectedSubscriptions:   r.Counter("rejected_streams", "Consumer streams refused because egress.max_streams were open."),
		},
	}
}
