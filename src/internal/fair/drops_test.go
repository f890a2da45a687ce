package fair_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/fair"
)

// series gathers vec's counters by source id.
func series(vec *prometheus.CounterVec) map[string]float64 {
	reg := prometheus.NewRegistry()
	Expect(reg.Register(vec)).To(Succeed())
	defer reg.Unregister(vec)
	families, err := reg.Gather()
	Expect(err).NotTo(HaveOccurred())
	out := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			out[m.GetLabel()[0].GetValue()] = m.GetCounter().GetValue()
		}
	}
	return out
}

var _ = Describe("DropTable", func() {
	var vec *prometheus.CounterVec
	BeforeEach(func() {
		vec = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dropped_by_source"}, []string{"source_id"})
	})

	It("counts each named source's drops", func() {
		t := fair.NewDropTable(3, vec)
		t.Add([]byte("noisy"), 900)
		t.Add([]byte("noisy"), 100)
		t.Add([]byte("other-app"), 5)
		Expect(series(vec)).To(Equal(map[string]float64{"noisy": 1000, "other-app": 5, fair.Other: 0}))
	})

	It("names at most n sources, moving the count of the one whose drops are oldest to the rest", func() {
		t := fair.NewDropTable(2, vec)
		t.Add([]byte("a"), 10)
		t.Add([]byte("b"), 20)
		t.Add([]byte("a"), 1)
		t.Add([]byte("c"), 3) // b's drops are the oldest
		Expect(series(vec)).To(Equal(map[string]float64{"a": 11, "c": 3, fair.Other: 20}))
		for i := range 1000 {
			t.Add([]byte{byte(i), byte(i >> 8)}, 1)
		}
		s := series(vec)
		Expect(s).To(HaveLen(3))
		sum := 0.0
		for _, v := range s {
			sum += v
		}
		Expect(sum).To(Equal(11.0+20+3+1000), "the series always sum to every drop")
	})

	It("names a source id that is not UTF-8, or is very long, by a valid prefix", func() {
		t := fair.NewDropTable(2, vec)
		t.Add([]byte{'a', 0x80}, 1)
		t.Add([]byte(strings.Repeat("x", 60_000)), 2)
		Expect(series(vec)).To(Equal(map[string]float64{"a\uFFFD": 1, strings.Repeat("x", 256): 2, fair.Other: 0}))
	})

	It("counts drops of an unknown source under the rest", func() {
		t := fair.NewDropTable(2, vec)
		t.Add(nil, 4)
		t.Add([]byte(fair.Other), 1)
		Expect(series(vec)).To(Equal(map[string]float64{fair.Other: 5}))
	})
})
