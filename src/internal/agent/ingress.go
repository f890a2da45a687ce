package agent

import (
	"context"
	"errors"
	"io"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/diode"
)

// ingress implements the v2 Ingress service. Each RPC validates what it
// receives and puts it in the diode; none ever waits on the forwarding side.
type ingress struct {
	loggregator_v2.UnimplementedIngressServer

	buf     *diode.ManyToOne[*loggregator_v2.Envelope]
	maxSize int
	m       *ingressMetrics
}

// Sender receives one envelope per message.
func (s *ingress) Sender(stream loggregator_v2.Ingress_SenderServer) error {
	for {
		e, err := stream.Recv()
		if err != nil {
			return endOfStream(err, func() error { return stream.SendAndClose(&loggregator_v2.IngressResponse{}) })
		}
		if s.accept(e) {
			s.m.accepted.Inc()
		}
	}
}

// BatchSender receives batches of envelopes.
func (s *ingress) BatchSender(stream loggregator_v2.Ingress_BatchSenderServer) error {
	for {
		b, err := stream.Recv()
		if err != nil {
			return endOfStream(err, func() error { return stream.SendAndClose(&loggregator_v2.BatchSenderResponse{}) })
		}
		s.acceptBatch(b.GetBatch())
	}
}

// Send receives one batch in a unary call.
func (s *ingress) Send(_ context.Context, b *loggregator_v2.EnvelopeBatch) (*loggregator_v2.SendResponse, error) {
	s.acceptBatch(b.GetBatch())
	return &loggregator_v2.SendResponse{}, nil
}

func (s *ingress) acceptBatch(batch []*loggregator_v2.Envelope) {
	n := 0
	for _, e := range batch {
		if s.accept(e) {
			n++
		}
	}
	if n > 0 {
		s.m.accepted.Add(float64(n))
	}
}

// accept validates e, fills its source_id, and stores it. It reports whether
// e was stored.
func (s *ingress) accept(e *loggregator_v2.Envelope) bool {
	if e == nil || e.Message == nil {
		s.m.invalid.Inc()
		return false
	}
	if proto.Size(e) > s.maxSize {
		s.m.tooLarge.Inc()
		return false
	}
	if e.SourceId == "" {
		e.SourceId = e.Tags["origin"]
		if e.SourceId == "" {
			e.SourceId = e.DeprecatedTags["origin"].GetText()
		}
	}
	s.buf.Set(e)
	return true
}

// endOfStream turns a client's half-close into a clean end of the RPC; any
// other receive error (a client gone mid-stream, a server stop) just ends it.
func endOfStream(err error, closeFn func() error) error {
	if errors.Is(err, io.EOF) {
		return closeFn()
	}
	return err
}
