package fair_test

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/batch"
	"loggregator/internal/diode"
	"loggregator/internal/fair"
)

// Run these with
//
//	go test -run '^$' -bench . -benchmem -count 5 ./internal/fair/
//
// BenchmarkHandOff is the cost of the hand-off the agent and router make
// for every envelope, fair against the plain diode it replaces: writers
// (one source each) Set b.N encoded envelopes between them while one reader
// takes batches of 256. ns/op is wall time per envelope written.
// BenchmarkQuietBesideNoisy is issue 11's fairness figure.
// BenchmarkRoom is what a router's acknowledged ingress adds per batch of
// 256 envelopes (ns/op is per batch): "idle" with the buffer empty (two
// counters read per lane, nothing hashed), "busy" with a lane past the
// fast path's bound, so every envelope's source id is hashed.

const benchSize = 10000

type handOff struct {
	set       func(env []byte)
	nextBatch func(context.Context, [][]byte) [][]byte
}

func benchEnv(source string) []byte {
	b, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: 1,
		SourceId:  source,
		Tags:      map[string]string{"deployment": "cf", "job": "diego-cell", "index": "0"},
		Message:   &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: make([]byte, 120)}},
	})
	if err != nil {
		panic(err)
	}
	return b
}

func BenchmarkHandOff(b *testing.B) {
	impls := []struct {
		name string
		new  func() handOff
	}{
		{"diode", func() handOff {
			d := diode.NewManyToOne[[]byte](benchSize, nil)
			return handOff{d.Set, d.NextBatch}
		}},
		{"fair", func() handOff {
			f := fair.New(benchSize, fair.Options{Lanes: fair.DefaultLanes})
			return handOff{f.Set, f.NextBatch}
		}},
		// What the agent's batcher and a forwarder destination's lane
		// read through: Next, then TryNext until the batch is full.
		{"fair-bytecapped", func() handOff {
			f := fair.New(benchSize, fair.Options{Lanes: fair.DefaultLanes})
			return handOff{f.Set, batch.ByteCapped[[]byte]{R: f, Size: diode.Len, Max: 1 << 20}.NextBatch}
		}},
	}
	for _, writers := range []int{1, 4} {
		for _, impl := range impls {
			b.Run(impl.name+"/writers="+strconv.Itoa(writers), func(b *testing.B) {
				benchHandOff(b, impl.new(), writers)
			})
		}
	}
}

func benchHandOff(b *testing.B, h handOff, writers int) {
	envs := make([][]byte, writers)
	for i := range envs {
		envs[i] = benchEnv(fmt.Sprintf("app-%d", i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var delivered atomic.Int64
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		buf := make([][]byte, 0, 256)
		for {
			buf = h.nextBatch(ctx, buf[:0])
			if len(buf) == 0 {
				return
			}
			delivered.Add(int64(len(buf)))
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	var wg sync.WaitGroup
	for w := range writers {
		n := b.N / writers
		if w == 0 {
			n += b.N % writers
		}
		wg.Go(func() {
			e := envs[w]
			for range n {
				h.set(e)
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	cancel()
	<-readerDone
	b.ReportMetric(float64(delivered.Load())/float64(b.N), "delivered/op")
}

// BenchmarkQuietBesideNoisy has one writer send, every millisecond, 1,000
// envelopes of source "noisy" and 10 of "quiet" (100 times fewer) into a
// buffer of 10,000, while a reader standing in for the downstream takes
// batches of 64 and spends 2 µs on each envelope: it keeps up with half of
// the noisy source's rate, so the buffer is far too small for the noisy
// source. An op is one quiet envelope and the 100 noisy ones beside it;
// quiet-lost and noisy-lost are the fractions of each source's envelopes
// that never reached the reader.
func BenchmarkQuietBesideNoisy(b *testing.B) {
	const size, ratio, opsPerTick = 10_000, 100, 10
	const work = 2 * time.Microsecond
	impls := []struct {
		name string
		new  func() handOff
	}{
		{"diode", func() handOff {
			d := diode.NewManyToOne[[]byte](size, nil)
			return handOff{d.Set, d.NextBatch}
		}},
		{"fair", func() handOff {
			f := fair.New(size, fair.Options{Lanes: fair.DefaultLanes})
			return handOff{f.Set, f.NextBatch}
		}},
	}
	for _, impl := range impls {
		b.Run(impl.name, func(b *testing.B) {
			h := impl.new()
			noisy, quiet := benchEnv("noisy"), benchEnv("quiet")
			ctx, cancel := context.WithCancel(context.Background())
			var gotNoisy, gotQuiet int
			readerDone := make(chan struct{})
			go func() {
				defer close(readerDone)
				buf := make([][]byte, 0, 64)
				for {
					buf = h.nextBatch(ctx, buf[:0])
					if len(buf) == 0 {
						return
					}
					for _, e := range buf {
						if string(fair.SourceID(e)) == "quiet" {
							gotQuiet++
						} else {
							gotNoisy++
						}
					}
					for start := time.Now(); time.Since(start) < time.Duration(len(buf))*work; {
					}
				}
			}()
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			b.ResetTimer()
			for done := 0; done < b.N; {
				for range min(opsPerTick, b.N-done) {
					for range ratio {
						h.set(noisy)
					}
					h.set(quiet)
					done++
				}
				<-tick.C
			}
			b.StopTimer()
			cancel()
			<-readerDone
			b.ReportMetric(1-float64(gotQuiet)/float64(b.N), "quiet-lost")
			b.ReportMetric(1-float64(gotNoisy)/float64(b.N*ratio), "noisy-lost")
		})
	}
}

func BenchmarkRoom(b *testing.B) {
	batch := make([][]byte, 256)
	for i := range batch {
		batch[i] = benchEnv("app-" + strconv.Itoa(i%8))
	}
	for _, busy := range []bool{false, true} {
		name := "idle"
		if busy {
			name = "busy"
		}
		b.Run(name, func(b *testing.B) {
			f := fair.New(benchSize, fair.Options{Lanes: fair.DefaultLanes})
			t := fair.NewTracker(f)
			if busy {
				for range 1700 { // past 1875 (the mark of a lane of 2,500) less 256
					f.Set(benchEnv("noisy"))
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				t.Room(batch)
			}
		})
	}
}
