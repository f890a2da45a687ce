package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/lossprobe"
	"loggregator/tools/topology"
)

// setTC is the traffic controller's set (--tc): the v1 websocket firehose
// read by the loss probe through the real traffic controller process.
const setTC = "tc"

// tcHeading is the section of docs/benchmarks.md the traffic controller's
// set writes (appended at the end of the file the first time).
const tcHeading = "## Traffic controller in scripts/bench: the v1 firehose against issue 13's targets (h-tc)"

// tcWorkloads are issue 13's traffic controller targets: loss and latency
// at 5,000/s, loss at 100,000/s, and a slow reader beside a fast one. Every
// workload has one firehose reader (its own subscription id) beside the
// rlp consumer the probe always has.
var tcWorkloads = []scenario{
	{Name: "tc-5k", What: "5,000/s, one emitter; one firehose reader (latency target: p99 under 20 ms)", Rate: 5_000, Emitters: 1, Firehose: true},
	{Name: "tc-100k", What: "100,000/s, two emitters; one firehose reader (target: no loss)", Rate: 100_000, Emitters: 2, Firehose: true},
	{Name: "tc-slow-5k", What: "5,000/s, one emitter; a firehose reader and, beside it, one that waits 1 ms after each frame (target: the fast one as in tc-5k)", Rate: 5_000, Emitters: 1, Firehose: true, FirehoseSlow: time.Millisecond},
	{Name: "tc-slow-100k", What: "100,000/s, two emitters; a firehose reader and, beside it, one that waits 1 ms after each frame (target: the fast one as in tc-100k)", Rate: 100_000, Emitters: 2, Firehose: true, FirehoseSlow: time.Millisecond},
}

// tcJob is the loggregator_trafficcontroller job for the bench, on port
// 8081 and metrics port 14827 (both moved up by portOffset), access control
// off, reading the routers of rlp's doppler link with the client identity.
// bin, when set, is the directory its binary is taken from (a before/after
// pair runs two builds of it on the same system).
func tcJob(rlp topology.Job, portOffset int, bin string) topology.Job {
	port, metrics := 8081+portOffset, 14827+portOffset
	links := map[string]boshtemplate.Link{}
	if l, ok := rlp.Links["doppler"]; ok {
		links["doppler"] = l
	}
	j := topology.Job{
		Name: "loggregator_trafficcontroller", Binary: "trafficcontroller", Config: "config/trafficcontroller.json",
		WaitFor: fmt.Sprintf("127.0.0.1:%d", port),
		Endpoints: map[string]string{
			"tc_url":     fmt.Sprintf("ws://127.0.0.1:%d", port),
			"tc_metrics": fmt.Sprintf("http://127.0.0.1:%d/metrics", metrics),
		},
		Properties: map[string]any{
			"loggregator": map[string]any{
				"outgoing_dropsonde_port": port,
				"tls": map[string]any{
					"ca_cert":           "((loggregator_ca.certificate))",
					"trafficcontroller": map[string]any{"cert": "((client.certificate))", "key": "((client.private_key))"},
				},
			},
			// Local runs only: no UAA or Cloud Controller here.
			"traffic_controller": map[string]any{"disable_access_control": true},
			"metron_endpoint":    map[string]any{"host": ""},
			"metrics":            map[string]any{"port": metrics},
		},
		Links: links,
	}
	if bin != "" {
		abs, err := filepath.Abs(bin)
		if err == nil {
			bin = abs
		}
		j.Bin = bin
	}
	return j
}

// tcMarkdown renders the traffic controller set's section: how it was
// measured, one row per workload (the firehose reader's loss and latency,
// the slow reader's, the rlp consumer's loss beside them, and the traffic
// controller's CPU), and the runs in full.
func tcMarkdown(results []result, idles []idle, o options, command, load string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Command: `%s`\n", command)
	fmt.Fprintf(&b, "Machine: %s; %s; commit %s; load average (1/5/15 min) %s at the start and %s at the end\n"+
		"(the machine is shared, so other work competes for the 2 cores: read these as loaded figures). Each workload sends for %v.\n",
		machine(), time.Now().UTC().Format("2006-01-02"), commit(), load, loadavg(), o.duration)
	if o.tcBin != "" {
		fmt.Fprintf(&b, "The traffic controller binary: %s.\n", o.tcBin)
	}
	b.WriteString("\nThe real processes of manifests/local.yml (agent, router, rlp) plus `loggregator_trafficcontroller` rendered from its job\n" +
		"templates (access control off, plain websocket); the loss probe emits numbered envelopes into the agent and reads them back\n" +
		"through the rlp and through a gorilla websocket on `/firehose/{subscription_id}` (each v1 frame's tags give the\n" +
		"emitter and sequence number). Latency is from the envelope's timestamp to its arrival at the reader. CPU is\n" +
		"the traffic controller's over the run (first send to end of drain) per envelope delivered, and as a share of a core.\n" +
		"\"dropped\" is what each component's dropped counters (every direction and reason) grew by over the workload:\n" +
		"where the losses were (a slow reader's own drops are in the traffic controller's figure too).\n")
	b.WriteString(probeLayout(o.emitterProcess) + "\n")
	b.WriteString("| workload | offered/s | firehose: lost | p50 ms | p99 ms | slow reader: lost | rlp: lost | dropped in router / rlp / traffic controller | traffic controller µs/env | % of a core | probe % of a core |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		p := r.Report
		fh := p.Paths["firehose"]
		slow := "–"
		if s, ok := p.Paths["firehose_slow"]; ok {
			slow = fmt.Sprintf("%.2f %%", s.LossPercent)
		}
		tc := p.Processes["trafficcontroller"]
		fmt.Fprintf(&b, "| %s | %s | %.3f %% (%d) | %.2f | %.2f | %s | %.3f %% | %s / %s / %s | %.2f | %.1f | %.1f |\n",
			r.Scenario.Name, num(p.OfferedPS), fh.LossPercent, fh.Lost, fh.LatencyMsP50, fh.LatencyMsP99,
			slow, p.Paths["rlp"].LossPercent, num(r.Dropped["router"]), num(r.Dropped["rlp"]), num(r.Dropped["trafficcontroller"]),
			usPerEnv(tc, fh.Received), cpuPct(p, tc), cpuPct(p, probeCost(p.Processes)))
	}
	b.WriteString("\nWorkloads:\n")
	for _, r := range results {
		fmt.Fprintf(&b, "- `%s`: %s\n", r.Scenario.Name, r.Scenario.What)
	}
	if len(idles) > 0 {
		b.WriteString("\nIdle CPU after the workloads:")
		for _, i := range idles {
			fmt.Fprintf(&b, " %s %.0f ms;", i.Component, i.CPUms)
		}
		fmt.Fprintf(&b, " over %.0f s.\n", idles[0].Seconds)
	}
	return b.String()
}

// usPerEnv is a process's CPU µs per envelope of n.
func usPerEnv(p lossprobe.ProcessReport, n uint64) float64 {
	if n == 0 {
		return 0
	}
	return p.CPUSeconds * 1e6 / float64(n)
}
