package routerset

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	grpckeepalive "google.golang.org/grpc/keepalive"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/diode"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/wire"
)

// batchedReceiver is the routers' BatchedReceiver method, opened by hand so
// the batches arrive as raw envelopes through wire.Codec.
var batchedReceiver = &loggregator_v2.Egress_ServiceDesc.Streams[1]

const batchedReceiverMethod = "/loggregator.v2.Egress/BatchedReceiver"

// keepalive pings a router whose streams have carried nothing for 15 s and
// gives up on the connection 10 s later, as agents do: a router that went
// silent (its VM gone, or cut off without a reset) is noticed and
// re-subscribed to when it answers again, instead of holding a stream that
// never ends. Routers permit pings every 10 s.
var keepalive = grpckeepalive.ClientParameters{Time: 15 * time.Second, Timeout: 10 * time.Second, PermitWithoutStream: true}

// Options are a Set's environment; every field may be zero.
type Options struct {
	// Lookup resolves router names; nil means the system resolver.
	Lookup resolve.LookupFunc
	// Log receives membership changes and stream errors; nil discards them.
	Log *slog.Logger
	// Budget, when set, is the process's buffer budget, charged
	// wire.StreamWindow bytes for every router stream held back (see hold):
	// what its router may send meanwhile, which gRPC keeps unread. A stream
	// is held back only when that fits, so holding never takes the process
	// over its budget; without a Budget no stream is held back.
	Budget *diode.Budget
}

// subscriber is one consumer as the set sees it: the request to forward to
// every router and where the routers' envelopes go.
type subscriber struct {
	req *loggregator_v2.EgressBatchRequest
	// deliver takes one encoded envelope. It is called from one goroutine
	// per router at once and must never block.
	deliver func(env []byte)
	// room, when set, says whether a batch fits in the consumer's buffer
	// below its high-water mark and, when not, gives a channel closed when
	// it is worth asking again (fair.Tracker.Room); see hold.
	room  func(envs [][]byte) (bool, <-chan struct{})
	allow *allowance // the holding a consumer may still do; with room
	ctx   context.Context
	wg    sync.WaitGroup // one per running router stream
}

// router is one member of the set.
type router struct {
	addr   string
	conn   *grpc.ClientConn
	ctx    context.Context // ends when the router leaves the set
	cancel context.CancelFunc
}

// Set keeps one connection to every router and, for every subscriber, one
// BatchedReceiver stream on each of them. Make one with New; Resolve once so
// the first subscriber finds routers, Run to follow membership, and Close
// (or end Run's context) to stop. Subscribe may be called from any
// goroutine, also after Close, when it subscribes to nothing.
type Set struct {
	res        *resolve.Resolver
	creds      credentials.TransportCredentials
	interval   time.Duration
	maxBackoff time.Duration
	codec      *wire.Codec
	m          *Metrics
	log        *slog.Logger
	budget     *diode.Budget

	streams sync.WaitGroup // one per running router stream

	mu          sync.Mutex
	gen         uint64                   // resolution generation applied; guarded by mu
	routers     map[string]*router       // guarded by mu
	subscribers map[*subscriber]struct{} // guarded by mu
	closed      bool                     // guarded by mu
}

