package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"loggregator/internal/lossprobe"
)

// issueHeading is the section of docs/benchmarks.md the issue set writes.
const issueHeading = "## Issue 15: the latest table against its targets"

// cpuPct is a process's CPU over a run as a percentage of one core.
func cpuPct(p *lossprobe.Report, proc lossprobe.ProcessReport) float64 {
	if p.CPUWindowSecs <= 0 {
		return 0
	}
	return 100 * proc.CPUSeconds / p.CPUWindowSecs
}

// gatewayPaths are a report's gateway reading paths ("gateway" or
// "gateway-0" …), by name.
func gatewayPaths(p *lossprobe.Report) []lossprobe.PathReport {
	var names []string
	for n := range p.Paths {
		if n == "gateway" || strings.HasPrefix(n, "gateway-") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	out := make([]lossprobe.PathReport, len(names))
	for i, n := range names {
		out[i] = p.Paths[n]
	}
	return out
}

// gatewayUsPerReaderEnvelope is the gateway's CPU per envelope per reader:
// its CPU time over every envelope its readers received.
func gatewayUsPerReaderEnvelope(p *lossprobe.Report) float64 {
	var got uint64
	for _, g := range gatewayPaths(p) {
		got += g.Received
	}
	if got == 0 {
		return 0
	}
	return p.Processes["gateway"].CPUSeconds * 1e6 / float64(got)
}

// issueMarkdown renders the issue set's section: how it was measured, the
// rows of issue 15's tables against its targets, the gateway readers, the
// rate sweep and every run in full.
func issueMarkdown(results []result, idles []idle, o options, command, load string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Command: `%s` (the full set takes about %v)\n", command, estimate(o.plan, o.duration, o.idle).Round(time.Minute))
	fmt.Fprintf(&b, "Machine: %s; %s; commit %s; load average (1/5/15 min) %s at the start and %s at the end\n"+
		"(the machine is shared, so other work competes for the 2 cores: read these as loaded figures).\n",
		machine(), time.Now().UTC().Format("2006-01-02"), commit(), load, loadavg())
	fmt.Fprintf(&b, "Topology: manifests/local.yml through the job templates (agent → %d router(s) → rlp, and the\n"+
		"gateway on the rlp), mutual TLS on every gRPC hop, the lossprobe emitting and reading on the same\n"+
		"machine with one consumer on the rlp. Each workload sends for %v (sweep points %v), then waits up to\n"+
		"5 s for stragglers. CPU %% of a core is a process's CPU time (utime+stime from /proc) over the probe's\n"+
		"window, first send to end of drain; µs per envelope is that CPU time over the envelopes delivered to\n"+
		"the rlp consumer (for the gateway, over the envelopes all its SSE readers received). Latency runs from\n"+
		"the envelope's timestamp, set just before the emitter's Send, to its arrival at the consumer; the p99\n"+
		"rows also give the p99 of the envelopes sent after a run's first second (without the ramp-up from\n"+
		"idle of every hop at once), but judge the target on the whole run's. The\n"+
		"\"issue\" column is the figure issue 15 gives for before its work; \"dropped\" in the table of every run is\n"+
		"what each component's dropped counters grew by over the run: where the loss was.\n", o.routers, o.duration, o.sweepFor)
	b.WriteString(probeLayout(o.emitterProcess) + "\n")

	b.WriteString(issueTargets(results, idles, o.idle))
	if g := gatewayTable(results); g != "" {
		b.WriteString("\nGateway readers (each SSE reader has its own shard id, so each should get every envelope):\n\n")
		b.WriteString(g)
	}
	if pts := sweepPoints(results); len(pts) > 0 {
		b.WriteString("\nRate sweep (drawn in [knee.svg](knee.svg)):\n\n")
		b.WriteString(sweepTable(pts))
	}
	b.WriteString("\nEvery run:\n\n")
	b.WriteString(scenarioTable(results))
	b.WriteString("\nWorkloads: ")
	var whats []string
	for _, r := range results {
		whats = append(whats, fmt.Sprintf("`%s` %s", r.Scenario.Name, r.Scenario.What))
	}
	b.WriteString(strings.Join(whats, "; ") + ".\n")
	return b.String()
}

// issueTargets is the table of issue 15's rows: workload, measure, the
// issue's before figure, the target, what this run measured and whether
// it meets the target ("–" where the issue sets no figure here).
func issueTargets(results []result, idles []idle, idleFor time.Duration) string {
	by := map[string]*lossprobe.Report{}
	dropped := map[string]map[string]float64{}
	for _, r := range results {
		by[r.Scenario.Name] = r.Report
		dropped[r.Scenario.Name] = r.Dropped
	}
	// where says where a workload's loss was, from the components' drops.
	where := func(name string) string {
		d := dropped[name]
		if by[name].Lost == 0 || d == nil {
			return ""
		}
		return fmt.Sprintf("; dropped in agent %s / router %s / rlp %s", num(d["agent"]), num(d["router"]), num(d["rlp"]))
	}
	var b strings.Builder
	b.WriteString("| workload | measure | issue | target | measured | met |\n|---|---|---|---|---|---|\n")
	row := func(workload, measure, before, target, measured string, met *bool) {
		mark := "–"
		if met != nil {
			mark = "yes"
			if !*met {
				mark = "**no**"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", workload, measure, before, target, measured, mark)
	}
	yes := func(v bool) *bool { return &v }

	if p, ok := by["unary-1k"]; ok {
		a, r, l := cpuPct(p, p.Processes["agent"]), cpuPct(p, routerCost(p.Processes)), cpuPct(p, p.Processes["rlp"])
		row("`unary-1k`: 1,000/s, one envelope per unary Send", "CPU of agent / router / rlp, % of a core", "6.5 / 5.2 / 6.2",
			"< 2 / < 1.5 / < 1.5", fmt.Sprintf("%.1f / %.1f / %.1f", a, r, l), yes(a < 2 && r < 1.5 && l < 1.5))
		row("`unary-1k`", "p50 / p99 latency", "5.8 / 7.7 ms", "p99 < 20 ms",
			fmt.Sprintf("%.1f / %.1f ms (%s; loss %.4f %%)", p.LatencyMsP50, p.LatencyMsP99, steadyP99(p.PathReport), p.LossPercent), yes(p.LatencyMsP99 < 20))
	}
	if len(idles) > 0 {
		var parts []string
		worst := 0.0
		for _, i := range idles {
			parts = append(parts, fmt.Sprintf("%s %.2f", i.Component, i.CPUms/10/i.Seconds))
			worst = max(worst, i.CPUms/i.Seconds)
		}
		row(fmt.Sprintf("idle, %v right after the workloads", idleFor), "CPU, % of a core", "–", "zero (under 0.1)", strings.Join(parts, ", "), yes(worst < 1))
	}
	if p, ok := by["rate-100k-4"]; ok {
		total := p.Processes["agent"].CPUUsPerEnvelope + routerCost(p.Processes).CPUUsPerEnvelope + p.Processes["rlp"].CPUUsPerEnvelope
		row("`rate-100k-4`: 100,000/s, 4 × 25k BatchSender", "loss / CPU per envelope, agent + router + rlp", "0 % / 6.7 µs", "0 % / < 3 µs",
			fmt.Sprintf("%.4f %% / %.2f µs (%s/s offered)", p.LossPercent, total, num(p.OfferedPS)), yes(p.Lost == 0 && total < 3))
		row("`rate-100k-4`", "p50 / p99 latency", "8.0 / 21.6 ms", "p99 < 10 ms",
			fmt.Sprintf("%.1f / %.1f ms (%s)", p.LatencyMsP50, p.LatencyMsP99, steadyP99(p.PathReport)), yes(p.LatencyMsP99 < 10))
	}
	one, haveOne := by["sat-1"]
	if haveOne {
		row("`sat-1`: flat out, one emitter", "delivered/s end to end", "–", "≥ 400,000",
			fmt.Sprintf("%s (offered %s, loss %.2f %%%s)", num(one.Throughput), num(one.OfferedPS), one.LossPercent, where("sat-1")), yes(one.Throughput >= 400_000))
	}
	if p, ok := by["sat-4"]; ok {
		var met *bool
		target := "≥ the one-emitter figure"
		if haveOne {
			met = yes(p.Throughput >= one.Throughput)
			target += " (" + num(one.Throughput) + ")"
		}
		row("`sat-4`: flat out, four emitters", "delivered/s end to end", "56,000 (consumer cut off after 10 s)", target,
			fmt.Sprintf("%s (offered %s, loss %.2f %%%s)", num(p.Throughput), num(p.OfferedPS), p.LossPercent, where("sat-4")), met)
	}
	if p, ok := by["gw-50k"]; ok {
		worst := worstLoss(gatewayPaths(p))
		row("`gw-50k`: 50,000/s, one SSE reader", "loss at the reader", "0 % (Cloud Foundry: 64 %)", "0 %",
			fmt.Sprintf("%.4f %%", worst), yes(worst == 0))
	}
	if p, ok := by["gw-flat"]; ok {
		got := 0.0
		for _, g := range gatewayPaths(p) {
			got = max(got, g.Throughput)
		}
		row("`gw-flat`: flat out, one SSE reader", "delivered/s to the reader", "61–65k", "≥ 150,000",
			fmt.Sprintf("%s (offered %s)", num(got), num(p.OfferedPS)), yes(got >= 150_000))
	}
	if p, ok := by["gw-20k-x10"]; ok {
		paths := gatewayPaths(p)
		worst, median := worstLoss(paths), medianLoss(paths)
		row("`gw-20k-x10`: 20,000/s, 10 SSE readers", "loss per reader, worst / median", "24 %", "0 %",
			fmt.Sprintf("%.2f / %.2f %% (%d readers)", worst, median, len(paths)), yes(worst == 0 && len(paths) == 10))
		us := gatewayUsPerReaderEnvelope(p)
		row("`gw-20k-x10`", "gateway CPU per envelope per reader (and % of a core)", "8.5–10 µs (1.2 cores)", "< 3 µs",
			fmt.Sprintf("%.2f µs (%.0f %%)", us, cpuPct(p, p.Processes["gateway"])), yes(us < 3))
	}
	if p, ok := by["gw-5k"]; ok {
		row("`gw-5k`: 5,000/s, one SSE reader", "gateway CPU, % of a core (µs per envelope)", "30 % more than Cloud Foundry's",
			"no more than Cloud Foundry's (not run here)", fmt.Sprintf("%.1f %% (%.2f µs)", cpuPct(p, p.Processes["gateway"]), gatewayUsPerReaderEnvelope(p)), nil)
	}
	var modes []string
	for _, n := range []string{"ingress-batch-5k", "ingress-sender-5k", "ingress-unary-5k"} {
		if p, ok := by[n]; ok {
			modes = append(modes, fmt.Sprintf("%s %.1f %% (%.2f µs/env)", strings.TrimSuffix(strings.TrimPrefix(n, "ingress-"), "-5k"),
				cpuPct(p, p.Processes["agent"]), p.Processes["agent"].CPUUsPerEnvelope))
		}
	}
	if len(modes) > 0 {
		row("`ingress-*-5k`: 5,000/s through BatchSender, Sender, unary Send", "agent CPU, % of a core", "unary ≈ 3 × BatchSender", "–", strings.Join(modes, "; "), nil)
	}
	if pts := sweepPoints(results); len(pts) > 0 {
		row("`sweep-*`: 1k … 200k/s and flat out, 4 emitters", "delivered, loss, p99 against offered", "–", "–", "highest rate delivered without loss: "+knee(pts)+"; see [knee.svg](knee.svg)", nil)
	}
	return b.String()
}

func worstLoss(paths []lossprobe.PathReport) float64 {
	worst := 0.0
	for _, p := range paths {
		worst = max(worst, p.LossPercent)
	}
	return worst
}

func medianLoss(paths []lossprobe.PathReport) float64 {
	if len(paths) == 0 {
		return 0
	}
	l := make([]float64, len(paths))
	for i, p := range paths {
		l[i] = p.LossPercent
	}
	slices.Sort(l)
	if len(l)%2 == 1 {
		return l[len(l)/2]
	}
	return (l[len(l)/2-1] + l[len(l)/2]) / 2
}

// knee is the highest delivered rate among the sweep points that lost
// nothing, or "none" when every point lost some.
func knee(pts []kneePoint) string {
	best := -1.0
	for _, p := range pts {
		if p.LossPercent == 0 && p.Delivered > best {
			best = p.Delivered
		}
	}
	if best < 0 {
		return "none"
	}
	return num(best) + "/s"
}

// gatewayTable is one row per run that read through the gateway.
func gatewayTable(results []result) string {
	var b strings.Builder
	for _, r := range results {
		p := r.Report
		paths := gatewayPaths(p)
		if len(paths) == 0 {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("| workload | readers | offered/s | slowest reader delivered/s | loss per reader worst / median % | reader p50 / p99 ms (worst) | gateway % of a core | gateway µs/env/reader |\n")
			b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
		}
		slowest, p50, p99 := paths[0].Throughput, 0.0, 0.0
		for _, g := range paths {
			slowest = min(slowest, g.Throughput)
			p50, p99 = max(p50, g.LatencyMsP50), max(p99, g.LatencyMsP99)
		}
		fmt.Fprintf(&b, "| `%s` | %d | %s | %s | %.4f / %.4f | %.1f / %.1f | %.1f | %.2f |\n",
			r.Scenario.Name, len(paths), num(p.OfferedPS), num(slowest), worstLoss(paths), medianLoss(paths),
			p50, p99, cpuPct(p, p.Processes["gateway"]), gatewayUsPerReaderEnvelope(p))
	}
	return b.String()
}

// sweepTable is the sweep's points as a table.
func sweepTable(pts []kneePoint) string {
	var b strings.Builder
	b.WriteString("| point | offered/s | delivered/s | loss % | p99 ms |\n|---|---:|---:|---:|---:|\n")
	for _, p := range pts {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %.4f | %.1f |\n", p.Name, num(p.Offered), num(p.Delivered), p.LossPercent, p.P99Ms)
	}
	return b.String()
}

// steadyP99 says what p99 the envelopes sent after the run's first second
// had: where a run's p99 is its start (every hop ramping up from idle at
// once), this one is much lower. The target is judged on the whole run's.
func steadyP99(p lossprobe.PathReport) string {
	return fmt.Sprintf("p99 %.1f ms after the first %v", p.LatencyMsP99Steady, lossprobe.SteadyAfter)
}
