package diode_test

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/diode"
	"loggregator/internal/leakcheck"
)

// entry is big enough that a copy of it is not one machine word, so a torn
// read would show as a check that does not match writer and n.
type entry struct {
	writer int
	n      int
	check  uint64
}

func newEntry(writer, n int) entry {
	return entry{writer: writer, n: n, check: ^(uint64(writer)<<32 | uint64(n))}
}

func (e entry) whole() bool { return e == newEntry(e.writer, e.n) }

// ring is what both diode types offer; the specs below run against each.
type ring interface {
	Set(entry)
	TryNext() (entry, bool)
	Next(context.Context) (entry, bool)
	NextBatch(context.Context, []entry) []entry
	Reckon()
}

var kinds = []struct {
	name    string
	writers int
	new     func(size int, onDrop func(int)) ring
}{
	{"ManyToOne", 4, func(size int, onDrop func(int)) ring { return diode.NewManyToOne[entry](size, onDrop) }},
	{"OneToOne", 1, func(size int, onDrop func(int)) ring { return diode.NewOneToOne[entry](size, onDrop) }},
}

// dropCounter is an onDrop that remembers each call. The reader calls it; the
// spec reads it after the reader is done.
type dropCounter struct {
	mu    sync.Mutex
	calls []int
	total int
}

func (c *dropCounter) onDrop(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, n)
	c.total += n
}

func (c *dropCounter) Total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

func (c *dropCounter) Calls() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int(nil), c.calls...)
}

func writeAll(d ring, writer, from, to int) {
	for n := from; n < to; n++ {
		d.Set(newEntry(writer, n))
	}
}

func readAll(d ring) []int {
	var got []int
	for {
		e, ok := d.TryNext()
		if !ok {
			return got
		}
		got = append(got, e.n)
	}
}

// stressResult is what a concurrent run delivered, per writer, in order.
type stressResult struct {
	delivered [][]int
	torn      int
	total     int
}

// stress runs writers concurrently with one reader that uses read until the
// writers are done and the ring is empty.
func stress(d ring, writers, perWriter int, read func(ctx context.Context, got func(entry))) stressResult {
	res := stressResult{delivered: make([][]int, writers)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	readerDone := make(chan struct{})
	go func() {
		defer GinkgoRecover()
		defer close(readerDone)
		read(ctx, func(e entry) {
			if !e.whole() || e.writer < 0 || e.writer >= writers {
				res.torn++
				return
			}
			res.delivered[e.writer] = append(res.delivered[e.writer], e.n)
			res.total++
		})
	}()
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() { writeAll(d, w, 0, perWriter) })
	}
	wg.Wait()
	cancel()
	<-readerDone
	return res
}

func readWithNext(d ring) func(context.Context, func(entry)) {
	return func(ctx context.Context, got func(entry)) {
		for {
			e, ok := d.Next(ctx)
			if !ok {
				return
			}
			got(e)
		}
	}
}

func readWithNextBatch(d ring) func(context.Context, func(entry)) {
	return func(ctx context.Context, got func(entry)) {
		buf := make([]entry, 0, 16)
		for {
			buf = d.NextBatch(ctx, buf[:0])
			if len(buf) == 0 {
				return
			}
			for _, e := range buf {
				got(e)
			}
		}
	}
}

func expectStrictlyIncreasing(ns []int) {
	GinkgoHelper()
	for i := 1; i < len(ns); i++ {
		if ns[i] <= ns[i-1] {
			Fail(fmt.Sprintf("entry %d delivered after %d", ns[i], ns[i-1]))
		}
	}
}

var _ = leakcheck.EverySpec()

