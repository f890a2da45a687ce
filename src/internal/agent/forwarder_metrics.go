package agent

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/fanout"
	"loggregator/internal/metrics"
)

// reasonDestinationUnavailable is the drop reason of envelopes in a batch
// a destination did not take (stream broken twice, collector gave up on);
// a v2 destination that cannot be reached holds its batch instead.
const reasonDestinationUnavailable = "destination_unavailable"

// reasonNoDestination is the drop reason of envelopes accepted while the
// forwarder knew no destination.
const reasonNoDestination = "no_destination"

// destinationLabel labels every per-destination metric with the job name
// of its ingress_port.yml (bounded by forwarder.max_destinations).
const destinationLabel = "destination"

// forwarderMetrics are the forwarder role's own metrics; each
// destination's are destinationMetrics.
type forwarderMetrics struct {
	// destinations is the number of destinations open now (destinations).
	destinations prometheus.Gauge
	// fileErrors counts ingress_port.yml files that could not be used, at
	// each scan (destination_file_errors).
	fileErrors prometheus.Counter
	// noDestination counts envelopes accepted while no destination was
	// known: dropped{direction="egress",reason="no_destination"}.
	noDestination prometheus.Counter
}

func newForwarderMetrics(r *metrics.Registry) *forwarderMetrics {
	return &forwarderMetrics{
		destinations:  r.Gauge("destinations", "Local destinations the forwarder writes to now."),
		fileErrors:    r.Counter("destination_file_errors", "ingress_port.yml files the forwarder could not use, counted at each scan."),
		noDestination: r.Dropped(metrics.Egress, reasonNoDestination),
	}
}

// destinationMetrics are one destination's. Every envelope written to its
// lane ends in exactly one of destination_egress and
// destination_dropped{reason="buffer_full"|"destination_unavailable"|"shutdown"},
// or "budget", each also added to the process's egress and
// dropped{direction="egress"}.
type destinationMetrics struct {
	lane fanout.Metrics
	// budget counts envelopes the lane's diode evicted or refused to keep
	// the process within its buffer budget:
	// destination_dropped{reason="budget"}.
	budget prometheus.Counter
	// connections counts streams opened to the destination
	// (destination_connections).
	connections prometheus.Counter
	// connectFailures counts failed attempts to reach it
	// (destination_connection_failures).
	connectFailures prometheus.Counter
	// held is the envelopes of the batch a v2 destination's lane holds
	// while the destination cannot be reached (destination_held_envelopes).
	held prometheus.Gauge
}

func newDestinationMetrics(r *metrics.Registry, name string) *destinationMetrics {
	dropped := r.CounterVec("destination_dropped", "Envelopes a local destination lost, by destination and reason.", destinationLabel, "reason")
	drop := func(reason string) prometheus.Counter {
		return both{dropped.WithLabelValues(name, reason), r.Dropped(metrics.Egress, reason)}
	}
	counter := func(metric, help string) prometheus.Counter {
		return r.CounterVec(metric, help, destinationLabel).WithLabelValues(name)
	}
	return &destinationMetrics{
		lane: fanout.Metrics{
			Sent:     both{counter("destination_egress", "Envelopes written to a local destination."), r.Egress},
			Dropped:  drop(metrics.ReasonBufferFull),
			Failed:   drop(reasonDestinationUnavailable),
			Shutdown: drop(metrics.ReasonShutdown),
		},
		budget:          drop(metrics.ReasonBudget),
		connections:     counter("destination_connections", "Streams opened to a local destination."),
		connectFailures: counter("destination_connection_failures", "Failed attempts to reach a local destination."),
		held:            r.GaugeVec("destination_held_envelopes", "Envelopes of the batch held for a local destination that cannot be reached.", destinationLabel).WithLabelValues(name),
	}
}

// both is a counter that also adds to a process-wide total.
type both struct {
	prometheus.Counter
	total prometheus.Counter
}

func (b both) Inc() {
	b.Counter.Inc()
	b.total.Inc()
}

func (b both) Add(v float64) {
	b.Counter.Add(v)
	b.total.Add(v)
}
