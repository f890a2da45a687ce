package syslogagent

import (
	"sync"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/fanout"
	"loggregator/internal/metrics"
)

// SourceID is the source_id of the envelopes carrying the agent's own metrics.
const SourceID = "syslog_agent"

// otherDrains is the drain label of drains past drains.max_labelled_drains.
const otherDrains = "other"

// agentMetrics are every metric the syslog agent emits beside the
// registry's ingress and egress.
type agentMetrics struct {
	// invalidEnvelope: dropped{direction="ingress",reason="invalid"}, malformed envelopes.
	invalidEnvelope prometheus.Counter
	// tooLarge: dropped{direction="ingress",reason="too_large"}.
	tooLarge prometheus.Counter
	// shutdown: dropped{direction="ingress",reason="shutdown"}, arrived after ingress stopped.
	shutdown prometheus.Counter
	// noDrain counts envelopes no drain wanted (syslog_agent_unbound).
	noDrain prometheus.Counter

	// drainBufferFull, drainBudget, drainFailed, drainShutdown,
	// drainUnformattable are dropped{direction="egress"} totals with
	// reasons buffer_full, budget (a drain's diode evicted or refused to
	// stay within its share of the buffer budget), drain_failed, shutdown
	// and invalid; the per-drain series are in drainDropped.
	drainBufferFull, drainBudget, drainFailed, drainShutdown, drainUnformattable prometheus.Counter
	// drainSent is syslog_drain_sent{drain}: envelopes written, per drain.
	drainSent *prometheus.CounterVec
	// drainDropped is syslog_drain_dropped{drain,reason}: envelopes lost, per drain.
	drainDropped *prometheus.CounterVec
	// drainErrors is syslog_drain_errors{drain}: failed connection or write attempts.
	drainErrors *prometheus.CounterVec
	// drains is syslog_drains: drains running (with a lane).
	drains prometheus.Gauge
	// invalidDrains is syslog_invalid_drains: bindings refused at the last
	// refresh (bad URL, blacklisted host, bad credentials).
	invalidDrains prometheus.Gauge
	// overLimit is syslog_drains_over_app_limit: bindings left out at the last
	// refresh because their app had max_drains_per_app already.
	overLimit prometheus.Gauge
	// refreshFailures is syslog_binding_refresh_failures: failed fetches from the cache.
	refreshFailures prometheus.Counter
	// dropNotices is syslog_drop_notices: notices written to app owners' drains.
	dropNotices prometheus.Counter

	mu     sync.Mutex
	labels map[string]int // drains per own label; guarded by mu
}

func newAgentMetrics(r *metrics.Registry) *agentMetrics {
	return &agentMetrics{
		invalidEnvelope:    r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		tooLarge:           r.Dropped(metrics.Ingress, metrics.ReasonTooLarge),
		shutdown:           r.Dropped(metrics.Ingress, metrics.ReasonShutdown),
		noDrain:            r.Counter("syslog_agent_unbound", "Envelopes accepted that no drain was bound to."),
		drainBufferFull:    r.Dropped(metrics.Egress, metrics.ReasonBufferFull),
		drainBudget:        r.Dropped(metrics.Egress, metrics.ReasonBudget),
		drainFailed:        r.Dropped(metrics.Egress, "drain_failed"),
		drainShutdown:      r.Dropped(metrics.Egress, metrics.ReasonShutdown),
		drainUnformattable: r.Dropped(metrics.Egress, metrics.ReasonInvalid),
		drainSent:          r.CounterVec("syslog_drain_sent", "Envelopes written to a drain, by anonymised drain URL.", "drain"),
		drainDropped:       r.CounterVec("syslog_drain_dropped", "Envelopes a drain lost, by anonymised drain URL and reason.", "drain", "reason"),
		drainErrors:        r.CounterVec("syslog_drain_errors", "Failed connection or write attempts, by anonymised drain URL.", "drain"),
		drains:             r.Gauge("syslog_drains", "Drains running."),
		invalidDrains:      r.Gauge("syslog_invalid_drains", "Bindings refused at the last refresh: invalid URL, blacklisted host or bad credentials."),
		overLimit:          r.Gauge("syslog_drains_over_app_limit", "Bindings left out at the last refresh because their app had max_drains_per_app."),
		refreshFailures:    r.Counter("syslog_binding_refresh_failures", "Failed fetches of bindings from the binding cache; the last good set is kept."),
		dropNotices:        r.Counter("syslog_drop_notices", "Notices of lost messages written to app owners' drains."),
		labels:             map[string]int{},
	}
}

// label returns the drain label for a new drain: its anonymised URL while
// fewer than max drains have one, else "other".
func (m *agentMetrics) label(anon string, max int) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.labels[anon] == 0 && len(m.labels) >= max {
		return otherDrains
	}
	m.labels[anon]++
	return anon
}

// unlabel forgets a stopped drain's series, once no running drain (the
// same URL with other credentials, or its successor) uses the label.
func (m *agentMetrics) unlabel(label string) {
	if label == otherDrains {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.labels[label]--; m.labels[label] > 0 {
		return
	}
	delete(m.labels, label)
	m.drainSent.DeleteLabelValues(label)
	m.drainErrors.DeleteLabelValues(label)
	for _, r := range []string{metrics.ReasonBufferFull, metrics.ReasonBudget, "drain_failed", metrics.ReasonShutdown, metrics.ReasonInvalid} {
		m.drainDropped.DeleteLabelValues(label, r)
	}
}

// tee is a counter that adds to a drain's series and a total, and keeps
// the drain's own count for the drop notices.
type tee struct {
	prometheus.Counter
	total prometheus.Counter
	own   *atomic.Uint64
}

func (t tee) Add(v float64) {
	t.Counter.Add(v)
	if t.total != nil {
		t.total.Add(v)
	}
	if t.own != nil {
		t.own.Add(uint64(v))
	}
}

func (t tee) Inc() { t.Add(1) }

// laneMetrics are one drain's lane counters and its budget drop counter;
// lost and sent also count into the drain's own totals, which decide its
// drop notices.
func (m *agentMetrics) laneMetrics(r *metrics.Registry, label string, lost, sent *atomic.Uint64) (fanout.Metrics, prometheus.Counter) {
	return fanout.Metrics{
		Sent:     tee{Counter: m.drainSent.WithLabelValues(label), total: r.Egress, own: sent},
		Dropped:  tee{Counter: m.drainDropped.WithLabelValues(label, metrics.ReasonBufferFull), total: m.drainBufferFull, own: lost},
		Failed:   tee{Counter: m.drainDropped.WithLabelValues(label, "drain_failed"), total: m.drainFailed, own: lost},
		Shutdown: tee{Counter: m.drainDropped.WithLabelValues(label, metrics.ReasonShutdown), total: m.drainShutdown},
	}, tee{Counter: m.drainDropped.WithLabelValues(label, metrics.ReasonBudget), total: m.drainBudget, own: lost}
}
