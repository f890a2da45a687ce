// Command bench runs the end-to-end benchmarks for scripts/bench.
//
// It starts the local topology of manifests/local.yml (agent, router, rlp;
// the gateway with --gateway or when a workload reads through it) from job
// templates rendered with throw-away certificates, runs named workloads with
// the lossprobe binary against it, measures each component's idle CPU, and
// writes the figures as Markdown into docs/benchmarks.md (and raw JSON to
// tmp/bench/results.json). There are two sets: the end-to-end one (the
// default, into "## End to end") and issue 15's (--issue: its tables' rows
// against its targets, and a sweep of offered rate drawn into
// docs/knee.svg). Figures are measurements, never pass/fail: the command
// fails only when the system cannot be started or a probe cannot run.
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
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
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
	// StopRouter stops the (first) router with SIGSTOP a third into the
	// run, its connections up and nothing read, and continues it after
	// the run: a wedged router the agents must leave on their own.
	StopRouter bool
	// MinRouters is how many routers the workload needs (--routers): the
	// default set leaves it out with fewer, and --only naming it is an
	// error, rather than a run whose only router is killed or stopped.
	MinRouters int `json:",omitempty"`
	// StayDown leaves the killed router down until the run ends, so a
	// restarted router's own losses (agents reaching it before the rlp
	// has subscribed) stay out of the figure.
	StayDown bool
	// Mode is the probe's ingress mode ("" is the probe's default, batch)
	// and BatchSize its most envelopes per Send (0 is the default, 100).
	Mode      string `json:",omitempty"`
	BatchSize int    `json:",omitempty"`
	// Readers, when positive, reads through the gateway as well: this many
	// SSE readers, each with its own shard id.
	Readers int `json:",omitempty"`
	// Firehose adds a reader of the traffic controller's v1 websocket
	// firehose (the tc set), and FirehoseSlow, when positive, a second one
	// beside it that waits this long after each frame.
	Firehose     bool          `json:",omitempty"`
	FirehoseSlow time.Duration `json:",omitempty"`
	// Duration overrides the run's --duration when set (the sweep's points
	// are shorter).
	Duration time.Duration `json:",omitempty"`
}

// endToEnd is the default set, written into "## End to end".
var endToEnd = []scenario{
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
	{Name: "router-restart-2", What: "as router-restart, with a gateway reader beside the rlp consumer: two subscriptions on every router, each re-dialed on its own", Rate: 10_000, Emitters: 1, KillRouter: true, Readers: 1},
	{Name: "router-kill-20k", What: "20,000/s; the (first) router is killed (SIGKILL) a third in and stays down (run with --routers 2)", Rate: 20_000, Emitters: 1, KillRouter: true, StayDown: true, MinRouters: 2},
	{Name: "router-stop-20k", What: "20,000/s; the (first) router is stopped (SIGSTOP) a third in, its connections up, and continued after the run (run with --routers 2)", Rate: 20_000, Emitters: 1, StopRouter: true, MinRouters: 2},
}

type result struct {
	Scenario scenario          `json:"scenario"`
	Report   *lossprobe.Report `json:"report"`
	Exit     int               `json:"exit"`
	// Dropped is, for the tc set, what each component counted in dropped
	// over the workload, by component, so the losses can be placed.
	Dropped map[string]float64 `json:"dropped,omitempty"`
}

type idle struct {
	Component string  `json:"component"`
	CPUms     float64 `json:"cpu_ms"`
	Seconds   float64 `json:"seconds"`
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// The drain set (--drain) and its emitter and receiver roles have
	// their own flags; see drain.go and drainroles.go.
	role, err := runRole(ctx, os.Args[1:])
	if !role {
		if i := slices.Index(os.Args, "--drain"); i > 0 {
			role, err = true, runDrainSet(ctx, slices.Delete(slices.Clone(os.Args[1:]), i-1, i))
		}
	}
	if role {
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "bench: %v\n", err)
			os.Exit(1)
		}
		return
	}
	o, err := parseArgs(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(2)
	}
	if err := run(ctx, o); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

