package fair_test

import (
	"context"

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

var _ = Describe("Tracker.Room", func() {
	// batch is n envelopes of source.
	batch := func(source string, n int) [][]byte {
		out := make([][]byte, n)
		for i := range out {
			out[i] = env(source, i)
		}
		return out
	}

	It("has room below three quarters of a lane, then only once the reader has published taking some", func() {
		b := fair.New(64, fair.Options{Lanes: 4}) // lanes of 16: the mark is 12
		t := fair.NewTracker(b)
		for _, e := range batch("app", 8) {
			b.Set(e)
		}
		ok, _ := t.Room(batch("app", 4))
		Expect(ok).To(BeTrue(), "8 + 4 reach the mark, not past it")
		ok, more := t.Room(batch("app", 5))
		Expect(ok).To(BeFalse())

		Expect(b.NextBatch(context.Background(), make([][]byte, 0, 4))).To(HaveLen(4))
		ok, _ = t.Room(batch("app", 5))
		Expect(ok).To(BeFalse(), "taken is not counted until the reader publishes")
		Consistently(more).ShouldNot(BeClosed())
		t.Published()
		Expect(more).To(BeClosed())
		ok, more = t.Room(batch("app", 5))
		Expect(ok).To(BeTrue())
		Expect(more).To(BeNil())
	})

	It("judges each lane by what the batch would add to it, and lets an empty lane take any batch", func() {
		b := fair.New(64, fair.Options{Lanes: 4})
		t := fair.NewTracker(b)
		_, other := collidingSource(b, "app")
		for _, e := range batch("app", 12) {
			b.Set(e)
		}
		ok, _ := t.Room(batch(other, 40))
		Expect(ok).To(BeTrue(), "another source's lane is empty, however full app's is")
		ok, _ = t.Room(append(batch(other, 3), batch("app", 1)...))
		Expect(ok).To(BeFalse(), "one envelope more for app's lane is past its mark")
	})
})
