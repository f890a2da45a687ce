package fanout

import (
	"context"
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/batch"
	"loggregator/internal/diode"
)

// Writer writes one batch to a destination. It is called from one goroutine
// at a time and owns batch only until it returns. It retries as its
// destination warrants (a syslog drain backs off; a gRPC stream re-dials)
// and returns an error only for a batch it gave up on. ctx ends when the
// lane's shutdown timeout has passed.
type Writer[T any] interface {
	Write(ctx context.Context, batch []T) error
}

// WriterFunc adapts a function to a Writer.
type WriterFunc[T any] func(ctx context.Context, batch []T) error

// Write calls f.
func (f WriterFunc[T]) Write(ctx context.Context, batch []T) error { return f(ctx, batch) }

// Config sizes a lane.
type Config struct {
	// BufferSize is the number of envelopes the diode holds.
	BufferSize int
	// BatchSize is the most envelopes in one Write.
	BatchSize int
	// FlushInterval is the longest a partial batch waits while the writer is busy.
	FlushInterval time.Duration
	// Linger is how long a partial batch waits for more even when the writer
	// is free (batch.Batcher.SetLinger); 0 hands it on at once.
	Linger time.Duration
	// ShutdownTimeout bounds how long a stop spends writing what the lane holds.
	ShutdownTimeout time.Duration
}

// Validate names the first bad field, under the prefix field.
func (c Config) Validate(field string) error {
	switch {
	case c.BufferSize < 1:
		return errors.New(field + ".buffer_size: must be at least 1")
	case c.BatchSize < 1:
		return errors.New(field + ".batch_size: must be at least 1")
	case c.FlushInterval <= 0:
		return errors.New(field + ".flush_interval: must be positive")
	case c.Linger < 0:
		return errors.New(field + ".linger: must not be negative")
	case c.ShutdownTimeout <= 0:
		return errors.New(field + ".shutdown_timeout: must be positive")
	}
	return nil
}

// Metrics are a lane's counters, in envelopes. Lanes of one process pass
// counters labelled by destination so that each lane's losses stay its own.
type Metrics struct {
	Sent     prometheus.Counter
	Dropped  prometheus.Counter
	Failed   prometheus.Counter
	Shutdown prometheus.Counter
}

// Lane is one destination's diode, batcher and writer. Write may be called
// from any goroutine; Run once.
type Lane[T any] struct {
	cfg     Config
	w       Writer[T]
	m       Metrics
	diode   *diode.ManyToOne[T]
	batcher *batch.Batcher[T]
}

// New returns a lane that writes to w once Run is called. opts are given
// to the lane's diode (diode.WithBudget bounds its bytes with the
// process's other buffers).
func New[T any](w Writer[T], cfg Config, m Metrics, opts ...diode.Option[T]) *Lane[T] {
	l := &Lane[T]{cfg: cfg, w: w, m: m}
	drop := func(n int) { m.Dropped.Add(float64(n)) }
	l.diode = diode.NewManyToOne[T](max(cfg.BufferSize, 1), drop, opts...)
	l.batcher = batch.New[T](l.diode, cfg.BatchSize, cfg.FlushInterval, drop)
	l.batcher.SetLinger(cfg.Linger)
	return l
}

// Write puts v in the lane's diode. It never waits: when the diode is full
// the oldest entry is overwritten and counted as Dropped.
func (l *Lane[T]) Write(v T) { l.diode.Set(v) }

// Run writes batches until ctx ends, then drains as the package doc says
// and returns once everything it started has ended.
func (l *Lane[T]) Run(ctx context.Context) {
	writeCtx, cut := context.WithCancel(context.Background())
	defer cut()
	deadline := time.AfterFunc(time.Hour, cut)
	deadline.Stop()
	defer deadline.Stop()
	defer context.AfterFunc(ctx, func() { deadline.Reset(l.cfg.ShutdownTimeout) })()

	batchDone := make(chan struct{})
	go func() {
		defer close(batchDone)
		l.batcher.Run(ctx)
	}()
	for b := range l.batcher.Batches() {
		l.write(writeCtx, b)
		l.batcher.Release(b)
	}
	<-batchDone
}

func (l *Lane[T]) write(ctx context.Context, b []T) {
	n := float64(len(b))
	if ctx.Err() != nil {
		l.m.Shutdown.Add(n)
		return
	}
	switch err := l.w.Write(ctx, b); {
	case err == nil:
		l.m.Sent.Add(n)
	case ctx.Err() != nil:
		l.m.Shutdown.Add(n)
	default:
		l.m.Failed.Add(n)
	}
}
