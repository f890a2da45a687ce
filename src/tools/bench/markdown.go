package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"loggregator/internal/lossprobe"
)

// markdown renders the section body: how it was measured, the scenario
// table, idle CPU and the figures against the targets.
func markdown(results []result, idles []idle, duration, idleFor time.Duration, command, load string, routers int, emitterProcess bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Command: `%s`\n", command)
	fmt.Fprintf(&b, "Machine: %s; %s; commit %s; load average (1/5/15 min) %s at the start and %s at the end\n"+
		"(the machine is shared, so other work competes for the 2 cores).\n", machine(), time.Now().UTC().Format("2006-01-02"), commit(), load, loadavg())
	fmt.Fprintf(&b, "Topology: manifests/local.yml rendered through the job templates (agent → %d router(s) → rlp on\n"+
		"loopback, mutual TLS on every hop), the lossprobe emitting and consuming on the same machine. Each\n"+
		"scenario sends for %v, then waits up to 5 s for stragglers. CPU µs/env is a component's CPU time over\n"+
		"the run divided by the envelopes delivered to the probe's consumer; it includes the components' own\n"+
		"metrics work; \"probe\" is the lossprobe's own emitters and consumer, which share the 2 cores.\n"+
		"Latency is from the envelope's timestamp (set just before the producer's Send) to its arrival at\n"+
		"the consumer. Out of order counts envelopes that arrived after a later one of the same emitter: the\n"+
		"agent spreads each producer's envelopes over several router streams. \"dropped\" is what each\n"+
		"component's dropped counters (every direction and reason) grew by over the run: where the loss was.\n", routers, duration)
	b.WriteString(probeLayout(emitterProcess) + "\n")

	b.WriteString(scenarioTable(results))
	b.WriteString("\nScenarios: ")
	var whats []string
	for _, r := range results {
		what := fmt.Sprintf("`%s` %s", r.Scenario.Name, r.Scenario.What)
		if s, ok := r.Report.Paths["slow_consumer"]; ok {
			what += fmt.Sprintf(" (the slow consumer got %s, %.1f %% lost to it)", num(float64(s.Received)), s.LossPercent)
		}
		whats = append(whats, what)
	}
	b.WriteString(strings.Join(whats, "; ") + ".\n\n")

	fmt.Fprintf(&b, "Idle CPU over %v with no traffic, after the scenarios: ", idleFor)
	var parts []string
	for _, i := range idles {
		parts = append(parts, fmt.Sprintf("%s %.0f ms (%.3f %% of a core)", i.Component, i.CPUms, i.CPUms/10/i.Seconds))
	}
	b.WriteString(strings.Join(parts, ", ") + ". The clock tick is 10 ms, so 0 means under one tick.\n\n")
	b.WriteString(targets(results, idles))
	return b.String()
}

// scenarioTable is one row per probe run: loss, latency and each
// component's CPU per delivered envelope.
func scenarioTable(results []result) string {
	var b strings.Builder
	b.WriteString("| scenario | offered/s | delivered/s | sent | lost | loss % | dup | out of order | p50 ms | p90 ms | p99 ms | max ms | Send p99 µs | agent µs/env | router(s) µs/env | rlp µs/env | total µs/env | probe µs/env | peak RSS agent/router/rlp MiB | dropped in agent / router(s) / rlp |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n")
	for _, r := range results {
		p := r.Report
		agent, router, rlp := p.Processes["agent"], routerCost(p.Processes), p.Processes["rlp"]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %.4f | %d | %d | %.2f | %.2f | %.2f | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d / %d / %d | %s / %s / %s |\n",
			r.Scenario.Name, num(p.OfferedPS), num(p.Throughput), num(float64(p.Sent)), num(float64(p.Lost)), p.LossPercent,
			p.Duplicates, p.OutOfOrder, p.LatencyMsP50, p.LatencyMsP90, p.LatencyMsP99, p.LatencyMsMax, p.SendUsP99,
			agent.CPUUsPerEnvelope, router.CPUUsPerEnvelope, rlp.CPUUsPerEnvelope,
			agent.CPUUsPerEnvelope+router.CPUUsPerEnvelope+rlp.CPUUsPerEnvelope, probeCost(p.Processes).CPUUsPerEnvelope,
			agent.PeakRSSKB/1024, router.PeakRSSKB/1024, rlp.PeakRSSKB/1024,
			num(r.Dropped["agent"]), num(r.Dropped["router"]), num(r.Dropped["rlp"]))
	}
	return b.String()
}

