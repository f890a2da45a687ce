package udpforwarder_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/cloudfoundry/sonde-go/events"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/resolve"
	"loggregator/internal/udpforwarder"
)

// BenchmarkPipeline runs the forwarder in the test process (for profiles:
// -cpuprofile shows the reader (which converts) and the stream beside the sender and
// the sink) and sends b.N log datagrams flat out, then waits for the sink to
// stop receiving. The component figures are BenchmarkForwarder's in
// cmd/udp-forwarder, which measures the binary alone.
func BenchmarkPipeline(b *testing.B) {
	ids, err := certgen.Identities(b.TempDir(), "metron", "client")
	if err != nil {
		b.Fatal(err)
	}
	sink, err := envelopetest.NewIngressSink(ids["metron"])
	if err != nil {
		b.Fatal(err)
	}
	defer sink.Close()
	sink.Discard()
	cfg := udpforwarder.DefaultConfig()
	cfg.UDP.Addr = "127.0.0.1:0"
	cfg.Agent.Targets = resolve.Targets{{Addr: sink.Addr()}}
	cfg.Agent.TLS = ids["client"]
	cfg.Metrics.Addr = ""
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	f, err := udpforwarder.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = f.Run(ctx) }()
	defer func() { cancel(); <-done }()

	conn, err := net.Dial("udp", f.UDPAddr())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	e := &events.Envelope{Origin: proto.String("gorouter"), EventType: events.Envelope_LogMessage.Enum(), Timestamp: proto.Int64(1),
		LogMessage: &events.LogMessage{Message: []byte(strings.Repeat("x", 100)), MessageType: events.LogMessage_OUT.Enum(),
			Timestamp: proto.Int64(1), AppId: proto.String("f47ac10b-58cc-4372-a567-0e02b2c3d479"), SourceType: proto.String("APP/PROC/WEB"), SourceInstance: proto.String("0")}}
	d, err := proto.Marshal(e)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := conn.Write(d); err != nil {
			b.Fatal(err)
		}
	}
	last, since := -1, time.Now()
	for sink.Count() < b.N && time.Since(since) < time.Second {
		if n := sink.Count(); n != last {
			last, since = n, time.Now()
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.StopTimer()
	b.ReportMetric(float64(sink.Count())/float64(b.N), "delivered")
}
