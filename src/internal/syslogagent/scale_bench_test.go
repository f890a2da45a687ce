package syslogagent_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/binding"
	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/mtls"
	"loggregator/internal/syslogagent"
	"loggregator/internal/wire"
)

// BenchmarkThousandDrains binds 10,000 apps to 1,000 syslog:// drains (ten
// apps each) through a binding cache stand-in; one drain accepts and never
// reads. An emitter sends 20 logs per app. It reports the share of the
// healthy drains' messages they received and the peak heap in use. b.N is
// ignored: one run is the measurement.
func BenchmarkThousandDrains(b *testing.B) {
	const drains, appsPerDrain, perApp = 1000, 10, 20
	ids, err := certgen.Identities(b.TempDir(), "metron", "client", "binding-cache", "syslog-agent")
	if err != nil {
		b.Fatal(err)
	}

	healthy := newPlainCounter(b, true)
	defer healthy.close()
	hole := newPlainCounter(b, false)
	defer hole.close()

	var bindings []binding.Binding
	for d := range drains {
		addr := healthy.ln.Addr().String()
		if d == 0 {
			addr = hole.ln.Addr().String()
		}
		c := binding.Credentials{}
		for a := range appsPerDrain {
			c.Apps = append(c.Apps, binding.App{AppID: fmt.Sprintf("app-%d-%d", d, a), Hostname: "org.space.app"})
		}
		bindings = append(bindings, binding.Binding{URL: fmt.Sprintf("syslog://%s/drain-%d", addr, d), Credentials: []binding.Credentials{c}})
	}
	h := binding.NewHandler()
	if err := h.SetBindings(bindings); err != nil {
		b.Fatal(err)
	}
	if err := h.SetAggregate(nil); err != nil {
		b.Fatal(err)
	}
	srvTLS, err := mtls.Server(ids["binding-cache"], nil)
	if err != nil {
		b.Fatal(err)
	}
	cacheLn, err := tls.Listen("tcp", "127.0.0.1:0", srvTLS)
	if err != nil {
		b.Fatal(err)
	}
	cache := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = cache.Serve(cacheLn) }()
	defer cache.Close()

	cfg := syslogagent.DefaultConfig()
	cfg.Ingress.Addr = "127.0.0.1:0"
	cfg.Ingress.TLS = ids["metron"]
	cfg.Metrics.Addr = ""
	cfg.BindingCache.URL = "https://" + cacheLn.Addr().String()
	cfg.BindingCache.TLS = ids["syslog-agent"]
	cfg.Drains.BufferSize = 1000
	cfg.Drains.WriteTimeout = config.Duration(2 * time.Second)
	cfg.ShutdownTimeout = config.Duration(2 * time.Second)
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
	stream, err := loggregator_v2.NewIngressClient(conn).BatchSender(ctx, grpc.ForceCodecV2(wire.NewCodec()))
	if err != nil {
		b.Fatal(err)
	}

	// Wait until the bindings are in: a probe to the last drain arrives.
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	probe := encodeLog(b, fmt.Sprintf("app-%d-0", drains-1), "probe")
	for healthy.frames() == 0 {
		if err := stream.SendMsg(&wire.Batch{Envelopes: [][]byte{probe}}); err != nil {
			b.Fatal(err)
		}
		<-tick.C
	}
	base := healthy.frames()

	var peak runtime.MemStats
	start := time.Now()
	b.ResetTimer()
	for round := range perApp {
		batch := &wire.Batch{}
		for d := range drains {
			for app := range appsPerDrain {
				batch.Envelopes = append(batch.Envelopes, encodeLog(b, fmt.Sprintf("app-%d-%d", d, app), fmt.Sprintf("round %d", round)))
				if len(batch.Envelopes) == 500 {
					if err := stream.SendMsg(batch); err != nil {
						b.Fatal(err)
					}
					batch.Envelopes = batch.Envelopes[:0]
				}
			}
		}
	}
	want := int64((drains - 1) * appsPerDrain * perApp)
	deadline := time.Now().Add(2 * time.Minute)
	for healthy.frames()-base < want && time.Now().Before(deadline) {
		<-tick.C
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak.HeapInuse {
			peak = m
		}
	}
	b.StopTimer()
	got := healthy.frames() - base
	b.ReportMetric(100*float64(got)/float64(want), "%healthy-delivered")
	b.ReportMetric(float64(got)/time.Since(start).Seconds(), "msgs/s")
	b.ReportMetric(float64(peak.HeapInuse)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(0, "ns/op")
}

func encodeLog(b *testing.B, sourceID, text string) []byte {
	env, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: time.Now().UnixNano(), SourceId: sourceID, InstanceId: "0",
		Tags:    map[string]string{"source_type": "APP/PROC/WEB"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(text)}},
	})
	if err != nil {
		b.Fatal(err)
	}
	return env
}

// plainCounter is a TCP syslog receiver for many drains that counts
// octet-counted frames; one that does not read accepts and holds connections.
type plainCounter struct {
	*frameCounter
	read  bool
	mu    sync.Mutex
	conns []net.Conn
}

func newPlainCounter(b *testing.B, read bool) *plainCounter {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	c := &plainCounter{frameCounter: &frameCounter{ln: ln}, read: read}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			c.mu.Lock()
			c.conns = append(c.conns, conn)
			c.mu.Unlock()
			if !read {
				continue
			}
			c.wg.Add(1)
			go func() {
				defer c.wg.Done()
				c.frameCounter.read(bufioReader(conn))
			}()
		}
	}()
	return c
}

func (c *plainCounter) frames() int64 { return c.frameCounter.frames.Load() }

func (c *plainCounter) close() {
	c.ln.Close()
	c.mu.Lock()
	for _, conn := range c.conns {
		conn.Close()
	}
	c.mu.Unlock()
	c.wg.Wait()
}
