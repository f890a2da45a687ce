package diode_test

import (
	"context"
	"io"
	"log"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	diodes "code.cloudfoundry.org/go-diodes"

	"loggregator/internal/diode"
)

// These benchmarks measure the hand-off the agent and router make for every
// envelope: writers Set concurrently while one reader consumes. ns/op is wall
// time per envelope written; delivered/op is the fraction the reader got (the
// rest was dropped) and ns/delivered the wall time per envelope it got. Run them with
//
//	go test -run '^$' -bench . -benchmem -count 3 ./internal/diode/

const benchSize = 10000 // the agent's default ingress buffer

type benchEnvelope struct {
	timestamp int64
	sourceID  string
	payload   [64]byte
}

// benchTarget is one implementation under test: set is called by the writers,
// read by the single reader until it reports that ctx is done and nothing is
// left, and returns how many envelopes it consumed.
type benchTarget struct {
	set  func(*benchEnvelope)
	read func(ctx context.Context) int
}

type benchCase struct {
	name      string
	oneWriter bool // the implementation allows one writer only
	new       func(ctx context.Context) benchTarget
}

func consume(e *benchEnvelope, sink *int64) {
	*sink += e.timestamp
}

var benchCases = []benchCase{
	{"diode.ManyToOne/Next", false, func(context.Context) benchTarget {
		d := diode.NewManyToOne[*benchEnvelope](benchSize, nil)
		return benchTarget{d.Set, readNext(d.Next)}
	}},
	{"diode.ManyToOne/NextBatch", false, func(context.Context) benchTarget {
		d := diode.NewManyToOne[*benchEnvelope](benchSize, nil)
		return benchTarget{d.Set, readNextBatch(d.NextBatch)}
	}},
	{"diode.OneToOne/Next", true, func(context.Context) benchTarget {
		d := diode.NewOneToOne[*benchEnvelope](benchSize, nil)
		return benchTarget{d.Set, readNext(d.Next)}
	}},
	{"diode.OneToOne/NextBatch", true, func(context.Context) benchTarget {
		d := diode.NewOneToOne[*benchEnvelope](benchSize, nil)
		return benchTarget{d.Set, readNextBatch(d.NextBatch)}
	}},
	{"diode.ManyToOne/Poll", false, func(context.Context) benchTarget {
		d := diode.NewManyToOne[*benchEnvelope](benchSize, nil)
		return benchTarget{d.Set, readPoll(d.TryNext)}
	}},
	{"diode.OneToOne/Poll", true, func(context.Context) benchTarget {
		d := diode.NewOneToOne[*benchEnvelope](benchSize, nil)
		return benchTarget{d.Set, readPoll(d.TryNext)}
	}},
	{"go-diodes.ManyToOne/Poller", false, func(ctx context.Context) benchTarget {
		p := diodes.NewPoller(diodes.NewManyToOne(benchSize, nil), diodes.WithPollingContext(ctx))
		return benchTarget{setGeneric(p.Set), readGeneric(p.Next)}
	}},
	{"go-diodes.ManyToOne/Waiter", false, func(ctx context.Context) benchTarget {
		w := diodes.NewWaiter(diodes.NewManyToOne(benchSize, nil), diodes.WithWaiterContext(ctx))
		return benchTarget{setGeneric(w.Set), readGeneric(w.Next)}
	}},
	{"go-diodes.OneToOne/Poller", true, func(ctx context.Context) benchTarget {
		p := diodes.NewPoller(diodes.NewOneToOne(benchSize, nil), diodes.WithPollingContext(ctx))
		return benchTarget{setGeneric(p.Set), readGeneric(p.Next)}
	}},
	{"go-diodes.OneToOne/Waiter", true, func(ctx context.Context) benchTarget {
		w := diodes.NewWaiter(diodes.NewOneToOne(benchSize, nil), diodes.WithWaiterContext(ctx))
		return benchTarget{setGeneric(w.Set), readGeneric(w.Next)}
	}},
	{"chan/select-default", false, func(context.Context) benchTarget {
		c := make(chan *benchEnvelope, benchSize)
		return benchTarget{
			set: func(e *benchEnvelope) {
				select {
				case c <- e:
				default:
				}
			},
			read: func(ctx context.Context) int {
				var n int
				var sink int64
				for {
					select {
					case e := <-c:
						consume(e, &sink)
						n++
						continue
					default:
					}
					select {
					case e := <-c:
						consume(e, &sink)
						n++
					case <-ctx.Done():
						return n
					}
				}
			},
		}
	}},
}

func readNext(next func(context.Context) (*benchEnvelope, bool)) func(context.Context) int {
	return func(ctx context.Context) int {
		var n int
		var sink int64
		for {
			e, ok := next(ctx)
			if !ok {
				return n
			}
			consume(e, &sink)
			n++
		}
	}
}

