package gateway

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// gatewayMetrics are the gateway's own metrics, besides the common ingress
// (envelopes received from the reverse log proxy) and egress (envelopes
// written to HTTP clients).
type gatewayMetrics struct {
	// requests counts answered /v2/read requests by HTTP status code.
	requests *prometheus.CounterVec
	// streams is the number of streams open now.
	streams prometheus.Gauge
	// rejectedStreams counts requests refused because max_streams were open.
	rejectedStreams prometheus.Counter
	// streamErrors counts streams that ended because the reverse log proxy
	// failed or a client could not take an event within write_timeout.
	streamErrors *prometheus.CounterVec
	// authDenied counts requests denied (404), by reason.
	authDenied *prometheus.CounterVec
	// authErrors counts requests that failed (503) because UAA or Cloud
	// Controller (service) failed or timed out.
	authErrors *prometheus.CounterVec
	// cacheHits counts authorization decisions answered from the cache.
	cacheHits prometheus.Counter
	// cacheMisses counts authorization decisions that needed UAA or Cloud Controller.
	cacheMisses prometheus.Counter
	// uaaLatency is how long UAA's /check_token took.
	uaaLatency prometheus.Histogram
	// ccLatency is how long one Cloud Controller log access check took.
	ccLatency prometheus.Histogram
}

var latencyBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

func newMetrics(r *metrics.Registry) *gatewayMetrics {
	return &gatewayMetrics{
		requests:        r.CounterVec("requests", "Answered /v2/read requests by HTTP status code.", "code"),
		streams:         r.Gauge("streams", "Streams open now."),
		rejectedStreams: r.Counter("rejected_streams", "Requests refused because max_streams streams were open."),
		streamErrors:    r.CounterVec("stream_errors", "Streams ended by an error, by reason (upstream, slow_consumer).", "reason"),
		authDenied:      r.CounterVec("auth_denied", "Requests denied with 404, by reason.", "reason"),
		authErrors:      r.CounterVec("auth_errors", "Requests failed with 503 because UAA or Cloud Controller failed or timed out.", "service"),
		cacheHits:       r.Counter("auth_cache_hits", "Authorization decisions answered from the cache."),
		cacheMisses:     r.Counter("auth_cache_misses", "Authorization decisions that asked UAA or Cloud Controller."),
		uaaLatency:      r.Histogram("uaa_latency_seconds", "Duration of UAA /check_token calls.", latencyBuckets),
		ccLatency:       r.Histogram("cc_latency_seconds", "Duration of one Cloud Controller log access check.", latencyBuckets),
	}
}