// options are the command line of the bench.
type options struct {
	repo, bin      string
	duration, idle time.Duration
	sweepFor       time.Duration
	gateway, write bool
	emitterProcess bool
	routers        int
	portOffset     int
	issue          bool
	tc             bool   // the traffic controller's set
	tcBin          string // where the traffic controller's binary is taken from; "" is --bin
	plan           []scenario
	// skipped names the workloads of the set left out, and why.
	skipped []string
	args    string // the flags as the user gave them, without --repo and --bin
}

// parseArgs reads the command line. --issue (or an --only that names an
// issue-15 workload) picks the issue's set instead of the end-to-end one;
// --only narrows either set by workload or group name, and an unknown name
// is an error.
func parseArgs(args []string) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	repo := fs.String("repo", ".", "repository root")
	bin := fs.String("bin", "tmp/bench/bin", "directory holding the built binaries")
	quick := fs.Bool("quick", false, "a smoke run: 3 s workloads (2 s sweep points), 5 s idle; docs are not written")
	duration := fs.Duration("duration", 10*time.Second, "how long each workload sends")
	sweepFor := fs.Duration("sweep-duration", 5*time.Second, "how long each point of the issue set's rate sweep sends")
	idleFor := fs.Duration("idle", 0, "how long idle CPU is measured (default 30 s; 10 s with --tc)")
	only := fs.String("only", "", "comma-separated workload or group names to run (default all of the set; see --list)")
	issue := fs.Bool("issue", false, "run issue 15's workloads (the 1,000/s unary, 100,000/s, saturation, gateway, ingress modes and the rate sweep) and write their section and docs/knee.svg")
	list := fs.Bool("list", false, "list the workloads and groups and exit")
	tc := fs.Bool("tc", false, "run the traffic controller's workloads (the v1 websocket firehose at 5,000/s and 100,000/s, and a slow reader beside a fast one) and write their section")
	tcBin := fs.String("tc-bin", "", "with --tc: the directory holding the trafficcontroller binary to measure (default --bin), for before/after pairs")
	gateway := fs.Bool("gateway", false, "also start the gateway (the issue set's gateway workloads start it anyway)")
	routers := fs.Int("routers", 1, "how many routers to run")
	portOffset := fs.Int("port-offset", 0, "move every port of manifests/local.yml up by this much, to run beside scripts/run-local")
	emitterProcess := fs.Bool("emitter-process", true, "run the probe's emitters in a process of their own, so flat-out emitters do not take the consumer's turns on the probe's threads (false: as goroutines beside it, as before)")
	write := fs.Bool("write", true, "write the figures into docs/benchmarks.md (and docs/knee.svg for the sweep)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		return options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *list {
		fmt.Print(listing())
		return options{}, flag.ErrHelp
	}
	if *routers < 1 {
		return options{}, errors.New("--routers: at least 1")
	}
	if *portOffset < 0 || *portOffset > 40000 {
		return options{}, errors.New("--port-offset: between 0 and 40000 (ports stay under 65536)")
	}
	if *duration <= 0 || *sweepFor <= 0 || *idleFor < 0 {
		return options{}, errors.New("--duration and --sweep-duration must be positive, --idle not negative")
	}
	o := options{
		repo: *repo, bin: *bin, duration: *duration, sweepFor: *sweepFor, idle: *idleFor,
		gateway: *gateway, routers: *routers, portOffset: *portOffset, write: *write,
		emitterProcess: *emitterProcess,
	}
	set := setFor(*issue, *only)
	if *tc {
		set = setTC
	}
	o.issue = set == setIssue
	o.tc, o.tcBin = set == setTC, *tcBin
	if o.tc && *issue {
		return options{}, errors.New("--tc and --issue are two sets; run them one at a time")
	}
	if *quick {
		o.duration, o.sweepFor, o.idle, o.write = 3*time.Second, 2*time.Second, 5*time.Second, false
	}
	if o.idle == 0 {
		// The components' periodic work (their own metrics, keepalive
		// pings) comes every 15 s, so a window under 30 s may hold one
		// round of it or none: the issue set's idle target (under 0.1 %
		// of a core) needs the 30 s.
		o.idle = 30 * time.Second
		if o.tc {
			o.idle = 10 * time.Second
		}
	}
	plan, err := selectPlan(set, *only, o.sweepFor)
	if err != nil {
		return options{}, err
	}
	for _, sc := range plan {
		switch {
		case sc.MinRouters <= o.routers:
			o.plan = append(o.plan, sc)
		case *only != "":
			return options{}, fmt.Errorf("--only: %s needs --routers %d", sc.Name, sc.MinRouters)
		default:
			o.skipped = append(o.skipped, fmt.Sprintf("%s (needs --routers %d)", sc.Name, sc.MinRouters))
		}
	}
	for _, sc := range o.plan {
		if sc.Readers > 0 {
			o.gateway = true
		}
	}
	var given []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "repo" && f.Name != "bin" {
			given = append(given, "--"+f.Name+"="+f.Value.String())
		}
	})
	o.args = strings.Join(given, " ")
	return o, nil
}

