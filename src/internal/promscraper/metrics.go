package promscraper

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// Reasons of scrape_failures, and of the drops only the scraper makes.
const (
	// reasonTimeout: the target did not answer, or send its whole page,
	// within the timeout.
	reasonTimeout = "timeout"
	// reasonUnreachable: the connection or the TLS handshake failed.
	reasonUnreachable = "unreachable"
	// reasonStatus: the target answered with a status other than 200.
	reasonStatus = "status"
	// reasonInvalid: the page is not the Prometheus text format.
	reasonInvalid = "invalid"
	// reasonTooLarge: the page is larger than max_body_bytes.
	reasonTooLarge = "too_large"

	// reasonUnsupported: dropped at ingress, a metric with no envelope
	// (untyped, or a counter that is negative, infinite or NaN).
	reasonUnsupported = "unsupported"
	// reasonAgentFailed: dropped at egress, a batch the agent did not take
	// within the timeout.
	reasonAgentFailed = "agent_failed"
)

// scraperMetrics are the scraper's own metrics, besides the common ingress
// (envelopes made from scraped pages) and egress (envelopes the agent took).
type scraperMetrics struct {
	// scrapes counts scrapes attempted, successful or not.
	scrapes prometheus.Counter
	// failures counts failed scrapes by reason (timeout, unreachable,
	// status, invalid, too_large).
	failures *prometheus.CounterVec
	// targets is the number of targets being scraped now.
	targets prometheus.Gauge
	// invalidFiles is the number of target files matched at the last read
	// that could not be used.
	invalidFiles prometheus.Gauge

	unsupported prometheus.Counter // dropped{direction="ingress",reason="unsupported"}
	agentFailed prometheus.Counter // dropped{direction="egress",reason="agent_failed"}
	shutdown    prometheus.Counter // dropped{direction="egress",reason="shutdown"}
	ingress     prometheus.Counter
	egress      prometheus.Counter
}

func newMetrics(r *metrics.Registry) *scraperMetrics {
	m := &scraperMetrics{
		scrapes:      r.Counter("scrapes", "Scrapes attempted, successful or not."),
		failures:     r.CounterVec("scrape_failures", "Failed scrapes by reason (timeout, unreachable, status, invalid, too_large).", "reason"),
		targets:      r.Gauge("scrape_targets", "Targets being scraped now."),
		invalidFiles: r.Gauge("target_files_invalid", "Target files matched at the last read that could not be used."),
		unsupported:  r.Dropped(metrics.Ingress, reasonUnsupported),
		agentFailed:  r.Dropped(metrics.Egress, reasonAgentFailed),
		shutdown:     r.Dropped(metrics.Egress, metrics.ReasonShutdown),
		ingress:      r.Ingress,
		egress:       r.Egress,
	}
	// Every reason is on the page from the start, so a rate over it never
	// begins with a missing series.
	for _, reason := range []string{reasonTimeout, reasonUnreachable, reasonStatus, reasonInvalid, reasonTooLarge} {
		m.failures.WithLabelValues(reason)
	}
	return m
}
