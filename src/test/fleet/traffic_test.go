package fleet_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
	"loggregator/tools/fleet"
)

// ratePerVM is what each agent VM's probe sends, envelopes/s.
const ratePerVM = 300

// probeReport is the part of the loss probe's JSON summary the suite reads.
type probeReport struct {
	Sent       uint64                `json:"sent"`
	SendFailed uint64                `json:"send_failed"`
	Paths      map[string]pathReport `json:"paths"`
	// started is when the run began and vm where (set by the suite).
	started time.Time
	vm      *fleet.Instance
}

type pathReport struct {
	Received   uint64   `json:"received"`
	Lost       uint64   `json:"lost"`
	Duplicates uint64   `json:"duplicates"`
	Missing    []string `json:"missing"` // sequence ranges, when some were lost
}

// traffic runs the loss probe beside every agent VM's agent, one short run
// after another, until stopped; every run opens its own consumers through an
// rlp (gRPC) and a gateway (server-sent events).
type traffic struct {
	stopping chan struct{}
	wg       sync.WaitGroup
	// vms holds one lock per agent VM, held for each probe run there, so
	// pause can wait for that VM's run to end and keep the next from starting.
	vms map[*fleet.Instance]*sync.Mutex

	mu      sync.Mutex
	reports []probeReport // guarded by mu
	errs    []string      // guarded by mu
}

func startTraffic() *traffic {
	t := &traffic{stopping: make(chan struct{}), vms: map[*fleet.Instance]*sync.Mutex{}}
	for _, in := range f.Instances("emitter") {
		vm := &sync.Mutex{}
		t.vms[in] = vm
		t.wg.Add(1)
		go func() {
			defer GinkgoRecover()
			defer t.wg.Done()
			for {
				select {
				case <-t.stopping:
					return
				default:
				}
				vm.Lock()
				t.runOnce(in)
				vm.Unlock()
			}
		}()
	}
	return t
}

// pause waits for the VM's probe run to end and starts no other there
// until resume: the VM is about to be replaced, and its probe with it.
func (t *traffic) pause(in *fleet.Instance) { t.vms[in].Lock() }

// resume lets the VM's probe runs go on.
func (t *traffic) resume(in *fleet.Instance) { t.vms[in].Unlock() }

// runOnce runs one probe to its end; it is never cut short, so every run
// waits for what it sent.
func (t *traffic) runOnce(in *fleet.Instance) {
	cmd := exec.Command("docker", "exec", f.Container(in), fleet.PackageBin+"/lossprobe",
		"--config", "/var/vcap/jobs/log-loss-probe/config/lossprobe.json",
		"--rate", fmt.Sprint(ratePerVM), "--duration", fmt.Sprintf("%ds", runSeconds))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	started := time.Now()
	runErr := cmd.Run()
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	var r probeReport
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.errs = append(t.errs, fmt.Sprintf("%s: probe gave no report (%v): %s", f.Container(in), runErr, lastLines(stderr.String(), 5)))
		return
	}
	if r.Paths["rlp"].Lost > 0 || r.Paths["gateway"].Lost > 0 {
		fmt.Fprintf(GinkgoWriter, "%s %s\n%s", time.Now().Format("15:04:05.000"), f.Container(in), stdout.String())
		fmt.Fprintln(GinkgoWriter, lastLines(stderr.String(), 10))
	}
	r.started, r.vm = started, in
	t.reports = append(t.reports, r)
}

