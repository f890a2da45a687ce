package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/lossprobe"
	"loggregator/internal/syslogagent"
)

// drainScenario is one run of the drain set: a syslog agent with Healthy
// syslog-tls aggregate drains that count what they receive and Holes that
// complete the TLS handshake and never read, fed by one emitter process.
type drainScenario struct {
	Name, What string
	// Rate is envelopes/s offered; 0 is flat out.
	Rate, Streams  int
	Healthy, Holes int
	Payload        int
	// Apps > 0 makes the drains app drains instead of aggregate ones:
	// the receiver serves bindings of Apps apps to the Holes+Healthy
	// drains (app i to drain i mod drains) as the binding cache does, and
	// the emitter spreads its logs over the apps, one each in turn.
	Apps            int
	SmallWindow     bool // the holes' connections get a 4 KiB receive buffer, so the kernel absorbs little
	MemoryLimitMiB  int  // 0 keeps the job's default
	BufferSize      int  // 0 keeps the job's default
	SampleResources bool
}

// drainPlan is the drain set (scripts/bench --drain).
var drainPlan = []drainScenario{
	{Name: "drain-tls-flat", What: "one syslog-tls drain, flat out, two emitter streams", Streams: 2, Healthy: 1, Payload: 200},
	{Name: "drain-tls-300k", What: "one syslog-tls drain, 300,000/s offered (issue 12's rate), two emitter streams", Rate: 300_000, Streams: 2, Healthy: 1, Payload: 200},
	{Name: "drain-tls-10x5k", What: "5,000/s to 10 syslog-tls drains and one that never reads", Rate: 5_000, Streams: 1, Healthy: 10, Holes: 1, Payload: 200},
	{Name: "drain-memory-1k", What: "1,000 syslog-tls drains that never read and one that does, 500/s of 1 KB logs to all of them", Rate: 500, Streams: 1, Healthy: 1, Holes: 1_000, Payload: 1_000, SampleResources: true},
	{Name: "drain-apps-10k", What: "20,000/s spread over 10,000 apps bound to 1,000 syslog-tls drains (ten apps each) from a bindings source, one drain never reads", Rate: 20_000, Streams: 1, Healthy: 999, Holes: 1, Apps: 10_000, Payload: 200},
	{Name: "drain-apps-holes-1k", What: "flat out, 4 KB logs spread over 10,000 apps bound to 1,000 syslog-tls drains that never read (4 KiB receive window) and one that does", Streams: 1, Healthy: 1, Holes: 1_000, Apps: 10_000, Payload: 4_000, SmallWindow: true, SampleResources: true},
}

// drainResult is what one drain scenario measured.
type drainResult struct {
	Scenario       string             `json:"scenario"`
	Sent           int64              `json:"sent"`
	DeliveredMin   int64              `json:"delivered_min"`   // by the healthy drain that got least
	SentPerDrain   float64            `json:"sent_per_drain"`  // what each drain was sent: Sent, or Sent/drains with apps
	DeliveredTotal int64              `json:"delivered_total"` // over every healthy drain
	Seconds        float64            `json:"seconds"`         // first send to the last frame counted
	AgentCPU       float64            `json:"agent_cpu_s"`
	EmitterCPU     float64            `json:"emitter_cpu_s"`
	CPUPerMsg      float64            `json:"agent_cpu_us_per_msg"` // over DeliveredTotal
	PeakRSSMiB     float64            `json:"peak_rss_mib"`         // VmHWM of the agent
	PeakBufferMiB  float64            `json:"peak_buffer_mib"`      // buffer_bytes sampled every 200 ms
	BudgetMiB      float64            `json:"budget_mib"`
	MemoryLimitMiB int                `json:"memory_limit_mib"`
	Dropped        map[string]float64 `json:"dropped"`         // dropped{direction="egress"} by reason
	HealthyDropped float64            `json:"healthy_dropped"` // syslog_drain_dropped of the healthy drains
}