// New builds a Set from cfg, loading its certificates. It connects to
// nothing until the first Resolve.
func New(cfg Config, m *Metrics, opts Options) (*Set, error) {
	tlsCfg, err := mtls.Client(cfg.TLS, cfg.ServerName, cfg.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("router client tls: %w", err)
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	s := &Set{
		creds:       wire.Credentials(tlsCfg),
		interval:    cfg.RefreshInterval.D(),
		maxBackoff:  cfg.MaxBackoff.D(),
		codec:       wire.NewCodec(),
		m:           m,
		log:         opts.Log,
		budget:      opts.Budget,
		routers:     map[string]*router{},
		subscribers: map[*subscriber]struct{}{},
	}
	s.res = resolve.New(cfg.Targets, resolve.Options{Lookup: opts.Lookup, OnResolve: s.apply})
	return s, nil
}

// Resolve resolves the targets once and applies the result. Call it from
// one goroutine at a time, and not while Run runs.
func (s *Set) Resolve(ctx context.Context) { s.res.Resolve(ctx) }

// Run re-resolves the targets every refresh interval until ctx ends, then
// closes the set.
func (s *Set) Run(ctx context.Context) {
	s.res.Run(ctx, s.interval)
	s.Close()
}

// apply makes the membership equal to a resolution it has not applied yet.
func (s *Set) apply(cur *resolve.Addrs) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || cur.Gen == s.gen {
		return
	}
	s.gen = cur.Gen
	for addr, r := range s.routers {
		if slices.Contains(cur.All, addr) {
			continue
		}
		delete(s.routers, addr)
		s.drop(r)
		s.log.Info("router left", "addr", addr)
	}
	for _, addr := range cur.All {
		if _, ok := s.routers[addr]; ok {
			continue
		}
		conn, err := grpc.NewClient(addr, append(wire.DialOptions(), grpc.WithTransportCredentials(s.creds),
			grpc.WithKeepaliveParams(keepalive))...)
		if err != nil {
			// NewClient fails only on an unparsable target, which the
			// resolver never produces; skip it rather than stop the others.
			s.log.Error("router connection", "addr", addr, "error", err.Error())
			continue
		}
		ctx, cancel := context.WithCancel(context.Background())
		r := &router{addr: addr, conn: conn, ctx: ctx, cancel: cancel}
		s.routers[addr] = r
		s.m.connects.Inc()
		s.log.Info("router joined", "addr", addr)
		for sub := range s.subscribers {
			s.start(sub, r)
		}
	}
	s.m.routers.Set(float64(len(s.routers)))
}

// drop ends r's streams and closes its connection. Called with mu held.
func (s *Set) drop(r *router) {
	r.cancel()
	if err := r.conn.Close(); err != nil {
		s.log.Warn("close router connection", "addr", r.addr, "error", err.Error())
	}
	s.m.disconnects.Inc()
}

// Close ends every router stream, waits for them, and closes the
// connections. Subscribers that come later get no routers. It may be called
// more than once.
func (s *Set) Close() {
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

// Subscribe makes Set an egress.Source: deliver receives the envelopes
// every router sends for req, from one goroutine per router at once (so an
// egress.Server over a Set needs ConcurrentWriters). The returned function
// ends req's streams and returns once deliver will not be called again.
func (s *Set) Subscribe(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte)) (func(), error) {
	return s.SubscribeWithRoom(req, deliver, nil)
}

// SubscribeWithRoom is Subscribe for a consumer whose buffer can say
// whether a batch fits (egress.RoomSource): a router stream whose next
// batch does not fit is not read for a while (see hold), so a burst waits
// in the router and in the stream's flow-control window instead of
// overwriting the consumer's oldest envelopes here. Only a Set with an
// Options.Budget holds streams back; without one this is Subscribe.
func (s *Set) SubscribeWithRoom(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte), room func(envs [][]byte) (bool, <-chan struct{})) (func(), error) {
	// Routers are asked for preferred tags whatever the consumer wants: a
	// consumer of deprecated tags gets them converted once, by the
	// egress.Server over this Set, not by every router too (whose
	// converted envelopes, larger than what it cut its messages by, also
	// doubled the pooled buffer of each message).
	up := proto.CloneOf(req)
	up.UsePreferredTags = true
	ctx, cancel := context.WithCancel(context.Background())
	if s.budget == nil {
		room = nil // nothing to charge what a held stream buffers to: never hold
	}
	sub := &subscriber{req: up, deliver: deliver, room: room, ctx: ctx}
	if room != nil {
		sub.allow = newAllowance(time.Now())
	}
	s.mu.Lock()
	if !s.closed {
		s.subscribers[sub] = struct{}{}
		for _, r := range s.routers {
			s.start(sub, r)
		}
	}
	s.mu.Unlock()
	return func() {
		cancel()
		s.mu.Lock()
		delete(s.subscribers, sub)
		s.mu.Unlock()
		sub.wg.Wait()
	}, nil
}

// start runs sub's stream on r. Called with mu held, so the wait group is
// added to before the unsubscribe function can wait on it.
func (s *Set) start(sub *subscriber, r *router) {
	sub.wg.Add(1)
	s.streams.Add(1)
	go func() {
		defer s.streams.Done()
		defer sub.wg.Done()
		s.stream(sub, r)
	}()
}

