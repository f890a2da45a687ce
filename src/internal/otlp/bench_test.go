package otlp_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/otlp"
	"loggregator/internal/otlp/otlptest"
)

// BenchmarkExporterLogs measures converting and exporting batches of 100
// app log envelopes (about 200 bytes, six tags as the agent adds them) to a
// real OTLP receiver over mutual TLS in the same process. One op is one
// envelope; the CPU is the whole process's, receiver included.
func BenchmarkExporterLogs(b *testing.B) {
	certs, err := certgen.Identities(b.TempDir(), "otel-collector", "forwarder")
	if err != nil {
		b.Fatal(err)
	}
	receiver, err := otlptest.NewReceiver(certs["otel-collector"])
	if err != nil {
		b.Fatal(err)
	}
	defer receiver.Close()
	receiver.Discard()
	tlsCfg, err := mtls.Client(certs["forwarder"], "otel-collector", nil)
	if err != nil {
		b.Fatal(err)
	}
	x, err := otlp.NewExporter(receiver.Addr(), tlsCfg, otlp.DefaultConfig(), otlp.NewMetrics(metrics.NewRegistry(), "otel"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()

	batch := make([][]byte, 0, 100)
	for range 100 {
		e := &loggregator_v2.Envelope{
			SourceId: "app-guid-0000-0000-0000-000000000000", InstanceId: "0", Timestamp: time.Now().UnixNano(),
			Tags: map[string]string{"source_type": "APP/PROC/WEB", "deployment": "cf", "job": "diego-cell", "index": "0", "ip": "10.0.0.1"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
				Payload: []byte("2026-01-01T00:00:00Z INFO a typical application log line of about 100 bytes, number 1"),
			}},
		}
		enc, err := proto.Marshal(e)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, enc)
	}

	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	start := time.Now()
	b.ReportAllocs()
	b.ResetTimer()
	sent := 0
	for sent < b.N {
		if err := x.Write(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		sent += len(batch)
	}
	b.StopTimer()
	elapsed := time.Since(start)
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(sent)/elapsed.Seconds(), "envelopes/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/1000/float64(sent), "cpu-µs/envelope")
}