// readPoll reads the way go-diodes' Poller does (TryNext, and a 10 ms sleep
// whenever the ring is empty), so that our Set and theirs are measured
// against the same reader.
func readPoll(tryNext func() (*benchEnvelope, bool)) func(context.Context) int {
	return func(ctx context.Context) int {
		var n int
		var sink int64
		for {
			if e, ok := tryNext(); ok {
				consume(e, &sink)
				n++
				continue
			}
			if ctx.Err() != nil {
				return n
			}
			time.Sleep(pollInterval)
		}
	}
}

// pollInterval is go-diodes' Poller's default.
const pollInterval = 10 * time.Millisecond

func readNextBatch(nextBatch func(context.Context, []*benchEnvelope) []*benchEnvelope) func(context.Context) int {
	return func(ctx context.Context) int {
		var n int
		var sink int64
		buf := make([]*benchEnvelope, 0, 256)
		for {
			buf = nextBatch(ctx, buf[:0])
			if len(buf) == 0 {
				return n
			}
			for _, e := range buf {
				consume(e, &sink)
			}
			n += len(buf)
		}
	}
}

func setGeneric(set func(diodes.GenericDataType)) func(*benchEnvelope) {
	return func(e *benchEnvelope) { set(diodes.GenericDataType(unsafe.Pointer(e))) }
}

func readGeneric(next func() diodes.GenericDataType) func(context.Context) int {
	return func(context.Context) int {
		var n int
		var sink int64
		for {
			p := next()
			if p == nil {
				return n
			}
			consume((*benchEnvelope)(p), &sink)
			n++
		}
	}
}

func BenchmarkDiode(b *testing.B) {
	// go-diodes logs every write collision; that is not what is measured.
	log.SetOutput(io.Discard)
	defer log.SetOutput(os.Stderr)
	for _, writers := range []int{1, 4} {
		for _, bc := range benchCases {
			if bc.oneWriter && writers > 1 {
				continue
			}
			b.Run(bc.name+"/writers="+strconv.Itoa(writers), func(b *testing.B) {
				benchHandOff(b, bc, writers)
			})
		}
	}
}

// benchHandOff has writers Set b.N envelopes between them while one reader
// consumes, and stops the clock when the writers are done.
func benchHandOff(b *testing.B, bc benchCase, writers int) {
	envelopes := make([]benchEnvelope, writers)
	for i := range envelopes {
		envelopes[i] = benchEnvelope{timestamp: int64(i), sourceID: "app"}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	t := bc.new(ctx)

	var delivered atomic.Int64
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		delivered.Store(int64(t.read(ctx)))
	}()

	b.ReportAllocs()
	b.ResetTimer()
	var wg sync.WaitGroup
	for w := range writers {
		n := b.N / writers
		if w == 0 {
			n += b.N % writers
		}
		e := &envelopes[w]
		wg.Go(func() {
			for range n {
				t.set(e)
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	cancel()
	// go-diodes' Waiter can miss the broadcast its context's cancellation
	// sends (it checks ctx before it waits, without holding the lock the
	// broadcast takes), and then sleeps until the next Set. Nudge it.
	for waiting := true; waiting; {
		select {
		case <-readerDone:
			waiting = false
		case <-time.After(10 * time.Millisecond):
			t.set(&envelopes[0])
		}
	}
	got := float64(delivered.Load())
	b.ReportMetric(got/float64(b.N), "delivered/op")
	if got > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/got, "ns/delivered")
	}
}

// BenchmarkDiodeBurst measures the bare cost of a Set and a TryNext with no
// contention: one goroutine writes a burst of 100 envelopes, then reads them
// back, with TryNext or one NextBatch. ns/op is per envelope written and read.
func BenchmarkDiodeBurst(b *testing.B) {
	e := &benchEnvelope{timestamp: 1, sourceID: "app"}
	const burst = 100
	run := func(b *testing.B, set func(*benchEnvelope), tryNext func() (*benchEnvelope, bool)) {
		var sink int64
		b.ReportAllocs()
		for i := 0; i < b.N; i += burst {
			for range burst {
				set(e)
			}
			for range burst {
				if got, ok := tryNext(); ok {
					consume(got, &sink)
				}
			}
		}
	}
	genericTryNext := func(tryNext func() (diodes.GenericDataType, bool)) func() (*benchEnvelope, bool) {
		return func() (*benchEnvelope, bool) {
			p, ok := tryNext()
			return (*benchEnvelope)(p), ok
		}
	}
	b.Run("diode.ManyToOne", func(b *testing.B) {
		d := diode.NewManyToOne[*benchEnvelope](benchSize, nil)
		run(b, d.Set, d.TryNext)
	})
	b.Run("diode.OneToOne", func(b *testing.B) {
		d := diode.NewOneToOne[*benchEnvelope](benchSize, nil)
		run(b, d.Set, d.TryNext)
	})
	b.Run("diode.ManyToOne/NextBatch", func(b *testing.B) {
		d := diode.NewManyToOne[*benchEnvelope](benchSize, nil)
		ctx := context.Background()
		buf := make([]*benchEnvelope, 0, burst)
		var sink int64
		b.ReportAllocs()
		for i := 0; i < b.N; i += burst {
			for range burst {
				d.Set(e)
			}
			buf = d.NextBatch(ctx, buf[:0])
			for _, got := range buf {
				consume(got, &sink)
			}
		}
	})
	b.Run("go-diodes.ManyToOne", func(b *testing.B) {
		d := diodes.NewManyToOne(benchSize, nil)
		run(b, setGeneric(d.Set), genericTryNext(d.TryNext))
	})
	b.Run("go-diodes.OneToOne", func(b *testing.B) {
		d := diodes.NewOneToOne(benchSize, nil)
		run(b, setGeneric(d.Set), genericTryNext(d.TryNext))
	})
	b.Run("chan", func(b *testing.B) {
		c := make(chan *benchEnvelope, benchSize)
		run(b, func(e *benchEnvelope) {
			select {
			case c <- e:
			default:
			}
		}, func() (*benchEnvelope, bool) {
			select {
			case e := <-c:
				return e, true
			default:
				return nil, false
			}
		})
	})
}

// BenchmarkDiodeSet measures Set alone: writers Set into a ring nobody
// reads, lapping it, so ns/op is what a producer pays per envelope with no
// reader to contend with (go-diodes' includes its allocation per Set).
func BenchmarkDiodeSet(b *testing.B) {
	e := &benchEnvelope{timestamp: 1, sourceID: "app"}
	impls := []struct {
		name      string
		oneWriter bool
		set       func() func(*benchEnvelope)
	}{
		{"diode.ManyToOne", false, func() func(*benchEnvelope) {
			return diode.NewManyToOne[*benchEnvelope](benchSize, nil).Set
		}},
		{"diode.OneToOne", true, func() func(*benchEnvelope) {
			return diode.NewOneToOne[*benchEnvelope](benchSize, nil).Set
		}},
		{"go-diodes.ManyToOne", false, func() func(*benchEnvelope) {
			return setGeneric(diodes.NewManyToOne(benchSize, nil).Set)
		}},
		{"go-diodes.OneToOne", true, func() func(*benchEnvelope) {
			return setGeneric(diodes.NewOneToOne(benchSize, nil).Set)
		}},
	}
	log.SetOutput(io.Discard) // go-diodes logs collisions between writers
	defer log.SetOutput(os.Stderr)
	for _, writers := range []int{1, 4} {
		for _, impl := range impls {
			if impl.oneWriter && writers > 1 {
				continue
			}
			b.Run(impl.name+"/writers="+strconv.Itoa(writers), func(b *testing.B) {
				set := impl.set()
				b.ReportAllocs()
				if writers == 1 {
					for b.Loop() {
						set(e)
					}
					return
				}
				b.SetParallelism(max(1, writers/runtime.GOMAXPROCS(0))) // writers goroutines on 2 CPUs
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						set(e)
					}
				})
			})
		}
	}
}

