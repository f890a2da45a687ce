package wire_test

import (
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/leakcheck"
	"loggregator/internal/wire"
)

var _ = leakcheck.EverySpec()

func encode(e *loggregator_v2.Envelope) []byte {
	GinkgoHelper()
	b, err := proto.Marshal(e)
	Expect(err).NotTo(HaveOccurred())
	return b
}

func scan(e *loggregator_v2.Envelope) wire.Fields {
	GinkgoHelper()
	var f wire.Fields
	Expect(wire.Scan(encode(e), &f)).To(Succeed())
	return f
}

func gauge(names ...string) *loggregator_v2.Envelope {
	m := map[string]*loggregator_v2.GaugeValue{}
	for _, n := range names {
		m[n] = &loggregator_v2.GaugeValue{Unit: "B", Value: 1}
	}
	return &loggregator_v2.Envelope{SourceId: "app", Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: m}}}
}

var _ = Describe("Scan", func() {
	It("reads the source id and kind of a log", func() {
		f := scan(&loggregator_v2.Envelope{
			Timestamp: 7, SourceId: "app-1", InstanceId: "0",
			Tags:    map[string]string{"a": "b"},
			Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hi"), Type: loggregator_v2.Log_ERR}},
		})
		Expect(string(f.SourceID)).To(Equal("app-1"))
		Expect(f.Kind).To(Equal(wire.KindLog))
		Expect(f.HasTags).To(BeTrue())
		Expect(f.Timestamp).To(Equal(int64(7)))
	})

	It("reads negative timestamps and reports an unset one as 0", func() {
		Expect(scan(&loggregator_v2.Envelope{Timestamp: -5, SourceId: "s"}).Timestamp).To(Equal(int64(-5)))
		Expect(scan(&loggregator_v2.Envelope{SourceId: "s"}).Timestamp).To(BeZero())
	})

	It("reads the name of a counter and of a timer", func() {
		f := scan(&loggregator_v2.Envelope{SourceId: "s", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 1, Total: 9}}})
		Expect(f.Kind).To(Equal(wire.KindCounter))
		Expect(string(f.Name)).To(Equal("requests"))

		f = scan(&loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 1, Stop: 2}}})
		Expect(f.Kind).To(Equal(wire.KindTimer))
		Expect(string(f.Name)).To(Equal("http"))
		Expect(f.SourceID).To(BeEmpty())
	})

	It("reads events and envelopes without a message", func() {
		Expect(scan(&loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "t", Body: "b"}}}).Kind).To(Equal(wire.KindEvent))
		Expect(scan(&loggregator_v2.Envelope{SourceId: "x"}).Kind).To(Equal(wire.KindNone))
	})

	It("tells whether a gauge has all the given metric names", func() {
		f := scan(gauge("cpu", "memory", "disk"))
		Expect(f.Kind).To(Equal(wire.KindGauge))
		Expect(f.HasGaugeNames(nil)).To(BeTrue())
		Expect(f.HasGaugeNames([]string{"cpu", "disk"})).To(BeTrue())
		Expect(f.HasGaugeNames([]string{"cpu", "network"})).To(BeFalse())
	})

	It("hashes names alike for envelopes of the same name, gauges in any order", func() {
		a := scan(gauge("cpu", "memory"))
		b := scan(gauge("memory", "cpu"))
		Expect(a.NameHash()).To(Equal(b.NameHash()))
		c1 := scan(&loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "x", Total: 1}}})
		c2 := scan(&loggregator_v2.Envelope{SourceId: "other", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "x", Total: 2}}})
		Expect(c1.NameHash()).To(Equal(c2.NameHash()))
	})

	It("rejects truncated envelopes at every length", func() {
		full := encode(&loggregator_v2.Envelope{
			SourceId: "app", Tags: map[string]string{"k": "v"},
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Total: 300}},
		})
		var f wire.Fields
		for n := 1; n < len(full); n++ {
			err := wire.Scan(full[:n], &f)
			if proto.Unmarshal(full[:n], &loggregator_v2.Envelope{}) != nil {
				Expect(err).To(MatchError(wire.ErrMalformed), "length %d", n)
			}
		}
	})

	It("rejects invalid UTF-8 in strings, bad varints and groups", func() {
		var f wire.Fields
		Expect(wire.Scan([]byte{0x12, 0x02, 0xff, 0xfe}, &f)).To(MatchError(wire.ErrMalformed))
		Expect(wire.Scan([]byte{0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, &f)).To(MatchError(wire.ErrMalformed))
		Expect(wire.Scan([]byte{0x0b}, &f)).To(MatchError(wire.ErrMalformed))
		Expect(wire.Scan([]byte{0x12, 0x05, 'a'}, &f)).To(MatchError(ContainSubstring("truncated")))
	})

	It("rejects invalid UTF-8 in a tag's key or value, in the usual entry shape and in any other", func() {
		var f wire.Fields
		// tags (field 9) entry: key (1) "k", value (2) "v", one-byte lengths.
		Expect(wire.Scan([]byte{0x4a, 0x06, 0x0a, 0x01, 'k', 0x12, 0x01, 'v'}, &f)).To(Succeed())
		Expect(f.HasTags).To(BeTrue())
		Expect(wire.Scan([]byte{0x4a, 0x06, 0x0a, 0x01, 0xff, 0x12, 0x01, 'v'}, &f)).To(MatchError(ContainSubstring("UTF-8")))
		Expect(wire.Scan([]byte{0x4a, 0x06, 0x0a, 0x01, 'k', 0x12, 0x01, 0xc3}, &f)).To(MatchError(ContainSubstring("UTF-8")))
		Expect(wire.Scan([]byte{0x4a, 0x07, 0x0a, 0x02, 'k', 0xe9, 0x12, 0x01, 'v'}, &f)).To(MatchError(ContainSubstring("UTF-8")))
		// Value before key, and the key twice: not the usual shape.
		Expect(wire.Scan([]byte{0x4a, 0x06, 0x12, 0x01, 0xff, 0x0a, 0x01, 'k'}, &f)).To(MatchError(ContainSubstring("UTF-8")))
		Expect(wire.Scan([]byte{0x4a, 0x09, 0x0a, 0x01, 'k', 0x12, 0x01, 'v', 0x0a, 0x01, 0xff}, &f)).To(MatchError(ContainSubstring("UTF-8")))
		// Multi-byte UTF-8 is fine.
		Expect(wire.Scan([]byte{0x4a, 0x07, 0x0a, 0x02, 0xc3, 0xa9, 0x12, 0x01, 'v'}, &f)).To(Succeed())
	})

	It("ScanTagKeys returns what Scan does and every tag key, of both maps, in wire order", func() {
		b := encode(&loggregator_v2.Envelope{SourceId: "app", Tags: map[string]string{"b": "2"}})
		b = append(b, encode(&loggregator_v2.Envelope{DeprecatedTags: map[string]*loggregator_v2.Value{"a": {}}})...)
		// An entry of another shape: the key twice, the last winning.
		b = append(b, 0x4a, 0x09, 0x0a, 0x01, 'x', 0x12, 0x01, 'v', 0x0a, 0x01, 'c')
		var f, g wire.Fields
		keys, err := wire.ScanTagKeys(b, &f, [][]byte{[]byte("kept")})
		Expect(err).NotTo(HaveOccurred())
		Expect(wire.Scan(b, &g)).To(Succeed())
		Expect(f).To(Equal(g))
		Expect(keys).To(Equal([][]byte{[]byte("kept"), []byte("b"), []byte("a"), []byte("c")}))

		_, err = wire.ScanTagKeys([]byte{0x4a, 0x06, 0x0a, 0x01, 0xff, 0x12, 0x01, 'v'}, &f, nil)
		Expect(err).To(MatchError(wire.ErrMalformed))
	})

	It("skips fields it does not know, as protobuf does", func() {
		b := append(encode(&loggregator_v2.Envelope{SourceId: "app"}), 0x9a, 0x01, 0x01, 'x') // field 19, bytes
		var f wire.Fields
		Expect(wire.Scan(b, &f)).To(Succeed())
		Expect(string(f.SourceID)).To(Equal("app"))
	})

	It("allocates nothing", func() {
		b := encode(gauge("cpu", "memory"))
		var f wire.Fields
		Expect(testingAllocs(func() {
			_ = wire.Scan(b, &f)
			_ = f.HasGaugeNames([]string{"memory"})
			_ = f.NameHash()
		})).To(BeZero())
	})
})

