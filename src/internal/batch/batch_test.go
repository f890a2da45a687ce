package batch_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gleak"

	"loggregator/internal/batch"
	"loggregator/internal/diode"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

// start runs a Batcher over a fresh diode and stops it when the spec ends.
func start(size int, interval time.Duration, dropped *atomic.Int64) (*diode.ManyToOne[int], *batch.Batcher[int], context.CancelFunc) {
	return startWith(size, interval, 0, 0, dropped)
}

// startLinger runs a Batcher with a linger time over a fresh diode.
func startLinger(linger time.Duration, dropped *atomic.Int64) (*diode.ManyToOne[int], *batch.Batcher[int], context.CancelFunc) {
	return startWith(100, time.Hour, linger, 0, dropped)
}

// startWith runs a Batcher over a fresh diode that already holds the
// entries 0 to prefill-1.
func startWith(size int, interval, linger time.Duration, prefill int, dropped *atomic.Int64, opts ...func(*batch.Batcher[int])) (*diode.ManyToOne[int], *batch.Batcher[int], context.CancelFunc) {
	d := diode.NewManyToOne[int](10, func(n int) { dropped.Add(int64(n)) })
	for i := range prefill {
		d.Set(i)
	}
	b := batch.New[int](d, size, interval, func(n int) { dropped.Add(int64(n)) })
	b.SetLinger(linger)
	for _, o := range opts {
		o(b)
	}
	return d, b, run(b)
}

// run starts b's Run until the spec ends (or cancel), then drains Batches
// and waits for Run to return.
func run(b *batch.Batcher[int]) context.CancelFunc {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { b.Run(ctx) })
	DeferCleanup(func() {
		cancel()
		for range b.Batches() {
		}
		wg.Wait()
	})
	return cancel
}

// waitForBatch is a writer: it blocks on Batches until a batch comes.
func waitForBatch(b *batch.Batcher[int]) []int { return <-b.Batches() }

// parkWriter starts a writer (waitForBatch) and returns once it is blocked
// on Batches; the batch it gets arrives on the channel.
func parkWriter(b *batch.Batcher[int]) <-chan []int {
	GinkgoHelper()
	got := make(chan []int, 1)
	go func() { got <- waitForBatch(b) }()
	Eventually(parkedWriters).Should(Equal(1), "the writer is blocked receiving from Batches")
	return got
}

// parkedWriters counts the goroutines blocked in waitForBatch on a channel
// receive, so a spec can wait for a writer to be ready without sleeping.
func parkedWriters() int {
	n := 0
	for _, g := range gleak.Goroutines() {
		if strings.HasPrefix(g.State, "chan receive") && strings.Contains(g.Backtrace, "batch_test.waitForBatch") {
			n++
		}
	}
	return n
}

var _ = Describe("Batcher", func() {
	It("hands an entry on at once when a writer is waiting", func() {
		var dropped atomic.Int64
		d, b, _ := start(100, time.Hour, &dropped)
		got := parkWriter(b)
		d.Set(1)
		Eventually(got).Should(Receive(Equal([]int{1})))
	})

	It("fills a batch up to its size while no writer is free, and sends a full batch without waiting for the interval", func() {
		var dropped atomic.Int64
		// Entries already buffered: a writer that came while the batcher
		// had read only some of them would rightly get a partial batch.
		_, b, _ := startWith(3, time.Hour, 0, 6, &dropped)
		Expect(receive(b)).To(Equal([]int{0, 1, 2}))
		Expect(receive(b)).To(Equal([]int{3, 4, 5}))
	})

	It("sends a partial batch once the flush interval has passed", func() {
		var dropped atomic.Int64
		d, b, _ := start(100, 20*time.Millisecond, &dropped)
		d.Set(1)
		d.Set(2)
		Eventually(b.Batches()).Should(Receive(ConsistOf(1, 2)))
	})

	It("drains the source and closes its channel after the context ends", func() {
		var dropped atomic.Int64
		d, b, cancel := start(2, time.Hour, &dropped)
		for i := range 5 {
			d.Set(i)
		}
		cancel()
		var got []int
		for batch := range b.Batches() {
			got = append(got, batch...)
		}
		Expect(got).To(Equal([]int{0, 1, 2, 3, 4}))
	})

	It("drops the batch it holds for the newest entries when writers stay stalled, and counts everything lost", func() {
		var dropped atomic.Int64
		d, b, _ := start(5, time.Millisecond, &dropped)
		for i := range 100 {
			d.Set(i)
		}
		Eventually(dropped.Load, 3*batch.StallTimeout).Should(BeNumerically(">=", 95-10))
		var got []int
		Eventually(func() []int {
			select {
			case batch := <-b.Batches():
				got = append(got, batch...)
			default:
			}
			return got
		}).Should(ContainElement(99))
		Expect(int64(len(got)) + dropped.Load()).To(BeNumerically("==", 100))
	})

	It("keeps the batch it holds while writers stay stalled when told to hold, leaving the drops to the source, which counts them meanwhile", func() {
		var sourceDropped, batcherDropped atomic.Int64
		d := diode.NewManyToOne[int](10, func(n int) { sourceDropped.Add(int64(n)) })
		b := batch.New[int](d, 5, time.Millisecond, func(n int) { batcherDropped.Add(int64(n)) })
		b.SetHoldOnStall()
		run(b)
		for i := range 5 {
			d.Set(i)
		}
		// The batcher takes the first five (or fewer, should its flush
		// interval pass between these Sets) and blocks handing them on;
		// only then is the diode overrun. (Should it not have taken any
		// yet, it reports the drops when it does, and the spec passes
		// without showing Reckon: it cannot fail wrongly.)
		time.Sleep(100 * time.Millisecond)
		for i := 5; i < 100; i++ {
			d.Set(i)
		}
		Consistently(batcherDropped.Load, 3*batch.StallTimeout/2).Should(BeZero())
		droppedWhileHeld := sourceDropped.Load()
		var got []int
		Eventually(func() []int {
			select {
			case batch := <-b.Batches():
				got = append(got, batch...)
			default:
			}
			return got
		}).Should(ContainElement(99))
		// Nothing was written after the stall, so everything the source
		// lost was already counted while the batch was held. (How many
		// the batcher held depends on where its flush interval fell
		// among the first Sets; the total does not.)
		Expect(droppedWhileHeld).To(BeNumerically("==", 100-len(got)),
			"the source counted what it overwrote while the batch was held (Reckon), not only when read again")
		Expect(int64(len(got)) + sourceDropped.Load()).To(BeNumerically("==", 100))
		Expect(batcherDropped.Load()).To(BeZero())
	})
})

