package resolve_test

import (
	"context"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/resolve"
)

// steps returns the first n waits of b.
func steps(b *resolve.Backoff, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = b.Next()
	}
	return out
}

var _ = Describe("Backoff", func() {
	ms := time.Millisecond
	top := func(n int64) int64 { return n }
	bottom := func(int64) int64 { return 0 }

	It("doubles from the minimum up to the cap", func() {
		b := resolve.NewBackoff(50*ms, 300*ms)
		b.Rand = top
		Expect(steps(b, 6)).To(Equal([]time.Duration{50 * ms, 100 * ms, 200 * ms, 300 * ms, 300 * ms, 300 * ms}))
	})

	It("never waits less than half the step", func() {
		b := resolve.NewBackoff(50*ms, 300*ms)
		b.Rand = bottom
		Expect(steps(b, 5)).To(Equal([]time.Duration{25 * ms, 50 * ms, 100 * ms, 150 * ms, 150 * ms}))
	})

	It("draws each wait within [step/2, step]", func() {
		b := resolve.NewBackoff(50*ms, 400*ms)
		for i, step := range []time.Duration{50 * ms, 100 * ms, 200 * ms, 400 * ms, 400 * ms} {
			Expect(b.Next()).To(SatisfyAll(BeNumerically(">=", step/2), BeNumerically("<=", step)), "wait %d", i)
		}
	})

	It("starts again from the minimum after Reset", func() {
		b := resolve.NewBackoff(50*ms, time.Second)
		b.Rand = top
		steps(b, 4)
		b.Reset()
		Expect(b.Next()).To(Equal(50 * ms))
	})

	It("treats a cap below the minimum as the minimum", func() {
		b := resolve.NewBackoff(50*ms, 10*ms)
		b.Rand = top
		Expect(steps(b, 3)).To(Equal([]time.Duration{50 * ms, 50 * ms, 50 * ms}))
	})

	It("stops waiting when the context ends", func() {
		b := resolve.NewBackoff(time.Hour, time.Hour)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		Expect(b.Wait(ctx)).To(BeFalse())
		Expect(resolve.NewBackoff(ms, ms).Wait(context.Background())).To(BeTrue())
	})
})
