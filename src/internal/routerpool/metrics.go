package routerpool

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// Metrics are the pool's own metrics.
type Metrics struct {
	// egress counts envelopes written to a router stream (the registry's egress).
	egress prometheus.Counter
	// unavailable counts envelopes dropped because no router took them:
	// dropped{direction="egress",reason="router_unavailable"}.
	unavailable prometheus.Counter
	// shutdown counts envelopes still undelivered when the stop deadline
	// passed: dropped{direction="egress",reason="shutdown"}.
	shutdown prometheus.Counter
	// batches counts batches written to routers (router_batches_sent).
	batches prometheus.Counter
	// dials counts successful connections to a router (router_connections).
	dials prometheus.Counter
	// dialFailures counts failed connection attempts (router_connection_failures).
	dialFailures prometheus.Counter
	// streams is the number of open streams (router_streams).
	streams prometheus.Gauge
	// recycles counts streams closed to re-balance after their quota (router_stream_recycles).
	recycles prometheus.Counter
	// refreshes counts DNS re-resolutions of the targets (router_dns_refreshes).
	refreshes prometheus.Counter
	// routers is the number of router addresses currently known (routers).
	routers prometheus.Gauge
}

// ReasonUnavailable is the dropped reason for envelopes no router would take.
const ReasonUnavailable = "router_unavailable"

// NewMetrics registers the pool's metrics on r.
func NewMetrics(r *metrics.Registry) *Metrics {
	return &Metrics{
		egress:       r.Egress,
		unavailable:  r.Dropped(metrics.Egress, ReasonUnavailable),
		shutdown:     r.Dropped(metrics.Egress, metrics.ReasonShutdown),
		batches:      r.Counter("router_batches_sent", "Batches written to router streams."),
		dials:        r.Counter("router_connections", "Successful connections to a router."),
		dialFailures: r.Counter("router_connection_failures", "Failed attempts to connect to a router."),
		streams:      r.Gauge("router_streams", "Open BatchSender streams to routers."),
		recycles:     r.Counter("router_stream_recycles", "Streams closed and re-dialled after carrying their quota of envelopes."),
		refreshes:    r.Counter("router_dns_refreshes", "Re-resolutions of the router addresses."),
		routers:      r.Gauge("routers", "Router addresses currently known."),
	}
}
