package cfauth

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("cache", func() {
	t0 := time.Unix(1_700_000_000, 0)

	It("returns a value until its TTL passes", func() {
		c := newCache[string](time.Minute, 10)
		c.put("k", "v", t0, time.Time{})
		Expect(hit(c.get("k", t0.Add(59*time.Second)))).To(Equal("v"))
		_, ok := c.get("k", t0.Add(time.Minute))
		Expect(ok).To(BeFalse())
	})

	It("ends a value at notAfter when that comes before the TTL", func() {
		c := newCache[string](time.Minute, 10)
		c.put("k", "v", t0, t0.Add(10*time.Second))
		Expect(hit(c.get("k", t0.Add(9*time.Second)))).To(Equal("v"))
		_, ok := c.get("k", t0.Add(10*time.Second))
		Expect(ok).To(BeFalse())
	})

	It("keeps the TTL when notAfter comes after it", func() {
		c := newCache[string](time.Minute, 10)
		c.put("k", "v", t0, t0.Add(time.Hour))
		_, ok := c.get("k", t0.Add(time.Minute))
		Expect(ok).To(BeFalse())
	})

	It("stores nothing when its TTL is zero", func() {
		c := newCache[string](0, 10)
		c.put("k", "v", t0, time.Time{})
		_, ok := c.get("k", t0)
		Expect(ok).To(BeFalse())
		Expect(c.keys()).To(BeEmpty())
	})

	It("sweeps expired entries, not live ones, to make room when full", func() {
		c := newCache[int](time.Minute, 3)
		c.put("old-1", 1, t0, time.Time{})
		c.put("old-2", 2, t0, time.Time{})
		c.put("live", 3, t0.Add(30*time.Second), time.Time{})
		c.put("new", 4, t0.Add(time.Minute), time.Time{})
		Expect(c.keys()).To(ConsistOf("live", "new"))
	})

	It("drops a live entry when full of them, so it never holds more than its bound", func() {
		c := newCache[int](time.Minute, 3)
		for i, k := range []string{"a", "b", "c", "d", "e"} {
			c.put(k, i, t0, time.Time{})
			Expect(len(c.keys())).To(BeNumerically("<=", 3))
		}
		Expect(c.keys()).To(ContainElement("e"))
	})

	It("replaces a key in place without dropping another", func() {
		c := newCache[int](time.Minute, 2)
		c.put("a", 1, t0, time.Time{})
		c.put("b", 2, t0, time.Time{})
		c.put("a", 3, t0, time.Time{})
		Expect(c.keys()).To(ConsistOf("a", "b"))
		Expect(hit(c.get("a", t0))).To(Equal(3))
	})
})

// hit is the value of a get that must have found it.
func hit[V any](v V, ok bool) V {
	ExpectWithOffset(1, ok).To(BeTrue(), "cache miss")
	return v
}
