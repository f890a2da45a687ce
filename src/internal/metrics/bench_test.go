package metrics_test

import (
	"fmt"
	"testing"

	"loggregator/internal/metrics"
)

// BenchmarkEnvelopes is one self-metrics snapshot (what every component
// sends each emit_interval) of a registry shaped like the agent's: about
// thirty counters and gauges, a labelled counter and the buffer gauges.
func BenchmarkEnvelopes(b *testing.B) {
	r := metrics.NewRegistry()
	for i := range 24 {
		r.Counter(fmt.Sprintf("counter_%d", i), "A counter.").Add(float64(i))
	}
	for i := range 6 {
		r.Gauge(fmt.Sprintf("gauge_%d", i), "A gauge.").Set(float64(i))
	}
	for _, reason := range []string{"buffer_full", "invalid", "too_large", "unavailable", "shutdown"} {
		r.Dropped("ingress", reason).Inc()
	}
	r.BufferBytes(func() int64 { return 1 << 20 }, func() int64 { return 64 << 20 })
	b.ReportAllocs()
	for b.Loop() {
		envs, err := r.Envelopes("agent")
		if err != nil || len(envs) == 0 {
			b.Fatalf("snapshot: %d envelopes, %v", len(envs), err)
		}
	}
}
