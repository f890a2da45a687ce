package fanout_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"loggregator/internal/diode"
	"loggregator/internal/fanout"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

func newMetrics() fanout.Metrics {
	c := func(name string) prometheus.Counter { return prometheus.NewCounter(prometheus.CounterOpts{Name: name}) }
	return fanout.Metrics{Sent: c("sent"), Dropped: c("dropped"), Failed: c("failed"), Shutdown: c("shutdown")}
}

func count(c prometheus.Counter) int {
	var d dto.Metric
	Expect(c.Write(&d)).To(Succeed())
	return int(d.GetCounter().GetValue())
}

func config() fanout.Config {
	return fanout.Config{BufferSize: 100, BatchSize: 10, FlushInterval: time.Millisecond, ShutdownTimeout: time.Second}
}

// destination records what a lane writes to it; while blocked it holds
// every Write until it is released or the write's context ends.
type destination struct {
	mu      sync.Mutex
	got     []int
	batches int
	fail    atomic.Bool
	block   chan struct{} // nil: never blocks
}

func (d *destination) Write(ctx context.Context, batch []int) error {
	d.mu.Lock()
	block := d.block
	d.mu.Unlock()
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if d.fail.Load() {
		return errors.New("destination refused the batch")
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.got = append(d.got, batch...)
	d.batches++
	return nil
}

func (d *destination) received() []int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]int(nil), d.got...)
}

// run starts l and returns a function that stops it and waits for Run.
func run[T any](l *fanout.Lane[T]) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Run(ctx)
	}()
	stop = func() {
		cancel()
		Eventually(done, 5*time.Second).Should(BeClosed())
	}
	DeferCleanup(stop)
	return stop
}

var _ = Describe("Lane", func() {
	It("writes every envelope, in order, in batches of at most the batch size", func() {
		d := &destination{}
		m := newMetrics()
		l := fanout.New[int](d, config(), m)
		run(l)
		for i := range 95 {
			l.Write(i)
		}
		Eventually(d.received).Should(HaveLen(95))
		for i, v := range d.received() {
			Expect(v).To(Equal(i))
		}
		Expect(d.batches).To(BeNumerically(">=", 10))
		Expect(count(m.Sent)).To(Equal(95))
		Expect(count(m.Dropped) + count(m.Failed) + count(m.Shutdown)).To(BeZero())
	})

	It("never makes a writer wait for a stalled destination: it keeps the newest and counts the oldest it dropped", func() {
		d := &destination{block: make(chan struct{})}
		m := newMetrics()
		l := fanout.New[int](d, config(), m)
		run(l)
		const written = 10_000
		for i := range written { // a blocking Write would hang here
			l.Write(i)
		}
		d.mu.Lock()
		close(d.block)
		d.block = nil
		d.mu.Unlock()
		Eventually(func() int { return count(m.Sent) + count(m.Dropped) }, 5*time.Second).Should(Equal(written))
		got := d.received()
		Expect(got[len(got)-1]).To(Equal(written-1), "the newest envelope is delivered")
		Expect(count(m.Dropped)).To(BeNumerically(">=", written-len(got)))
	})

	It("counts the envelopes of a batch its destination refused, and goes on", func() {
		d := &destination{}
		d.fail.Store(true)
		m := newMetrics()
		l := fanout.New[int](d, config(), m)
		run(l)
		l.Write(1)
		Eventually(func() int { return count(m.Failed) }).Should(Equal(1))
		d.fail.Store(false)
		l.Write(2)
		Eventually(d.received).Should(Equal([]int{2}))
		Expect(count(m.Sent)).To(Equal(1))
	})

	It("delivers what it holds when stopped", func() {
		d := &destination{}
		m := newMetrics()
		cfg := config()
		cfg.FlushInterval = time.Hour
		cfg.Linger = time.Hour // nothing goes out before the stop
		l := fanout.New[int](d, cfg, m)
		stop := run(l)
		for i := range 5 {
			l.Write(i)
		}
		stop()
		Expect(d.received()).To(Equal([]int{0, 1, 2, 3, 4}))
		Expect(count(m.Sent)).To(Equal(5))
	})

	It("gives up on a destination that does not take what it holds within the shutdown timeout, and counts it", func() {
		d := &destination{block: make(chan struct{})}
		m := newMetrics()
		cfg := config()
		cfg.ShutdownTimeout = 50 * time.Millisecond
		l := fanout.New[int](d, cfg, m)
		stop := run(l)
		for i := range 30 {
			l.Write(i)
		}
		stop() // returns although the destination never took anything
		Expect(d.received()).To(BeEmpty())
		Expect(count(m.Shutdown) + count(m.Dropped)).To(Equal(30))
		Expect(count(m.Shutdown)).To(BeNumerically(">", 0))
	})

	It("keeps one destination's stall from delaying another lane", func() {
		stalled := &destination{block: make(chan struct{})}
		healthy := &destination{}
		cfg := config()
		cfg.BufferSize = 2000
		slow, fast := fanout.New[int](stalled, cfg, newMetrics()), fanout.New[int](healthy, cfg, newMetrics())
		run(slow)
		run(fast)
		for i := range 1000 {
			slow.Write(i)
			fast.Write(i)
		}
		Eventually(healthy.received).Should(HaveLen(1000))
	})
})