// losses describes, one line each, the runs that lost anything: where and
// when they ran and which sequence numbers each path missed, so a failed
// budget says what it saw even where only the failure message is kept.
func losses(reports []probeReport) []string {
	var lines []string
	for _, r := range reports {
		if clean(r) {
			continue
		}
		line := fmt.Sprintf("%s run started %s, sent %d:", f.Container(r.vm), r.started.Format("15:04:05.000"), r.Sent)
		for _, path := range []string{"rlp", "gateway"} {
			if p := r.Paths[path]; p.Lost > 0 {
				line += fmt.Sprintf(" %s lost %d (%s);", path, p.Lost, strings.Join(p.Missing, ", "))
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// cleanSince reports whether every agent VM has finished a run that started
// after since with nothing lost on any path.
func (t *traffic) cleanSince(since time.Time) bool {
	return t.finishedSince(since, clean)
}

// ranSince reports whether every agent VM has finished a run that started
// after since.
func (t *traffic) ranSince(since time.Time) bool {
	return t.finishedSince(since, func(probeReport) bool { return true })
}

// finishedSince reports whether every agent VM has finished a run that
// started after since and satisfies ok.
func (t *traffic) finishedSince(since time.Time, ok func(probeReport) bool) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	vms := map[*fleet.Instance]bool{}
	for _, r := range t.reports {
		if r.started.After(since) && ok(r) {
			vms[r.vm] = true
		}
	}
	return len(vms) == len(t.vms)
}

// runs is how many probe runs have finished.
func (t *traffic) runs() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.reports)
}

// stop lets every running probe finish and returns the sum of all runs and
// the runs that lost anything (losses).
func (t *traffic) stop() (total probeReport, runs int, lossy, errs []string) {
	close(t.stopping)
	t.wg.Wait()
	t.mu.Lock()
	defer t.mu.Unlock()
	total.Paths = map[string]pathReport{}
	for _, r := range t.reports {
		total.Sent += r.Sent
		total.SendFailed += r.SendFailed
		for name, p := range r.Paths {
			sum := total.Paths[name]
			sum.Received += p.Received
			sum.Lost += p.Lost
			sum.Duplicates += p.Duplicates
			total.Paths[name] = sum
		}
	}
	return total, len(t.reports), losses(t.reports), t.errs
}

// stepResult is the loss counted over one step.
type stepResult struct {
	name    string
	runs    int
	seconds float64
	total   probeReport
	lossy   []string // the runs that lost anything (losses)
}

// step runs action under traffic: once every agent VM's probe has finished
// a first run (the fleet carries traffic before anything changes), action
// runs; then traffic goes on until every agent VM's probe has finished a
// run that started after it (what follows a change, such as agents moving
// onto a restarted router, is part of the step), and the runs in flight
// finish. The loss over the step is recorded.
func step(name string, action func(t *traffic)) stepResult {
	GinkgoHelper()
	By(name)
	started := time.Now()
	t := startTraffic()
	vms := len(f.Instances("emitter"))
	Eventually(t.runs).WithTimeout(time.Minute).WithPolling(100*time.Millisecond).Should(BeNumerically(">=", vms), "every agent VM's probe finished a first run")
	action(t)
	after := time.Now()
	Eventually(func() bool { return t.ranSince(after) }).WithTimeout(2*time.Minute).WithPolling(100*time.Millisecond).
		Should(BeTrue(), "every agent VM's probe finished a run that started after the step's change")
	total, runs, lossy, errs := t.stop()
	Expect(errs).To(BeEmpty(), "every probe run reported")
	res := stepResult{name: name, runs: runs, seconds: time.Since(started).Seconds(), total: total, lossy: lossy}
	steps = append(steps, res)
	fmt.Fprintf(GinkgoWriter, "step %q: %d runs, sent %d (failed to send %d), rlp lost %d, gateway lost %d\n",
		name, runs, total.Sent, total.SendFailed, total.Paths["rlp"].Lost, total.Paths["gateway"].Lost)
	Expect(total.Sent).To(BeNumerically(">", 0), "the probes sent traffic")
	return res
}

// table is the loss per step as Markdown.
func table(steps []stepResult) string {
	var b strings.Builder
	b.WriteString("| step | probe runs | sent | failed to send | lost via rlp (gRPC) | lost via gateway (SSE) | duplicates (rlp/gateway) |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range steps {
		rlp, gw := s.total.Paths["rlp"], s.total.Paths["gateway"]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d (%.3f %%) | %d (%.3f %%) | %d / %d |\n", s.name, s.runs, s.total.Sent, s.total.SendFailed,
			rlp.Lost, percent(rlp.Lost, s.total.Sent), gw.Lost, percent(gw.Lost, s.total.Sent), rlp.Duplicates, gw.Duplicates)
	}
	return b.String()
}

func percent(n, of uint64) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// routerMetric scrapes a router's /metrics and returns the series' value.
func routerMetric(ctx context.Context, in *fleet.Instance, series string) (float64, error) {
	page, err := scrape(ctx, in, 14825)
	if err != nil {
		return 0, err
	}
	return metricstest.Value(page, series), nil
}

// scrape reads the /metrics page on port of an instance over mutual TLS
// with the deployment's metrics identity.
func scrape(ctx context.Context, in *fleet.Instance, port int) (string, error) {
	dir := f.Work + "/certs/"
	cfg, err := mtls.Client(mtls.Files{CA: dir + "ca.crt", Cert: dir + "loggregator_metrics.crt", Key: dir + "loggregator_metrics.key"}, "loggregator_metrics", nil)
	if err != nil {
		return "", err
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}, Timeout: 2 * time.Second}
	defer client.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("https://%s:%d/metrics", in.IP, port), nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer func() { _ = resp.Body.Close() }() // read-only
	page, err := io.ReadAll(resp.Body)
	return string(page), err
}

// metricsPorts are the components' metrics ports by instance group: every
// VM's agent, and the router or rlp beside it.
var metricsPorts = map[string][]int{"doppler": {14824, 14825}, "log-api": {14824, 14826}, "emitter": {14824}}

// drops lists, for every component of the fleet, the non-zero series that
// count envelopes dropped, resent or left unconfirmed since it started:
// where an over-budget step lost its envelopes, as far as the components
// counted it (a component restarted since then starts from zero).
func drops() string {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var b strings.Builder
	for _, in := range f.Instances("") {
		for _, port := range metricsPorts[in.Group.Name] {
			page, err := scrape(ctx, in, port)
			if err != nil {
				fmt.Fprintf(&b, "%s:%d: %v\n", f.Container(in), port, err)
				continue
			}
			series, counted := 0, 0
			for _, line := range strings.Split(page, "\n") {
				if !lossSeries(line) {
					continue
				}
				series++
				if fields := strings.Fields(line); len(fields) == 2 && fields[1] != "0" {
					fmt.Fprintf(&b, "%s:%d %s\n", f.Container(in), port, line)
					counted++
				}
			}
			if counted == 0 {
				fmt.Fprintf(&b, "%s:%d all %d such series are 0\n", f.Container(in), port, series)
			}
		}
	}
	return b.String()
}

// lossSeries reports whether a /metrics line is a sample of a series that
// counts envelopes dropped, resent or given up on for want of an
// acknowledgement.
func lossSeries(line string) bool {
	if strings.HasPrefix(line, "#") {
		return false
	}
	return strings.Contains(line, "drop") || strings.Contains(line, "resent") || strings.Contains(line, "ack_timeouts")
}
