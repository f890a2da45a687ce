package rlp

import (
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

	// egress are the consumer-side metrics, kept by the egress server:
	// egress, dropped{direction="egress",reason="slow_consumer"|"disconnected"|"invalid"},
	// subscriptions (open consumer streams), slow_consumer_disconnects, and
	// rejected_streams (streams refused at egress.max_streams).
	egress egress.Metrics
}

func newMetrics(r *metrics.Registry) *rlpMetrics {
	return &rlpMetrics{
		routers: routerset.NewMetrics(r),
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
