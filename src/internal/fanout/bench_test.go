package fanout_test

import (
	"context"
	"testing"
	"time"

	"loggregator/internal/fanout"
)

// BenchmarkLaneWrite is the producer's cost of handing a lane one envelope
// while its writer takes batches as fast as they come.
func BenchmarkLaneWrite(b *testing.B) {
	m := newMetrics()
	l := fanout.New[[]byte](fanout.WriterFunc[[]byte](func(context.Context, [][]byte) error { return nil }),
		fanout.Config{BufferSize: 10_000, BatchSize: 1000, FlushInterval: time.Millisecond, ShutdownTimeout: time.Second}, m)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.Run(ctx)
	}()
	env := make([]byte, 200)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l.Write(env)
	}
	b.StopTimer()
	cancel()
	<-done
}
