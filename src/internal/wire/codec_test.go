package wire_test

import (
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

func testingAllocs(fn func()) float64 { return testing.AllocsPerRun(100, fn) }

func envelopes(n int) []*loggregator_v2.Envelope {
	out := make([]*loggregator_v2.Envelope, n)
	for i := range out {
		out[i] = &loggregator_v2.Envelope{SourceId: "app", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: make([]byte, i*50)}}}
	}
	return out
}

var _ = Describe("Codec", func() {
	codec := wire.NewCodec()

	It("receives an EnvelopeBatch as raw envelopes without decoding them", func() {
		batch := &loggregator_v2.EnvelopeBatch{Batch: envelopes(30)}
		data, err := proto.Marshal(batch)
		Expect(err).NotTo(HaveOccurred())
		var raw wire.Batch
		Expect(codec.Unmarshal(mem.BufferSlice{mem.SliceBuffer(data)}, &raw)).To(Succeed())
		Expect(raw.Envelopes).To(HaveLen(30))
		Expect(raw.Invalid).To(BeZero())
		for i, b := range raw.Envelopes {
			var e loggregator_v2.Envelope
			Expect(proto.Unmarshal(b, &e)).To(Succeed())
			Expect(proto.Equal(&e, batch.Batch[i])).To(BeTrue())
		}
	})

	It("sends raw envelopes as an EnvelopeBatch any protobuf decoder reads", func() {
		in := envelopes(40) // some records are over the pooling threshold
		raw := &wire.Batch{}
		for _, e := range in {
			raw.Envelopes = append(raw.Envelopes, encode(e))
		}
		data, err := codec.Marshal(raw)
		Expect(err).NotTo(HaveOccurred())
		var out loggregator_v2.EnvelopeBatch
		Expect(proto.Unmarshal(data.Materialize(), &out)).To(Succeed())
		data.Free()
		Expect(out.Batch).To(HaveLen(40))
		for i := range in {
			Expect(proto.Equal(out.Batch[i], in[i])).To(BeTrue())
		}
	})

	It("sends and receives a single raw envelope", func() {
		b := encode(envelopes(2)[1])
		data, err := codec.Marshal(&wire.Envelope{Bytes: b})
		Expect(err).NotTo(HaveOccurred())
		var back wire.Envelope
		Expect(codec.Unmarshal(data, &back)).To(Succeed())
		Expect(back.Bytes).To(Equal(b))
	})

	It("counts a batch that breaks off as invalid and keeps what came before", func() {
		data, err := proto.Marshal(&loggregator_v2.EnvelopeBatch{Batch: envelopes(3)})
		Expect(err).NotTo(HaveOccurred())
		var raw wire.Batch
		Expect(codec.Unmarshal(mem.BufferSlice{mem.SliceBuffer(data[:len(data)-3])}, &raw)).To(Succeed())
		Expect(raw.Envelopes).To(HaveLen(2))
		Expect(raw.Invalid).To(Equal(1))
	})

	It("falls back to the proto codec for other messages", func() {
		req := &loggregator_v2.EgressBatchRequest{ShardId: "s", UsePreferredTags: true}
		data, err := codec.Marshal(req)
		Expect(err).NotTo(HaveOccurred())
		var back loggregator_v2.EgressBatchRequest
		Expect(codec.Unmarshal(data, &back)).To(Succeed())
		Expect(proto.Equal(&back, req)).To(BeTrue())
		Expect(codec.Name()).To(Equal("proto"))
	})
})

var _ = Describe("ToDeprecatedTags", func() {
	It("moves string tags into deprecated_tags as text values", func() {
		b := encode(&loggregator_v2.Envelope{
			SourceId:       "app",
			Tags:           map[string]string{"a": "1", "b": "2"},
			DeprecatedTags: map[string]*loggregator_v2.Value{"b": {Data: &loggregator_v2.Value_Integer{Integer: 7}}},
		})
		out, err := wire.ToDeprecatedTags(b)
		Expect(err).NotTo(HaveOccurred())
		var e loggregator_v2.Envelope
		Expect(proto.Unmarshal(out, &e)).To(Succeed())
		Expect(e.Tags).To(BeEmpty())
		Expect(e.DeprecatedTags["a"].GetText()).To(Equal("1"))
		Expect(e.DeprecatedTags["b"].GetInteger()).To(Equal(int64(7)))
		Expect(e.SourceId).To(Equal("app"))
	})
})