var _ = Describe("EachTagKey", func() {
	keys := func(b []byte) []string {
		var out []string
		wire.EachTagKey(b, func(k []byte) bool {
			out = append(out, string(k))
			return true
		})
		return out
	}

	It("yields the keys of tags and deprecated_tags", func() {
		b := encode(&loggregator_v2.Envelope{
			SourceId:       "app",
			Tags:           map[string]string{"a": "1", "b": "2"},
			DeprecatedTags: map[string]*loggregator_v2.Value{"c": {Data: &loggregator_v2.Value_Text{Text: "3"}}},
			Message:        &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "n"}},
		})
		Expect(keys(b)).To(ConsistOf("a", "b", "c"))
		Expect(keys(encode(&loggregator_v2.Envelope{SourceId: "app"}))).To(BeEmpty())
	})

	It("stops when told to and at a framing error", func() {
		b := encode(&loggregator_v2.Envelope{Tags: map[string]string{"a": "1", "b": "2", "c": "3"}})
		n := 0
		wire.EachTagKey(b, func([]byte) bool { n++; return n < 2 })
		Expect(n).To(Equal(2))
		for l := range len(b) {
			Expect(func() { keys(b[:l]) }).NotTo(Panic())
		}
		Expect(keys([]byte{0x4a, 0x05, 0x0a})).To(BeEmpty())
	})

	It("allocates nothing", func() {
		b := encode(&loggregator_v2.Envelope{Tags: map[string]string{"a": "1", "origin": "x"}})
		found := false
		Expect(testingAllocs(func() {
			wire.EachTagKey(b, func(k []byte) bool {
				found = found || string(k) == "origin"
				return true
			})
		})).To(BeZero())
		Expect(found).To(BeTrue())
	})
})