// runDrainSet is scripts/bench --drain: the drain scenarios, each with its
// own syslog agent, emitter and receiver processes on ephemeral ports.
func runDrainSet(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench --drain", flag.ContinueOnError)
	repo := fs.String("repo", ".", "repository root")
	bin := fs.String("bin", "tmp/bench/bin", "directory holding the built binaries")
	agentBin := fs.String("agent-bin", "", "the syslog-agent binary to measure (default <bin>/syslog-agent), e.g. one built from another commit")
	only := fs.String("only", "", "comma-separated drain scenarios (default all)")
	duration := fs.Duration("duration", 10*time.Second, "how long the emitter sends")
	list := fs.Bool("list", false, "list the drain scenarios and exit")
	fs.Int("port-offset", 0, "accepted for scripts/bench's other sets; the drain set uses ephemeral ports")
	fs.Bool("write", false, "accepted; the drain set prints its table and writes tmp/bench/drain.json only")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *list {
		for _, sc := range drainPlan {
			fmt.Printf("%-18s %s\n", sc.Name, sc.What)
		}
		return nil
	}
	plan := drainPlan
	if *only != "" {
		plan = nil
		for _, name := range strings.Split(*only, ",") {
			i := slices.IndexFunc(drainPlan, func(sc drainScenario) bool { return sc.Name == name })
			if i < 0 {
				return fmt.Errorf("--only: no drain scenario %q (see --list)", name)
			}
			plan = append(plan, drainPlan[i])
		}
	}
	repoAbs, err := filepath.Abs(*repo)
	if err != nil {
		return err
	}
	binDir := *bin
	if !filepath.IsAbs(binDir) {
		binDir = filepath.Join(repoAbs, binDir)
	}
	if *agentBin == "" {
		*agentBin = filepath.Join(binDir, "syslog-agent")
	}
	work := filepath.Join(repoAbs, "tmp", "bench", "drain")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	load := loadavg()
	var results []drainResult
	for _, sc := range plan {
		fmt.Printf("== %s: %s, %v\n", sc.Name, sc.What, *duration)
		r, err := runDrainScenario(ctx, sc, *agentBin, work, *duration)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.Name, err)
		}
		results = append(results, r)
	}
	if err := writeJSON(filepath.Join(work, "drain.json"), results); err != nil {
		return err
	}
	fmt.Print(drainMarkdown(results, load))
	return nil
}

func drainMarkdown(rs []drainResult, load string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nload average before: %s\n\n", load)
	b.WriteString("| scenario | sent | delivered (least healthy drain) | msgs/s delivered (all drains) | agent CPU µs/msg | emitter CPU s | peak RSS MiB (limit) | peak buffer_bytes MiB (budget) | egress drops by reason | of them, healthy drains' |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rs {
		var drops []string
		for _, k := range slices.Sorted(mapKeys(r.Dropped)) {
			drops = append(drops, fmt.Sprintf("%s %.0f", k, r.Dropped[k]))
		}
		fmt.Fprintf(&b, "| %s | %d | %d (%.2f %%) | %.0f | %.2f | %.1f | %.0f (%d) | %.1f (%.0f) | %s | %.0f |\n",
			r.Scenario, r.Sent, r.DeliveredMin, 100*float64(r.DeliveredMin)/max(r.SentPerDrain, 1),
			float64(r.DeliveredTotal)/r.Seconds, r.CPUPerMsg, r.EmitterCPU, r.PeakRSSMiB, r.MemoryLimitMiB,
			r.PeakBufferMiB, r.BudgetMiB, strings.Join(drops, ", "), r.HealthyDropped)
	}
	return b.String()
}