func run(ctx context.Context, o options) error {
	repo, err := filepath.Abs(o.repo)
	if err != nil {
		return err
	}
	bin := o.bin
	if !filepath.IsAbs(bin) {
		bin = filepath.Join(repo, bin)
	}
	load := loadavg()
	work := filepath.Join(repo, "tmp", "bench")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	sys, err := startSystem(ctx, repo, bin, work, o.gateway, o.routers, o.portOffset, o.tc, o.tcBin)
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
	fmt.Printf("%d workload(s), about %v in all\n", len(o.plan), estimate(o.plan, o.duration, o.idle).Round(time.Second))
	if len(o.skipped) > 0 {
		fmt.Printf("left out: %s\n", strings.Join(o.skipped, ", "))
	}

	var results []result
	began := time.Now()
	for i, sc := range o.plan {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d := o.duration
		if sc.Duration > 0 {
			d = sc.Duration
		}
		fmt.Printf("\n== [%d/%d, %v elapsed, about %v left] %s: %s, %v\n", i+1, len(o.plan),
			time.Since(began).Round(time.Second), estimate(o.plan[i:], o.duration, o.idle).Round(time.Second), sc.Name, sc.What, d)
		r, err := runScenario(ctx, sys, sc, d, work, o.emitterProcess)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.Name, err)
		}
		results = append(results, r)
	}
	// Idle last, so it also shows that nothing keeps spinning after load.
	fmt.Printf("\nmeasuring idle CPU for %v\n", o.idle)
	sleep(ctx, 2*time.Second)
	idles, err := measureIdle(ctx, sys, o.idle)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(work, "results.json"), map[string]any{"results": results, "idle": idles}); err != nil {
		return err
	}
	command := strings.TrimSpace("scripts/bench " + o.args)
	heading, md := "## End to end", ""
	switch {
	case o.issue:
		heading = issueHeading
		md = issueMarkdown(results, idles, o, command, load)
	case o.tc:
		heading = tcHeading
		md = tcMarkdown(results, idles, o, command, load)
	default:
		md = markdown(results, idles, o.duration, o.idle, command, load, o.routers, o.emitterProcess)
	}
	fmt.Println()
	fmt.Print(md)
	svg := sweepPoints(results)
	if o.write && len(svg) > 1 {
		path := filepath.Join(repo, "docs", "knee.svg")
		if err := writeKnee(path, svg, "scripts/bench --issue, "+time.Now().UTC().Format("2006-01-02")+", load "+load); err != nil {
			return err
		}
		fmt.Printf("wrote %s\n", path)
	}
	if !o.write {
		return nil
	}
	return replaceSection(filepath.Join(repo, "docs", "benchmarks.md"), heading, md)
}

