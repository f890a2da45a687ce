// Command bench runs the end-to-end benchmarks for scripts/bench.
//
// It starts the local topology of manifests/local.yml (agent, router, rlp;
// the gateway with --gateway) from job templates rendered with throw-away
// certificates, runs named scenarios with the lossprobe binary against it,
// measures each component's idle CPU, and writes the figures as Markdown
// into the "## End to end" section of docs/benchmarks.md (and raw JSON to
// tmp/bench/results.json). Figures are measurements, never pass/fail: the
// command fails only when the system cannot be started or a probe cannot run.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/lossprobe"
	"loggregator/internal/mtls"
	"loggregator/tools/topology"
)

// scenario is one named probe run.
type scenario struct {
	Name, What string
	Rate       int
	Emitters   int
	Types      []string
	SlowDelay  time.Duration
	// KillRouter kills the router a third into the run and restarts it a
	// second later (after the run when StayDown).
	KillRouter bool
	// StayDown leaves the killed router down until the run ends, so a
	// restarted router's own losses (agents reaching it before the rlp
	// has subscribed) stay out of the figure.
	StayDown bool
}

var scenarios = []scenario{
	{Name: "rate-1k", What: "1,000/s, one emitter", Rate: 1_000, Emitters: 1},
	{Name: "rate-5k", What: "5,000/s, one emitter (latency target)", Rate: 5_000, Emitters: 1},
	{Name: "rate-10k", What: "10,000/s, one emitter", Rate: 10_000, Emitters: 1},
	{Name: "rate-50k", What: "50,000/s, one emitter", Rate: 50_000, Emitters: 1},
	{Name: "rate-100k", What: "100,000/s, two emitters", Rate: 100_000, Emitters: 2},
	{Name: "flat-1", What: "flat out, one emitter", Rate: 0, Emitters: 1},
	{Name: "flat-4", What: "flat out, four emitters", Rate: 0, Emitters: 4},
	{Name: "slow-consumer", What: "10,000/s; a second consumer takes one batch per 50 ms", Rate: 10_000, Emitters: 1, SlowDelay: 50 * time.Millisecond},
	{Name: "mix", What: "10,000/s of logs, counters and gauges in turn", Rate: 10_000, Emitters: 1, Types: []string{"log", "counter", "gauge"}},
	{Name: "router-restart", What: "10,000/s; the (first) router is killed a third in and restarted 1 s later", Rate: 10_000, Emitters: 1, KillRouter: true},
	{Name: "router-kill-20k", What: "20,000/s; the (first) router is killed (SIGKILL) a third in and stays down (run with --routers 2)", Rate: 20_000, Emitters: 1, KillRouter: true, StayDown: true},
}

type result struct {
	Scenario scenario          `json:"scenario"`
	Report   *lossprobe.Report `json:"report"`
	Exit     int               `json:"exit"`
}

type idle struct {
	Component string  `json:"component"`
	CPUms     float64 `json:"cpu_ms"`
	Seconds   float64 `json:"seconds"`
}

func main() {
	repo := flag.String("repo", ".", "repository root")
	bin := flag.String("bin", "tmp/bench/bin", "directory holding the built binaries")
	quick := flag.Bool("quick", false, "a smoke run: 3 s scenarios, 5 s idle; docs/benchmarks.md is not written")
	duration := flag.Duration("duration", 10*time.Second, "how long each scenario sends")
	idleFor := flag.Duration("idle", 30*time.Second, "how long idle CPU is measured")
	only := flag.String("only", "", "comma-separated scenario names to run (default all)")
	gateway := flag.Bool("gateway", false, "also start the gateway")
	routers := flag.Int("routers", 1, "how many routers to run")
	write := flag.Bool("write", true, "write the figures into docs/benchmarks.md")
	flag.Parse()
	if *quick {
		*duration, *idleFor, *write = 3*time.Second, 5*time.Second, false
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *repo, *bin, *duration, *idleFor, *only, *gateway, *routers, *write, userArgs()); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

// userArgs are the flags as the user gave them to scripts/bench, without
// the --repo and --bin that the script adds.
func userArgs() string {
	var out []string
	flag.Visit(func(f *flag.Flag) {
		if f.Name != "repo" && f.Name != "bin" {
			out = append(out, "--"+f.Name+"="+f.Value.String())
		}
	})
	return strings.Join(out, " ")
}

func run(ctx context.Context, repo, bin string, duration, idleFor time.Duration, only string, gateway bool, routers int, write bool, args string) error {
	repo, err := filepath.Abs(repo)
	if err != nil {
		return err
	}
	if !filepath.IsAbs(bin) {
		bin = filepath.Join(repo, bin)
	}
	load := loadavg()
	work := filepath.Join(repo, "tmp", "bench")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	sys, err := startSystem(ctx, repo, bin, work, gateway, routers)
	if sys != nil {
		defer sys.Stop()
	}
	if err != nil {
		return err
	}
	var names []string
	for _, p := range sys.Procs() {
		names = append(names, p.Job.Name)
	}
	fmt.Printf("started %s; logs in %s\n", strings.Join(names, ", "), filepath.Join(work, "logs"))

	var results []result
	for _, sc := range scenarios {
		if only != "" && !contains(strings.Split(only, ","), sc.Name) {
			continue
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		fmt.Printf("\n== %s: %s, %v\n", sc.Name, sc.What, duration)
		r, err := runScenario(ctx, sys, sc, duration, work)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.Name, err)
		}
		results = append(results, r)
	}
	// Idle last, so it also shows that nothing keeps spinning after load.
	fmt.Printf("\nmeasuring idle CPU for %v\n", idleFor)
	sleep(ctx, 2*time.Second)
	idles, err := measureIdle(ctx, sys, idleFor)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(work, "results.json"), map[string]any{"results": results, "idle": idles}); err != nil {
		return err
	}
	md := markdown(results, idles, duration, idleFor, strings.TrimSpace("scripts/bench "+args), load, routers)
	fmt.Println()
	fmt.Print(md)
	if !write {
		return nil
	}
	return replaceSection(filepath.Join(repo, "docs", "benchmarks.md"), "## End to end", md)
}

