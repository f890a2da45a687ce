package ingress

import (
	"errors"
	"io"
	"sync/atomic"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/wire"
)

// Acknowledged ingress (src/proto/loggr/ack/v1/ingress.proto): a
// BatchSender whose receiver answers with the number of batches it has
// accepted, so a sender knows what a broken stream may have lost.
const (
	// AckService is the gRPC service name.
	AckService = "loggr.ack.v1.Ingress"
	// AckMethod is the full name of its one call.
	AckMethod = "/" + AckService + "/BatchSender"
)

// AckStreamDesc describes AckMethod for a client's grpc.ClientConn.NewStream.
var AckStreamDesc = grpc.StreamDesc{StreamName: "BatchSender", ClientStreams: true, ServerStreams: true}

// RegisterAcks adds the acknowledged BatchSender (AckService) to g, which
// must use wire.Codec. It shares the Server's sink and its Stop: a stop
// refuses new calls and ends open ones with codes.Unavailable, like
// Register's, after a last acknowledgement of everything accepted.
// Batches that arrive once the server has stopped are neither accepted nor
// acknowledged (nor counted here): their sender still holds them and sends
// them elsewhere.
func (s *Server) RegisterAcks(g *grpc.Server) {
	g.RegisterService(&grpc.ServiceDesc{
		ServiceName: AckService,
		HandlerType: (*any)(nil),
		Streams: []grpc.StreamDesc{{
			StreamName: AckStreamDesc.StreamName, ClientStreams: true, ServerStreams: true,
			Handler: s.ackedBatchSender,
		}},
		Metadata: "loggr/ack/v1/ingress.proto",
	}, s)
}

// ackedBatchSender reads in one goroutine and answers in the handler's own,
// so only the handler ever calls SendMsg and a stop never waits for an idle
// producer. The reader counts a batch only once the sink has taken it,
// under mu, so once Stop has set stopped the count is final and the last
// acknowledgement covers everything accepted.
func (s *Server) ackedBatchSender(_ any, st grpc.ServerStream) error {
	if !s.enter() {
		return s.errStop
	}
	defer s.streams.Done()
	var accepted atomic.Uint64
	progress := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() {
		defer s.readers.Done()
		var b wire.Batch
		for {
			if err := st.RecvMsg(&b); err != nil {
				done <- err
				return
			}
			s.acceptCounted(b.Envelopes, b.Invalid, &accepted)
			clear(b.Envelopes) // an idle stream must not pin the batch's buffer
			select {
			case progress <- struct{}{}:
			default:
			}
		}
	}()

	ack := &wrapperspb.UInt64Value{}
	answer := func() error {
		n := accepted.Load()
		if n == ack.Value && n != 0 {
			return nil
		}
		ack.Value = n
		return st.SendMsg(ack)
	}
	if err := st.SendMsg(ack); err != nil { // 0: the service is here
		return err
	}
	for {
		select {
		case <-progress:
			if err := answer(); err != nil {
				return err
			}
		case err := <-done:
			if !errors.Is(err, io.EOF) {
				return err
			}
			return answer()
		case <-st.Context().Done(): // the connection is gone; the reader ends with it
			return st.Context().Err()
		case <-s.stopCh:
			_ = answer() // best effort: the stream ends either way, and the sender re-sends what it lacks
			return s.errStop
		}
	}
}

// acceptCounted hands one batch to the sink and counts it in n, unless the
// server has stopped.
func (s *Server) acceptCounted(envs [][]byte, invalid int, n *atomic.Uint64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.stopped {
		return
	}
	s.sink.Accept(envs, invalid)
	n.Add(1)
}