// receive waits for one batch, as a writer does.
func receive(b *batch.Batcher[int]) []int {
	select {
	case batch := <-b.Batches():
		return batch
	case <-time.After(5 * time.Second):
		Fail("no batch within 5s")
		return nil
	}
}

var _ = Describe("Batcher with a linger time", func() {
	It("holds a partial batch for the linger time even though a writer waits, gathering what arrives meanwhile", func() {
		var dropped atomic.Int64
		d, b, cancel := startLinger(time.Hour, &dropped)
		got := make(chan []int, 1)
		go func() { got <- <-b.Batches() }()
		d.Set(1)
		Consistently(got, 100*time.Millisecond).ShouldNot(Receive())
		d.Set(2)
		d.Set(3)
		cancel() // ends the linger early; what it gathered goes out
		Eventually(got).Should(Receive(Equal([]int{1, 2, 3})))
		Expect(dropped.Load()).To(BeZero())
	})
})

var _ = Describe("Batcher with a linger target", func() {
	It("stops holding partial batches for the whole linger once entries come fast enough to fill the target sooner", func() {
		var dropped atomic.Int64
		// Two full batches read back to back show a high rate; a linger of
		// an hour would otherwise hold the next partial batch for an hour.
		d, b, _ := startWith(5, time.Hour, time.Hour, 10, &dropped, func(b *batch.Batcher[int]) { b.SetLingerTarget(1) })
		Expect(receive(b)).To(Equal([]int{0, 1, 2, 3, 4}))
		Expect(receive(b)).To(Equal([]int{5, 6, 7, 8, 9}))
		// A writer waits before the partial batch exists: with none free the
		// Batcher would rightly top the batch up for the flush interval.
		got := parkWriter(b)
		d.Set(10)
		Eventually(got).Should(Receive(Equal([]int{10})))
		Expect(dropped.Load()).To(BeZero())
	})

	It("sends a partial batch at once when none went out for a linger, and paces what follows", func() {
		var dropped atomic.Int64
		d, b, cancel := startWith(100, time.Hour, time.Hour, 0, &dropped, func(b *batch.Batcher[int]) { b.SetLingerTarget(1000) })
		first := parkWriter(b)
		d.Set(1)
		Eventually(first).Should(Receive(Equal([]int{1})), "the first batch does not wait the hour")
		got := parkWriter(b)
		d.Set(2)
		Consistently(got, 100*time.Millisecond).ShouldNot(Receive())
		d.Set(3)
		cancel() // ends the linger early; what it gathered goes out
		Eventually(got).Should(Receive(Equal([]int{2, 3})))
	})
})

var _ = Describe("ByteCapped", func() {
	It("ends a batch once it holds Max bytes and has the Batcher hand it on without waiting for the flush interval", func() {
		d := diode.NewManyToOne[int](100, nil)
		for range 6 {
			d.Set(4) // an entry's size is its value
		}
		src := batch.ByteCapped[int]{R: d, Size: func(v int) int { return v }, Max: 10}
		b := batch.New[int](src, 100, time.Hour, nil)
		run(b)
		Expect(receive(b)).To(Equal([]int{4, 4, 4}))
		Expect(receive(b)).To(Equal([]int{4, 4, 4}))
	})
})

var _ = Describe("Batcher with a release hook", func() {
	It("calls the hook with every batch a writer releases and every batch it drops while writers stall", func() {
		var dropped, released atomic.Int64
		d := diode.NewManyToOne[int](1000, nil)
		b := batch.New[int](d, 5, time.Millisecond, func(n int) { dropped.Add(int64(n)) })
		b.SetOnRelease(func(batch []int) { released.Add(int64(len(batch))) })
		run(b)
		for i := range 12 {
			d.Set(i)
		}
		// No writer takes anything for a StallTimeout: the held batch is
		// swapped for newer entries and dropped.
		Eventually(dropped.Load, 3*batch.StallTimeout).Should(BeNumerically(">=", 5))
		Eventually(func() bool { return released.Load() == dropped.Load() }).Should(BeTrue(), "the hook runs just after the drop is counted")
		got := 0
		for got+int(dropped.Load()) < 12 {
			batch := receive(b)
			got += len(batch)
			b.Release(batch)
		}
		Eventually(released.Load).Should(Equal(int64(12)))
	})
})
