// Package rlptest provides a stand-in router for the reverse log proxy's
// suites: a real gRPC server over mutual TLS that serves the v2 Egress API,
// records every subscription and sends the envelopes a test gives it,
// splitting them round-robin among subscriptions that share a shard id.
package rlptest

import (
	"crypto/tls"
	"fmt"
	"net"
	"sync"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// Router is a stand-in router. It is safe for concurrent use.
type Router struct {
	loggregator_v2.UnimplementedEgressServer

	srv *grpc.Server
	ln  net.Listener

	mu       sync.Mutex
	subs     []*subscription // open subscriptions, guarded by mu
	requests []*loggregator_v2.EgressBatchRequest
	next     map[string]int // round-robin position per shard id
}

type subscription struct {
	req *loggregator_v2.EgressBatchRequest
	out chan *loggregator_v2.Envelope
}

// Start serves on addr ("127.0.0.1:0") with the server TLS config tlsCfg.
func Start(addr string, tlsCfg *tls.Config) (*Router, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	r := &Router{ln: ln, srv: grpc.NewServer(grpc.Creds(credentials.NewTLS(tlsCfg))), next: map[string]int{}}
	loggregator_v2.RegisterEgressServer(r.srv, r)
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// Addr is the address the router listens on.
func (r *Router) Addr() string { return r.ln.Addr().String() }

// Stop closes the listener and every stream at once, as a crash would.
func (r *Router) Stop() { r.srv.Stop() }

// Subscriptions is the number of open subscriptions.
func (r *Router) Subscriptions() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.subs)
}

// Requests returns every subscription request received so far.
func (r *Router) Requests() []*loggregator_v2.EgressBatchRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*loggregator_v2.EgressBatchRequest(nil), r.requests...)
}

// Send gives every envelope to each subscription without a shard id and to
// one subscription of each shard group in turn. It waits while a
// subscription's queue is full.
func (r *Router) Send(envs ...*loggregator_v2.Envelope) {
	for _, e := range envs {
		r.mu.Lock()
		var targets []*subscription
		groups := map[string][]*subscription{}
		var order []string
		for _, s := range r.subs {
			id := s.req.GetShardId()
			if id == "" {
				targets = append(targets, s)
				continue
			}
			if _, ok := groups[id]; !ok {
				order = append(order, id)
			}
			groups[id] = append(groups[id], s)
		}
		for _, id := range order {
			g := groups[id]
			targets = append(targets, g[r.next[id]%len(g)])
			r.next[id]++
		}
		r.mu.Unlock()
		for _, s := range targets {
			s.out <- e
		}
	}
}

// BatchedReceiver records req and streams what Send gives it in batches.
func (r *Router) BatchedReceiver(req *loggregator_v2.EgressBatchRequest, stream loggregator_v2.Egress_BatchedReceiverServer) error {
	s := &subscription{req: req, out: make(chan *loggregator_v2.Envelope, 10000)}
	r.mu.Lock()
	r.subs = append(r.subs, s)
	r.requests = append(r.requests, req)
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		for i, o := range r.subs {
			if o == s {
				r.subs = append(r.subs[:i], r.subs[i+1:]...)
				break
			}
		}
	}()
	for {
		var batch loggregator_v2.EnvelopeBatch
		select {
		case <-stream.Context().Done():
			return nil
		case e := <-s.out:
			batch.Batch = append(batch.Batch, e)
		}
	fill:
		for len(batch.Batch) < 100 {
			select {
			case e := <-s.out:
				batch.Batch = append(batch.Batch, e)
			default:
				break fill
			}
		}
		if err := stream.Send(&batch); err != nil {
			return err
		}
	}
}
