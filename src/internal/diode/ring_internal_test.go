package diode

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// These specs stage interleavings that concurrent runs reach only by chance:
// a writer descheduled for a whole lap, and a writer meeting a slot that is
// being copied.
var _ = Describe("ring", func() {
	It("discards the value of a writer lapped before it stored, and counts it as dropped", func() {
		var dropped int
		r := &ring[int]{}
		r.init(4, func(n int) { dropped += n }, nil)
		for _, seq := range []uint64{0, 2, 3, 4, 5} {
			r.put(seq, int(seq))
		}
		r.put(1, 1) // slot 1 already holds entry 5

		var got []int
		for {
			v, ok := r.tryNext()
			if !ok {
				break
			}
			got = append(got, v)
		}
		Expect(got).To(Equal([]int{2, 3, 4, 5}))
		Expect(dropped).To(Equal(2))
	})

	It("makes a writer wait while the slot it overwrites is being copied", func() {
		r := &ring[int]{}
		r.init(1, nil, nil)
		r.put(0, 0)
		s := &r.slots[0]
		locked := s.state.Load() | lockBit
		s.state.Store(locked) // as the reader does while it copies entry 0

		done := make(chan struct{})
		go func() {
			defer close(done)
			r.put(1, 1)
		}()
		Consistently(done).ShouldNot(BeClosed())
		s.state.Store(locked &^ lockBit)
		Eventually(done).Should(BeClosed())

		v, ok := r.tryNext()
		Expect(ok).To(BeTrue())
		Expect(v).To(Equal(1))
	})

	It("waits for an entry claimed but not yet stored rather than skip it", func() {
		r := &ring[int]{}
		r.init(4, nil, nil)
		r.put(1, 1) // entry 0 is claimed by a writer that has not stored it yet
		_, ok := r.tryNext()
		Expect(ok).To(BeFalse())
		r.put(0, 0)
		v, ok := r.tryNext()
		Expect(ok).To(BeTrue())
		Expect(v).To(Equal(0))
		v, ok = r.tryNext()
		Expect(ok).To(BeTrue())
		Expect(v).To(Equal(1))
	})
})
