package main_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cloudfoundry/sonde-go/events"
	"github.com/gorilla/websocket"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/tools/versions"
)

var (
	benchBin     string
	benchBinErr  error
	benchBinOnce sync.Once
)

// BenchmarkFirehose measures one websocket firehose reader of the real
// binary (built without -race) fed by one router stand-in at a fixed rate
// for 10 s: the fraction lost, the latency from the envelope's timestamp to
// the reader, and the CPU of the traffic controller and of this process
// (the router stand-in and the reader). The figures are
// measurements of this machine at its current load; nothing fails on them.
// Run it once per rate:
//
//	go test ./cmd/trafficcontroller -run '^$' -bench Firehose -benchtime 1x
//
// With TC_BENCH_BIN set, that binary is measured instead of one built from
// this tree (an older build, for before/after pairs).
func BenchmarkFirehose(b *testing.B) {
	for _, rate := range []int{5000, 100000} {
		b.Run(fmt.Sprintf("rate=%d", rate), func(b *testing.B) { firehoseAtRate(b, rate, 10*time.Second) })
	}
}

func firehoseAtRate(b *testing.B, rate int, dur time.Duration) {
	benchBinOnce.Do(func() {
		if benchBin = os.Getenv("TC_BENCH_BIN"); benchBin != "" {
			return // a binary built elsewhere, for a before/after pair
		}
		benchBin, benchBinErr = gexec.BuildWithEnvironment("loggregator/cmd/trafficcontroller", versions.StaticEnv)
	})
	if benchBinErr != nil {
		b.Fatal(benchBinErr)
	}
	files, err := certgen.Identities(b.TempDir(), "doppler", "trafficcontroller")
	if err != nil {
		b.Fatal(err)
	}
	router, err := envelopetest.NewEgressSource("127.0.0.1:0", files["doppler"])
	if err != nil {
		b.Fatal(err)
	}
	defer router.Stop()

	tc := files["trafficcontroller"]
	cfg, _ := json.Marshal(map[string]any{
		"websocket": map[string]any{"addr": "127.0.0.1:0"},
		"routers": map[string]any{
			"targets": []any{map[string]any{"addr": router.Addr()}},
			"tls":     map[string]any{"ca_file": tc.CA, "cert_file": tc.Cert, "key_file": tc.Key},
		},
		"auth":    map[string]any{"disabled": true},
		"metrics": map[string]any{"addr": "127.0.0.1:0"},
	})
	path := filepath.Join(b.TempDir(), "trafficcontroller.json")
	if err := os.WriteFile(path, cfg, 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(benchBin, "--config", path)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}()
	addr, metricsAddr := waitServing(b, stderr)

	conn, resp, err := websocket.DefaultDialer.Dial("ws://"+addr+"/firehose/bench", nil)
	if err != nil {
		b.Fatal(err)
	}
	_ = resp.Body.Close()
	defer conn.Close()
	for deadline := time.Now().Add(10 * time.Second); router.Subscriptions() < 1; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatal("the traffic controller did not subscribe to the router")
		}
	}

	var received atomic.Int64
	latencies := make([]int64, 0, rate*int(dur/time.Second)+1000)
	var mu sync.Mutex
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		// Count every frame; decode one in 16 for its latency, so the
		// reader, sharing this process with the router stand-in, stays cheap.
		var env events.Envelope
		buf := make([]byte, 0, 64<<10)
		for n := 0; ; n++ {
			_, r, err := conn.NextReader()
			if err != nil {
				return
			}
			buf = buf[:0]
			for {
				if len(buf) == cap(buf) {
					buf = append(buf, 0)[:len(buf)]
				}
				m, err := r.Read(buf[len(buf):cap(buf)])
				buf = buf[:len(buf)+m]
				if err == io.EOF {
					break
				}
				if err != nil {
					return
				}
			}
			received.Add(1)
			if n%16 != 0 {
				continue
			}
			now := time.Now().UnixNano()
			if proto.Unmarshal(buf, &env) != nil {
				continue
			}
			mu.Lock()
			latencies = append(latencies, now-env.GetTimestamp())
			mu.Unlock()
		}
	}()

	cpuBefore := procCPU(b, cmd.Process.Pid)
	selfBefore := procCPU(b, os.Getpid())
	start := time.Now()
	sent := 0
	tick := time.NewTicker(time.Millisecond)
	for now := range tick.C {
		elapsed := now.Sub(start)
		if elapsed >= dur {
			break
		}
		want := int(float64(rate) * elapsed.Seconds())
		if n := want - sent; n > 0 {
			batch := envelopetest.Logs("bench", strconv.Itoa(sent), n)
			ts := time.Now().UnixNano()
			for _, e := range batch {
				e.Timestamp = ts
			}
			router.Send(batch...)
			sent += n
		}
	}
	tick.Stop()
	// Wait until nothing more arrives for a second.
	for last := received.Load(); ; {
		time.Sleep(time.Second)
		if cur := received.Load(); cur == last {
			break
		} else {
			last = cur
		}
	}
	wall := time.Since(start)
	cpu := procCPU(b, cmd.Process.Pid) - cpuBefore
	self := procCPU(b, os.Getpid()) - selfBefore
	slowDrops := tcMetric(metricsAddr, `dropped{direction="egress",reason="slow_consumer"}`)
	cutOff := tcMetric(metricsAddr, "slow_consumer_disconnects")
	_ = conn.Close()
	<-readDone

	mu.Lock()
	defer mu.Unlock()
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return float64(latencies[int(p*float64(len(latencies)-1))]) / 1e6
	}
	got := received.Load()
	b.ReportMetric(float64(sent), "sent")
	b.ReportMetric(float64(got), "received")
	b.ReportMetric(100*(1-float64(got)/float64(sent)), "loss%")
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(cpu.Seconds()/float64(sent)*1e6, "tc-cpu-µs/env")
	b.ReportMetric(100*cpu.Seconds()/wall.Seconds(), "tc-cpu%")
	b.ReportMetric(100*self.Seconds()/wall.Seconds(), "bench-cpu%")
	b.ReportMetric(slowDrops, "tc-slow-drops")
	b.ReportMetric(cutOff, "tc-cutoffs")
}

var benchServing = regexp.MustCompile(`"msg":"serving".*?"addr":"([^"]+)".*"metrics_addr":"([^"]+)"`)

// tcMetric reads one sample of the traffic controller's /metrics page.
func tcMetric(addr, sample string) float64 {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(page), "\n") {
		if v, ok := strings.CutPrefix(line, sample+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

// waitServing reads the log until the serving line and returns the
// websocket address, then discards the rest of the log in the background.
func waitServing(b *testing.B, log io.Reader) (string, string) {
	lines := bufio.NewScanner(log)
	for lines.Scan() {
		if m := benchServing.FindSubmatch(lines.Bytes()); m != nil {
			go func() { _, _ = io.Copy(io.Discard, log) }()
			return string(m[1]), string(m[2])
		}
	}
	b.Fatal("the traffic controller did not start")
	return "", ""
}

// procCPU is the user and system CPU time pid has used.
func procCPU(b *testing.B, pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // clock ticks of USER_HZ 100
}
