package main_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cloudfoundry/sonde-go/events"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/resolve"
	"loggregator/internal/udpforwarder"
	"loggregator/tools/versions"
)

// BenchmarkForwarder runs the udp-forwarder binary (built without -race)
// between a sender in the test process that writes b.N real datagrams (a
// mix of the five v1 event types, 90-230 bytes) and an in-process v2
// ingress sink over mTLS that counts and discards them. Sub-benchmarks pace
// the sender at a fixed rate or let it write flat out. Reported:
//
//	delivered      fraction of the datagrams sent that reached the sink
//	datagrams/s    delivered per second, first send to last arrival
//	cpu-µs/dgram   the forwarder process's CPU (user+system, /proc/<pid>/stat)
//	               per delivered datagram
//	kernel-drops   datagrams the kernel dropped at the forwarder's socket
//	               (udp_socket_drops)
//	buffer-full    envelopes the forwarder converted but dropped because the
//	               agent took them slower than they came
//	               (dropped{...,reason="buffer_full"})
//	dgrams/read    datagrams per read of the socket (ingress / udp_reads)
//
// Run with -benchtime Nx (N datagrams), e.g.
// go test ./cmd/udp-forwarder -run '^$' -bench Forwarder -benchtime 300000x -count 3
func BenchmarkForwarder(b *testing.B) {
	bin, err := gexec.BuildWithEnvironment("loggregator/cmd/udp-forwarder", versions.StaticEnv)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(gexec.CleanupBuildArtifacts)
	ids, err := certgen.Identities(b.TempDir(), "metron", "client")
	if err != nil {
		b.Fatal(err)
	}
	atRates(b, func(b *testing.B, rate int) { benchForwarder(b, bin, ids, rate) })
}

// atRates runs bench as one sub-benchmark per sender rate: 10,000/s,
// 100,000/s and flat out.
func atRates(b *testing.B, bench func(b *testing.B, rate int)) {
	for _, rate := range []int{10_000, 100_000, 0} {
		name := "flat-out"
		if rate > 0 {
			name = fmt.Sprintf("rate-%dk", rate/1000)
		}
		b.Run(name, func(b *testing.B) { bench(b, rate) })
	}
}