// estimate is how long plan takes: each workload's sending, about 4 s of
// warm-up and drain around it, and the idle measurement.
func estimate(plan []scenario, duration, idle time.Duration) time.Duration {
	total := idle + 2*time.Second
	for _, sc := range plan {
		d := duration
		if sc.Duration > 0 {
			d = sc.Duration
		}
		total += d + 4*time.Second
	}
	return total
}

// runScenario runs the lossprobe binary once with a config written for sc.
func runScenario(ctx context.Context, sys *topology.System, sc scenario, duration time.Duration, work string, emitterProcess bool) (result, error) {
	cfg := lossprobe.DefaultConfig()
	cfg.EmitterProcess = emitterProcess
	ep := sys.Endpoints()
	id := mtls.Files{CA: ep.CA, Cert: ep.ClientCert, Key: ep.ClientKey}
	cfg.SourceID = "bench-" + sc.Name
	cfg.Ingress.Addr, cfg.Ingress.TLS = ep.Endpoints["agent_ingress"], id
	cfg.Egress.Addr, cfg.Egress.TLS = ep.Endpoints["rlp_egress"], id
	cfg.Rate, cfg.Emitters = sc.Rate, sc.Emitters
	if sc.Mode != "" {
		cfg.IngressMode = sc.Mode
	}
	if sc.BatchSize > 0 {
		cfg.BatchSize = sc.BatchSize
	}
	if sc.Firehose {
		cfg.Firehose = lossprobe.FirehoseConfig{URL: ep.Endpoints["tc_url"], SlowReaderDelay: config.Duration(sc.FirehoseSlow)}
	}
	if sc.Readers > 0 {
		u, err := url.Parse(ep.Endpoints["gateway_url"])
		if err != nil {
			return result{}, fmt.Errorf("the gateway's URL: %w", err)
		}
		if u.Host == "" {
			return result{}, fmt.Errorf("the gateway's URL %q has no host", ep.Endpoints["gateway_url"])
		}
		cfg.Gateway = lossprobe.GatewayConfig{URL: u.Scheme + "://" + u.Host, CAFile: ep.CA, Readers: sc.Readers}
	}
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
			// What the router holds when it dies: its buffers (ingress and
			// every subscriber's) in bytes, beside what it took and sent.
			printRouterHeld(ctx, sys.Endpoints().Endpoints["router_metrics"])
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

	if sc.StopRouter {
		router := sys.Proc("doppler")
		// The pause is cancelled if the probe ends first, so the router is
		// never left stopped for the next scenario.
		pauseCtx, cancelPause := context.WithCancel(ctx)
		paused := make(chan struct{})
		go func() {
			defer close(paused)
			if sleep(pauseCtx, duration/3+500*time.Millisecond) {
				fmt.Println("   stopping the router (SIGSTOP)")
				router.Pause()
			}
		}()
		defer func() {
			cancelPause()
			<-paused
			router.Continue()
			fmt.Println("   router continued (SIGCONT)")
		}()
	}

	dropsBefore := droppedByComponent(ctx, sys)
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
	if sc.StopRouter {
		printAgentLoss(ctx, sys.Endpoints().Endpoints["agent_metrics"])
	}
	if sc.KillRouter {
		// What the agent counted for the break, beside what the probe missed,
		// and every other drop counted on the way: the agent's ingress, the
		// surviving routers and the rlp.
		eps := sys.Endpoints().Endpoints
		printAgentLoss(ctx, eps["agent_metrics"])
		for i, url := range extraRouterMetrics(sys) {
			printDrops(ctx, fmt.Sprintf("router-%d", i+1), url)
		}
		printDrops(ctx, "rlp", eps["rlp_metrics"])
		// Wait for the restarted router before the next scenario.
		if err := sleepUntilListening(ctx, sys.Proc("doppler")); err != nil {
			return result{}, err
		}
	}
	res := result{Scenario: sc, Report: rep, Exit: exit, Dropped: map[string]float64{}}
	for name, n := range droppedByComponent(ctx, sys) {
		res.Dropped[name] = increase(dropsBefore[name], n)
	}
	fmt.Printf("   dropped over the run: %v\n", res.Dropped)
	return res, nil
}

