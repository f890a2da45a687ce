package rlp

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// rlpMetrics is every metric the reverse log proxy emits besides the Go
// runtime's. docs/metrics.md lists them for operators.
type rlpMetrics struct {
	// ingress counts envelopes received from routers (the registry's "ingress").
	ingress prometheus.Counter
	// egress counts envelopes sent to consumers (the registry's "egress").
	egress prometheus.Counter
	// droppedSlow counts envelopes a consumer's full buffer overwrote:
	// dropped{direction="egress",reason="slow_consumer"}.
	droppedSlow prometheus.Counter
	// droppedShutdown counts envelopes still buffered when a graceful stop
	// ran out of time: dropped{direction="egress",reason="shutdown"}.
	droppedShutdown prometheus.Counter
	// droppedInvalid counts router records that were not well framed:
	// dropped{direction="ingress",reason="invalid"}.
	droppedInvalid prometheus.Counter
	// subscriptions is the number of open consumer streams.
	subscriptions prometheus.Gauge
	// rejectedStreams counts consumer streams refused because max_streams were open.
	rejectedStreams prometheus.Counter
	// slowConsumerDisconnects counts consumers disconnected for staying behind.
	slowConsumerDisconnects prometheus.Counter
	// routers is the number of routers in the current membership.
	routers prometheus.Gauge
	// routerConnects counts routers that joined the membership.
	routerConnects prometheus.Counter
	// routerDisconnects counts routers that left the membership.
	routerDisconnects prometheus.Counter
	// routerStreamErrors counts subscription streams to a router that broke
	// and were re-opened with backoff.
	routerStreamErrors prometheus.Counter
}

func newMetrics(r *metrics.Registry) *rlpMetrics {
	return &rlpMetrics{
		ingress:                 r.Ingress,
		egress:                  r.Egress,
		droppedSlow:             r.Dropped(metrics.Egress, metrics.ReasonSlowConsumer),
		droppedShutdown:         r.Dropped(metrics.Egress, metrics.ReasonShutdown),
		droppedInvalid:          r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		subscriptions:           r.Gauge("subscriptions", "Open consumer streams."),
		rejectedStreams:         r.Counter("rejected_streams", "Consumer streams refused because egress.max_streams were open."),
		slowConsumerDisconnects: r.Counter("slow_consumer_disconnects", "Consumers disconnected for staying behind past egress.slow_consumer_timeout."),
		routers:                 r.Gauge("routers", "Routers in the current membership."),
		routerConnects:          r.Counter("router_connects", "Routers that joined the membership."),
		routerDisconnects:       r.Counter("router_disconnects", "Routers that left the membership."),
		routerStreamErrors:      r.Counter("router_stream_errors", "Subscription streams to a router that broke and were re-opened."),
	}
}
