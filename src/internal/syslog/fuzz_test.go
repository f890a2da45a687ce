package syslog_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/influxdata/go-syslog/v3/rfc5424"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/syslog"
)

// FuzzFormat checks that Format never panics on any bytes, and that every
// message it makes of an envelope protobuf accepts is RFC 5424 to a real
// parser. Run it with go test ./internal/syslog -run '^$' -fuzz FuzzFormat
// -fuzztime 30s; the seeds run with every go test.
func FuzzFormat(f *testing.F) {
	seeds := []*loggregator_v2.Envelope{
		{SourceId: "a", Tags: map[string]string{"k": `v"]\`}, Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x\x00y")}}},
		{Tags: map[string]string{"origin": "o", "organization_name": "é o"}, Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Total: 3}}},
		{Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"m": {Unit: "u", Value: 2}, "n": {}}}}},
		{InstanceId: "1", Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "t", Start: 1, Stop: 2}}},
		{Timestamp: 99, Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "t", Body: "b"}}},
	}
	for _, s := range seeds {
		b, err := proto.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte{0x22, 0x02, 0x08}, "host")
	// A log payload that is not UTF-8 (found by fuzzing in CI).
	if b, err := proto.Marshal(&loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("00\x80")}}}); err == nil {
		f.Add(b, "")
	}
	f.Fuzz(func(t *testing.T, env []byte, hostname string) {
		var fm syslog.Formatter
		msgs, err := fm.Format(env, syslog.Options{Hostname: hostname})
		if err != nil {
			return
		}
		if proto.Unmarshal(env, &loggregator_v2.Envelope{}) != nil {
			return // protobuf refuses it; Format may be more lenient
		}
		for _, m := range msgs {
			// A log payload is app output, passed on byte for byte as
			// RFC 5424 MSG-ANY (section 6.4), which may hold any octets; the
			// parser only takes UTF-8, so invalid sequences are replaced
			// before parsing. Header and structured data come from protobuf
			// strings and stay checked as they are.
			if !utf8.Valid(m) {
				m = bytes.ToValidUTF8(m, []byte("\uFFFD"))
			}
			if _, err := rfc5424.NewMachine().Parse(m); err != nil {
				t.Fatalf("%q: %v", m, err)
			}
		}
	})
}
