package rlp

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/wire"
)

// minBackoff is the first wait before re-subscribing to a router.
const minBackoff = 50 * time.Millisecond

// batchedReceiver is the router's BatchedReceiver method, opened by hand so
// the batches arrive as raw envelopes through wire.Codec.
var batchedReceiver = &loggregator_v2.Egress_ServiceDesc.Streams[1]

const batchedReceiverMethod = "/loggregator.v2.Egress/BatchedReceiver"

// subscriber is one consumer as the router set sees it: the request to
// forward to every router and where the routers' envelopes go.
type subscriber struct {
	req *loggregator_v2.EgressBatchRequest
	// sink takes one encoded envelope. It is called from one goroutine per
	// router at once and must never block.
	sink func(env []byte)
	ctx  context.Context
	wg   sync.WaitGroup // one per running router stream
}

// router is one member of the router set.
type router struct {
	addr   string
	conn   *grpc.ClientConn
	ctx    context.Context // ends when the router leaves the set
	cancel context.CancelFunc
}

// routerSet keeps one connection to every router and, for every subscriber,
// one BatchedReceiver stream on each of them. A router that joins is
// subscribed to for every subscriber; one that leaves has its streams ended
// without touching the others'; a stream that breaks is re-opened with
// backoff for as long as both its router and its subscriber remain.
type routerSet struct {
	resolver   *resolver
	creds      credentials.TransportCredentials
	maxBackoff time.Duration
	codec      *wire.Codec
	m          *rlpMetrics
	log        *slog.Logger

	streams sync.WaitGroup // one per running router stream

	mu          sync.Mutex
	routers     map[string]*router       // guarded by mu
	subscribers map[*subscriber]struct{} // guarded by mu
	closed      bool                     // guarded by mu
}

func newRouterSet(cfg RoutersConfig, tlsCfg *tls.Config, lookup LookupFunc, m *rlpMetrics, log *slog.Logger) *routerSet {
	return &routerSet{
		resolver:    newResolver(cfg.Addrs, lookup),
		creds:       credentials.NewTLS(tlsCfg),
		maxBackoff:  cfg.MaxBackoff.D(),
		codec:       wire.NewCodec(),
		m:           m,
		log:         log,
		routers:     map[string]*router{},
		subscribers: map[*subscriber]struct{}{},
	}
}

// refresh resolves the router addresses once and applies the result.
func (s *routerSet) refresh(ctx context.Context) {
	s.update(s.resolver.resolve(ctx))
}

// run re-resolves every interval until ctx ends, then closes the set.
func (s *routerSet) run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.close()
			return
		case <-t.C:
			s.refresh(ctx)
		}
	}
}

// update makes the membership equal to addrs.
func (s *routerSet) update(addrs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	for addr, r := range s.routers {
		if slices.Contains(addrs, addr) {
			continue
		}
		delete(s.routers, addr)
		s.drop(r)
		s.log.Info("router left", "addr", addr)
	}
	for _, addr := range addrs {
		if _, ok := s.routers[addr]; ok {
			continue
		}
		conn, err := grpc.NewClient(addr, append(wire.DialOptions(), grpc.WithTransportCredentials(s.creds))...)
		if err != nil {
			// NewClient fails only on an unparsable target, which resolve
			// never produces; skip it rather than stop the others.
			s.log.Error("router connection", "addr", addr, "error", err.Error())
			continue
		}
		ctx, cancel := context.WithCancel(context.Background())
		r := &router{addr: addr, conn: conn, ctx: ctx, cancel: cancel}
		s.routers[addr] = r
		s.m.routerConnects.Inc()
		s.log.Info("router joined", "addr", addr)
		for sub := range s.subscribers {
			s.start(sub, r)
		}
	}
	s.m.routers.Set(float64(len(s.routers)))
}

// drop ends r's streams and closes its connection. Called with mu held.
func (s *routerSet) drop(r *router) {
	r.cancel()
	if err := r.conn.Close(); err != nil {
		s.log.Warn("close router connection", "addr", r.addr, "error", err.Error())
	}
	s.m.routerDisconnects.Inc()
}

