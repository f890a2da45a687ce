package syslogagent_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/mtls"
	"loggregator/internal/syslog"
	"loggregator/internal/syslogagent"
	"loggregator/internal/wire"
)

// frameCounter is a TLS syslog receiver that counts octet-counted frames
// and throws them away.
type frameCounter struct {
	ln     net.Listener
	frames atomic.Int64
	wg     sync.WaitGroup
}

func newFrameCounter(b *testing.B, f mtls.Files) *frameCounter {
	pair, err := tls.LoadX509KeyPair(f.Cert, f.Key)
	if err != nil {
		b.Fatal(err)
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12})
	if err != nil {
		b.Fatal(err)
	}
	c := &frameCounter{ln: ln}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			c.wg.Add(1)
			go func() {
				defer c.wg.Done()
				defer conn.Close()
				c.read(bufio.NewReaderSize(conn, 256<<10))
			}()
		}
	}()
	return c
}

func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }

func (c *frameCounter) read(r *bufio.Reader) {
	for syslog.SkipFrame(r) == nil {
		c.frames.Add(1)
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkTLSDrain runs a syslog agent in process with one syslog-tls
// aggregate drain and an emitter on its v2 ingress sending batches of 100
// app logs as fast as it can, and reports the messages the drain received
// per second, the share of the offer the agent dropped, and the CPU time of
// the whole process per delivered message (agent, emitter and receiver
// together: an upper bound of the agent's own).
func BenchmarkTLSDrain(b *testing.B) {
	ids, err := certgen.Identities(b.TempDir(), "metron", "client", "drain")
	if err != nil {
		b.Fatal(err)
	}
	recv := newFrameCounter(b, ids["drain"])
	defer func() { recv.ln.Close(); recv.wg.Wait() }()

	cfg := syslogagent.DefaultConfig()
	cfg.Ingress.Addr = "127.0.0.1:0"
	cfg.Ingress.TLS = ids["metron"]
	cfg.Metrics.Addr = ""
	cfg.Drains.CAFile = ids["drain"].CA
	cfg.Drains.BufferSize = 100_000
	cfg.Drains.BatchSize = 512
	cfg.AggregateDrains = []syslogagent.AggregateDrain{{URL: "syslog-tls://" + recv.ln.Addr().String()}}
	cfg.ShutdownTimeout = config.Duration(5 * time.Second)
	a, err := syslogagent.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	defer func() { cancel(); <-done }()

	tlsCfg, err := mtls.Client(ids["client"], "metron", nil)
	if err != nil {
		b.Fatal(err)
	}
	conn, err := grpc.NewClient("passthrough:///"+a.IngressAddr(), append(wire.DialOptions(), grpc.WithTransportCredentials(wire.Credentials(tlsCfg)))...)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	// The emitter sends pre-encoded envelopes through wire.Codec, so its
	// own cost in the CPU figure is gRPC and TLS, not protobuf encoding.
	stream, err := loggregator_v2.NewIngressClient(conn).BatchSender(ctx, grpc.ForceCodecV2(wire.NewCodec()))
	if err != nil {
		b.Fatal(err)
	}
	batch := &wire.Batch{}
	for i := range 100 {
		env, err := proto.Marshal(&loggregator_v2.Envelope{
			Timestamp: time.Now().UnixNano(), SourceId: "6f8a2c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b", InstanceId: "0",
			Tags: map[string]string{"source_type": "APP/PROC/WEB", "organization_name": "org", "space_name": "space", "app_name": "app"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
				Payload: fmt.Appendf(nil, `10.0.0.1 - - "GET /v2/info HTTP/1.1" 200 512 "-" "curl/8.5" request %d`, i),
			}},
		})
		if err != nil {
			b.Fatal(err)
		}
		batch.Envelopes = append(batch.Envelopes, env)
	}

	// Warm up: the connection to the drain is open and delivering.
	if err := stream.SendMsg(batch); err != nil {
		b.Fatal(err)
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for recv.frames.Load() < 100 {
		<-tick.C
	}

	offered := b.N * 100
	start, startCPU, startFrames := time.Now(), cpuTime(), recv.frames.Load()
	b.ResetTimer()
	for range b.N {
		if err := stream.SendMsg(batch); err != nil {
			b.Fatal(err)
		}
	}
	// Wait until the drain stops receiving: everything not dropped has arrived.
	last, still := recv.frames.Load(), 0
	for still < 20 {
		<-tick.C
		if n := recv.frames.Load(); n != last {
			last, still = n, 0
		} else {
			still++
		}
	}
	b.StopTimer()
	elapsed := time.Since(start) - 200*time.Millisecond
	delivered := float64(last - startFrames)
	b.ReportMetric(delivered/elapsed.Seconds(), "msgs/s")
	b.ReportMetric(float64(cpuTime()-startCPU)/float64(time.Microsecond)/delivered, "cpu-µs/msg")
	b.ReportMetric(100*(1-delivered/float64(offered)), "%dropped")
	b.ReportMetric(0, "ns/op")
}
