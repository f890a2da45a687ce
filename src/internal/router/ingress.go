package router

import (
	"context"
	"errors"
	"io"
	"sync"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/diode"
	"loggregator/internal/wire"
)

var errStopping = status.Error(codes.Unavailable, "router is stopping: send to another router")

// ingress serves the v2 Ingress API into the router's diode. Envelopes stay
// encoded: a batch is one buffer, and the diode holds slices of it.
type ingress struct {
	diode *diode.ManyToOne[[]byte]
	m     routerMetrics

	// mu orders accept against stop: after stop holds it once, no envelope
	// enters the diode. stopped is guarded by mu; stop is closed by stop().
	mu      sync.RWMutex
	stopped bool
	stopCh  chan struct{}
	readers sync.WaitGroup // one per stream receive loop
}

func newIngress(d *diode.ManyToOne[[]byte], m routerMetrics) *ingress {
	return &ingress{diode: d, m: m, stopCh: make(chan struct{})}
}

// accept puts envs into the diode unless the router is stopping.
func (in *ingress) accept(envs [][]byte, invalid int) {
	if invalid > 0 {
		in.m.invalid.Add(float64(invalid))
	}
	in.mu.RLock()
	defer in.mu.RUnlock()
	if in.stopped {
		in.m.shutdown.Add(float64(len(envs)))
		return
	}
	for _, e := range envs {
		in.diode.Set(e)
	}
	in.m.ingress.Add(float64(len(envs)))
}

// stop makes every later accept drop, ends open streams with Unavailable
// and returns once no accept is in progress.
func (in *ingress) stop() {
	in.mu.Lock()
	defer in.mu.Unlock()
	if !in.stopped {
		in.stopped = true
		close(in.stopCh)
	}
}

// wait returns when every receive loop has ended.
func (in *ingress) wait() { in.readers.Wait() }

func (in *ingress) register(g *grpc.Server) {
	g.RegisterService(&grpc.ServiceDesc{
		ServiceName: "loggregator.v2.Ingress",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{
			MethodName: "Send",
			Handler: func(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
				var b wire.Batch
				if err := dec(&b); err != nil {
					return nil, err
				}
				in.accept(b.Envelopes, b.Invalid)
				return &loggregator_v2.SendResponse{}, nil
			},
		}},
		Streams: []grpc.StreamDesc{
			{StreamName: "Sender", ClientStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
				return in.serve(st, &loggregator_v2.IngressResponse{}, func() error {
					var e wire.Envelope
					if err := st.RecvMsg(&e); err != nil {
						return err
					}
					in.accept([][]byte{e.Bytes}, 0)
					return nil
				})
			}},
			{StreamName: "BatchSender", ClientStreams: true, Handler: func(_ any, st grpc.ServerStream) error {
				var b wire.Batch
				return in.serve(st, &loggregator_v2.BatchSenderResponse{}, func() error {
					if err := st.RecvMsg(&b); err != nil {
						return err
					}
					in.accept(b.Envelopes, b.Invalid)
					return nil
				})
			}},
		},
		Metadata: "loggregator-api/v2/ingress.proto",
	}, in)
}

// serve runs recv until the client closes the stream (answered with resp),
// the stream fails, or the router stops. The receive loop runs in its own
// goroutine so that stopping does not wait for an idle agent's next message.
func (in *ingress) serve(st grpc.ServerStream, resp proto.Message, recv func() error) error {
	select {
	case <-in.stopCh:
		return errStopping
	default:
	}
	done := make(chan error, 1)
	in.readers.Add(1)
	go func() {
		defer in.readers.Done()
		for {
			if err := recv(); err != nil {
				done <- err
				return
			}
		}
	}()
	select {
	case err := <-done:
		if errors.Is(err, io.EOF) {
			return st.SendMsg(resp)
		}
		return err
	case <-in.stopCh:
		return errStopping
	}
}
