package dropsonde_test

import (
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
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
