package agent_test

import (
	"context"
	"log/slog"
	"net"
	"slices"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/agent"
	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/internal/fair"
	"loggregator/internal/mtls"
	"loggregator/internal/routerpool"
	"loggregator/internal/wire"
)

type benchFiles func(name string) mtls.Files

func benchCerts(b *testing.B) benchFiles {
	ca, err := certgen.NewCA("ca")
	if err != nil {
		b.Fatal(err)
	}
	fs, err := ca.WriteFiles(b.TempDir(), "metron", "doppler", "client")
	if err != nil {
		b.Fatal(err)
	}
	return func(n string) mtls.Files { return fs[n] }
}

// startBenchAgent runs an agent forwarding to routerAddr until the
// benchmark ends and returns a producer connection to it.
func startBenchAgent(b *testing.B, files benchFiles, routerAddr string) (*agent.Config, *grpc.ClientConn) {
	cfg := agent.DefaultConfig()
	cfg.Ingress.Addr = "127.0.0.1:0"
	cfg.Ingress.TLS = files("metron")
	cfg.Metrics.Addr = ""
	cfg.Routers.TLS = files("client")
	cfg.Routers.Targets = []routerpool.Target{{Addr: routerAddr}}
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP, cfg.Zone = "cf", "diego-cell", "0", "10.0.0.1", "z1"
	a, err := agent.New(cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- a.Run(ctx) }()
	b.Cleanup(func() { cancel(); <-done })

	clientTLS, err := mtls.Client(files("client"), "metron", nil)
	if err != nil {
		b.Fatal(err)
	}
	conn, err := grpc.NewClient("passthrough:///"+a.IngressAddr(), grpc.WithTransportCredentials(credentials.NewTLS(clientTLS)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close() })
	return cfg, conn
}

// appLogs returns n typical app log envelopes of about 200 encoded bytes.
func appLogs(n int) []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for i := range n {
		out = append(out, &loggregator_v2.Envelope{
			SourceId:   "app-guid-0000-0000-0000-000000000000",
			InstanceId: "0",
			Timestamp:  time.Now().UnixNano(),
			Tags:       map[string]string{"source_type": "APP/PROC/WEB"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
				Payload: []byte("2026-01-01T00:00:00Z INFO a typical application log line of about 100 bytes, number " + string(rune('a'+i%26))),
			}},
		})
	}
	return out
}

// BenchmarkIngressToRouter measures one producer's BatchSender stream through
// the agent (ingress, diode, batcher, tagging, pool) to an in-process router,
// all over mTLS. The producer sends pre-encoded batches and the router only
// counts, so the process CPU is mostly the agent's. One op is one envelope
// delivered to the router.
func BenchmarkIngressToRouter(b *testing.B) {
	files := benchCerts(b)
	// The router reads as fast as it can and only counts, as the real one
	// reads without decoding; it acknowledges, as routers of this release do.
	router, err := envelopetest.NewAckedIngressSink(files("doppler"))
	if err != nil {
		b.Fatal(err)
	}
	defer router.Close()
	router.Discard()

	cfg, conn := startBenchAgent(b, files, router.Addr())
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
		// Stay close to the router so the buffer never overflows: this
		// measures throughput without loss, not drop speed. One source's
		// envelopes share one lane of the agent's fair buffer, a quarter
		// of it (fair.MaxShare), so the bound is half of that lane: with
		// half of the whole buffer in flight, any pause of the pool's
		// writers longer than about 80 ms overflowed the lane, the agent
		// counted the drop, and the loop below waited for ever.
		for sent-router.Count() > cfg.Ingress.BufferSize/(2*fair.MaxShare) {
			time.Sleep(50 * time.Microsecond)
		}
	}
	for deadline := time.Now().Add(time.Minute); router.Count() < sent; {
		if time.Now().After(deadline) {
			b.Fatalf("the router got %d of %d envelopes: the agent dropped some", router.Count(), sent)
		}
		time.Sleep(50 * time.Microsecond)
	}
	b.StopTimer()
	elapsed := time.Since(start)
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(sent)/elapsed.Seconds(), "envelopes/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/1000/float64(sent), "cpu-µs/envelope")
	b.ReportMetric(float64(router.Count())/float64(max(router.Batches(), 1)), "envelopes/batch")
}

// BenchmarkSendWithoutRouters measures what a producer feels while every
// router is down: the round trip of the unary Send RPC with a batch of 10
// envelopes, encoded by the generated client as any producer does. It
// reports the 50th and 99th percentile.
func BenchmarkSendWithoutRouters(b *testing.B) {
	files := benchCerts(b)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	down := ln.Addr().String()
	ln.Close() // nothing listens there: every dial fails

	_, conn := startBenchAgent(b, files, down)
	client := loggregator_v2.NewIngressClient(conn)
	batch := &loggregator_v2.EnvelopeBatch{Batch: appLogs(10)}
	ctx := context.Background()
	if _, err := client.Send(ctx, batch); err != nil { // connect outside the timing
		b.Fatal(err)
	}

	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		t := time.Now()
		if _, err := client.Send(ctx, batch); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1000, "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1000, "p99-µs")
}

// BenchmarkAccept is the agent's ingress work on a received batch of 100
// app log envelopes shaped like Cloud Foundry's (eight tags, none of them
// the agent's own five): check each, copy it with the missing tags added
// into one buffer, store it.
func BenchmarkAccept(b *testing.B) {
	cfg := agent.DefaultConfig()
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP, cfg.Zone = "cf", "diego-cell", "c8b0a6e4-2d1f-4f53-9a0e-4f4a5c1b7e10", "10.0.16.12", "z1"
	accept, err := agent.Accepter(cfg)
	if err != nil {
		b.Fatal(err)
	}
	envs := make([][]byte, 100)
	for i := range envs {
		envs[i], err = proto.Marshal(&loggregator_v2.Envelope{
			Timestamp: time.Now().UnixNano(), SourceId: "5f4b2b0e-8c2a-4e0b-9d1e-3c6b3f1e2a7d", InstanceId: "0",
			Tags: map[string]string{
				"source_type": "APP/PROC/WEB", "app_id": "5f4b2b0e-8c2a-4e0b-9d1e-3c6b3f1e2a7d", "app_name": "billing",
				"space_name": "prod", "organization_name": "acme", "process_type": "web", "process_instance_id": "d3b07384", "origin": "rep",
			},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("2026-11-30T11:00:00Z INFO request served path=/api/v1/invoices status=200 duration_ms=12"), Type: loggregator_v2.Log_OUT}},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		accept(envs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(envs)), "ns/envelope")
}
