package diode_test

import (
	"context"
	"encoding/binary"
	"sync"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/diode"
)

// bytesRing is what both diode kinds offer for []byte entries.
type bytesRing interface {
	Set([]byte)
	TryNext() ([]byte, bool)
	Next(context.Context) ([]byte, bool)
}

// sized returns an entry of size bytes (at least 16) naming writer and n.
func sized(writer, n, size int) []byte {
	b := make([]byte, max(size, 16))
	binary.BigEndian.PutUint64(b, uint64(writer))
	binary.BigEndian.PutUint64(b[8:], uint64(n))
	return b
}

func nameOf(b []byte) (writer, n int) {
	return int(binary.BigEndian.Uint64(b)), int(binary.BigEndian.Uint64(b[8:]))
}

// mixedSize is a spread of sizes from 16 to 1,500 bytes.
func mixedSize(writer, n int) int { return 16 + (n*7919+writer*104729)%1485 }

// watchHeld samples b.Held until stop is closed and returns the largest seen.
func watchHeld(b *diode.Budget, stop <-chan struct{}) <-chan int64 {
	peak := make(chan int64, 1)
	go func() {
		var most int64
		for {
			most = max(most, b.Held())
			select {
			case <-stop:
				peak <- max(most, b.Held())
				return
			default:
			}
		}
	}()
	return peak
}

