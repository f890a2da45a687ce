package rlp

import (
	"context"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"loggregator/internal/diode"
	"loggregator/internal/wire"
)

// consumer is one open Egress stream. The routers' streams write into its
// diode; the handler goroutine reads batches from the diode and hands them to
// a sender goroutine, so the next batch is gathered while the previous one is
// written, and so a write that never completes cannot hold the handler.
//
// A consumer is behind from the first envelope its diode overwrites until a
// read empties the diode. One that stays behind for slowTimeout, or cannot
// take one message within it, is disconnected with ResourceExhausted.
type consumer struct {
	p       *Proxy
	stream  grpc.ServerStream
	batched bool // BatchedReceiver: one message per batch; Receiver: one per envelope

	d *diode.ManyToOne[[]byte]
	// behindSince is when the current run of drops began; zero while caught
	// up. Owned by the handler goroutine (onDrop runs inside its reads).
	behindSince time.Time
	dropped     int
}

func (p *Proxy) newConsumer(stream grpc.ServerStream, batched bool) *consumer {
	c := &consumer{p: p, stream: stream, batched: batched}
	c.d = diode.NewManyToOne[[]byte](p.cfg.Egress.BufferSize, c.onDrop)
	return c
}

func (c *consumer) onDrop(n int) {
	c.p.m.droppedSlow.Add(float64(n))
	c.dropped += n
	if c.behindSince.IsZero() {
		c.behindSince = time.Now()
	}
}

// sendJob is one batch handed to the sender goroutine.
type sendJob struct {
	batch *wire.Batch
	// result receives SendMsg's error once the batch is written.
	result chan error
}

// serve runs the stream until the consumer leaves, falls too far behind, or
// the proxy stops (then it delivers what it holds and returns nil).
func (c *consumer) serve(ctx context.Context, sub *subscriber, wait func()) error {
	jobs := make(chan sendJob)
	senderDone := make(chan struct{})
	c.p.senders.Add(1)
	go func() {
		defer c.p.senders.Done()
		defer close(senderDone)
		c.send(jobs)
	}()
	defer close(jobs)

	timeout := c.p.cfg.Egress.SlowConsumerTimeout.D()
	timer := time.NewTimer(timeout)
	defer timer.Stop()

	size := c.p.cfg.Egress.BatchSize
	batches := [2]*wire.Batch{{Envelopes: make([][]byte, 0, size)}, {Envelopes: make([][]byte, 0, size)}}
	results := [2]chan error{make(chan error, 1), make(chan error, 1)}
	inflight, next := -1, 0
	stopping := false

	// await waits for the batch in flight to be written.
	await := func() error {
		if inflight < 0 {
			return nil
		}
		timer.Reset(timeout)
		select {
		case err := <-results[inflight]:
			inflight = -1
			if err != nil {
				return err
			}
			return nil
		case <-timer.C:
			return c.slow(fmt.Sprintf("could not take a message for %s", timeout))
		}
	}

	for {
		b := batches[next]
		b.Envelopes = c.d.NextBatch(sub.ctx, b.Envelopes[:0])
		if len(b.Envelopes) == 0 {
			// sub.ctx ended, because the consumer left or the proxy is
			// stopping, and the diode is empty.
			if err := c.stream.Context().Err(); err != nil {
				return err
			}
			if !stopping {
				// Graceful stop: the router streams end, then what they
				// already wrote is delivered.
				stopping = true
				wait()
				continue
			}
			if err := await(); err != nil {
				return err
			}
			return nil
		}
		if len(b.Envelopes) < cap(b.Envelopes) {
			c.behindSince, c.dropped = time.Time{}, 0 // caught up
		} else if !c.behindSince.IsZero() && time.Since(c.behindSince) >= timeout {
			return c.slow(fmt.Sprintf("stayed behind for %s and lost %d envelopes", timeout, c.dropped))
		}
		if err := await(); err != nil {
			return err
		}
		select {
		case jobs <- sendJob{batch: b, result: results[next]}:
		case <-senderDone:
			return c.stream.Context().Err()
		}
		inflight, next = next, 1-next
	}
}

// slow counts a slow-consumer disconnect and returns the status the
// consumer gets.
func (c *consumer) slow(why string) error {
	c.p.m.slowConsumerDisconnects.Inc()
	return status.Errorf(codes.ResourceExhausted, "slow consumer disconnected: %s", why)
}

// send writes every job it is given until jobs is closed or a write fails.
// Written envelopes are counted in egress.
func (c *consumer) send(jobs <-chan sendJob) {
	var env wire.Envelope
	for job := range jobs {
		var err error
		if c.batched {
			err = c.stream.SendMsg(job.batch)
		} else {
			for _, e := range job.batch.Envelopes {
				env.Bytes = e
				if err = c.stream.SendMsg(&env); err != nil {
					break
				}
			}
		}
		if err == nil {
			c.p.m.egress.Add(float64(len(job.batch.Envelopes)))
		}
		job.result <- err
		if err != nil {
			return
		}
	}
}

// discard empties the diode once the stream has ended: overwritten entries
// are counted by onDrop, and the entries still held are added to lost when
// it is not nil (nil when the consumer left of its own accord).
func (c *consumer) discard(lost prometheus.Counter) {
	done, cancel := context.WithCancel(context.Background())
	cancel()
	buf := make([][]byte, 0, 256)
	for {
		buf = c.d.NextBatch(done, buf[:0])
		if len(buf) == 0 {
			return
		}
		if lost != nil {
			lost.Add(float64(len(buf)))
		}
	}
}
