package gateway

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/cfauth"
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
	// streamErrors counts streams that ended other than by the gateway's own
	// choice: the reverse log proxy failed (upstream), a client could not
	// take an event within write_timeout (slow_consumer), or a client went
	// away while an event was being written (closed).
	streamErrors *prometheus.CounterVec
	// invalid counts envelopes from the reverse log proxy that could not be
	// written as JSON (malformed protobuf, a string that is not UTF-8) and
	// were dropped: dropped{direction="egress",reason="invalid"}.
	invalid prometheus.Counter
	// auth is what the authorizer counts: auth_denied{reason},
	// auth_errors{service}, auth_cache_hits, auth_cache_misses,
	// uaa_latency_seconds and cc_latency_seconds.
	auth cfauth.Metrics
}

func newMetrics(r *metrics.Registry) *gatewayMetrics {
	return &gatewayMetrics{
		requests:        r.CounterVec("requests", "Answered /v2/read requests by HTTP status code.", "code"),
		streams:         r.Gauge("streams", "Streams open now."),
		rejectedStreams: r.Counter("rejected_streams", "Requests refused because max_streams streams were open."),
		streamErrors:    r.CounterVec("stream_errors", "Streams ended by an error, by reason (upstream, slow_consumer, closed).", "reason"),
		invalid:         r.Dropped(metrics.Egress, metrics.ReasonInvalid),
		auth:            cfauth.NewMetrics(r),
	}
}
