package promscraper

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"loggregator/internal/metrics"
)

// benchPage is a page like a busy job's: 500 counter series, 400 gauge
// series and 10 histograms of 10 buckets, about 1,000 lines.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString("# TYPE requests_total counter\n")
	for i := range 500 {
		fmt.Fprintf(&b, "requests_total{route=\"/r%d\",code=\"200\"} %d\n", i, i*1000)
	}
	b.WriteString("# TYPE queue_depth gauge\n")
	for i := range 400 {
		fmt.Fprintf(&b, "queue_depth{queue=\"q%d\"} %d.5\n", i, i)
	}
	b.WriteString("# TYPE latency_seconds histogram\n")
	for h := range 10 {
		for i, le := range []string{"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"} {
			fmt.Fprintf(&b, "latency_seconds_bucket{handler=\"h%d\",le=\"%s\"} %d\n", h, le, i*10)
		}
		fmt.Fprintf(&b, "latency_seconds_sum{handler=\"h%d\"} 12.5\nlatency_seconds_count{handler=\"h%d\"} 90\n", h, h)
	}
	return []byte(b.String())
}

// BenchmarkParseAndMap is the CPU a scrape costs once the page is read:
// expfmt's parser and metrics.FromFamilies, per page.
func BenchmarkParseAndMap(b *testing.B) {
	page := benchPage()
	origin := metrics.Origin{SourceID: "job", InstanceID: "0", Tags: map[string]string{"origin": "job"}}
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	var envs int
	for b.Loop() {
		families, err := parse(page)
		if err != nil {
			b.Fatal(err)
		}
		out, _ := metrics.FromFamilies(families, origin, time.Now().UnixNano())
		envs = len(out)
	}
	b.ReportMetric(float64(envs), "envelopes/page")
}