var _ = Describe("EachField", func() {
	type field struct {
		num  int
		v    uint64
		data string
	}
	fields := func(b []byte) ([]field, error) {
		var out []field
		err := wire.EachField(b, func(num int, v uint64, data []byte) bool {
			out = append(out, field{num, v, string(data)})
			return true
		})
		return out, err
	}

	It("yields the varint and length-delimited fields in wire order", func() {
		b := encode(&loggregator_v2.Envelope{Timestamp: 7, SourceId: "app", InstanceId: "0"})
		Expect(fields(b)).To(Equal([]field{{num: 1, v: 7}, {num: 2, data: "app"}, {num: 8, data: "0"}}))
	})

	It("passes a non-nil slice for an empty length-delimited field and skips fixed-width ones", func() {
		b, err := proto.Marshal(&loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"": {Value: 1.5}}})
		Expect(err).NotTo(HaveOccurred())
		var entry []byte
		Expect(wire.EachField(b, func(num int, _ uint64, data []byte) bool {
			entry = data
			return true
		})).To(Succeed())
		var got [][]byte
		Expect(wire.EachField(entry, func(num int, _ uint64, data []byte) bool {
			got = append(got, data)
			return true
		})).To(Succeed())
		Expect(got).To(HaveLen(2))
		Expect(got[0]).NotTo(BeNil())
		Expect(got[0]).To(BeEmpty())
		Expect(wire.EachField(got[1], func(int, uint64, []byte) bool {
			Fail("a double is not a varint or length-delimited field")
			return true
		})).To(Succeed())
	})

	It("stops when told to", func() {
		b := encode(&loggregator_v2.Envelope{Timestamp: 7, SourceId: "app", InstanceId: "0"})
		n := 0
		Expect(wire.EachField(b, func(int, uint64, []byte) bool { n++; return false })).To(Succeed())
		Expect(n).To(Equal(1))
	})

	It("returns a malformed error at a framing error", func() {
		b := encode(&loggregator_v2.Envelope{Timestamp: 7, SourceId: "app"})
		for l := 1; l < len(b); l++ {
			if l == 2 {
				continue // the timestamp field ends there
			}
			_, err := fields(b[:l])
			Expect(err).To(MatchError(wire.ErrMalformed), "cut at %d", l)
		}
		_, err := fields([]byte{0xff, 0xff, 0xff})
		Expect(err).To(MatchError(wire.ErrMalformed))
	})

	It("allocates nothing", func() {
		b := encode(&loggregator_v2.Envelope{Timestamp: 7, Tags: map[string]string{"a": "1"}})
		var ts uint64
		Expect(testingAllocs(func() {
			_ = wire.EachField(b, func(num int, v uint64, data []byte) bool {
				if num == 1 && data == nil {
					ts = v
				}
				return true
			})
		})).To(BeZero())
		Expect(ts).To(Equal(uint64(7)))
	})
})