func benchForwarder(b *testing.B, bin string, ids map[string]certgen.Files, rate int) {
	sink, err := envelopetest.NewIngressSink(ids["metron"])
	if err != nil {
		b.Fatal(err)
	}
	defer sink.Close()
	sink.Discard()

	cfg := udpforwarder.DefaultConfig()
	udpAddr := pickUDP(b)
	cfg.UDP.Addr = udpAddr
	cfg.Agent.Targets = resolve.Targets{{Addr: sink.Addr()}}
	cfg.Agent.TLS = ids["client"]
	metricsAddr := pickTCP(b)
	cfg.Metrics.Addr = metricsAddr
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	data, err := json.Marshal(cfg)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "udp-forwarder.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, "--config", path)
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	for deadline := time.Now().Add(10 * time.Second); ; {
		if _, err := benchMetric(metricsAddr, "ingress"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("forwarder did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cpu0 := processCPU(b, cmd.Process.Pid)
	b.ResetTimer()
	start := sendDatagrams(b, udpAddr, rate)
	// Wait until everything arrived or nothing more arrives for a second.
	last, lastChange := -1, time.Now()
	var end time.Time
	for {
		n := sink.Count()
		if n != last {
			last, lastChange, end = n, time.Now(), time.Now()
		}
		if n >= b.N || time.Since(lastChange) > time.Second {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.StopTimer()
	cpu := processCPU(b, cmd.Process.Pid) - cpu0
	delivered := float64(last)
	drops, _ := benchMetric(metricsAddr, "udp_socket_drops")
	full, _ := benchMetric(metricsAddr, `dropped{direction="ingress",reason="buffer_full"}`)
	received, _ := benchMetric(metricsAddr, "ingress")
	reads, _ := benchMetric(metricsAddr, "udp_reads")
	b.ReportMetric(delivered/float64(b.N), "delivered")
	b.ReportMetric(delivered/end.Sub(start).Seconds(), "datagrams/s")
	if delivered > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/delivered, "cpu-µs/dgram")
	}
	b.ReportMetric(drops, "kernel-drops")
	b.ReportMetric(full, "buffer-full")
	if reads > 0 {
		b.ReportMetric(received/reads, "dgrams/read")
	}
}

// BenchmarkReader runs tools/udpread, which reads datagrams exactly as the
// forwarder's reader does (udpforwarder.Read, one core, the same receive
// buffer) and discards them, with the sender and rates of
// BenchmarkForwarder: its cpu-µs/dgram is what reading alone costs on this
// machine, the floor under the forwarder's. Run it beside the forwarder,
// e.g. go test ./cmd/udp-forwarder -run '^$' -bench . -benchtime 300000x -count 3
func BenchmarkReader(b *testing.B) {
	bin, err := gexec.BuildWithEnvironment("loggregator/tools/udpread", versions.StaticEnv)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(gexec.CleanupBuildArtifacts)
	atRates(b, func(b *testing.B, rate int) { benchReader(b, bin, rate) })
}

func benchReader(b *testing.B, bin string, rate int) {
	udpAddr := pickUDP(b)
	cmd := exec.Command(bin, "--addr", udpAddr)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "reading") {
		b.Fatalf("udpread did not start: %q", lines.Text())
	}
	cpu0 := processCPU(b, cmd.Process.Pid)
	b.ResetTimer()
	start := sendDatagrams(b, udpAddr, rate)
	end := time.Now()
	time.Sleep(100 * time.Millisecond) // the reader pauses 1 ms at most
	b.StopTimer()
	cpu := processCPU(b, cmd.Process.Pid) - cpu0
	_ = cmd.Process.Signal(syscall.SIGTERM)
	var read int
	if !lines.Scan() {
		b.Fatal("udpread exited without its count")
	}
	if _, err := fmt.Sscanf(lines.Text(), "read %d", &read); err != nil || read == 0 {
		b.Fatalf("udpread said %q", lines.Text())
	}
	b.ReportMetric(float64(read)/float64(b.N), "delivered")
	b.ReportMetric(float64(read)/end.Sub(start).Seconds(), "datagrams/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(read), "cpu-µs/dgram")
}

// sendDatagrams writes b.N datagrams of benchDatagrams to addr, rate per
// second (0: flat out), and returns when it started.
func sendDatagrams(b *testing.B, addr string, rate int) time.Time {
	conn, err := net.Dial("udp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	datagrams := benchDatagrams(b)
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if rate > 0 && i%100 == 0 {
			for due := start.Add(time.Duration(i) * time.Second / time.Duration(rate)); time.Now().Before(due); {
				time.Sleep(100 * time.Microsecond)
			}
		}
		if _, err := conn.Write(datagrams[i%len(datagrams)]); err != nil {
			b.Fatal(err)
		}
	}
	return start
}

// benchDatagrams is one marshalled envelope of each v1 event type.
func benchDatagrams(b *testing.B) [][]byte {
	base := func(t events.Envelope_EventType) *events.Envelope {
		return &events.Envelope{Origin: proto.String("gorouter"), EventType: t.Enum(), Timestamp: proto.Int64(time.Now().UnixNano()),
			Deployment: proto.String("cf"), Job: proto.String("router"), Index: proto.String("0"), Ip: proto.String("10.0.1.5")}
	}
	uuid := &events.UUID{Low: proto.Uint64(0x7243cc580bc17af4), High: proto.Uint64(0x79d4c3b2020e67a5)}
	logE := base(events.Envelope_LogMessage)
	logE.LogMessage = &events.LogMessage{Message: []byte(strings.Repeat("x", 100)), MessageType: events.LogMessage_OUT.Enum(),
		Timestamp: proto.Int64(1), AppId: proto.String("f47ac10b-58cc-4372-a567-0e02b2c3d479"), SourceType: proto.String("APP/PROC/WEB"), SourceInstance: proto.String("0")}
	counter := base(events.Envelope_CounterEvent)
	counter.CounterEvent = &events.CounterEvent{Name: proto.String("requests"), Delta: proto.Uint64(1), Total: proto.Uint64(100)}
	value := base(events.Envelope_ValueMetric)
	value.ValueMetric = &events.ValueMetric{Name: proto.String("latency"), Value: proto.Float64(1.5), Unit: proto.String("ms")}
	container := base(events.Envelope_ContainerMetric)
	container.ContainerMetric = &events.ContainerMetric{ApplicationId: proto.String("f47ac10b-58cc-4372-a567-0e02b2c3d479"), InstanceIndex: proto.Int32(1),
		CpuPercentage: proto.Float64(1), MemoryBytes: proto.Uint64(2), DiskBytes: proto.Uint64(3), MemoryBytesQuota: proto.Uint64(4), DiskBytesQuota: proto.Uint64(5)}
	httpE := base(events.Envelope_HttpStartStop)
	httpE.HttpStartStop = &events.HttpStartStop{StartTimestamp: proto.Int64(1), StopTimestamp: proto.Int64(2), RequestId: uuid,
		PeerType: events.PeerType_Client.Enum(), Method: events.Method_GET.Enum(), Uri: proto.String("https://app.example.com/path"),
		RemoteAddress: proto.String("10.0.0.1:5000"), UserAgent: proto.String("curl/8"), StatusCode: proto.Int32(200),
		ContentLength: proto.Int64(3), ApplicationId: uuid, InstanceIndex: proto.Int32(0), InstanceId: proto.String("x")}
	var out [][]byte
	// Logs dominate real v1 traffic; two of every six datagrams are logs.
	for _, e := range []*events.Envelope{logE, counter, logE, value, container, httpE} {
		d, err := proto.Marshal(e)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// processCPU is pid's user+system CPU time from /proc/<pid>/stat (fields 14
// and 15, in clock ticks of 10 ms).
func processCPU(b *testing.B, pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

func benchMetric(addr, series string) (float64, error) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`).FindSubmatch(body)
	if m == nil {
		return 0, nil
	}
	return strconv.ParseFloat(string(m[1]), 64)
}

func pickUDP(b *testing.B) string {
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	return c.LocalAddr().String()
}

func pickTCP(b *testing.B) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