func contains(s []string, v string) bool {
	for _, e := range s {
		if strings.TrimSpace(e) == v {
			return true
		}
	}
	return false
}

// runScenario runs the lossprobe binary once with a config written for sc.
func runScenario(ctx context.Context, sys *topology.System, sc scenario, duration time.Duration, work string) (result, error) {
	cfg := lossprobe.DefaultConfig()
	ep := sys.Endpoints()
	id := mtls.Files{CA: ep.CA, Cert: ep.ClientCert, Key: ep.ClientKey}
	cfg.SourceID = "bench-" + sc.Name
	cfg.Ingress.Addr, cfg.Ingress.TLS = ep.Endpoints["agent_ingress"], id
	cfg.Egress.Addr, cfg.Egress.TLS = ep.Endpoints["rlp_egress"], id
	cfg.Rate, cfg.Emitters = sc.Rate, sc.Emitters
	cfg.Duration = config.Duration(duration)
	cfg.DrainTimeout = config.Duration(5 * time.Second)
	cfg.MaxLossPercent = 100 // a benchmark measures; it never fails on a figure
	cfg.SlowConsumerDelay = config.Duration(sc.SlowDelay)
	if sc.Types != nil {
		cfg.EnvelopeTypes = sc.Types
	}
	cfg.PIDs = pids(sys)
	path := filepath.Join(work, "lossprobe-"+sc.Name+".json")
	if err := writeJSON(path, cfg); err != nil {
		return result{}, err
	}

	if sc.KillRouter {
		router := sys.Proc("doppler")
		// The probe warms up for a moment before it sends; a third of the
		// sending time plus that is close enough to "a third in".
		go func() {
			if !sleep(ctx, duration/3+500*time.Millisecond) {
				return
			}
			fmt.Println("   killing the router")
			router.Kill()
			if sc.StayDown || !sleep(ctx, time.Second) {
				return
			}
			if err := router.Start(ctx); err != nil {
				fmt.Printf("   router restart failed: %v\n", err)
				return
			}
			fmt.Println("   router restarted")
		}()
	}

	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, filepath.Join(sys.Bin, "lossprobe"), "--config", path)
	cmd.Stdout = &out
	logPath := filepath.Join(work, "logs", "lossprobe-"+sc.Name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return result{}, err
	}
	defer func() { _ = logFile.Close() }()
	cmd.Stderr = logFile
	err = cmd.Run()
	exit := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		exit = exitErr.ExitCode()
	} else if err != nil {
		return result{}, err
	}
	fmt.Print(indent(out.String()))
	rep, err := lastJSON(out.Bytes())
	if err != nil {
		return result{}, fmt.Errorf("lossprobe exited %d without a report (see %s): %w", exit, logPath, err)
	}
	if sc.KillRouter {
		// What the agent counted for the break, beside what the probe missed.
		printAgentLoss(ctx, sys.Endpoints().Endpoints["agent_metrics"])
		// Wait for the restarted router before the next scenario.
		if err := sleepUntilListening(ctx, sys.Proc("doppler")); err != nil {
			return result{}, err
		}
	}
	return result{Scenario: sc, Report: rep, Exit: exit}, nil
}

// printAgentLoss prints the agent's egress drop and re-send counters.
func printAgentLoss(ctx context.Context, url string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Printf("   agent metrics: %v\n", err)
		return
	}
	defer func() { _ = resp.Body.Close() }()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, `dropped{direction="egress"`) || strings.HasPrefix(line, "router_resent_envelopes") || strings.HasPrefix(line, "router_acked_streams") {
			fmt.Println("   agent " + line)
		}
	}
}

func sleepUntilListening(ctx context.Context, p *topology.Proc) error {
	if p.Running() {
		return nil
	}
	return p.Start(ctx)
}

func lastJSON(out []byte) (*lossprobe.Report, error) {
	var last []byte
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Bytes(); len(line) > 0 && line[0] == '{' {
			last = append(last[:0], line...)
		}
	}
	if last == nil {
		return nil, errors.New("no JSON line")
	}
	var r lossprobe.Report
	return &r, json.Unmarshal(last, &r)
}

func indent(s string) string {
	return "   " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n   ") + "\n"
}

// measureIdle samples each component's CPU time over d with no traffic.
func measureIdle(ctx context.Context, sys *topology.System, d time.Duration) ([]idle, error) {
	before := map[string]float64{}
	for _, p := range sys.Procs() {
		secs, err := cpuSeconds(p.PID())
		if err != nil {
			return nil, err
		}
		before[p.Job.Name] = secs
	}
	start := time.Now()
	if !sleep(ctx, d) {
		return nil, ctx.Err()
	}
	var out []idle
	for _, p := range sys.Procs() {
		secs, err := cpuSeconds(p.PID())
		if err != nil {
			return nil, err
		}
		out = append(out, idle{Component: short(p.Job.Name), CPUms: (secs - before[p.Job.Name]) * 1000, Seconds: time.Since(start).Seconds()})
	}
	return out, nil
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
