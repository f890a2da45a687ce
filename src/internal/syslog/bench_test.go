package syslog_test

import (
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/syslog"
)

// BenchmarkFormatLog formats a typical app log line with five tags.
func BenchmarkFormatLog(b *testing.B) {
	env, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: 1764488653123456789, SourceId: "6f8a2c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b", InstanceId: "0",
		Tags: map[string]string{"source_type": "APP/PROC/WEB", "deployment": "cf", "job": "diego-cell", "index": "2f1c", "ip": "10.0.1.4"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
			Payload: []byte(`10.0.0.1 - - [30/Nov/2026:07:44:13 +0000] "GET /v2/info HTTP/1.1" 200 512 "-" "curl/8.5"`),
		}},
	})
	if err != nil {
		b.Fatal(err)
	}
	var f syslog.Formatter
	opts := syslog.Options{Hostname: "org.space.app"}
	b.ReportAllocs()
	b.SetBytes(int64(len(env)))
	for b.Loop() {
		if _, err := f.Format(env, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFormatGauge formats a gauge of four metrics: four messages.
func BenchmarkFormatGauge(b *testing.B) {
	env, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: 1764488653123456789, SourceId: "6f8a2c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b", InstanceId: "0",
		Tags: map[string]string{"deployment": "cf", "job": "diego-cell"},
		Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
			"cpu": {Unit: "percentage", Value: 12.5}, "memory": {Unit: "bytes", Value: 123456789},
			"disk": {Unit: "bytes", Value: 1 << 30}, "memory_quota": {Unit: "bytes", Value: 1 << 31},
		}}},
	})
	if err != nil {
		b.Fatal(err)
	}
	var f syslog.Formatter
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Format(env, syslog.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
