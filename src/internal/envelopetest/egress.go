package envelopetest

import (
	"context"
	"fmt"
	"net"
	"sync"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/mtls"
)

// egressQueue is how many messages a subscription holds before Send waits.
const egressQueue = 1024

// EgressSource stands in for a v2 Egress server (a router, the reverse log
// proxy): a real gRPC server over mutual TLS that serves BatchedReceiver and
// Receiver, records every request, and streams the envelopes a test hands
// to Send. It does not filter by selector. It is safe for concurrent use.
type EgressSource struct {
	loggregator_v2.UnimplementedEgressServer

	srv    *grpc.Server
	ln     net.Listener
	served chan struct{} // closed when Serve has returned

	mu       sync.Mutex
	subs     []*egressSub                         // open streams, oldest first; guarded by mu
	requests []*loggregator_v2.EgressBatchRequest // every request; guarded by mu
	next     map[string]int                       // round-robin position per shard id; guarded by mu
}

// egressSub is one open stream. Its handler owns out's receiving end and
// closes done when it returns.
type egressSub struct {
	req  *loggregator_v2.EgressBatchRequest
	out  chan []*loggregator_v2.Envelope
	done chan struct{}
}

// NewEgressSource serves on addr ("127.0.0.1:0", or a fixed address for a
// server that comes back) with the server identity in files, until Stop.
func NewEgressSource(addr string, files mtls.Files) (*EgressSource, error) {
	tlsCfg, err := mtls.Server(files, nil)
	if err != nil {
		return nil, fmt.Errorf("egress source tls: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("egress source listen %s: %w", addr, err)
	}
	s := &EgressSource{
		srv:    grpc.NewServer(grpc.Creds(credentials.NewTLS(tlsCfg))),
		ln:     ln,
		served: make(chan struct{}),
		next:   map[string]int{},
	}
	loggregator_v2.RegisterEgressServer(s.srv, s)
	go func() {
		defer close(s.served)
		_ = s.srv.Serve(ln) // returns nil after Stop; any other end shows as refused connections
	}()
	return s, nil
}

// Addr is host:port of the Egress API.
func (s *EgressSource) Addr() string { return s.ln.Addr().String() }

// Stop closes the listener and every stream at once, as a crash would, and
// returns when the server has stopped. It may be called more than once.
func (s *EgressSource) Stop() {
	s.srv.Stop()
	<-s.served
}

// Subscriptions is the number of open streams.
func (s *EgressSource) Subscriptions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.subs)
}

// Requests returns every request received so far, oldest first; a Receiver
// request appears as the EgressBatchRequest with the same fields.
func (s *EgressSource) Requests() []*loggregator_v2.EgressBatchRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*loggregator_v2.EgressBatchRequest(nil), s.requests...)
}

// Send hands envs to the open streams as a router would: a stream without a
// shard id gets every envelope, and each group of streams sharing a shard id
// gets each envelope once, on its members in turn. A BatchedReceiver stream
// gets its share as one batch, a Receiver stream one envelope per message.
// Send waits while a stream's queue is full, and skips a stream that ends.
func (s *EgressSource) Send(envs ...*loggregator_v2.Envelope) {
	shares := map[*egressSub][]*loggregator_v2.Envelope{}
	s.mu.Lock()
	subs := append([]*egressSub(nil), s.subs...)
	groups := map[string][]*egressSub{}
	for _, sub := range subs {
		if id := sub.req.GetShardId(); id != "" {
			groups[id] = append(groups[id], sub)
			continue
		}
		shares[sub] = envs
	}
	for _, e := range envs {
		for id, g := range groups {
			sub := g[s.next[id]%len(g)]
			s.next[id]++
			shares[sub] = append(shares[sub], e)
		}
	}
	s.mu.Unlock()
	for _, sub := range subs {
		if len(shares[sub]) == 0 {
			continue
		}
		select {
		case sub.out <- shares[sub]:
		case <-sub.done:
		}
	}
}

// BatchedReceiver records req and streams what Send gives it.
func (s *EgressSource) BatchedReceiver(req *loggregator_v2.EgressBatchRequest, stream loggregator_v2.Egress_BatchedReceiverServer) error {
	return s.serve(stream.Context(), req, func(envs []*loggregator_v2.Envelope) error {
		return stream.Send(&loggregator_v2.EnvelopeBatch{Batch: envs})
	})
}

// Receiver records req and streams what Send gives it, one envelope per message.
func (s *EgressSource) Receiver(req *loggregator_v2.EgressRequest, stream loggregator_v2.Egress_ReceiverServer) error {
	batchReq := &loggregator_v2.EgressBatchRequest{
		ShardId:           req.GetShardId(),
		DeterministicName: req.GetDeterministicName(),
		LegacySelector:    req.GetLegacySelector(),
		Selectors:         req.GetSelectors(),
		UsePreferredTags:  req.GetUsePreferredTags(),
	}
	return s.serve(stream.Context(), batchReq, func(envs []*loggregator_v2.Envelope) error {
		for _, e := range envs {
			if err := stream.Send(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// serve registers a stream for req and writes what Send queues for it with
// send until the client goes or the server stops.
func (s *EgressSource) serve(ctx context.Context, req *loggregator_v2.EgressBatchRequest, send func([]*loggregator_v2.Envelope) error) error {
	sub := &egressSub{req: req, out: make(chan []*loggregator_v2.Envelope, egressQueue), done: make(chan struct{})}
	s.mu.Lock()
	s.subs = append(s.subs, sub)
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		for i, o := range s.subs {
			if o == sub {
				s.subs = append(s.subs[:i], s.subs[i+1:]...)
				break
			}
		}
		s.mu.Unlock()
		close(sub.done)
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case envs := <-sub.out:
			if err := send(envs); err != nil {
				return fmt.Errorf("egress source send: %w", err)
			}
		}
	}
}
