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
