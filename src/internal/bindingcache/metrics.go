package bindingcache

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// cacheMetrics are the binding cache's own metrics. The common ingress,
// egress and dropped counters stay at zero: the cache carries no envelopes.
type cacheMetrics struct {
	// polls counts polls of Cloud Controller by result (ok, failed).
	polls *prometheus.CounterVec
	// pollFailures counts failed polls by reason (timeout, unavailable,
	// status, garbage, truncated, too_large, paging).
	pollFailures *prometheus.CounterVec
	// pages counts pages read from Cloud Controller.
	pages prometheus.Counter
	// lastSuccess is the Unix time of the last poll whose set is served.
	lastSuccess prometheus.Gauge
	// lastSuccessAge is the age in seconds of the set served, updated at
	// every poll; it grows while Cloud Controller fails.
	lastSuccessAge prometheus.Gauge
	// pollDuration is how long the last poll took, in seconds.
	pollDuration prometheus.Gauge
	// drains is the number of drain URLs served at /v2/bindings.
	drains prometheus.Gauge
	// bindings is the number of (drain URL, app) pairs served.
	bindings prometheus.Gauge
	// aggregateDrains is the number of drains served at /v2/aggregate.
	aggregateDrains prometheus.Gauge
	// refused counts drain URLs refused, by reason (unparsable, scheme,
	// no_host, blacklisted, unresolvable), once per poll that lists them.
	refused *prometheus.CounterVec
	// refusedLastPoll is the number of drain URLs the last good poll refused.
	refusedLastPoll prometheus.Gauge
	// requests counts requests of syslog agents by path.
	requests *prometheus.CounterVec
}

func newMetrics(r *metrics.Registry) *cacheMetrics {
	return &cacheMetrics{
		polls:           r.CounterVec("cc_polls", "Polls of Cloud Controller, by result (ok, failed).", "result"),
		pollFailures:    r.CounterVec("cc_poll_failures", "Failed polls of Cloud Controller, by reason.", "reason"),
		pages:           r.Counter("cc_pages", "Pages read from Cloud Controller."),
		lastSuccess:     r.Gauge("cc_last_successful_poll_timestamp_seconds", "Unix time of the last successful poll, whose set is served."),
		lastSuccessAge:  r.Gauge("cc_last_successful_poll_age_seconds", "Age of the set served, in seconds, updated at every poll."),
		pollDuration:    r.Gauge("cc_poll_duration_seconds", "Duration of the last poll, in seconds."),
		drains:          r.Gauge("drains", "Drain URLs served at /v2/bindings."),
		bindings:        r.Gauge("drain_bindings", "(drain URL, app) pairs served at /v2/bindings."),
		aggregateDrains: r.Gauge("aggregate_drains", "Drains served at /v2/aggregate."),
		refused:         r.CounterVec("refused_drains", "Drain URLs refused, by reason, once per poll that lists them.", "reason"),
		refusedLastPoll: r.Gauge("refused_drains_last_poll", "Drain URLs the last successful poll refused."),
		requests:        r.CounterVec("requests", "Requests of syslog agents, by path.", "path"),
	}
}
