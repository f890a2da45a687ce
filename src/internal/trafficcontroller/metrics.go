package trafficcontroller

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/cfauth"
	"loggregator/internal/egress"
	"loggregator/internal/metrics"
	"loggregator/internal/routerset"
)

// ReasonNoV1Form is the dropped reason of a v2 envelope that has no v1
// form (a v2 event), which a v1 reader therefore never sees.
const ReasonNoV1Form = "no_v1_form"

// tcMetrics is every metric the traffic controller emits besides the Go
// runtime's. docs/metrics.md lists them for operators.
type tcMetrics struct {
	// routers are the router-side metrics, kept by the router set: ingress,
	// dropped{direction="ingress",reason="invalid"}, routers,
	// router_connects, router_disconnects and router_stream_errors.
	routers *routerset.Metrics
	// egress are the reader-side metrics, kept by the egress server: egress
	// (v2 envelopes handed to websockets), dropped{direction="egress",
	// reason="slow_consumer"|"disconnected"|"invalid"}, subscriptions,
	// slow_consumer_disconnects and rejected_subscriptions.
	egress egress.Metrics
	// auth is what the authorizer counts: auth_denied{reason},
	// auth_errors{service}, auth_cache_hits, auth_cache_misses,
	// uaa_latency_seconds and cc_latency_seconds.
	auth cfauth.Metrics
	// requests counts answered requests by endpoint (firehose, stream) and
	// HTTP status code; 101 counts an upgraded websocket.
	requests *prometheus.CounterVec
	// firehoses and appStreams are the open websockets of each endpoint
	// (Cloud Foundry's doppler_proxy.firehoses and doppler_proxy.app_streams).
	firehoses  prometheus.Gauge
	appStreams prometheus.Gauge
	// frames counts v1 envelopes written as websocket frames.
	frames prometheus.Counter
	// budget counts envelopes the readers' diodes evicted or refused to stay
	// within the process's buffer budget:
	// dropped{direction="egress",reason="budget"}.
	budget prometheus.Counter
	// noV1 counts v2 envelopes without a v1 form:
	// dropped{direction="egress",reason="no_v1_form"}.
	noV1 prometheus.Counter
	// closes counts websockets the traffic controller closed, by reason:
	// slow_consumer, shutdown, limit, error.
	closes *prometheus.CounterVec
}

func newMetrics(r *metrics.Registry) *tcMetrics {
	return &tcMetrics{
		routers:    routerset.NewMetrics(r),
		egress:     egress.NewMetrics(r),
		auth:       cfauth.NewMetrics(r),
		requests:   r.CounterVec("requests", "Answered requests by endpoint (firehose, stream) and HTTP status code; 101 is an upgraded websocket.", "endpoint", "code"),
		firehoses:  r.Gauge("firehoses", "Open firehose websockets."),
		appStreams: r.Gauge("app_streams", "Open app stream websockets."),
		frames:     r.Counter("websocket_frames", "v1 envelopes written to readers, one websocket frame each."),
		budget:     r.Dropped(metrics.Egress, metrics.ReasonBudget),
		noV1:       r.Dropped(metrics.Egress, ReasonNoV1Form),
		closes:     r.CounterVec("websocket_closes", "Websockets closed by the traffic controller, by reason (slow_consumer, shutdown, limit, error).", "reason"),
	}
}
