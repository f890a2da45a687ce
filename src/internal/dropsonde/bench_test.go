package dropsonde_test

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/dropsonde"
)

// BenchmarkDecode is the UDP forwarder's work per datagram, for a log
// message and an HTTP start-stop (the largest type): DecodeAppend (append),
// and Decode followed by proto.Marshal (marshal), which it replaced.
func BenchmarkDecode(b *testing.B) {
	logE := &events.Envelope{Origin: proto.String("gorouter"), EventType: events.Envelope_LogMessage.Enum(), Timestamp: proto.Int64(1),
		Deployment: proto.String("cf"), Job: proto.String("router"), Index: proto.String("0"), Ip: proto.String("10.0.1.5"),
		LogMessage: &events.LogMessage{Message: []byte(strings.Repeat("x", 100)), MessageType: events.LogMessage_OUT.Enum(),
			Timestamp: proto.Int64(1), AppId: proto.String("f47ac10b-58cc-4372-a567-0e02b2c3d479"), SourceType: proto.String("APP/PROC/WEB"), SourceInstance: proto.String("0")}}
	uuid := &events.UUID{Low: proto.Uint64(1), High: proto.Uint64(2)}
	httpE := &events.Envelope{Origin: proto.String("gorouter"), EventType: events.Envelope_HttpStartStop.Enum(), Timestamp: proto.Int64(1),
		Deployment: proto.String("cf"), Job: proto.String("router"), Index: proto.String("0"), Ip: proto.String("10.0.1.5"),
		HttpStartStop: &events.HttpStartStop{StartTimestamp: proto.Int64(1), StopTimestamp: proto.Int64(2), RequestId: uuid,
			PeerType: events.PeerType_Client.Enum(), Method: events.Method_GET.Enum(), Uri: proto.String("https://app.example.com/path"),
			RemoteAddress: proto.String("10.0.0.1:5000"), UserAgent: proto.String("curl/8"), StatusCode: proto.Int32(200),
			ContentLength: proto.Int64(3), ApplicationId: uuid, InstanceIndex: proto.Int32(0), InstanceId: proto.String("x")}}
	for _, c := range []struct {
		name string
		e    *events.Envelope
	}{{"log", logE}, {"http", httpE}} {
		d, err := proto.Marshal(c.e)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name+"/append", func(b *testing.B) {
			b.ReportAllocs()
			d2 := dropsonde.Decoder{}
			buf := make([]byte, 0, 4096)
			cpu0 := processCPU()
			for b.Loop() {
				var err error
				if buf, err = d2.DecodeAppend(buf[:0], d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
		b.Run(c.name+"/marshal", func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				v2, err := dropsonde.Decode(d)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := proto.Marshal(v2); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// processCPU is the user and system CPU time of the test process so far, GC
// included: on a shared machine wall time per op says more about the other
// processes than about this code.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEncodeRaw is the traffic controller's conversion of one encoded
// v2 envelope to its v1 frames, for a log with the tags Cloud Foundry's
// components set and for a counter: the direct path, without a websocket.
func BenchmarkEncodeRaw(b *testing.B) {
	tags := map[string]string{"source_type": "APP/PROC/WEB", "origin": "rep", "deployment": "cf", "job": "diego-cell",
		"index": "0d6ba8ae-2d33-4c4b-a3a4-3c8c9b2fa6a2", "ip": "10.0.1.5"}
	for _, c := range []struct {
		name string
		e    *loggregator_v2.Envelope
	}{
		{"log", &loggregator_v2.Envelope{Timestamp: time.Now().UnixNano(), SourceId: "f47ac10b-58cc-4372-a567-0e02b2c3d479", InstanceId: "0", Tags: tags,
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(strings.Repeat("x", 100))}}}},
		{"counter", &loggregator_v2.Envelope{Timestamp: time.Now().UnixNano(), SourceId: "gorouter", Tags: tags,
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "total_requests", Delta: 5, Total: 12345}}}},
	} {
		raw, err := proto.Marshal(c.e)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			var enc dropsonde.Encoder
			var dec dropsonde.V2Decoder
			b.ReportAllocs()
			for b.Loop() {
				if _, err := enc.EncodeRaw(raw, &dec); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
