package cfauth

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// Metrics are what an Authorizer counts. Build them with NewMetrics, or
// fill every field with collectors of the caller's own naming.
type Metrics struct {
	// Denied counts Authorize's denials by "reason": missing_token,
	// invalid_token, firehose_not_admin, not_a_guid, no_log_access.
	Denied *prometheus.CounterVec
	// Errors counts decisions that failed because a "service", uaa or cc,
	// failed or timed out. A caller that went away is not counted.
	Errors *prometheus.CounterVec
	// CacheHits counts token and log access checks answered from the cache.
	CacheHits prometheus.Counter
	// CacheMisses counts token and log access checks that asked UAA or
	// Cloud Controller.
	CacheMisses prometheus.Counter
	// UAALatency observes the duration of UAA /check_token calls, in seconds.
	UAALatency prometheus.Observer
	// CCLatency observes the duration of one Cloud Controller log access
	// check (the service instance fallback included), in seconds.
	CCLatency prometheus.Observer
}

var latencyBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// NewMetrics registers the authorization metrics with r under the names
// docs/metrics.md lists for the gateway: auth_denied, auth_errors,
// auth_cache_hits, auth_cache_misses, uaa_latency_seconds and
// cc_latency_seconds.
func NewMetrics(r *metrics.Registry) Metrics {
	return Metrics{
		Denied:      r.CounterVec("auth_denied", "Requests denied by authorization, by reason.", "reason"),
		Errors:      r.CounterVec("auth_errors", "Requests failed because UAA or Cloud Controller failed or timed out.", "service"),
		CacheHits:   r.Counter("auth_cache_hits", "Authorization decisions answered from the cache."),
		CacheMisses: r.Counter("auth_cache_misses", "Authorization decisions that asked UAA or Cloud Controller."),
		UAALatency:  r.Histogram("uaa_latency_seconds", "Duration of UAA /check_token calls.", latencyBuckets),
		CCLatency:   r.Histogram("cc_latency_seconds", "Duration of one Cloud Controller log access check.", latencyBuckets),
	}
}