var _ = Describe("Config", func() {
	It("names the first bad field", func() {
		cfg := config()
		Expect(cfg.Validate("destinations.syslog")).To(Succeed())
		cfg.BatchSize = 0
		Expect(cfg.Validate("destinations.syslog")).To(MatchError("destinations.syslog.batch_size: must be at least 1"))
	})
})

// byteDestination records the bytes of every batch written to it; it holds
// every Write until unblock is closed or the write's context ends.
type byteDestination struct {
	unblock chan struct{}
	mu      sync.Mutex
	batches []int // bytes of each batch, in order
}

func (d *byteDestination) Write(ctx context.Context, batch [][]byte) error {
	select {
	case <-d.unblock:
	case <-ctx.Done():
		return ctx.Err()
	}
	n := 0
	for _, e := range batch {
		n += len(e)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.batches = append(d.batches, n)
	return nil
}

func (d *byteDestination) written() (batches, bytes int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, n := range d.batches {
		bytes += n
	}
	return len(d.batches), bytes
}

var _ = Describe("Lane with a budget", func() {
	It("holds no more than its budget, the batches in flight included, while its destination takes nothing, and gives every byte back once written", func() {
		const limit, entry, rounds, perRound = 64 << 10, 1 << 10, 10, 200
		budget := diode.NewBudget(limit)
		var budgetDrops atomic.Int64
		d := &byteDestination{unblock: make(chan struct{})}
		m := newMetrics()
		cfg := config()
		cfg.BufferSize, cfg.BatchSize = 10_000, 1000
		cfg.FlushInterval = 2 * time.Second // a batch grows until full while the writer is busy
		l := fanout.New[[]byte](d, cfg, m, fanout.WithBudget(budget, diode.Len, func(n int) { budgetDrops.Add(int64(n)) }))
		run(l)
		// Written in rounds with pauses, so the batcher has time to read
		// what the diode holds: a batch outside the budget would grow to
		// 1,000 entries (1,000 KiB).
		for range rounds {
			for range perRound {
				l.Write(make([]byte, entry))
			}
			time.Sleep(10 * time.Millisecond)
		}
		Expect(budget.Held()).To(BeNumerically("<=", limit))
		close(d.unblock) // nothing is written after this: the destination gets what the lane held
		Eventually(func() int { return count(m.Sent) + count(m.Dropped) + int(budgetDrops.Load()) }, 5*time.Second).Should(Equal(rounds * perRound))
		batches, bytes := d.written()
		Expect(bytes).To(BeNumerically("<=", limit), "the writer's batch, the batcher's and the diode's entries, together")
		Expect(bytes).To(BeNumerically(">=", limit/2), "the diode kept its newest entries")
		Expect(batches).To(BeNumerically(">=", 4), "batches end at a quarter of the budget")
		Expect(budget.Held()).To(BeZero())
	})
})
