package fair_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/fair"
)

var _ = Describe("Buffer marks", func() {
	It("covers a mark only once the reader has taken everything Set before it, in every lane", func() {
		b := fair.New(64, fair.Options{Lanes: 4})
		_, other := collidingSource(b, "app")
		b.Set(env("app", 1))
		b.Set(env(other, 2))
		mark := b.Mark(nil)
		Expect(fair.Covers(b.Progress(nil), mark)).To(BeFalse())

		_, ok := b.TryNext()
		Expect(ok).To(BeTrue())
		Expect(fair.Covers(b.Progress(nil), mark)).To(BeFalse(), "one lane still holds an envelope")
		_, ok = b.TryNext()
		Expect(ok).To(BeTrue())
		Expect(fair.Covers(b.Progress(nil), mark)).To(BeTrue())

		b.Set(env("app", 3))
		Expect(fair.Covers(b.Progress(nil), mark)).To(BeTrue(), "later writes do not move an earlier mark")
		Expect(fair.Covers(b.Progress(nil), b.Mark(nil))).To(BeFalse())
	})

	It("covers envelopes that were overwritten once the reader has counted them as dropped", func() {
		dropped := 0
		b := fair.New(4, fair.Options{Lanes: 1, OnDrop: func(n int) { dropped += n }})
		b.Set(env("app", 0))
		mark := b.Mark(nil)
		for i := 1; i <= 8; i++ {
			b.Set(env("app", i))
		}
		Expect(fair.Covers(b.Progress(nil), mark)).To(BeFalse())
		_, ok := b.TryNext()
		Expect(ok).To(BeTrue())
		Expect(dropped).To(Equal(5))
		Expect(fair.Covers(b.Progress(nil), mark)).To(BeTrue(), "envelope 0 was counted, not kept")
	})

	It("covers an empty mark at once and no mark of another shape", func() {
		b := fair.New(8, fair.Options{Lanes: 2})
		Expect(fair.Covers(b.Progress(nil), b.Mark(nil))).To(BeTrue())
		Expect(fair.Covers(b.Progress(nil), []uint64{0})).To(BeFalse())
	})
})

var _ = Describe("Tracker", func() {
	It("reports a mark handed on only once the reader has published progress past it, and wakes who waits", func() {
		b := fair.New(64, fair.Options{Lanes: 4})
		t := fair.NewTracker(b)
		b.Set(env("app", 1))
		mark := t.Mark(nil)
		ok, more := t.HandedOn(mark)
		Expect(ok).To(BeFalse())

		_, taken := b.TryNext()
		Expect(taken).To(BeTrue())
		ok, _ = t.HandedOn(mark)
		Expect(ok).To(BeFalse(), "taken is not yet handed on")
		Consistently(more).ShouldNot(BeClosed())

		t.Published()
		Expect(more).To(BeClosed())
		ok, more = t.HandedOn(mark)
		Expect(ok).To(BeTrue())
		Expect(more).To(BeNil())
	})
})
