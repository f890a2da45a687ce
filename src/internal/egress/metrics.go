package egress

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// Metrics are the counters the Server keeps.
type Metrics struct {
	// Egress counts envelopes sent to subscribers (the registry's egress).
	Egress prometheus.Counter
	// SlowConsumer counts envelopes a subscriber's diode overwrote because it read too slowly.
	SlowConsumer prometheus.Counter
	// Disconnected counts envelopes still buffered for a subscriber when it went away.
	Disconnected prometheus.Counter
	// Invalid counts envelopes that could not be converted for a deprecated-tags consumer.
	Invalid prometheus.Counter
	// Subscriptions is the number of connected subscribers.
	Subscriptions prometheus.Gauge
	// SlowConsumerDisconnects counts subscribers disconnected for staying behind.
	SlowConsumerDisconnects prometheus.Counter
	// RejectedSubscriptions counts subscriptions refused at the subscription limit.
	RejectedSubscriptions prometheus.Counter
}

// Reasons of the dropped counter specific to egress.
const ReasonDisconnected = "disconnected"

// NewMetrics registers the egress metrics with r.
func NewMetrics(r *metrics.Registry) Metrics {
	return Metrics{
		Egress:                  r.Egress,
		SlowConsumer:            r.Dropped(metrics.Egress, metrics.ReasonSlowConsumer),
		Disconnected:            r.Dropped(metrics.Egress, ReasonDisconnected),
		Invalid:                 r.Dropped(metrics.Egress, metrics.ReasonInvalid),
		Subscriptions:           r.Gauge("subscriptions", "Subscribers connected to the Egress API."),
		SlowConsumerDisconnects: r.Counter("slow_consumer_disconnects", "Subscribers disconnected because they stayed behind longer than the slow consumer timeout."),
		RejectedSubscriptions:   r.Counter("rejected_subscriptions", "Subscriptions refused because the subscription limit was reached."),
	}
}