// stream keeps one BatchedReceiver stream open on r for sub, re-opening it
// with backoff when it breaks, until r leaves the set or sub ends.
func (s *Set) stream(sub *subscriber, r *router) {
	ctx, cancel := context.WithCancel(sub.ctx)
	defer cancel()
	stop := context.AfterFunc(r.ctx, cancel)
	defer stop()

	backoff := resolve.NewBackoff(resolve.MinBackoff, s.maxBackoff)
	for {
		opened := time.Now()
		err := s.receive(ctx, sub, r)
		if ctx.Err() != nil {
			return
		}
		s.m.streamErrors.Inc()
		s.log.Debug("router stream broke", "addr", r.addr, "error", err.Error())
		if time.Since(opened) > s.maxBackoff {
			backoff.Reset() // it had been healthy: retry soon
		}
		if !backoff.Wait(ctx) {
			return
		}
	}
}

// receive opens one stream and hands every envelope it carries to
// sub.deliver until the stream or ctx ends. While the router is unreachable
// it waits for the connection rather than fail, so a restarting router is
// picked up as soon as it listens again.
func (s *Set) receive(ctx context.Context, sub *subscriber, r *router) error {
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
		if sub.room != nil {
			s.hold(ctx, sub, b.Envelopes)
		}
		for _, env := range b.Envelopes {
			sub.deliver(env)
		}
		s.m.ingress.Add(float64(len(b.Envelopes)))
		if b.Invalid > 0 {
			s.m.invalid.Add(float64(b.Invalid))
		}
	}
}

// Holding a batch back. A consumer's buffer keeps a bounded number of one
// source's envelopes (all of it for a consumer of one source, a quarter of
// it in a buffer split by source), so a burst of one source (what agents
// held while a router restarted, an app's sudden flood) overwrote its
// oldest envelopes here even while the consumer kept up, only less fast
// than the router sent. So a stream whose batch would take
// a lane over its high-water mark waits, unread, for the consumer to take
// some: at most maxHold a batch, and at most holdAllowance of every
// holdWindow per consumer, so that a consumer that is slow rather than
// bursty still loses here, is counted here, and is cut off here as slow
// (reverse_log_proxy.egress.slow_consumer_timeout), as before. While a
// stream waits, its router keeps sending until the stream's flow-control
// window is full, then holds the rest in that subscription's own buffer;
// the window's worth gRPC keeps here unread is charged to Options.Budget.
const (
	maxHold       = 100 * time.Millisecond
	holdAllowance = 250 * time.Millisecond
	holdWindow    = 10 * time.Second
)

// hold waits, within the consumer's allowance, until envs fit in its
// buffer, the allowance for this batch runs out, or ctx ends, and counts
// the batch and the wait when it waited.
func (s *Set) hold(ctx context.Context, sub *subscriber, envs [][]byte) {
	ok, ch := sub.room(envs)
	if ok {
		return
	}
	if !s.budget.Charge(wire.StreamWindow) {
		return
	}
	defer s.budget.Release(wire.StreamWindow)
	start := time.Now()
	grant := sub.allow.take(start, maxHold)
	if grant <= 0 {
		return
	}
	timer := time.NewTimer(grant)
	defer timer.Stop()
	for !ok {
		select {
		case <-ch:
			ok, ch = sub.room(envs)
		case <-timer.C:
			ok = true
		case <-ctx.Done():
			ok = true
		}
	}
	waited := time.Since(start)
	sub.allow.refund(grant - waited)
	s.m.heldBatches.Inc()
	s.m.heldSeconds.Add(waited.Seconds())
}

// allowance is a consumer's holding time: a bucket of holdAllowance that
// refills at holdAllowance per holdWindow, shared by its router streams.
type allowance struct {
	mu   sync.Mutex
	left time.Duration // guarded by mu
	at   time.Time     // when left was last brought up to date; guarded by mu
}

func newAllowance(now time.Time) *allowance {
	return &allowance{left: holdAllowance, at: now}
}

// take returns how long a batch may wait from now, at most most, and
// takes it from the allowance.
func (a *allowance) take(now time.Time, most time.Duration) time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	if elapsed := now.Sub(a.at); elapsed > 0 {
		a.left = min(holdAllowance, a.left+elapsed*holdAllowance/holdWindow)
		a.at = now
	}
	grant := min(most, a.left)
	a.left -= grant
	return grant
}

// refund gives back the part of a grant a batch did not wait.
func (a *allowance) refund(d time.Duration) {
	if d <= 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.left = min(holdAllowance, a.left+d)
}