var _ = Describe("Budget", func() {
	const limit = 20_000

	It("never lets rings that share it hold more, and keeps each ring's newest entries", func() {
		budget := diode.NewBudget(limit)
		const rings, perWriter = 6, 3000
		var budgetDrops, fullDrops atomic.Int64
		countBudget := func(n int) { budgetDrops.Add(int64(n)) }
		countFull := func(n int) { fullDrops.Add(int64(n)) }
		ds := make([]bytesRing, rings)
		for i := range ds {
			opt := diode.WithBudget(budget, diode.Len, countBudget)
			if i%2 == 0 {
				ds[i] = diode.NewManyToOne(500, countFull, opt)
			} else {
				ds[i] = diode.NewOneToOne(500, countFull, opt)
			}
		}

		stop := make(chan struct{})
		peak := watchHeld(budget, stop)
		var wg sync.WaitGroup
		for w, d := range ds {
			wg.Go(func() {
				for n := range perWriter {
					d.Set(sized(w, n, mixedSize(w, n)))
				}
			})
		}
		wg.Wait()
		close(stop)
		Expect(<-peak).To(BeNumerically("<=", limit))

		var heldAfter int64
		survivors := 0
		for w, d := range ds {
			var got []int
			for {
				b, ok := d.TryNext()
				if !ok {
					break
				}
				writer, n := nameOf(b)
				Expect(writer).To(Equal(w))
				Expect(b).To(HaveLen(max(mixedSize(w, n), 16)))
				heldAfter += int64(len(b))
				got = append(got, n)
			}
			for i, n := range got {
				Expect(n).To(Equal(perWriter-len(got)+i), "ring %d keeps its newest entries, in order", w)
			}
			survivors += len(got)
		}
		Expect(survivors).To(BeNumerically(">", 0))
		Expect(budget.Held()).To(BeZero(), "reading gives every byte back")
		Expect(budgetDrops.Load()).To(BeNumerically(">", 0))
		Expect(int(budgetDrops.Load()+fullDrops.Load()) + survivors).To(Equal(rings * perWriter))
	})

	It("bounds many writers into one ring while a reader takes entries", func() {
		budget := diode.NewBudget(limit)
		var budgetDrops, fullDrops atomic.Int64
		d := diode.NewManyToOne(2000, func(n int) { fullDrops.Add(int64(n)) },
			diode.WithBudget(budget, diode.Len, func(n int) { budgetDrops.Add(int64(n)) }))
		const writers, perWriter = 4, 5000

		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var read atomic.Int64
		readerDone := make(chan struct{})
		go func() {
			defer close(readerDone)
			last := make([]int, writers)
			for i := range last {
				last[i] = -1
			}
			for {
				b, ok := d.Next(ctx)
				if !ok {
					return
				}
				w, n := nameOf(b)
				if n <= last[w] {
					panic("entries of one writer out of order")
				}
				last[w] = n
				read.Add(1)
			}
		}()

		stop := make(chan struct{})
		peak := watchHeld(budget, stop)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for n := range perWriter {
					d.Set(sized(w, n, mixedSize(w, n)))
				}
			})
		}
		wg.Wait()
		close(stop)
		Expect(<-peak).To(BeNumerically("<=", limit))
		cancel()
		<-readerDone
		Expect(budget.Held()).To(BeZero())
		Expect(read.Load() + budgetDrops.Load() + fullDrops.Load()).To(BeEquivalentTo(writers * perWriter))
	})

	It("drops an entry larger than the whole budget, counted, evicting nothing", func() {
		budget := diode.NewBudget(100)
		var budgetDrops int
		d := diode.NewOneToOne(8, nil, diode.WithBudget(budget, diode.Len, func(n int) { budgetDrops += n }))
		d.Set(sized(0, 0, 60))
		d.Set(sized(0, 1, 101))
		Expect(budget.Held()).To(BeEquivalentTo(60))

		b, ok := d.TryNext()
		Expect(ok).To(BeTrue())
		Expect(nameOf(b)).To(Equal(0))
		_, ok = d.TryNext()
		Expect(ok).To(BeFalse())
		Expect(budgetDrops).To(Equal(1))
	})

	It("evicts the oldest entries to make room and the reader counts them for the budget", func() {
		budget := diode.NewBudget(100)
		var budgetDrops, fullDrops int
		d := diode.NewOneToOne(8, func(n int) { fullDrops += n },
			diode.WithBudget(budget, diode.Len, func(n int) { budgetDrops += n }))
		for n := range 4 {
			d.Set(sized(0, n, 30)) // the fourth does not fit beside three
		}
		Expect(budget.Held()).To(BeEquivalentTo(90))
		var got []int
		for {
			b, ok := d.TryNext()
			if !ok {
				break
			}
			_, n := nameOf(b)
			got = append(got, n)
		}
		Expect(got).To(Equal([]int{1, 2, 3}))
		Expect(budgetDrops).To(Equal(1))
		Expect(fullDrops).To(BeZero())
		Expect(budget.Held()).To(BeZero())
	})

	It("gives back the bytes of an entry the ring overwrites when full", func() {
		budget := diode.NewBudget(1000)
		var fullDrops int
		d := diode.NewManyToOne(2, func(n int) { fullDrops += n }, diode.WithBudget(budget, diode.Len, nil))
		for n := range 5 {
			d.Set(sized(0, n, 50))
		}
		Expect(budget.Held()).To(BeEquivalentTo(100))
		for range 2 {
			_, ok := d.TryNext()
			Expect(ok).To(BeTrue())
		}
		Expect(fullDrops).To(Equal(3))
		Expect(budget.Held()).To(BeZero())
	})

	It("counts bytes charged outside the diodes against the limit, so diodes evict sooner", func() {
		budget := diode.NewBudget(100)
		Expect(budget.Charge(60)).To(BeTrue())
		Expect(budget.Charge(41)).To(BeFalse())
		Expect(budget.Held()).To(BeEquivalentTo(60))

		var budgetDrops int
		d := diode.NewOneToOne(8, nil, diode.WithBudget(budget, diode.Len, func(n int) { budgetDrops += n }))
		d.Set(sized(0, 0, 30))
		d.Set(sized(0, 1, 30)) // 60 + 30 + 30 > 100: the first is evicted
		Expect(budget.Held()).To(BeEquivalentTo(90))
		b, ok := d.TryNext()
		Expect(ok).To(BeTrue())
		_, n := nameOf(b)
		Expect(n).To(Equal(1))
		Expect(budgetDrops).To(Equal(1))

		budget.Release(60)
		Expect(budget.Held()).To(BeZero())
	})

	It("leaves what the reader took charged until it releases it, when the reader releases", func() {
		budget := diode.NewBudget(200)
		var drops int
		d := diode.NewOneToOne(100, nil, diode.WithBudget(budget, diode.Len, func(n int) { drops += n }), diode.KeepCharged[[]byte]())
		for n := range 4 {
			d.Set(sized(0, n, 50))
		}
		taken, ok := d.TryNext()
		Expect(ok).To(BeTrue())
		Expect(budget.Held()).To(BeEquivalentTo(200), "the entry taken still counts")
		d.Set(sized(0, 4, 50)) // room only by evicting the ring's own oldest
		Expect(budget.Held()).To(BeEquivalentTo(200))
		budget.Release(int64(len(taken)))
		Expect(budget.Held()).To(BeEquivalentTo(150))
		var got []int
		for {
			b, ok := d.TryNext()
			if !ok {
				break
			}
			_, n := nameOf(b)
			got = append(got, n)
			budget.Release(int64(len(b)))
		}
		Expect(got).To(Equal([]int{2, 3, 4}))
		Expect(drops).To(Equal(1))
		Expect(budget.Held()).To(BeZero())
	})

	It("states the memory of a slot, which a diode allocates per entry it can hold", func() {
		Expect(diode.SlotBytes[[]byte]()).To(BeEquivalentTo(32)) // a state word and a slice header
	})
})

