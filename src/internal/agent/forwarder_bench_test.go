package agent_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/agent"
	"loggregator/internal/envelopetest"
	"loggregator/internal/fair"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// BenchmarkForwarderTwoDestinations measures the agent in the forwarder
// role with two local v2 Ingress destinations (in-process sinks that only
// count, over mTLS), found through ingress_port.yml files: one producer's
// BatchSender stream in, every envelope out to both. One op is one
// envelope accepted and delivered to both destinations; the CPU is the
// whole process's (producer, agent, both sinks).
func BenchmarkForwarderTwoDestinations(b *testing.B) {
	files := benchCerts(b)
	jobs := b.TempDir()
	var sinks []*envelopetest.IngressSink
	for _, job := range []string{"loggregator_agent", "loggr-syslog-agent"} {
		s, err := envelopetest.NewIngressSink(files("metron"))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		s.Discard()
		sinks = append(sinks, s)
		dir := filepath.Join(jobs, job, "config")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		port := s.Addr()[strings.LastIndex(s.Addr(), ":")+1:]
		if err := os.WriteFile(filepath.Join(dir, "ingress_port.yml"), []byte("ingress: "+port+"\n"), 0o600); err != nil {
			b.Fatal(err)
		}
	}

	cfg := agent.DefaultConfig()
	cfg.Role = agent.RoleForwarder
	cfg.Ingress.Addr = "127.0.0.1:0"
	cfg.Ingress.TLS = files("metron")
	cfg.Metrics.Addr = ""
	cfg.Forwarder.TLS = files("client")
	cfg.Forwarder.DownstreamGlob = filepath.Join(jobs, "*", "config", "ingress_port.yml")
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP = "cf", "diego-cell", "0", "10.0.0.1"
	// The producer writes one source, which a destination's fair ring
	// gives a lane of a quarter of its size: 10,000 here, as much as the
	// whole default buffer.
	cfg.Forwarder.BufferSize = fair.MaxShare * 10_000
	window := 5_000
	a, err := agent.New(cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- a.Run(ctx) }()
	defer func() { cancel(); <-done }()

	clientTLS, err := mtls.Client(files("client"), "metron", nil)
	if err != nil {
		b.Fatal(err)
	}
	conn, err := grpc.NewClient("passthrough:///"+a.IngressAddr(), grpc.WithTransportCredentials(credentials.NewTLS(clientTLS)))
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	stream, err := loggregator_v2.NewIngressClient(conn).BatchSender(context.Background(), grpc.ForceCodecV2(wire.NewCodec()))
	if err != nil {
		b.Fatal(err)
	}

	const batchSize = 100
	batch := &wire.Batch{}
	for _, e := range appLogs(batchSize) {
		enc, err := proto.Marshal(e)
		if err != nil {
			b.Fatal(err)
		}
		batch.Envelopes = append(batch.Envelopes, enc)
	}
	slowest := func() int { return min(sinks[0].Count(), sinks[1].Count()) }

	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	start := time.Now()
	b.ReportAllocs()
	b.ResetTimer()
	sent := 0
	for sent < b.N {
		if err := stream.SendMsg(batch); err != nil {
			b.Fatal(err)
		}
		sent += batchSize
		// Stay within half of what a destination's ring keeps of one
		// source of the slower one: throughput without loss, not drop
		// speed.
		for sent-slowest() > window {
			time.Sleep(50 * time.Microsecond)
		}
	}
	for slowest() < sent {
		time.Sleep(50 * time.Microsecond)
	}
	b.StopTimer()
	elapsed := time.Since(start)
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(sent)/elapsed.Seconds(), "envelopes/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/1000/float64(sent), "cpu-µs/envelope")
}
