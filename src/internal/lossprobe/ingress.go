package lossprobe

import (
	"context"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
)

// closeWait bounds how long close waits for the agent to answer a stream
// it ends.
const closeWait = 5 * time.Second

// ingress hands an emitter's batches to the agent in one of the three v2
// ingress modes (Config.IngressMode). A stream is opened on first use and
// after a failed send; the unary mode has none. Used by one goroutine.
type ingress struct {
	mode   string
	client loggregator_v2.IngressClient
	batch  loggregator_v2.Ingress_BatchSenderClient
	single loggregator_v2.Ingress_SenderClient
	cancel context.CancelFunc // ends the open stream's context
}

// open opens the stream the mode needs, if it is not open. The stream
// outlives ctx: a run stopped by a signal ends it in close, so that what
// its Sends already handed over reaches the agent; cancelling it would
// throw away what was still on its way.
func (in *ingress) open(ctx context.Context) error {
	if !in.needsStream() {
		return nil
	}
	if in.cancel != nil {
		in.cancel() // the broken stream before it
		in.cancel = nil
	}
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var err error
	if in.mode == "sender" {
		in.single, err = in.client.Sender(sctx)
	} else {
		in.batch, err = in.client.BatchSender(sctx)
	}
	if err != nil {
		cancel()
		return err
	}
	in.cancel = cancel
	return nil
}

// needsStream reports whether the mode sends on a stream that is not open.
func (in *ingress) needsStream() bool {
	switch in.mode {
	case "sender":
		return in.single == nil
	case "batch":
		return in.batch == nil
	}
	return false
}

// send hands b over: one BatchSender message, one Sender message per
// envelope, or one unary Send. After an error the stream is dropped, to be
// reopened by the next open.
func (in *ingress) send(ctx context.Context, b []*loggregator_v2.Envelope) error {
	var err error
	switch in.mode {
	case "unary":
		_, err = in.client.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: b})
	case "sender":
		for _, e := range b {
			if err = in.single.Send(e); err != nil {
				in.single = nil
				break
			}
		}
	default:
		if err = in.batch.Send(&loggregator_v2.EnvelopeBatch{Batch: b}); err != nil {
			in.batch = nil
		}
	}
	return err
}

// close ends an open stream and waits, at most closeWait, for the agent's
// answer, which comes once it has read everything sent.
func (in *ingress) close() {
	if in.cancel == nil {
		return
	}
	defer in.cancel()
	answered := make(chan struct{})
	go func() {
		defer close(answered)
		if in.batch != nil {
			_, _ = in.batch.CloseAndRecv()
		}
		if in.single != nil {
			_, _ = in.single.CloseAndRecv()
		}
	}()
	select {
	case <-answered:
	case <-time.After(closeWait):
	}
}
