package lossprobe

import (
	"context"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
)

// ingress hands an emitter's batches to the agent in one of the three v2
// ingress modes (Config.IngressMode). A stream is opened on first use and
// after a failed send; the unary mode has none. Used by one goroutine.
type ingress struct {
	mode   string
	client loggregator_v2.IngressClient
	batch  loggregator_v2.Ingress_BatchSenderClient
	single loggregator_v2.Ingress_SenderClient
}

// open opens the stream the mode needs, if it is not open.
func (in *ingress) open(ctx context.Context) error {
	var err error
	switch {
	case in.mode == "sender" && in.single == nil:
		in.single, err = in.client.Sender(ctx)
	case in.mode == "batch" && in.batch == nil:
		in.batch, err = in.client.BatchSender(ctx)
	}
	return err
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

// close ends an open stream and waits for the agent's answer.
func (in *ingress) close() {
	if in.batch != nil {
		_, _ = in.batch.CloseAndRecv()
	}
	if in.single != nil {
		_, _ = in.single.CloseAndRecv()
	}
}
