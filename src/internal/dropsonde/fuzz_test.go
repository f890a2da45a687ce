package dropsonde_test

import (
	"bytes"
	"slices"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/dropsonde"
)

// FuzzDecode holds Decode to its contract on any datagram: an envelope or an
// error, never a panic, and every envelope it returns marshals on the v2 wire,
// encodes back to v1, and is what DecodeAppend writes. The seed corpus (testdata/fuzz/FuzzDecode) holds one
// datagram of each v1 event type. Run it with
// go test ./internal/dropsonde -run '^$' -fuzz FuzzDecode -fuzztime 30s
func FuzzDecode(f *testing.F) {
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, datagram []byte) {
		v2, err := dropsonde.Decode(datagram)
		if err != nil {
			if v2 != nil {
				t.Fatalf("an envelope beside the error %v", err)
			}
			return
		}
		if _, err := proto.Marshal(v2); err != nil {
			t.Fatalf("decoded envelope does not marshal on the v2 wire: %v", err)
		}
		if _, err := dropsonde.Encode(v2); err != nil {
			t.Fatalf("decoded envelope does not encode back to v1: %v", err)
		}
		enc, err := dropsonde.Decoder{}.DecodeAppend(nil, datagram)
		if err != nil {
			t.Fatalf("DecodeAppend refused what Decode took: %v", err)
		}
		var back loggregator_v2.Envelope
		if err := proto.Unmarshal(enc, &back); err != nil || !proto.Equal(&back, v2) {
			t.Fatalf("DecodeAppend wrote %x, which is not the decoded envelope (%v)", enc, err)
		}
	})
}

// FuzzV2Decoder holds V2Decoder to proto.Unmarshal on any input: no panic,
// and whatever V2Decoder takes, proto.Unmarshal takes too and decodes to an
// equal envelope, also when one decoder and one envelope are reused (the
// input is decoded twice, after an envelope with other tags). V2Decoder may
// refuse a little more: a tag entry whose key or value has the wrong wire
// type. Run it with
// go test ./internal/dropsonde -run '^$' -fuzz FuzzV2Decoder -fuzztime 30s
func FuzzV2Decoder(f *testing.F) {
	seed, err := proto.Marshal(&loggregator_v2.Envelope{Timestamp: 1, SourceId: "app", Tags: map[string]string{"origin": "rep", "job": "cell"},
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}})
	if err != nil {
		f.Fatal(err)
	}
	other, err := proto.Marshal(&loggregator_v2.Envelope{Tags: map[string]string{"stale": "tag"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{})
	f.Add(seed)
	f.Fuzz(func(t *testing.T, raw []byte) {
		var d dropsonde.V2Decoder
		var got loggregator_v2.Envelope
		if err := d.Decode(other, &got); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := d.Decode(raw, &got); err != nil {
				return
			}
			var want loggregator_v2.Envelope
			if err := proto.Unmarshal(raw, &want); err != nil {
				t.Fatalf("V2Decoder took %x, which proto.Unmarshal refuses: %v", raw, err)
			}
			if !proto.Equal(&got, &want) {
				t.Fatalf("V2Decoder decoded %x to %v, proto.Unmarshal to %v", raw, &got, &want)
			}
		}
	})
}

// FuzzDirect holds DecodeAppend's direct path (v1 bytes straight to v2
// bytes) to the reference path (proto.Unmarshal, go-loggregator's ToV2) on
// any datagram: whatever the direct path takes, Decode takes too and gives
// the envelope the direct path wrote, with and without Decoder defaults;
// whatever it leaves, it leaves dst as it was. The seeds are every v1 event
// type and the corners of the mapping (directCases). Run it with
// go test ./internal/dropsonde -run '^$' -fuzz FuzzDirect -fuzztime 30s
func FuzzDirect(f *testing.F) {
	for _, e := range directCases() {
		b, err := proto.Marshal(e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, datagram []byte) {
		for _, d := range []dropsonde.Decoder{{}, vmDecoder} {
			out, ok := d.AppendDirect([]byte("p"), datagram)
			if !ok {
				if string(out) != "p" {
					t.Fatalf("the direct path left %q for %x", out, datagram)
				}
				continue
			}
			want, err := d.Decode(datagram)
			if err != nil {
				t.Fatalf("the direct path took %x, which Decode refuses: %v", datagram, err)
			}
			var got loggregator_v2.Envelope
			if err := proto.Unmarshal(out[1:], &got); err != nil || !proto.Equal(&got, want) {
				t.Fatalf("the direct path wrote %v for %x, Decode gives %v (%v)", &got, datagram, want, err)
			}
		}
	})
}

// FuzzEncodeRaw holds EncodeRaw to what the traffic controller did before it:
// decode with V2Decoder, then Encode. For any bytes both refuse, or both give
// frames that decode to the same v1 envelopes. Run it with
// go test ./internal/dropsonde -run '^$' -fuzz FuzzEncodeRaw -fuzztime 30s
func FuzzEncodeRaw(f *testing.F) {
	for _, e := range fuzzV2Seeds() {
		raw, err := proto.Marshal(e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	// Tags off the direct path's quick shape: a value that is UTF-8 but not
	// ASCII, and one that is not UTF-8 at all (proto.Marshal will not write
	// it, so its bytes are patched in over a placeholder of the same length).
	for _, value := range []string{"gr\u00fc\u00dfe", "\x00PLACEHOLDER"} {
		raw, err := proto.Marshal(&loggregator_v2.Envelope{SourceId: "app", Tags: map[string]string{"k": value},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello")}}})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bytes.Replace(raw, []byte("\x00PLACEHOLDER"), []byte("\xffPLACEHOLDER"), 1))
	}
	var enc dropsonde.Encoder
	var dec dropsonde.V2Decoder
	f.Fuzz(func(t *testing.T, raw []byte) {
		var want [][]byte
		var e loggregator_v2.Envelope
		wantErr := (&dropsonde.V2Decoder{}).Decode(raw, &e)
		if wantErr == nil {
			want, wantErr = dropsonde.Encode(&e)
		}
		got, err := enc.EncodeRaw(raw, &dec)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("EncodeRaw error %v, decode and Encode %v", err, wantErr)
		}
		if err != nil {
			return
		}
		if len(got) != len(want) {
			t.Fatalf("%d frames, want %d", len(got), len(want))
		}
		for _, g := range got {
			var gv events.Envelope
			if err := proto.Unmarshal(g, &gv); err != nil {
				t.Fatalf("frame does not decode: %v", err)
			}
			if !slices.ContainsFunc(want, func(w []byte) bool {
				var wv events.Envelope
				return proto.Unmarshal(w, &wv) == nil && proto.Equal(&gv, &wv)
			}) {
				t.Fatalf("frame %v is not among Encode's", &gv)
			}
		}
	})
}

// fuzzV2Seeds are a log and a counter with the tags a router's envelopes
// carry, and a gauge.
func fuzzV2Seeds() []*loggregator_v2.Envelope {
	tags := map[string]string{"origin": "o", "deployment": "d", "job": "j", "index": "0", "ip": "1.2.3.4", "source_type": "APP", "x": "y"}
	return []*loggregator_v2.Envelope{
		{SourceId: "app", InstanceId: "1", Timestamp: 42, Tags: tags,
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello"), Type: loggregator_v2.Log_ERR}}},
		{SourceId: "app", InstanceId: "1", Tags: tags,
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: 1, Total: 2}}},
		{SourceId: "app", Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"g": {Unit: "u", Value: 1}}}}},
	}
}