// targets compares the figures with the targets of DESIGN.md.
func targets(results []result, idles []idle) string {
	by := map[string]result{}
	for _, r := range results {
		by[r.Scenario.Name] = r
	}
	var b strings.Builder
	b.WriteString("| target | measured | met |\n|---|---|---|\n")
	row := func(target, measured string, met bool) {
		mark := "yes"
		if !met {
			mark = "**no**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", target, measured, mark)
	}
	if r, ok := by["rate-100k"]; ok {
		p := r.Report
		row("loss < 0.01 % at 100,000/s", fmt.Sprintf("%.4f %% (%s/s offered)", p.LossPercent, num(p.OfferedPS)), p.LossPercent < 0.01 && p.OfferedPS >= 95_000)
	}
	best := 0.0
	for _, n := range []string{"flat-1", "flat-4"} {
		if r, ok := by[n]; ok && r.Report.Throughput > best {
			best = r.Report.Throughput
		}
	}
	if best > 0 {
		row("≥ 170,000/s delivered at saturation", num(best)+"/s", best >= 170_000)
	}
	if r, ok := by["rate-5k"]; ok {
		row("p99 < 20 ms at 5,000/s", fmt.Sprintf("%.2f ms", r.Report.LatencyMsP99), r.Report.LatencyMsP99 < 20)
	}
	for _, n := range []string{"rate-100k", "flat-1"} {
		if r, ok := by[n]; ok {
			p := r.Report.Processes
			total := p["agent"].CPUUsPerEnvelope + routerCost(p).CPUUsPerEnvelope + p["rlp"].CPUUsPerEnvelope
			row("< 5 µs CPU per envelope, agent + router + rlp ("+n+")", fmt.Sprintf("%.2f µs", total), total < 5)
		}
	}
	if r, ok := by["slow-consumer"]; ok {
		row("a slow consumer changes nothing for a fast one", fmt.Sprintf("fast consumer lost %.4f %%", r.Report.LossPercent), r.Report.Lost == 0)
	}
	if len(idles) > 0 {
		worst := 0.0
		for _, i := range idles {
			worst = max(worst, i.CPUms/i.Seconds)
		}
		row("idle components use no measurable CPU", fmt.Sprintf("at most %.1f ms CPU per second", worst), worst < 1)
	}
	return b.String()
}

// probeLayout says where the probe's emitters ran, one line.
func probeLayout(separate bool) string {
	if separate {
		return "The probe's emitters run in a process of their own (lossprobe's `emitter_process`), apart from its\n" +
			"readers, as apps and a nozzle on other VMs would be; both still share the 2 cores with the components.\n"
	}
	return "The probe's emitters ran as goroutines beside its readers (`--emitter-process=false`), where flat-out\n" +
		"emitters take the consumer's turns on the probe's threads.\n"
}

// routerCost adds up every router's figures ("router", "router-2", …); peak
// RSS is the largest.
func routerCost(procs map[string]lossprobe.ProcessReport) lossprobe.ProcessReport {
	return costOf(procs, "router", "router-")
}

// probeCost adds up the probe's figures: its readers ("lossprobe") and its
// emitter process ("lossprobe_emitters"), when it has one.
func probeCost(procs map[string]lossprobe.ProcessReport) lossprobe.ProcessReport {
	return costOf(procs, "lossprobe", "lossprobe_")
}

// costOf adds up the figures of the process called name and of those whose
// names start with prefix; peak RSS is the largest.
func costOf(procs map[string]lossprobe.ProcessReport, name, prefix string) lossprobe.ProcessReport {
	var sum lossprobe.ProcessReport
	for n, p := range procs {
		if n == name || strings.HasPrefix(n, prefix) {
			sum.CPUSeconds += p.CPUSeconds
			sum.CPUUsPerEnvelope += p.CPUUsPerEnvelope
			sum.PeakRSSKB = max(sum.PeakRSSKB, p.PeakRSSKB)
		}
	}
	return sum
}

func num(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func machine() string {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	goVersion := runtime.Version()
	if out, err := exec.Command("go", "version").Output(); err == nil {
		goVersion = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	return fmt.Sprintf("%d CPUs (`nproc`), %s, %s", runtime.NumCPU(), model, goVersion)
}

// loadavg is the 1, 5 and 15 minute load averages from /proc/loadavg.
func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " / ")
}

func commit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		c += " (working tree with uncommitted changes)"
	}
	return c
}

// replaceSection replaces the body of the section headed heading in the
// Markdown file at path (up to the next "## " heading), or appends it.
func replaceSection(path, heading, body string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(data)
	section := heading + "\n\n" + body
	start := strings.Index(text, "\n"+heading+"\n")
	if start < 0 {
		text = strings.TrimRight(text, "\n") + "\n\n" + section
	} else {
		start++
		end := len(text)
		if i := strings.Index(text[start+len(heading):], "\n## "); i >= 0 {
			end = start + len(heading) + i + 1
			section += "\n"
		}
		text = text[:start] + section + text[end:]
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
