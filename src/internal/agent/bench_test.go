package agent_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/agent"
	"loggregator/internal/certgen"
	"loggregator/internal/mtls"
	"loggregator/internal/routerpool"
)

// countingRouter reads BatchSender streams as fast as it can and counts envelopes.
type countingRouter struct {
	loggregator_v2.UnimplementedIngressServer
	n       atomic.Int64
	batches atomic.Int64
}

func (r *countingRouter) BatchSender(s loggregator_v2.Ingress_BatchSenderServer) error {
	for {
		b, err := s.Recv()
		if errors.Is(err, io.EOF) {
			return s.SendAndClose(&loggregator_v2.BatchSenderResponse{})
		}
		if err != nil {
			return err
		}
		r.n.Add(int64(len(b.Batch)))
		r.batches.Add(1)
	}
}

// BenchmarkIngressToRouter measures one producer's BatchSender stream through
// the agent (ingress, diode, batcher, tagging, pool) to an in-process router,
// all over mTLS. One op is one envelope delivered to the router.
func BenchmarkIngressToRouter(b *testing.B) {
	ca, err := certgen.NewCA("ca")
	if err != nil {
		b.Fatal(err)
	}
	fs, err := ca.WriteFiles(b.TempDir(), "metron", "doppler", "client")
	if err != nil {
		b.Fatal(err)
	}
	files := func(n string) mtls.Files { return mtls.Files{CA: fs[n].CA, Cert: fs[n].Cert, Key: fs[n].Key} }

	serverTLS, err := mtls.Server(files("doppler"), nil)
	if err != nil {
		b.Fatal(err)
	}
	router := &countingRouter{}
	srv := grpc.NewServer(grpc.Creds(credentials.NewTLS(serverTLS)))
	loggregator_v2.RegisterIngressServer(srv, router)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Stop()

	cfg := agent.DefaultConfig()
	cfg.Ingress.Addr = "127.0.0.1:0"
	cfg.Ingress.TLS = files("metron")
	cfg.Metrics.Addr = ""
	cfg.Routers.TLS = files("client")
	cfg.Routers.Targets = []routerpool.Target{{Addr: ln.Addr().String()}}
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP, cfg.Zone = "cf", "diego-cell", "0", "10.0.0.1", "z1"
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
	stream, err := loggregator_v2.NewIngressClient(conn).BatchSender(context.Background())
	if err != nil {
		b.Fatal(err)
	}

	const batchSize = 100
	batch := &loggregator_v2.EnvelopeBatch{}
	for i := range batchSize {
		batch.Batch = append(batch.Batch, &loggregator_v2.Envelope{
			SourceId:   "app-guid-0000-0000-0000-000000000000",
			InstanceId: "0",
			Timestamp:  time.Now().UnixNano(),
			Tags:       map[string]string{"source_type": "APP/PROC/WEB"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
				Payload: []byte("2026-01-01T00:00:00Z INFO a typical application log line of about 100 bytes, number " + string(rune('a'+i%26))),
			}},
		})
	}

	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	start := time.Now()
	b.ReportAllocs()
	b.ResetTimer()
	sent := 0
	for sent < b.N {
		if err := stream.Send(batch); err != nil {
			b.Fatal(err)
		}
		sent += batchSize
		// Stay close to the router so the diode never overflows: this
		// measures throughput without loss, not drop speed.
		for int64(sent)-router.n.Load() > int64(cfg.Ingress.BufferSize/2) {
			time.Sleep(50 * time.Microsecond)
		}
	}
	for router.n.Load() < int64(sent) {
		time.Sleep(50 * time.Microsecond)
	}
	b.StopTimer()
	elapsed := time.Since(start)
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(sent)/elapsed.Seconds(), "envelopes/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(sent), "cpu-µs/envelope")
	b.ReportMetric(float64(router.n.Load())/float64(max(router.batches.Load(), 1)), "envelopes/batch")
}