// BenchmarkDiodeBytes measures []byte entries with and without a Budget:
// bursts of 100 Sets then 100 TryNexts from one goroutine (ns/op per
// envelope written and read), under a budget that is never reached, and
// under one that holds 50 entries, so every Set past them evicts. The
// writers=4 cases Set only, from four goroutines, into a ring whose budget
// is full, which is the eviction path under contention.
func BenchmarkDiodeBytes(b *testing.B) {
	e := make([]byte, 200)
	const burst = 100
	burstRun := func(b *testing.B, d *diode.ManyToOne[[]byte]) {
		var sink int
		b.ReportAllocs()
		for i := 0; i < b.N; i += burst {
			for range burst {
				d.Set(e)
			}
			for range burst {
				if got, ok := d.TryNext(); ok {
					sink += len(got)
				}
			}
		}
		_ = sink
	}
	b.Run("burst/no-budget", func(b *testing.B) {
		burstRun(b, diode.NewManyToOne[[]byte](benchSize, nil))
	})
	b.Run("burst/budget", func(b *testing.B) {
		burstRun(b, diode.NewManyToOne(benchSize, nil, diode.WithBudget(diode.NewBudget(1<<30), diode.Len, nil)))
	})
	b.Run("burst/budget-full", func(b *testing.B) {
		burstRun(b, diode.NewManyToOne(benchSize, nil, diode.WithBudget(diode.NewBudget(50*200), diode.Len, nil)))
	})
	b.Run("writers=4/no-budget", func(b *testing.B) {
		d := diode.NewManyToOne[[]byte](benchSize, nil)
		b.ReportAllocs()
		b.SetParallelism(4)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				d.Set(e)
			}
		})
	})
	b.Run("writers=4/budget-full", func(b *testing.B) {
		d := diode.NewManyToOne(benchSize, nil, diode.WithBudget(diode.NewBudget(50*200), diode.Len, nil))
		b.ReportAllocs()
		b.SetParallelism(4)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				d.Set(e)
			}
		})
	})
}