var _ = Describe("Budget.Share", func() {
	It("keeps a ring whose reader stalls within its share, so another ring keeps its room", func() {
		budget := diode.NewBudget(1000)
		stalledShare, liveShare := budget.Share(500), budget.Share(500)
		var stalledDrops, liveDrops int
		stalled := diode.NewOneToOne(1000, nil, diode.WithBudget(stalledShare, diode.Len, func(n int) { stalledDrops += n }))
		live := diode.NewOneToOne(1000, nil, diode.WithBudget(liveShare, diode.Len, func(n int) { liveDrops += n }))

		for n := range 100 {
			stalled.Set(sized(0, n, 50)) // nobody reads it: it keeps its newest ten
		}
		Expect(stalledShare.Held()).To(BeEquivalentTo(500))
		for n := range 10 {
			live.Set(sized(1, n, 50))
		}
		Expect(liveShare.Held()).To(BeEquivalentTo(500))
		Expect(budget.Held()).To(BeEquivalentTo(1000), "the parent counts what its shares hold")

		for n := range 10 {
			b, ok := live.TryNext()
			Expect(ok).To(BeTrue())
			w, got := nameOf(b)
			Expect(w).To(Equal(1))
			Expect(got).To(Equal(n), "the live ring lost nothing to the stalled one")
		}
		Expect(liveDrops).To(BeZero())
		Expect(budget.Held()).To(BeEquivalentTo(500))

		var kept []int
		for {
			b, ok := stalled.TryNext()
			if !ok {
				break
			}
			_, n := nameOf(b)
			kept = append(kept, n)
		}
		Expect(kept).To(Equal([]int{90, 91, 92, 93, 94, 95, 96, 97, 98, 99}))
		Expect(stalledDrops).To(Equal(90))
		Expect(budget.Held()).To(BeZero())
	})

	It("evicts toward a lowered limit on the next write, and refuses when the parent is full", func() {
		budget := diode.NewBudget(300)
		share := budget.Share(300)
		var drops int
		d := diode.NewOneToOne(100, nil, diode.WithBudget(share, diode.Len, func(n int) { drops += n }))
		for n := range 6 {
			d.Set(sized(0, n, 50))
		}
		share.SetLimit(100)
		Expect(share.Held()).To(BeEquivalentTo(300), "what is held stays until a write")
		d.Set(sized(0, 6, 50))
		Expect(share.Held()).To(BeEquivalentTo(100))

		other := budget.Share(1000) // more than the parent has left
		o := diode.NewOneToOne(100, nil, diode.WithBudget(other, diode.Len, nil))
		for n := range 10 {
			o.Set(sized(1, n, 50))
		}
		Expect(other.Held()).To(BeEquivalentTo(200), "the parent's limit binds a share too")
		Expect(budget.Held()).To(BeEquivalentTo(300))
	})
})

var _ = Describe("KeepCharged", func() {
	It("leaves the entries the reader takes charged until they are released, so writers evict what the ring holds and then drop their newest", func() {
		budget := diode.NewBudget(40)
		var lost atomic.Int64
		d := diode.NewManyToOne[[]byte](10, nil,
			diode.WithBudget(budget, diode.Len, func(n int) { lost.Add(int64(n)) }), diode.KeepCharged[[]byte]())
		d.Set(sized(0, 0, 16))
		d.Set(sized(0, 1, 16))
		first, ok := d.TryNext()
		Expect(ok).To(BeTrue())
		Expect(budget.Held()).To(Equal(int64(32)), "the entry taken is still charged")

		d.Set(sized(0, 2, 16)) // no room: evicts entry 1, the oldest the ring holds
		Expect(budget.Held()).To(Equal(int64(32)))
		third, ok := d.TryNext()
		Expect(ok).To(BeTrue())
		_, n := nameOf(third)
		Expect(n).To(Equal(2), "entry 1 was evicted")
		Expect(lost.Load()).To(Equal(int64(1)))

		d.Set(sized(0, 3, 16)) // the ring holds nothing older: refused
		_, ok = d.TryNext()
		Expect(ok).To(BeFalse())
		Expect(lost.Load()).To(Equal(int64(2)))

		budget.Release(int64(len(first) + len(third)))
		Expect(budget.Held()).To(BeZero())
		d.Set(sized(0, 4, 16))
		Expect(budget.Held()).To(Equal(int64(16)), "released room is the writers' again")
	})
})