var _ = Describe("Diode", func() {
	for _, kind := range kinds {
		Describe(kind.name, func() {
			It("returns entries in the order they were written", func() {
				d := kind.new(8, nil)
				writeAll(d, 0, 0, 5)
				Expect(readAll(d)).To(Equal([]int{0, 1, 2, 3, 4}))
			})

			It("reports nothing from TryNext when empty, before and after reads", func() {
				d := kind.new(4, nil)
				_, ok := d.TryNext()
				Expect(ok).To(BeFalse())
				writeAll(d, 0, 0, 4)
				Expect(readAll(d)).To(HaveLen(4))
				_, ok = d.TryNext()
				Expect(ok).To(BeFalse())
			})

			It("keeps working across many laps of the ring", func() {
				drops := &dropCounter{}
				d := kind.new(3, drops.onDrop)
				for lap := range 10 {
					writeAll(d, 0, lap*3, lap*3+3)
					Expect(readAll(d)).To(Equal([]int{lap * 3, lap*3 + 1, lap*3 + 2}))
				}
				Expect(drops.Total()).To(Equal(0))
			})

			It("drops the oldest entries when full and counts them", func() {
				drops := &dropCounter{}
				d := kind.new(4, drops.onDrop)
				writeAll(d, 0, 0, 10)
				Expect(readAll(d)).To(Equal([]int{6, 7, 8, 9}))
				Expect(drops.Total()).To(Equal(6))
			})

			It("reports everything lost since the last read in one onDrop call", func() {
				drops := &dropCounter{}
				d := kind.new(4, drops.onDrop)
				writeAll(d, 0, 0, 6)
				e, ok := d.TryNext()
				Expect(ok).To(BeTrue())
				Expect(e.n).To(Equal(2))
				Expect(drops.Calls()).To(Equal([]int{2}))

				writeAll(d, 0, 6, 20)
				Expect(readAll(d)).To(Equal([]int{16, 17, 18, 19}))
				Expect(drops.Calls()).To(Equal([]int{2, 13}))
			})

			It("counts what was overwritten on Reckon without reading, and not again when read", func() {
				drops := &dropCounter{}
				d := kind.new(4, drops.onDrop)
				writeAll(d, 0, 0, 3)
				d.Reckon()
				Expect(drops.Calls()).To(BeEmpty(), "nothing overwritten yet")
				writeAll(d, 0, 3, 10)
				d.Reckon()
				Expect(drops.Calls()).To(Equal([]int{6}))
				d.Reckon()
				Expect(drops.Calls()).To(Equal([]int{6}), "counted once")
				Expect(readAll(d)).To(Equal([]int{6, 7, 8, 9}))
				Expect(drops.Total()).To(Equal(6))
			})

			It("drops and delivers with a nil onDrop", func() {
				d := kind.new(2, nil)
				writeAll(d, 0, 0, 5)
				Expect(readAll(d)).To(Equal([]int{3, 4}))
			})

			It("holds one entry when its size is one", func() {
				drops := &dropCounter{}
				d := kind.new(1, drops.onDrop)
				writeAll(d, 0, 0, 3)
				Expect(readAll(d)).To(Equal([]int{2}))
				Expect(drops.Total()).To(Equal(2))
			})

			It("panics when asked for fewer than one slot", func() {
				Expect(func() { kind.new(0, nil) }).To(PanicWith(ContainSubstring("size")))
			})

			It("wakes a waiting Next when an entry arrives", func() {
				d := kind.new(4, nil)
				got := make(chan entry, 1)
				go func() {
					e, ok := d.Next(context.Background())
					if ok {
						got <- e
					}
				}()
				Consistently(got).ShouldNot(Receive())
				d.Set(newEntry(0, 42))
				Eventually(got).Should(Receive(Equal(newEntry(0, 42))))
			})

			It("returns false from a waiting Next when its context is canceled", func() {
				d := kind.new(4, nil)
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan bool, 1)
				go func() {
					_, ok := d.Next(ctx)
					done <- ok
				}()
				Consistently(done).ShouldNot(Receive())
				cancel()
				Eventually(done).Should(Receive(BeFalse()))
			})

			It("still returns written entries from Next after its context is done", func() {
				d := kind.new(4, nil)
				writeAll(d, 0, 0, 2)
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				e, ok := d.Next(ctx)
				Expect(ok).To(BeTrue())
				Expect(e.n).To(Equal(0))
				e, ok = d.Next(ctx)
				Expect(ok).To(BeTrue())
				Expect(e.n).To(Equal(1))
				_, ok = d.Next(ctx)
				Expect(ok).To(BeFalse())
			})

			It("fills a batch up to its spare capacity, oldest first", func() {
				d := kind.new(8, nil)
				writeAll(d, 0, 0, 7)
				buf := make([]entry, 1, 4)
				buf = d.NextBatch(context.Background(), buf)
				Expect(buf).To(Equal([]entry{{}, newEntry(0, 0), newEntry(0, 1), newEntry(0, 2)}))
				buf = d.NextBatch(context.Background(), buf[:0])
				Expect(buf).To(Equal([]entry{newEntry(0, 3), newEntry(0, 4), newEntry(0, 5), newEntry(0, 6)}))
			})

			It("returns a partial batch rather than wait for more", func() {
				d := kind.new(8, nil)
				writeAll(d, 0, 0, 2)
				buf := d.NextBatch(context.Background(), make([]entry, 0, 16))
				Expect(buf).To(Equal([]entry{newEntry(0, 0), newEntry(0, 1)}))
			})

			It("returns a batch without spare capacity unchanged", func() {
				d := kind.new(8, nil)
				writeAll(d, 0, 0, 2)
				buf := d.NextBatch(context.Background(), make([]entry, 0))
				Expect(buf).To(BeEmpty())
				Expect(readAll(d)).To(Equal([]int{0, 1}))
			})

			It("wakes a waiting NextBatch when an entry arrives", func() {
				d := kind.new(4, nil)
				got := make(chan []entry, 1)
				go func() {
					got <- d.NextBatch(context.Background(), make([]entry, 0, 4))
				}()
				Consistently(got).ShouldNot(Receive())
				d.Set(newEntry(0, 7))
				Eventually(got).Should(Receive(ContainElement(newEntry(0, 7))))
			})

			It("returns an empty batch when the context is canceled while waiting", func() {
				d := kind.new(4, nil)
				ctx, cancel := context.WithCancel(context.Background())
				got := make(chan []entry, 1)
				go func() {
					got <- d.NextBatch(ctx, make([]entry, 0, 4))
				}()
				Consistently(got).ShouldNot(Receive())
				cancel()
				Eventually(got).Should(Receive(BeEmpty()))
			})

			It("delivers every entry, whole and in order, when the ring never fills", func() {
				const perWriter = 2000
				drops := &dropCounter{}
				d := kind.new(kind.writers*perWriter, drops.onDrop)
				res := stress(d, kind.writers, perWriter, readWithNext(d))
				Expect(res.torn).To(Equal(0))
				Expect(drops.Total()).To(Equal(0))
				for w := range kind.writers {
					Expect(res.delivered[w]).To(HaveLen(perWriter))
					expectStrictlyIncreasing(res.delivered[w])
				}
			})

			for _, size := range []int{1, 7, 64} {
				It("accounts for every entry under concurrent overload, size "+strconv.Itoa(size), func() {
					const perWriter = 10000
					drops := &dropCounter{}
					d := kind.new(size, drops.onDrop)
					res := stress(d, kind.writers, perWriter, readWithNext(d))
					Expect(res.torn).To(Equal(0), "entries delivered half-written")
					Expect(res.total+drops.Total()).To(Equal(kind.writers*perWriter), "delivered + dropped != written")
					for w := range kind.writers {
						expectStrictlyIncreasing(res.delivered[w])
					}
				})
			}

			It("accounts for every entry under concurrent overload when read in batches", func() {
				const perWriter = 10000
				drops := &dropCounter{}
				d := kind.new(32, drops.onDrop)
				res := stress(d, kind.writers, perWriter, readWithNextBatch(d))
				Expect(res.torn).To(Equal(0), "entries delivered half-written")
				Expect(res.total+drops.Total()).To(Equal(kind.writers*perWriter), "delivered + dropped != written")
				for w := range kind.writers {
					expectStrictlyIncreasing(res.delivered[w])
				}
			})
		})
	}

	It("lets many writers share a ManyToOne while the reader waits", func() {
		const writers, perWriter = 8, 500
		d := diode.NewManyToOne[entry](writers*perWriter, nil)
		var delivered atomic.Int64
		ctx, cancel := context.WithCancel(context.Background())
		readerDone := make(chan struct{})
		go func() {
			defer close(readerDone)
			for {
				if _, ok := d.Next(ctx); !ok {
					return
				}
				delivered.Add(1)
			}
		}()
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for n := range perWriter {
					d.Set(newEntry(w, n))
					runtime.Gosched()
				}
			})
		}
		wg.Wait()
		Eventually(delivered.Load).Should(BeEquivalentTo(writers * perWriter))
		cancel()
		Eventually(readerDone).Should(BeClosed())
	})
})
