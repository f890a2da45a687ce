package metrics_test

import (
	"sort"
	"strconv"
	"strings"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"loggregator/internal/metrics"
)

// parse reads a Prometheus text page with the Prometheus project's parser.
func parse(page string) []*dto.MetricFamily {
	p := expfmt.NewTextParser(model.UTF8Validation)
	byName, err := p.TextToMetricFamilies(strings.NewReader(page))
	Expect(err).NotTo(HaveOccurred())
	out := make([]*dto.MetricFamily, 0, len(byName))
	for _, f := range byName {
		out = append(out, f)
	}
	return out
}

// describeAll writes each envelope as "source/instance kind name{tags} value"
// so a spec can list what it expects.
func describeAll(envs []*loggregator_v2.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, describe(e))
	}
	return out
}

func describe(e *loggregator_v2.Envelope) string {
	var b strings.Builder
	b.WriteString(e.GetSourceId() + "/" + e.GetInstanceId() + " ")
	switch {
	case e.GetCounter() != nil:
		b.WriteString("counter " + e.GetCounter().GetName())
	case e.GetGauge() != nil:
		for name, v := range e.GetGauge().GetMetrics() {
			b.WriteString("gauge " + name)
			if v.GetUnit() != "" {
				b.WriteString("[" + v.GetUnit() + "]")
			}
		}
	}
	b.WriteString(tagString(e.GetTags()))
	switch {
	case e.GetCounter() != nil:
		b.WriteString(" " + formatFloat(float64(e.GetCounter().GetTotal())))
	case e.GetGauge() != nil:
		for _, v := range e.GetGauge().GetMetrics() {
			b.WriteString(" " + formatFloat(v.GetValue()))
		}
	}
	return b.String()
}

var _ = Describe("FromFamilies", func() {
	origin := metrics.Origin{SourceID: "gorouter", InstanceID: "abc-1", Tags: map[string]string{"origin": "router", "job": "router"}}

	It("maps counters to totals and gauges to values, with the origin and the labels as tags", func() {
		envs, skipped := metrics.FromFamilies(parse(`
# TYPE requests_total counter
requests_total{code="200"} 1027
requests_total{code="500",job="worker"} 3.9
# TYPE queue_depth gauge
queue_depth 12.5
`), origin, 42)

		Expect(skipped).To(BeZero())
		Expect(describeAll(envs)).To(ConsistOf(
			`gorouter/abc-1 counter requests_total{code=200,job=router,origin=router} 1027`,
			`gorouter/abc-1 counter requests_total{code=500,job=worker,origin=router} 3`,
			`gorouter/abc-1 gauge queue_depth{job=router,origin=router} 12.5`,
		))
		for _, e := range envs {
			Expect(e.GetTimestamp()).To(BeEquivalentTo(42))
		}
	})

	It("takes the source id from a source_id label and a gauge's unit from its unit label", func() {
		envs, _ := metrics.FromFamilies(parse(`
# TYPE heap gauge
heap{source_id="other",unit="bytes"} 2048
# TYPE hits counter
hits{unit="requests"} 5
`), metrics.Origin{SourceID: "default"}, 1)

		Expect(describeAll(envs)).To(ConsistOf(
			`other/ gauge heap[bytes] 2048`,
			`default/ counter hits{unit=requests} 5`,
		))
	})

	It("maps a histogram to a sum gauge, a count counter and a counter per bucket tagged le, as Cloud Foundry's scraper does", func() {
		envs, skipped := metrics.FromFamilies(parse(`
# TYPE latency_seconds histogram
latency_seconds_bucket{path="/a",le="0.1"} 3
latency_seconds_bucket{path="/a",le="1"} 7
latency_seconds_bucket{path="/a",le="+Inf"} 8
latency_seconds_sum{path="/a"} 4.25
latency_seconds_count{path="/a"} 8
`), metrics.Origin{SourceID: "s"}, 1)

		Expect(skipped).To(BeZero())
		Expect(describeAll(envs)).To(ConsistOf(
			`s/ gauge latency_seconds_sum{path=/a} 4.25`,
			`s/ counter latency_seconds_count{path=/a} 8`,
			`s/ counter latency_seconds_bucket{le=0.1,path=/a} 3`,
			`s/ counter latency_seconds_bucket{le=1,path=/a} 7`,
			`s/ counter latency_seconds_bucket{le=+Inf,path=/a} 8`,
		))
	})

	It("maps a summary to a sum gauge, a count counter and a gauge per quantile tagged quantile", func() {
		envs, skipped := metrics.FromFamilies(parse(`
# TYPE rpc_seconds summary
rpc_seconds{quantile="0.5"} 0.02
rpc_seconds{quantile="0.99"} 0.3
rpc_seconds_sum 12
rpc_seconds_count 400
`), metrics.Origin{SourceID: "s"}, 1)

		Expect(skipped).To(BeZero())
		Expect(describeAll(envs)).To(ConsistOf(
			`s/ gauge rpc_seconds_sum 12`,
			`s/ counter rpc_seconds_count 400`,
			`s/ gauge rpc_seconds{quantile=0.5} 0.02`,
			`s/ gauge rpc_seconds{quantile=0.99} 0.3`,
		))
	})

	It("skips and counts untyped metrics and counters that are negative, infinite or NaN", func() {
		envs, skipped := metrics.FromFamilies(parse(`
loose_value 3
# TYPE bad_total counter
bad_total{n="1"} -1
bad_total{n="2"} +Inf
bad_total{n="3"} NaN
bad_total{n="4"} 9
`), metrics.Origin{SourceID: "s"}, 1)

		Expect(skipped).To(Equal(4))
		Expect(describeAll(envs)).To(ConsistOf(`s/ counter bad_total{n=4} 9`))
	})

	It("leaves the tags unset when neither the origin nor the metric has any", func() {
		envs, _ := metrics.FromFamilies(parse("# TYPE up gauge\nup 1\n"), metrics.Origin{SourceID: "s"}, 1)
		Expect(envs).To(HaveLen(1))
		Expect(envs[0].Tags).To(BeNil())
	})
})

// tagString writes tags as {k=v,...} sorted by name, or "" when there are none.
func tagString(tags map[string]string) string {
	if len(tags) == 0 {
		return ""
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+tags[k])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