// increase is what a counter read as before and then after grew by. A
// counter that went down belongs to a process that restarted meanwhile (the
// router of router-restart), whose count began again at zero: it grew by
// after, as Prometheus's increase() takes it; what the process counted
// before it died is gone with it.
func increase(before, after float64) float64 {
	if after < before {
		return after
	}
	return after - before
}

// droppedByComponent sums the dropped counters (every direction and
// reason) of the agent, the routers (all of them under "router"), the rlp,
// the gateway and the traffic controller, those that run.
func droppedByComponent(ctx context.Context, sys *topology.System) map[string]float64 {
	eps := sys.Endpoints().Endpoints
	out := map[string]float64{}
	for name, key := range map[string]string{"agent": "agent_metrics", "router": "router_metrics", "rlp": "rlp_metrics", "gateway": "gateway_metrics", "trafficcontroller": "tc_metrics"} {
		if url := eps[key]; url != "" {
			out[name] = droppedSum(ctx, url)
		}
	}
	for _, url := range extraRouterMetrics(sys) {
		out["router"] += droppedSum(ctx, url)
	}
	return out
}

// extraRouterMetrics are the metrics URLs of the routers beyond the first
// (doppler-1, doppler-2, …): the first's port plus 10 per router, as
// extraRouter places them.
func extraRouterMetrics(sys *topology.System) []string {
	var out []string
	for i := 1; sys.Proc(fmt.Sprintf("doppler-%d", i)) != nil; i++ {
		url, ok := shiftPort(sys.Endpoints().Endpoints["router_metrics"], 10*i)
		if !ok {
			break
		}
		out = append(out, url)
	}
	return out
}

// droppedSum is the sum of the dropped samples on the /metrics page at url
// (0 when it cannot be read).
func droppedSum(ctx context.Context, url string) float64 {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	defer func() { _ = resp.Body.Close() }()
	var sum float64
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "dropped{") {
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
				sum += v
			}
		}
	}
	return sum
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
		switch {
		case strings.HasPrefix(line, `dropped{direction="egress"`) || strings.HasPrefix(line, "router_resent_envelopes") || strings.HasPrefix(line, "router_acked_streams") || strings.HasPrefix(line, "router_ack_timeouts"):
			fmt.Println("   agent " + line)
		case strings.HasPrefix(line, "dropped{") && !strings.HasSuffix(line, " 0"):
			fmt.Println("   agent " + line)
		}
	}
}

// printDrops prints the dropped counters of the component at url that are
// not zero, and a router's ingress_held_* (acknowledged batches it held
// back for room) when not zero.
func printDrops(ctx context.Context, name, url string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Printf("   %s metrics: %v\n", name, err)
		return
	}
	defer func() { _ = resp.Body.Close() }()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if (strings.HasPrefix(line, "dropped{") || strings.HasPrefix(line, "ingress_held_")) && !strings.HasSuffix(line, " 0") {
			fmt.Println("   " + name + " " + line)
		}
	}
}

// printRouterHeld prints the router's buffer_bytes, ingress and egress.
func printRouterHeld(ctx context.Context, url string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	defer func() { _ = resp.Body.Close() }()
	var held []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "buffer_bytes ") || strings.HasPrefix(line, "ingress ") || strings.HasPrefix(line, "egress ") {
			held = append(held, line)
		}
	}
	fmt.Println("   router before the kill: " + strings.Join(held, ", "))
}

// shiftPort returns url with its port moved up by by.
func shiftPort(url string, by int) (string, bool) {
	i := strings.LastIndex(url, ":")
	if i < 0 {
		return "", false
	}
	j := i + 1
	for j < len(url) && url[j] >= '0' && url[j] <= '9' {
		j++
	}
	port, err := strconv.Atoi(url[i+1 : j])
	if err != nil {
		return "", false
	}
	return url[:i+1] + strconv.Itoa(port+by) + url[j:], true
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
		secs, err := lossprobe.CPUSeconds(p.PID())
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
		secs, err := lossprobe.CPUSeconds(p.PID())
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
