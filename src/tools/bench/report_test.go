package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/lossprobe"
)

// fakeResult builds a result as the lossprobe would report it: window seconds of
// CPU sampling and the given CPU seconds per process.
func fakeResult(name string, rate int, delivered uint64, window float64, cpu map[string]float64) result {
	sc := scenario{Name: name, What: "a workload", Rate: rate}
	p := &lossprobe.Report{
		Rate: rate, Sent: delivered, OfferedPS: float64(delivered) / window, CPUWindowSecs: window,
		Paths: map[string]lossprobe.PathReport{}, Processes: map[string]lossprobe.ProcessReport{},
	}
	p.Received, p.Throughput, p.LatencyMsP50, p.LatencyMsP99, p.LatencyMsP99Steady = delivered, float64(delivered)/window, 4, 9, 6
	p.Paths["rlp"] = p.PathReport
	for proc, secs := range cpu {
		p.Processes[proc] = lossprobe.ProcessReport{CPUSeconds: secs, CPUUsPerEnvelope: secs * 1e6 / float64(delivered)}
	}
	return result{Scenario: sc, Report: p}
}

var _ = Describe("The issue's table", func() {
	It("gives CPU as a share of a core over the probe's window and marks each target", func() {
		r := fakeResult("unary-1k", 1000, 10_000, 10, map[string]float64{"agent": 0.15, "router": 0.1, "rlp": 0.2})
		md := issueTargets([]result{r}, nil, 0)
		Expect(md).To(ContainSubstring("| `unary-1k`: 1,000/s, one envelope per unary Send | CPU of agent / router / rlp, % of a core | 6.5 / 5.2 / 6.2 | < 2 / < 1.5 / < 1.5 | 1.5 / 1.0 / 2.0 | **no** |"))
		Expect(md).To(ContainSubstring("| `unary-1k` | p50 / p99 latency | 5.8 / 7.7 ms | p99 < 20 ms | 4.0 / 9.0 ms (p99 6.0 ms after the first 1s; loss 0.0000 %) | yes |"))
	})

	It("sums agent, router and rlp per envelope at 100,000/s", func() {
		r := fakeResult("rate-100k-4", 100_000, 1_000_000, 10, map[string]float64{"agent": 1, "router": 0.5, "rlp": 1})
		Expect(issueTargets([]result{r}, nil, 0)).To(ContainSubstring("| 0 % / < 3 µs | 0.0000 % / 2.50 µs (100,000/s offered) | yes |"))
	})

	It("judges the p99 at 100,000/s on the whole run, giving the p99 after the first second beside it", func() {
		r := fakeResult("rate-100k-4", 100_000, 1_000_000, 10, nil)
		r.Report.LatencyMsP99, r.Report.LatencyMsP99Steady = 14.2, 8.5
		Expect(issueTargets([]result{r}, nil, 0)).To(ContainSubstring("| `rate-100k-4` | p50 / p99 latency | 8.0 / 21.6 ms | p99 < 10 ms | 4.0 / 14.2 ms (p99 8.5 ms after the first 1s) | **no** |"))
	})

	It("holds four emitters flat out to the one-emitter figure", func() {
		one := fakeResult("sat-1", 0, 4_000_000, 10, nil)
		four := fakeResult("sat-4", 0, 3_000_000, 10, nil)
		md := issueTargets([]result{one, four}, nil, 0)
		Expect(md).To(ContainSubstring("| ≥ 400,000 | 400,000 (offered 400,000, loss 0.00 %) | yes |"))
		Expect(md).To(ContainSubstring("| ≥ the one-emitter figure (400,000) | 300,000 (offered 300,000, loss 0.00 %) | **no** |"))
	})

	It("says where a saturation run's loss was, from the components' drops", func() {
		four := fakeResult("sat-4", 0, 3_000_000, 10, nil)
		four.Report.Lost, four.Report.LossPercent = 100_000, 3.2258
		four.Dropped = map[string]float64{"agent": 40_000, "router": 60_000, "rlp": 0}
		Expect(issueTargets([]result{four}, nil, 0)).To(ContainSubstring("loss 3.23 %; dropped in agent 40,000 / router 60,000 / rlp 0)"))
	})

	It("gives the gateway's loss per reader and its CPU per envelope per reader", func() {
		r := fakeResult("gw-20k-x10", 20_000, 200_000, 10, map[string]float64{"gateway": 4})
		for i := range 10 {
			got := uint64(200_000)
			if i == 3 {
				got = 100_000
			}
			r.Report.Paths[fmt.Sprintf("gateway-%d", i)] = lossprobe.PathReport{Received: got, LossPercent: 100 * float64(200_000-got) / 200_000, Throughput: float64(got) / 10}
		}
		md := issueTargets([]result{r}, nil, 0)
		Expect(md).To(ContainSubstring("| loss per reader, worst / median | 24 % | 0 % | 50.00 / 0.00 % (10 readers) | **no** |"))
		// 4 s over 1,900,000 envelopes received by all readers.
		Expect(md).To(ContainSubstring("| < 3 µs | 2.11 µs (40 %) | yes |"))
		Expect(gatewayTable([]result{r})).To(ContainSubstring("| `gw-20k-x10` | 10 | 20,000 | 10,000 | 50.0000 / 0.0000 |"))
	})

	It("reports idle CPU per process and the three ingress modes side by side", func() {
		idles := []idle{{Component: "agent", CPUms: 0, Seconds: 10}, {Component: "router", CPUms: 20, Seconds: 10}}
		b := fakeResult("ingress-batch-5k", 5000, 50_000, 10, map[string]float64{"agent": 0.1})
		u := fakeResult("ingress-unary-5k", 5000, 50_000, 10, map[string]float64{"agent": 0.3})
		md := issueTargets([]result{b, u}, idles, 10*time.Second)
		Expect(md).To(ContainSubstring("| CPU, % of a core | – | zero (under 0.1) | agent 0.00, router 0.20 | **no** |"))
		Expect(md).To(ContainSubstring("| batch 1.0 % (2.00 µs/env); unary 3.0 % (6.00 µs/env) | – |"))
	})

	It("leaves out the rows of workloads that did not run", func() {
		Expect(strings.Count(issueTargets(nil, nil, 0), "\n")).To(Equal(2))
	})
})

