package egress_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/diode"
	"loggregator/internal/egress"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/subscription"
	"loggregator/internal/wire"
)

// BenchmarkEgress routes b.N envelopes of about 250 bytes through a
// subscription registry to subscribers of an egress.Server configured as
// the router's (benchConfig, with a budget), over real mTLS gRPC on
// loopback with the envelope transport options, each read by a client that
// frames batches without decoding (as the rlp does). The routing goroutine
// keeps at most 2,000 envelopes ahead of the slowest subscriber, so nothing
// is dropped and the time is what it takes to get every envelope to every
// subscriber.
//
// "source" subscribers select the one source written (a diode each);
// "firehose" subscribers select every source's logs (a fair ring each).
func BenchmarkEgress(b *testing.B) {
	for _, sel := range []string{"source", "firehose"} {
		for _, subs := range []int{1, 4} {
			b.Run(fmt.Sprintf("%s/subscribers-%d", sel, subs), func(b *testing.B) { benchEgress(b, subs, sel == "firehose") })
		}
	}
}

func benchEgress(b *testing.B, subs int, firehose bool) {
	ca, err := certgen.NewCA("ca")
	if err != nil {
		b.Fatal(err)
	}
	files, err := ca.WriteFiles(b.TempDir(), "doppler", "client")
	if err != nil {
		b.Fatal(err)
	}
	srvTLS, err := mtls.Server(files["doppler"], nil)
	if err != nil {
		b.Fatal(err)
	}
	cliTLS, err := mtls.Client(files["client"], "doppler", nil)
	if err != nil {
		b.Fatal(err)
	}

	reg := subscription.NewRegistry()
	cfg := benchConfig()
	cfg.Budget = diode.NewBudget(128 << 20)
	srv := egress.NewServer(reg, cfg, egress.NewMetrics(metrics.NewRegistry()), slog.New(slog.NewTextHandler(io.Discard, nil)))
	g := grpc.NewServer(wire.ServerOptions(srvTLS)...)
	srv.Register(g)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = g.Serve(ln) }()
	defer g.Stop()
	conn, err := grpc.NewClient(ln.Addr().String(), append(wire.DialOptions(), grpc.WithTransportCredentials(wire.Credentials(cliTLS)))...)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	codec := wire.NewCodec()
	received := make([]atomic.Int64, subs)
	progress := make(chan struct{}, 1)
	req := &loggregator_v2.EgressBatchRequest{UsePreferredTags: true, Selectors: []*loggregator_v2.Selector{
		{SourceId: "bench", Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
	}}
	if firehose {
		req.Selectors[0].SourceId = ""
	}
	for i := range subs {
		st, err := conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true}, "/loggregator.v2.Egress/BatchedReceiver", grpc.ForceCodecV2(codec))
		if err != nil {
			b.Fatal(err)
		}
		if err := st.SendMsg(req); err != nil {
			b.Fatal(err)
		}
		if err := st.CloseSend(); err != nil {
			b.Fatal(err)
		}
		go func() {
			var batch wire.Batch
			for st.RecvMsg(&batch) == nil {
				received[i].Add(int64(len(batch.Envelopes)))
				batch.Release()
				select {
				case progress <- struct{}{}:
				default:
				}
			}
		}()
	}
	for reg.Len() < subs {
		time.Sleep(time.Millisecond) // the subscriptions arrive through the network
	}

	envs := make([][]byte, 256)
	for i := range envs {
		env, err := proto.Marshal(&loggregator_v2.Envelope{SourceId: "bench", Timestamp: time.Now().UnixNano(),
			Tags:    map[string]string{"deployment": "cf", "job": "diego-cell", "index": "0", "ip": "10.0.16.5"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(fmt.Sprintf("log line %d of a benchmark, about a hundred bytes long, padded out to there.......", i))}},
		})
		if err != nil {
			b.Fatal(err)
		}
		envs[i] = env
	}
	slowest := func() int64 {
		least := received[0].Load()
		for i := range received[1:] {
			least = min(least, received[i+1].Load())
		}
		return least
	}

	b.ReportAllocs()
	b.SetBytes(int64(len(envs[0])))
	b.ResetTimer()
	cpu := cpuTime()
	routed := 0
	for routed < b.N {
		n := min(len(envs), b.N-routed)
		reg.RouteBatch(envs[:n])
		routed += n
		for int64(routed)-slowest() > 2000 {
			<-progress
		}
	}
	for slowest() < int64(b.N) {
		select {
		case <-progress:
		case <-time.After(10 * time.Second):
			b.Fatalf("subscribers received %d of %d", slowest(), b.N)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time the process has used, user and system: on a
// loaded machine it says more about the cost per envelope than the time
// between start and end.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
