package wire_test

import (
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// jsonBenchEnvelope is an app log line with the tags Cloud Foundry adds.
func jsonBenchEnvelope(b *testing.B) []byte {
	env, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: 1700000000000000000, SourceId: "5f4b2b0e-8c2a-4e0b-9d1e-3c6b3f1e2a7d", InstanceId: "0",
		Tags: map[string]string{"source_type": "APP/PROC/WEB", "deployment": "cf", "ip": "10.0.16.12",
			"job": "diego-cell", "origin": "rep", "app_name": "billing", "space_name": "prod", "index": "c8b0a6e4"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
			Payload: []byte(`2026-11-30T11:00:00Z INFO request served path=/api/v1/invoices status=200 duration_ms=12`)}},
	})
	if err != nil {
		b.Fatal(err)
	}
	return env
}

// BenchmarkJSONEnvelope is JSONEncoder on one encoded envelope.
func BenchmarkJSONEnvelope(b *testing.B) {
	env := jsonBenchEnvelope(b)
	var enc wire.JSONEncoder
	out := make([]byte, 0, 4096)
	b.SetBytes(int64(len(env)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if out, err = enc.AppendEnvelope(out[:0], env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONEnvelopeProtojson is what it replaces: decode the envelope,
// then protojson.
func BenchmarkJSONEnvelopeProtojson(b *testing.B) {
	env := jsonBenchEnvelope(b)
	opts := protojson.MarshalOptions{EmitUnpopulated: true}
	out := make([]byte, 0, 4096)
	b.SetBytes(int64(len(env)))
	b.ReportAllocs()
	for b.Loop() {
		var e loggregator_v2.Envelope
		if err := proto.Unmarshal(env, &e); err != nil {
			b.Fatal(err)
		}
		var err error
		if out, err = opts.MarshalAppend(out[:0], &e); err != nil {
			b.Fatal(err)
		}
	}
}