var _ = Describe("The knee", func() {
	sweep := func() []result {
		var out []result
		for _, sc := range sweepPlan([]int{1_000, 50_000, 0}, time.Second) {
			delivered := uint64(sc.Rate) * 10
			if sc.Rate == 0 {
				delivered = 3_000_000
			}
			r := fakeResult(sc.Name, sc.Rate, delivered, 10, nil)
			r.Scenario = sc
			out = append(out, r)
		}
		out[2].Report.LossPercent = 2.5
		return out
	}

	It("orders the sweep's points by offered rate and finds the highest rate delivered without loss", func() {
		pts := sweepPoints(append(sweep(), fakeResult("rate-1k", 1000, 1, 1, nil)))
		Expect(pts).To(HaveLen(3))
		Expect(pts[0].Name).To(Equal("sweep-1k"))
		Expect(pts[2].FlatOut).To(BeTrue())
		Expect(knee(pts)).To(Equal("50,000/s"))
		Expect(sweepTable(pts)).To(ContainSubstring("| `sweep-flat` | 300,000 | 300,000 | 2.5000 | 9.0 |"))
	})

	It("draws delivered rate, loss and p99 against offered rate as SVG", func() {
		path := filepath.Join(GinkgoT().TempDir(), "knee.svg")
		Expect(writeKnee(path, sweepPoints(sweep()), "a caption")).To(Succeed())
		data, err := os.ReadFile(path)
		Expect(err).NotTo(HaveOccurred())
		svg := string(data)
		Expect(svg).To(ContainSubstring("<svg"))
		Expect(svg).To(HaveSuffix("</svg>\n"))
		for _, text := range []string{"offered envelopes/s", "delivered envelopes/s", "lost, % of sent", "p99 ms", "a caption"} {
			Expect(svg).To(ContainSubstring(text))
		}
	})

	It("refuses to draw fewer than two points", func() {
		var b bytes.Buffer
		Expect(renderKnee(&b, sweepPoints(sweep()[:1]), "")).To(MatchError(ContainSubstring("at least two")))
	})
})

var _ = Describe("Writing docs/benchmarks.md", func() {
	It("replaces its own section and leaves the others as they were", func() {
		path := filepath.Join(GinkgoT().TempDir(), "benchmarks.md")
		Expect(os.WriteFile(path, []byte("# B\n\n## End to end\n\nold e2e\n\n## Other\n\nkept\n"), 0o644)).To(Succeed())
		Expect(replaceSection(path, issueHeading, "first\n")).To(Succeed())
		Expect(replaceSection(path, issueHeading, "second\n")).To(Succeed())
		data, err := os.ReadFile(path)
		Expect(err).NotTo(HaveOccurred())
		Expect(string(data)).To(Equal("# B\n\n## End to end\n\nold e2e\n\n## Other\n\nkept\n\n" + issueHeading + "\n\nsecond\n"))
	})
})

var _ = Describe("The traffic controller's table", func() {
	It("gives the firehose reader's loss and latency, the slow reader's loss, where the drops were and the traffic controller's CPU", func() {
		r := fakeResult("tc-slow-5k", 5000, 50_000, 10, map[string]float64{"trafficcontroller": 0.5, "lossprobe": 0.3})
		r.Scenario.Firehose, r.Scenario.FirehoseSlow = true, time.Millisecond
		r.Report.Paths["firehose"] = lossprobe.PathReport{Received: 40_000, Lost: 10_000, LossPercent: 20, LatencyMsP50: 2.5, LatencyMsP99: 18}
		r.Report.Paths["firehose_slow"] = lossprobe.PathReport{Received: 5_000, Lost: 45_000, LossPercent: 90}
		r.Dropped = map[string]float64{"router": 0, "rlp": 0, "trafficcontroller": 55_000}
		md := tcMarkdown([]result{r}, nil, options{duration: 10 * time.Second}, "scripts/bench --tc", "1 / 1 / 1")
		Expect(md).To(ContainSubstring("| tc-slow-5k | 5,000 | 20.000 % (10000) | 2.50 | 18.00 | 90.00 % | 0.000 % | 0 / 0 / 55,000 | 12.50 | 5.0 | 3.0 |"))
		Expect(md).To(ContainSubstring("Command: `scripts/bench --tc`"))
	})
})

var _ = Describe("What a component dropped over a run", func() {
	It("is the growth of its counters, or, where they went down (a process restarted meanwhile), what the new process counted", func() {
		Expect(increase(100, 250)).To(Equal(150.0))
		Expect(increase(126_339, 126_339)).To(Equal(0.0))
		Expect(increase(126_339, 40)).To(Equal(40.0))
	})
})