func mapKeys(m map[string]float64) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// runDrainScenario starts the receiver, the agent and the emitter for sc,
// waits until the healthy drains stop receiving, and stops them.
func runDrainScenario(ctx context.Context, sc drainScenario, agentBin, work string, duration time.Duration) (drainResult, error) {
	res := drainResult{Scenario: sc.Name}
	dir, err := os.MkdirTemp(work, sc.Name+"-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	ids, err := certgen.Identities(dir, "metron", "client", "drain", "binding-cache", "syslog-agent")
	if err != nil {
		return res, err
	}
	self, err := os.Executable()
	if err != nil {
		return res, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// The receiver.
	recvArgs := []string{roleReceive, "--cert", ids["drain"].Cert, "--key", ids["drain"].Key, "--healthy", strconv.Itoa(sc.Healthy)}
	if sc.Apps > 0 {
		cache := ids["binding-cache"]
		recvArgs = append(recvArgs, "--apps", strconv.Itoa(sc.Apps), "--holes", strconv.Itoa(sc.Holes),
			"--bindings-ca", cache.CA, "--bindings-cert", cache.Cert, "--bindings-key", cache.Key)
	}
	if sc.SmallWindow {
		recvArgs = append(recvArgs, "--small-window")
	}
	recv := exec.CommandContext(ctx, self, recvArgs...)
	recvIn, err := recv.StdinPipe()
	if err != nil {
		return res, err
	}
	recvOut, err := recv.StdoutPipe()
	if err != nil {
		return res, err
	}
	recv.Stderr = os.Stderr
	if err := recv.Start(); err != nil {
		return res, err
	}
	defer func() { _ = recvIn.Close(); _ = recv.Wait() }() // the receiver ends when its input closes
	lines := bufio.NewScanner(recvOut)
	if !lines.Scan() {
		return res, errors.New("the receiver printed no addresses")
	}
	var addrs receiverAddrs
	if err := json.Unmarshal(lines.Bytes(), &addrs); err != nil {
		return res, fmt.Errorf("receiver: %w", err)
	}
	var mu sync.Mutex
	var counts []int64
	changed := time.Now()
	go func() {
		for lines.Scan() {
			var now []int64
			for _, f := range strings.Fields(lines.Text()) {
				n, _ := strconv.ParseInt(f, 10, 64) // the receiver writes only integers
				now = append(now, n)
			}
			mu.Lock()
			if !slices.Equal(now, counts) {
				counts, changed = now, time.Now()
			}
			mu.Unlock()
		}
	}()
	snapshot := func() ([]int64, time.Time) {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(counts), changed
	}

	// The agent.
	cfg := syslogagent.DefaultConfig()
	if cfg.Ingress.Addr, err = freeLoopback(); err != nil {
		return res, err
	}
	if cfg.Metrics.Addr, err = freeLoopback(); err != nil {
		return res, err
	}
	cfg.Ingress.TLS = ids["metron"]
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	cfg.Drains.CAFile = ids["drain"].CA
	if sc.MemoryLimitMiB > 0 {
		cfg.MemoryLimitMiB = sc.MemoryLimitMiB
	}
	if sc.BufferSize > 0 {
		cfg.Drains.BufferSize = sc.BufferSize
	}
	cfg.ShutdownTimeout = config.Duration(time.Second)
	if sc.Apps > 0 {
		cfg.BindingCache.URL = "https://" + addrs.Bindings
		cfg.BindingCache.TLS = ids["syslog-agent"]
	} else {
		for _, u := range append(healthyURLs(addrs.Healthy), holeURLs(addrs.Hole, sc.Holes)...) {
			cfg.AggregateDrains = append(cfg.AggregateDrains, syslogagent.AggregateDrain{URL: u})
		}
	}
	res.MemoryLimitMiB = cfg.MemoryLimitMiB
	data, err := json.Marshal(cfg)
	if err != nil {
		return res, err
	}
	cfgPath := filepath.Join(dir, "syslog-agent.json")
	if err := os.WriteFile(cfgPath, data, 0o600); err != nil {
		return res, err
	}
	logFile, err := os.Create(filepath.Join(work, sc.Name+".log"))
	if err != nil {
		return res, err
	}
	defer logFile.Close()
	agent := exec.CommandContext(ctx, agentBin, "--config", cfgPath)
	agent.Stdout, agent.Stderr = logFile, logFile
	if err := agent.Start(); err != nil {
		return res, err
	}
	defer func() {
		_ = agent.Process.Signal(syscall.SIGTERM)
		_ = agent.Wait()
	}()
	metricsURL := "http://" + cfg.Metrics.Addr + "/metrics"
	want := float64(sc.Healthy + sc.Holes)
	for deadline := time.Now().Add(60 * time.Second); ; {
		if m, err := scrape(metricsURL); err == nil && m["syslog_drains"] == want {
			break
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("the syslog agent did not start its %v drains within 60 s (log: %s)", want, logFile.Name())
		}
		sleep(ctx, 100*time.Millisecond)
	}

	emitArgs := []string{roleEmit, "--addr", cfg.Ingress.Addr,
		"--ca", ids["client"].CA, "--cert", ids["client"].Cert, "--key", ids["client"].Key,
		"--streams", strconv.Itoa(sc.Streams), "--payload", strconv.Itoa(sc.Payload), "--apps", strconv.Itoa(sc.Apps)}
	if sc.Apps > 0 {
		// A warm-up of one log per app, so that every drain has dialled
		// (a thousand TLS handshakes at once) before the measurement.
		warm := exec.CommandContext(ctx, self, append(emitArgs, "--rate", "5000", "--count", strconv.Itoa(sc.Apps))...)
		warm.Stderr = os.Stderr
		if err := warm.Run(); err != nil {
			return res, fmt.Errorf("warm-up emitter: %w", err)
		}
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
			sleep(ctx, 200*time.Millisecond)
			if counts, changed := snapshot(); time.Since(changed) > 2*time.Second && len(counts) > 0 {
				break
			}
		}
	}

	// The emitter, and the measurement around it.
	emitter := exec.CommandContext(ctx, self, append(emitArgs, "--rate", strconv.Itoa(sc.Rate), "--duration", duration.String())...)
	emitter.Stderr = os.Stderr
	startCounts, _ := snapshot()
	before, err := scrape(metricsURL) // drops so far (the warm-up's) are not the measurement's
	if err != nil {
		return res, err
	}
	cpu0, err := lossprobe.CPUSeconds(agent.Process.Pid)
	if err != nil {
		return res, err
	}
	start := time.Now()
	out, err := emitter.StdoutPipe()
	if err != nil {
		return res, err
	}
	if err := emitter.Start(); err != nil {
		return res, err
	}
	var peakBuffer float64
	sampled := make(chan struct{})
	sampleCtx, stopSampling := context.WithCancel(ctx)
	defer stopSampling()
	go func() {
		defer close(sampled)
		for sampleCtx.Err() == nil {
			if m, err := scrape(metricsURL); err == nil {
				peakBuffer = max(peakBuffer, m["buffer_bytes"])
				res.BudgetMiB = m["buffer_budget_bytes"] / (1 << 20)
			}
			sleep(sampleCtx, 200*time.Millisecond)
		}
	}()
	body, err := io.ReadAll(out)
	if err != nil {
		return res, err
	}
	if err := emitter.Wait(); err != nil {
		return res, fmt.Errorf("emitter: %w", err)
	}
	res.EmitterCPU = emitter.ProcessState.UserTime().Seconds() + emitter.ProcessState.SystemTime().Seconds()
	var er emitResult
	if err := json.Unmarshal(body, &er); err != nil {
		return res, fmt.Errorf("emitter output %q: %w", body, err)
	}
	res.Sent = er.Sent
	res.SentPerDrain = float64(er.Sent)
	if sc.Apps > 0 {
		// The emitter takes the apps in turn, so a drain is sent its share
		// of apps; the healthy drains come after the holes (appBindings).
		n := sc.Healthy + sc.Holes
		least := sc.Apps
		for d := sc.Holes; d < n; d++ {
			least = min(least, sc.Apps/n+btoi(d < sc.Apps%n))
		}
		res.SentPerDrain *= float64(least) / float64(sc.Apps)
	}

	// Everything not dropped has arrived once the counts stop for 2 s.
	var last []int64
	var lastChange time.Time
	for {
		sleep(ctx, 200*time.Millisecond)
		last, lastChange = snapshot()
		if time.Since(lastChange) > 2*time.Second || ctx.Err() != nil {
			break
		}
	}
	cpu1, err := lossprobe.CPUSeconds(agent.Process.Pid)
	if err != nil {
		return res, err
	}
	stopSampling()
	<-sampled
	res.PeakBufferMiB = peakBuffer / (1 << 20)
	res.Seconds = max(lastChange.Sub(start).Seconds(), er.Seconds)
	res.AgentCPU = cpu1 - cpu0
	res.DeliveredMin = -1
	for i, n := range last {
		d := n
		if i < len(startCounts) {
			d -= startCounts[i]
		}
		res.DeliveredTotal += d
		if res.DeliveredMin < 0 || d < res.DeliveredMin {
			res.DeliveredMin = d
		}
	}
	res.CPUPerMsg = res.AgentCPU * 1e6 / float64(max(res.DeliveredTotal, 1))
	if res.PeakRSSMiB, err = peakRSSMiB(agent.Process.Pid); err != nil {
		return res, err
	}
	m, err := scrape(metricsURL)
	if err != nil {
		return res, err
	}
	res.Dropped = map[string]float64{}
	for k, v := range m {
		if r, ok := strings.CutPrefix(k, `dropped{direction="egress",reason="`); ok && v > before[k] {
			res.Dropped[strings.TrimSuffix(r, `"}`)] = v - before[k]
		}
	}
	for _, a := range addrs.Healthy {
		for k, v := range m {
			if strings.HasPrefix(k, `syslog_drain_dropped{drain="syslog-tls://`+a+`",`) {
				res.HealthyDropped += v - before[k]
			}
		}
	}
	fmt.Printf("   sent %d, delivered %d over %d healthy drain(s) in %.1f s, agent CPU %.2f s\n",
		res.Sent, res.DeliveredTotal, sc.Healthy, res.Seconds, res.AgentCPU)
	return res, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// freeLoopback is a 127.0.0.1 address no one listened on a moment ago.
func freeLoopback() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

var seriesLine = regexp.MustCompile(`(?m)^([a-z_]+(?:\{[^}]*\})?) (\S+)$`)

// scrape reads a /metrics page into series → value.
func scrape(url string) (map[string]float64, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }() // read-only
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	m := map[string]float64{}
	for _, s := range seriesLine.FindAllStringSubmatch(string(body), -1) {
		if v, err := strconv.ParseFloat(s[2], 64); err == nil {
			m[s[1]] = v
		}
	}
	return m, nil
}

// peakRSSMiB is VmHWM of pid: the most resident memory it has had.
func peakRSSMiB(pid int) (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("/proc/%d/status: no VmHWM", pid)
}
