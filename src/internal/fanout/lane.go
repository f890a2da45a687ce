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
	// BufferSize is the number of envelopes the ring holds (a fair.Buffer
	// holds up to fair.MaxShare times as many when many sources fill it).
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

// Lane is one destination's ring, batcher and writer. Write may be called
// from any goroutine; Run once.
type Lane[T any] struct {
	cfg     Config
	w       Writer[T]
	m       Metrics
	budget  *diode.Budget // WithBudget; nil if unbounded in bytes
	size    func(T) int   // WithBudget
	ring    Ring[T]
	newRing func(size int, drop func(n int), opts []diode.Option[T]) Ring[T] // WithRing
	batcher *batch.Batcher[T]
}

// Ring is what a lane buffers entries in until the batcher takes them: a
// drop-oldest ring that any goroutine writes into without waiting and one
// goroutine reads, like diode.ManyToOne (the default) or fair.Buffer.
type Ring[T any] interface {
	Set(v T)
	Next(ctx context.Context) (T, bool)
	TryNext() (T, bool)
	NextBatch(ctx context.Context, buf []T) []T
}

// Option configures a lane at construction.
type Option[T any] func(*Lane[T], *[]diode.Option[T])

// WithBudget bounds in b the bytes the lane holds, each entry measured by
// size: in its diode and in flight, that is the batch the batcher fills and
// the batch the Writer is writing. Entries stay charged to b from when they
// enter the diode until their batch is written or dropped
// (diode.KeepCharged), and a batch ends at a quarter of b's limit (or
// MaxBatchBytes, if less), so the two batches in flight take at most half
// of it and the diode keeps the rest for its newest entries. onDrop, which
// may be nil, is told of entries lost to b (diode.WithBudget). b is read
// for its limit at every batch, so a share whose limit changes
// (diode.Budget.SetLimit) resizes the lane's batches.
func WithBudget[T any](b *diode.Budget, size func(T) int, onDrop func(dropped int)) Option[T] {
	return func(l *Lane[T], opts *[]diode.Option[T]) {
		l.budget, l.size = b, size
		*opts = append(*opts, diode.WithBudget(b, size, onDrop), diode.KeepCharged[T]())
	}
}

// WithRing makes the lane's ring with newRing instead of a
// diode.ManyToOne: size is Config.BufferSize, drop must be told of every
// entry the ring overwrites (it counts them as Dropped), and opts are the
// diode options the lane's other options ask for (WithBudget's), which the
// ring must apply to its diodes. Such a lane's batcher keeps the batch it
// holds while the writer is stalled (batch.Batcher.SetHoldOnStall) instead
// of swapping it for the newest entries: a ring that drops fairly would
// lose that fairness to a swap, which drops a batch of every source's
// entries.
func WithRing[T any](newRing func(size int, drop func(n int), opts []diode.Option[T]) Ring[T]) Option[T] {
	return func(l *Lane[T], _ *[]diode.Option[T]) { l.newRing = newRing }
}

// MaxBatchBytes is the most bytes in one batch of a lane with a budget,
// whatever the budget: a gRPC destination takes 4 MiB in one message.
const MaxBatchBytes = 1 << 20

// New returns a lane that writes to w once Run is called.
func New[T any](w Writer[T], cfg Config, m Metrics, opts ...Option[T]) *Lane[T] {
	l := &Lane[T]{cfg: cfg, w: w, m: m}
	var dopts []diode.Option[T]
	for _, o := range opts {
		o(l, &dopts)
	}
	drop := func(n int) { m.Dropped.Add(float64(n)) }
	size := max(cfg.BufferSize, 1)
	if l.newRing != nil {
		l.ring = l.newRing(size, drop, dopts)
	} else {
		l.ring = diode.NewManyToOne[T](size, drop, dopts...)
	}
	var src batch.Source[T] = l.ring
	if l.budget != nil {
		src = capped[T]{l}
	}
	l.batcher = batch.New[T](src, cfg.BatchSize, cfg.FlushInterval, drop)
	l.batcher.SetLinger(cfg.Linger)
	if l.newRing != nil {
		l.batcher.SetHoldOnStall()
	}
	if l.budget != nil {
		l.batcher.SetOnRelease(l.release)
	}
	return l
}

// capped is the batcher's source for a lane with a budget: the ring's
// entries in batches of at most a quarter of the budget's limit in bytes.
type capped[T any] struct{ l *Lane[T] }

func (c capped[T]) bytes() batch.ByteCapped[T] {
	return batch.ByteCapped[T]{R: c.l.ring, Size: c.l.size, Max: int(min(MaxBatchBytes, c.l.budget.Limit()/4))}
}

func (c capped[T]) NextBatch(ctx context.Context, buf []T) []T {
	return c.bytes().NextBatch(ctx, buf)
}

func (c capped[T]) Full(batch []T) bool { return c.bytes().Full(batch) }

func (c capped[T]) Reckon() { c.bytes().Reckon() }

// release gives the bytes of a batch written or dropped back to the budget.
func (l *Lane[T]) release(b []T) {
	var n int64
	for _, v := range b {
		n += int64(l.size(v))
	}
	l.budget.Release(n)
}

// Write puts v in the lane's ring. It never waits: when the ring is full
// (for a fair.Buffer, v's lane of it) the oldest entry is overwritten and
// counted as Dropped.
func (l *Lane[T]) Write(v T) { l.ring.Set(v) }

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
