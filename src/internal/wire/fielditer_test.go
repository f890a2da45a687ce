package wire_test

import (
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/encoding/protowire"

	"loggregator/internal/wire"
)

// field is one field as FieldIter yields it; null is data == nil.
type field struct {
	num  int
	v    uint64
	data string
	null bool
}

func walk(b []byte) ([]field, error) {
	it := wire.NewFieldIter(b)
	var out []field
	for {
		num, v, data, ok := it.Next()
		if !ok {
			return out, it.Err()
		}
		out = append(out, field{num, v, string(data), data == nil})
	}
}

// protowireWalk reads b as FieldIter should, with the protobuf module's own
// wire reader: the varint and length-delimited fields up to the first field
// that does not parse, a group, or a field number above 2^29-1, and whether
// it read b to the end.
func protowireWalk(b []byte) ([]field, bool) {
	var out []field
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 || num > protowire.MaxValidNumber || typ == protowire.StartGroupType || typ == protowire.EndGroupType {
			return out, false
		}
		b = b[n:]
		switch typ {
		case protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return out, false
			}
			out = append(out, field{int(num), v, "", true})
		case protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return out, false
			}
			out = append(out, field{num: int(num), data: string(v)})
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return out, false
		}
		b = b[n:]
	}
	return out, true
}

var _ = Describe("FieldIter", func() {
	It("yields varint and length-delimited fields in wire order and skips fixed-width ones", func() {
		b := []byte{
			0x08, 0x96, 0x01, // 1: varint 150
			0x11, 1, 2, 3, 4, 5, 6, 7, 8, // 2: fixed64
			0x1a, 0x02, 'h', 'i', // 3: bytes "hi"
			0x25, 1, 2, 3, 4, // 4: fixed32
			0xf8, 0xff, 0xff, 0xff, 0x0f, 0x00, // 536870911 (the largest): varint 0
		}
		Expect(walk(b)).To(Equal([]field{
			{num: 1, v: 150, null: true},
			{num: 3, data: "hi"},
			{num: 1<<29 - 1, null: true},
		}))
	})

	It("yields an empty, non-nil slice for a zero-length bytes field", func() {
		it := wire.NewFieldIter([]byte{0x12, 0x00, 0x18, 0x01})
		num, _, data, ok := it.Next()
		Expect(ok).To(BeTrue())
		Expect(num).To(Equal(2))
		Expect(data).NotTo(BeNil())
		Expect(data).To(BeEmpty())
		num, v, data, ok := it.Next()
		Expect([]any{num, v, data, ok}).To(Equal([]any{3, uint64(1), []byte(nil), true}))
	})

	It("ends without an error on an empty message", func() {
		Expect(walk(nil)).To(BeEmpty())
		Expect(walk([]byte{})).To(BeEmpty())
	})

	DescribeTable("stops at a framing error with an error wrapping ErrMalformed",
		func(b []byte, before int, reason string) {
			got, err := walk(b)
			Expect(got).To(HaveLen(before))
			Expect(err).To(MatchError(wire.ErrMalformed))
			Expect(err).To(MatchError(ContainSubstring(reason)))
		},
		Entry("a key that breaks off", []byte{0x08, 0x01, 0x80}, 1, "bad varint"),
		Entry("a varint value that breaks off", []byte{0x08, 0x80, 0x80}, 0, "bad varint"),
		Entry("a varint longer than ten bytes", []byte{0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, 0, "bad varint"),
		Entry("a varint whose tenth byte overflows 64 bits", []byte{0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}, 0, "bad varint"),
		Entry("a length that breaks off", []byte{0x12, 0x80}, 0, "bad varint"),
		Entry("a length past the end", []byte{0x12, 0x05, 'a'}, 0, "truncated"),
		Entry("a huge length", []byte{0x12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 'a'}, 0, "truncated"),
		Entry("a fixed64 past the end", []byte{0x09, 1, 2, 3, 4, 5, 6, 7}, 0, "truncated"),
		Entry("a fixed32 past the end", []byte{0x0d, 1, 2, 3}, 0, "truncated"),
		Entry("a start group", []byte{0x08, 0x01, 0x0b, 0x0c}, 1, "groups"),
		Entry("an end group", []byte{0x0c}, 0, "groups"),
		Entry("wire type 6", []byte{0x0e, 0x00}, 0, "wire type"),
		Entry("wire type 7", []byte{0x0f, 0x00}, 0, "wire type"),
		Entry("field number 0", []byte{0x02, 0x00}, 0, "field number 0"),
		Entry("a field number above 2^29-1", []byte{0x80, 0x80, 0x80, 0x80, 0x20, 0x00}, 0, "field number"),
	)

	It("keeps returning false and the same error after a framing error", func() {
		it := wire.NewFieldIter([]byte{0x08, 0x01, 0x0b, 0x08, 0x02})
		_, _, _, ok := it.Next()
		Expect(ok).To(BeTrue())
		Expect(it.Err()).NotTo(HaveOccurred())
		_, _, _, ok = it.Next()
		Expect(ok).To(BeFalse())
		err := it.Err()
		Expect(err).To(MatchError(ContainSubstring("groups")))
		_, _, _, ok = it.Next()
		Expect(ok).To(BeFalse())
		Expect(it.Err()).To(BeIdenticalTo(err))
	})

	It("agrees with the protobuf module's wire reader on every prefix of an envelope", func() {
		b := encode(&loggregator_v2.Envelope{
			Timestamp: 300, SourceId: "app", Tags: map[string]string{"k": "v"},
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"cpu": {Unit: "%", Value: 1.5}}}},
		})
		for l := range len(b) + 1 {
			got, err := walk(b[:l])
			want, whole := protowireWalk(b[:l])
			Expect(got).To(Equal(want), "length %d", l)
			Expect(err == nil).To(Equal(whole), "length %d: %v", l, err)
		}
	})

	It("allocates nothing", func() {
		b := encode(gauge("cpu", "memory"))
		n := 0
		Expect(testingAllocs(func() {
			it := wire.NewFieldIter(b)
			for {
				if _, _, _, ok := it.Next(); !ok {
					break
				}
				n++
			}
		})).To(BeZero())
		Expect(n).To(BeNumerically(">", 0))
	})
})
