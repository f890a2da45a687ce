package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The two sets of workloads: the end-to-end set (the default) and issue 15's.
const (
	setEndToEnd = "end-to-end"
	setIssue    = "issue"
)

// issueWorkloads are the workloads of issue 15's tables, in the order the
// issue gives them; each carries the groups --only also accepts. The rate
// sweep (group "sweep") is added by sweepPlan.
var issueWorkloads = []scenario{
	{Name: "unary-1k", What: "1,000/s, one envelope per unary Send, one emitter", Rate: 1_000, Emitters: 1, Mode: "unary", BatchSize: 1},
	{Name: "rate-100k-4", What: "100,000/s from four BatchSender emitters of 25,000/s", Rate: 100_000, Emitters: 4},
	{Name: "sat-1", What: "flat out, one BatchSender emitter", Rate: 0, Emitters: 1},
	{Name: "sat-4", What: "flat out, four BatchSender emitters", Rate: 0, Emitters: 4},
	{Name: "gw-50k", What: "50,000/s, two emitters; one SSE reader on the gateway beside the rlp consumer", Rate: 50_000, Emitters: 2, Readers: 1},
	{Name: "gw-flat", What: "flat out, one emitter; one SSE reader on the gateway beside the rlp consumer", Rate: 0, Emitters: 1, Readers: 1},
	{Name: "gw-20k-x10", What: "20,000/s, two emitters; ten SSE readers on the gateway, each its own shard id", Rate: 20_000, Emitters: 2, Readers: 10},
	{Name: "gw-5k", What: "5,000/s, one emitter; one SSE reader on the gateway", Rate: 5_000, Emitters: 1, Readers: 1},
	{Name: "ingress-batch-5k", What: "5,000/s, four emitters, BatchSender (batches of up to 100, flushed every 100 ms)", Rate: 5_000, Emitters: 4},
	{Name: "ingress-sender-5k", What: "5,000/s, four emitters, Sender (one envelope per message)", Rate: 5_000, Emitters: 4, Mode: "sender", BatchSize: 1},
	{Name: "ingress-unary-5k", What: "5,000/s, four emitters, unary Send (one envelope per call; one emitter's calls in a row do not reach 5,000/s on a loaded machine)", Rate: 5_000, Emitters: 4, Mode: "unary", BatchSize: 1},
}

// groups name several workloads of the issue set for --only.
var groups = map[string][]string{
	"gateway": {"gw-50k", "gw-flat", "gw-20k-x10", "gw-5k"},
	"ingress": {"ingress-batch-5k", "ingress-sender-5k", "ingress-unary-5k"},
	"sat":     {"sat-1", "sat-4"},
}

// sweepRates are the offered rates of the sweep; 0 is flat out.
var sweepRates = []int{1_000, 5_000, 20_000, 50_000, 100_000, 200_000, 0}

// sweepEmitters is how many BatchSender emitters offer each sweep rate, as
// at 100,000/s in the issue.
const sweepEmitters = 4

// sweepPlan is the rate sweep: one workload per offered rate, each sending
// for d, named sweep-1k … sweep-200k and sweep-flat.
func sweepPlan(rates []int, d time.Duration) []scenario {
	var out []scenario
	for _, r := range rates {
		name, what := "sweep-flat", "flat out"
		if r > 0 {
			name, what = fmt.Sprintf("sweep-%dk", r/1000), num(float64(r))+"/s"
			if r%1000 != 0 {
				name = fmt.Sprintf("sweep-%d", r)
			}
		}
		out = append(out, scenario{
			Name: name, What: fmt.Sprintf("rate sweep: %s from %d BatchSender emitters", what, sweepEmitters),
			Rate: r, Emitters: sweepEmitters, Duration: d,
		})
	}
	return out
}

// catalog is every workload of set, sweep included for the issue set.
func catalog(set string, sweepFor time.Duration) []scenario {
	switch set {
	case setIssue:
		return append(slices.Clone(issueWorkloads), sweepPlan(sweepRates, sweepFor)...)
	case setTC:
		return tcWorkloads
	}
	return endToEnd
}

// setFor is the set a command line runs: the issue's with --issue or when
// --only names one of its workloads or groups, else the end-to-end one.
func setFor(issue bool, only string) string {
	if issue {
		return setIssue
	}
	for _, n := range splitNames(only) {
		if n == setTC || findIn(tcWorkloads, n) >= 0 {
			return setTC
		}
		if _, ok := groups[n]; ok || n == "sweep" || n == setIssue || findIn(catalog(setIssue, time.Second), n) >= 0 {
			return setIssue
		}
	}
	return setEndToEnd
}

// selectPlan is the workloads of set that only names (all when only is
// empty), in the set's order. A name that is neither a workload nor a
// group of the set is an error that lists what there is.
func selectPlan(set, only string, sweepFor time.Duration) ([]scenario, error) {
	all := catalog(set, sweepFor)
	names := splitNames(only)
	if len(names) == 0 {
		return all, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		switch {
		case n == set:
			for _, sc := range all {
				want[sc.Name] = true
			}
		case n == "sweep" && set == setIssue:
			for _, sc := range sweepPlan(sweepRates, sweepFor) {
				want[sc.Name] = true
			}
		case groups[n] != nil && set == setIssue:
			for _, g := range groups[n] {
				want[g] = true
			}
		case findIn(all, n) >= 0:
			want[n] = true
		default:
			return nil, fmt.Errorf("--only: %q is not a workload or group of the %s set (scripts/bench --list shows them; the two sets do not mix in one run)", n, set)
		}
	}
	var out []scenario
	for _, sc := range all {
		if want[sc.Name] {
			out = append(out, sc)
		}
	}
	return out, nil
}

func splitNames(only string) []string {
	var out []string
	for n := range strings.SplitSeq(only, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func findIn(plan []scenario, name string) int {
	return slices.IndexFunc(plan, func(sc scenario) bool { return sc.Name == name })
}

// listing is the text of --list.
func listing() string {
	var b strings.Builder
	b.WriteString("end-to-end set (the default; written into \"## End to end\"):\n")
	for _, sc := range endToEnd {
		fmt.Fprintf(&b, "  %-18s %s\n", sc.Name, sc.What)
	}
	fmt.Fprintf(&b, "issue set (--issue, or --only with these names; written under %q and docs/knee.svg):\n", issueHeading)
	for _, sc := range catalog(setIssue, 5*time.Second) {
		fmt.Fprintf(&b, "  %-18s %s\n", sc.Name, sc.What)
	}
	fmt.Fprintf(&b, "traffic controller set (--tc, or --only with these names; written under %q):\n", tcHeading)
	for _, sc := range tcWorkloads {
		fmt.Fprintf(&b, "  %-18s %s\n", sc.Name, sc.What)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.WriteString("groups of the issue set: issue (all), sweep")
	for _, k := range keys {
		fmt.Fprintf(&b, ", %s (%s)", k, strings.Join(groups[k], ", "))
	}
	b.WriteString("\n")
	return b.String()
}
