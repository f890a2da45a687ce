package fair_test

import (
	"context"
	"fmt"
	"hash/maphash"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

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
			f := fair.New(benchSize, fair.DefaultLanes, nil, nil)
			return handOff{f.Set, f.NextBatch}
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

// BenchmarkQuietBesideNoisy writes, from one goroutine, 100 envelopes of
// source "noisy" for every one of "quiet" into a buffer of 1,000 while a
// reader that spends about 200 ns on each envelope (a stand-in for the
// downstream) takes them in batches of 64: the writer outruns the reader
// several times over, so the buffer is far too small for the noisy source.
// It reports, per quiet envelope written (op), the fraction of each
// source's envelopes lost.
func BenchmarkQuietBesideNoisy(b *testing.B) {
	const size, ratio = 1000, 100
	impls := []struct {
		name string
		new  func() handOff
	}{
		{"diode", func() handOff {
			d := diode.NewManyToOne[[]byte](size, nil)
			return handOff{d.Set, d.NextBatch}
		}},
		{"fair", func() handOff {
			f := fair.New(size, fair.DefaultLanes, nil, nil)
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
				seed := maphash.MakeSeed()
				var sink uint64
				for {
					buf = h.nextBatch(ctx, buf[:0])
					if len(buf) == 0 {
						benchSink.Store(sink)
						return
					}
					for _, e := range buf {
						if string(fair.SourceID(e)) == "quiet" {
							gotQuiet++
						} else {
							gotNoisy++
						}
						for range 8 { // about 200 ns of downstream work
							sink += maphash.Bytes(seed, e)
						}
					}
				}
			}()
			b.ResetTimer()
			for range b.N {
				for range ratio {
					h.set(noisy)
				}
				h.set(quiet)
			}
			b.StopTimer()
			cancel()
			<-readerDone
			b.ReportMetric(1-float64(gotQuiet)/float64(b.N), "quiet-lost")
			b.ReportMetric(1-float64(gotNoisy)/float64(b.N*ratio), "noisy-lost")
		})
	}
}

var benchSink atomic.Uint64