// close ends every router stream, waits for them, and closes the
// connections. Subscribers that come later get no routers. It may be called
// more than once.
func (s *routerSet) close() {
	s.mu.Lock()
	s.closed = true
	for addr, r := range s.routers {
		delete(s.routers, addr)
		s.drop(r)
	}
	s.m.routers.Set(0)
	s.mu.Unlock()
	s.streams.Wait()
}

// Subscribe makes routerSet an egress.Source: deliver receives the
// envelopes every router sends for req, from one goroutine per router.
func (s *routerSet) Subscribe(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte)) (func(), error) {
	ctx, cancel := context.WithCancel(context.Background())
	wait := s.subscribe(&subscriber{req: req, sink: deliver, ctx: ctx})
	return func() {
		cancel()
		wait()
	}, nil
}

// subscribe opens a stream for sub on every router, now and whenever a
// router joins, until sub.ctx ends. The returned function removes sub and
// waits for its streams to end; call it after sub.ctx is done.
func (s *routerSet) subscribe(sub *subscriber) (wait func()) {
	s.mu.Lock()
	if !s.closed {
		s.subscribers[sub] = struct{}{}
		for _, r := range s.routers {
			s.start(sub, r)
		}
	}
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		delete(s.subscribers, sub)
		s.mu.Unlock()
		sub.wg.Wait()
	}
}

// start runs sub's stream on r. Called with mu held, so the wait group is
// added to before subscribe's wait function can wait on it.
func (s *routerSet) start(sub *subscriber, r *router) {
	sub.wg.Add(1)
	s.streams.Add(1)
	go func() {
		defer s.streams.Done()
		defer sub.wg.Done()
		s.stream(sub, r)
	}()
}

// stream keeps one BatchedReceiver stream open on r for sub, re-opening it
// with exponential backoff and jitter when it breaks, until r leaves the set
// or sub ends.
func (s *routerSet) stream(sub *subscriber, r *router) {
	ctx, cancel := context.WithCancel(sub.ctx)
	defer cancel()
	stop := context.AfterFunc(r.ctx, cancel)
	defer stop()

	backoff := minBackoff
	for {
		opened := time.Now()
		err := s.receive(ctx, sub, r)
		if ctx.Err() != nil {
			return
		}
		s.m.routerStreamErrors.Inc()
		s.log.Debug("router stream broke", "addr", r.addr, "error", err.Error())
		if time.Since(opened) > s.maxBackoff {
			backoff = minBackoff // it had been healthy: retry soon
		}
		wait := backoff/2 + rand.N(backoff/2+1)
		backoff = min(2*backoff, s.maxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// receive opens one stream and hands every envelope it carries to sub.sink
// until the stream or ctx ends. While the router is unreachable it waits for
// the connection rather than fail, so a restarting router is picked up as
// soon as it listens again.
func (s *routerSet) receive(ctx context.Context, sub *subscriber, r *router) error {
	st, err := r.conn.NewStream(ctx, batchedReceiver, batchedReceiverMethod,
		grpc.ForceCodecV2(s.codec), grpc.WaitForReady(true))
	if err != nil {
		return fmt.Errorf("subscribe to router %s: %w", r.addr, err)
	}
	if err := st.SendMsg(sub.req); err != nil {
		return fmt.Errorf("subscribe to router %s: %w", r.addr, err)
	}
	if err := st.CloseSend(); err != nil {
		return fmt.Errorf("subscribe to router %s: %w", r.addr, err)
	}
	var b wire.Batch
	for {
		if err := st.RecvMsg(&b); err != nil {
			return fmt.Errorf("receive from router %s: %w", r.addr, err)
		}
		for _, env := range b.Envelopes {
			sub.sink(env)
		}
		s.m.ingress.Add(float64(len(b.Envelopes)))
		if b.Invalid > 0 {
			s.m.droppedInvalid.Add(float64(b.Invalid))
		}
	}
}
