package routerpool

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
	"loggregator/internal/resolve"
)

// Metrics are the pool's own metrics. Every router_* metric and routers
// carry the label destination, so pools to several destinations can share
// one registry; egress and dropped are the registry's own, summed over them.
type Metrics struct {
	// egress counts envelopes written to a router stream (the registry's egress).
	egress prometheus.Counter
	// unavailable counts envelopes dropped because no router took them:
	// dropped{direction="egress",reason="router_unavailable"}.
	unavailable prometheus.Counter
	// shutdown counts envelopes still undelivered when the stop deadline
	// passed: dropped{direction="egress",reason="shutdown"}.
	shutdown prometheus.Counter
	// unacknowledged counts envelopes written to a router that acknowledges,
	// not acknowledged when their stream broke, and not sent again because
	// no other stream would take them: dropped{direction="egress",reason="unacknowledged"}.
	unacknowledged prometheus.Counter
	// unconfirmed counts envelopes written to a plain BatchSender stream
	// (a router without acknowledgements) that then broke, within the
	// stream's last flow-control window, so not known to have been read:
	// an upper bound of what the break lost, some may have arrived
	// (dropped{direction="egress",reason="unconfirmed"}).
	unconfirmed prometheus.Counter
	// resent counts envelopes written again to another stream because the
	// stream they were first written to broke before acknowledging them
	// (router_resent_envelopes); the router may have taken some of them
	// already, so each is a possible duplicate.
	resent prometheus.Counter
	// ackTimeouts counts acknowledged streams cut because their router
	// acknowledged nothing for the ack timeout while batches waited
	// (router_ack_timeouts); their batches went to another router.
	ackTimeouts prometheus.Counter
	// held is the number of envelopes workers keep, from streams that broke
	// while no router could be reached, to write first once one can
	// (router_held_envelopes).
	held prometheus.Gauge
	// acked is the number of open streams with acknowledgements (router_acked_streams).
	acked prometheus.Gauge
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

// Dropped reasons of the pool.
const (
	// ReasonUnavailable: no router would take the envelopes.
	ReasonUnavailable = "router_unavailable"
	// ReasonUnacknowledged: written, unacknowledged when the stream broke, and no other stream took them.
	ReasonUnacknowledged = "unacknowledged"
	// ReasonUnconfirmed: written to a plain stream that broke, within its last flow-control window.
	ReasonUnconfirmed = "unconfirmed"
)

// DestinationLabel is the label every pool metric but egress and dropped carries.
const DestinationLabel = "destination"

// NewMetrics registers the metrics of the pool to destination on r (the
// agent's pool to the routers is "router"). Pools with different
// destinations may share r; two with the same destination share their series.
func NewMetrics(r *metrics.Registry, destination string) *Metrics {
	counter := func(name, help string) prometheus.Counter {
		return r.CounterVec(name, help, DestinationLabel).WithLabelValues(destination)
	}
	gauge := func(name, help string) prometheus.Gauge {
		return r.GaugeVec(name, help, DestinationLabel).WithLabelValues(destination)
	}
	return &Metrics{
		egress:         r.Egress,
		unavailable:    r.Dropped(metrics.Egress, ReasonUnavailable),
		shutdown:       r.Dropped(metrics.Egress, metrics.ReasonShutdown),
		unacknowledged: r.Dropped(metrics.Egress, ReasonUnacknowledged),
		unconfirmed:    r.Dropped(metrics.Egress, ReasonUnconfirmed),
		resent:         counter("router_resent_envelopes", "Envelopes written again to another router because their stream broke before the router acknowledged them (possible duplicates)."),
		ackTimeouts:    counter("router_ack_timeouts", "Acknowledged streams cut because their router acknowledged nothing for ack_timeout while batches waited; their unacknowledged batches go to another router."),
		held:           gauge("router_held_envelopes", "Envelopes kept from streams that broke while no router could be reached, written first once one can (charged to the buffer budget)."),
		acked:          gauge("router_acked_streams", "Open streams to routers that acknowledge what they take (the rest are plain BatchSender streams)."),
		batches:        counter("router_batches_sent", "Batches written to router streams."),
		dials:          counter("router_connections", "Successful connections to a router."),
		dialFailures:   counter("router_connection_failures", "Failed attempts to connect to a router."),
		streams:        gauge("router_streams", "Open BatchSender streams to routers."),
		recycles:       counter("router_stream_recycles", "Streams closed and re-dialled after carrying their quota of envelopes."),
		refreshes:      counter("router_dns_refreshes", "Re-resolutions of the router addresses."),
		routers:        gauge("routers", "Router addresses currently known."),
	}
}

// resolved counts a resolution of the targets and the addresses it found.
func (m *Metrics) resolved(cur *resolve.Addrs) {
	m.refreshes.Inc()
	m.routers.Set(float64(len(cur.All)))
}
