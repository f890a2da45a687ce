package routerpool

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/diode"
	"loggregator/internal/ingress"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/wire"
)

// Options are the hooks and environment of a Pool; every field may be zero.
type Options struct {
	// Zone is this VM's availability zone; targets in it are preferred.
	Zone string
	// Lookup resolves names; nil means the system resolver.
	Lookup resolve.LookupFunc
	// Release is called once a worker is done with a batch: written (and
	// acknowledged, on a stream with acknowledgements) or dropped.
	Release func(batch [][]byte)
	// Log receives connection state changes; nil discards them.
	Log *slog.Logger
	// Budget, if set, is the process's buffer budget: the batches an
	// acknowledged stream keeps until the router acknowledges them are
	// charged to it, and a stream holding some waits for acknowledgements
	// rather than keep more than the budget has room for. A stream holding
	// none always sends, charged if it fits.
	Budget *diode.Budget
}

// Pool writes batches over a set of streams to routers. Run is the only
// entry point; a Pool is used once.
type Pool struct {
	cfg   Config
	opts  Options
	tls   *tls.Config
	codec *wire.Codec
	res   *resolve.Resolver
	m     *Metrics
	next  atomic.Uint64 // round-robin cursor over the addresses
}

// New builds a pool from cfg, loading its certificates.
func New(cfg Config, m *Metrics, opts Options) (*Pool, error) {
	tlsCfg, err := mtls.Client(cfg.TLS, cfg.ServerName, cfg.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("router client tls: %w", err)
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &Pool{
		cfg:   cfg,
		opts:  opts,
		tls:   tlsCfg,
		codec: wire.NewCodec(),
		res:   resolve.New(cfg.Targets, resolve.Options{Zone: opts.Zone, Lookup: opts.Lookup, OnResolve: m.resolved}),
		m:     m,
	}, nil
}

// Run writes the batches received on in until in is closed, then closes its
// streams gracefully, waiting for each router to confirm it has read
// everything. ctx is the hard stop: once it is done, open streams are cut and
// every batch still arriving on in is counted as dropped for shutdown until in
// is closed. Run returns when in is closed and every worker has finished.
func (p *Pool) Run(ctx context.Context, in <-chan [][]byte) {
	resCtx, stopResolver := context.WithCancel(ctx)
	p.res.Resolve(resCtx)
	var wg sync.WaitGroup
	wg.Go(func() { p.res.Run(resCtx, p.cfg.DNSRefreshInterval.D()) })
	var workers sync.WaitGroup
	for range p.cfg.Streams {
		workers.Go(func() { p.worker(ctx, in) })
	}
	workers.Wait()
	stopResolver()
	wg.Wait()
}

// worker owns at most one stream at a time. It takes a batch only while it
// has a stream, so a worker that cannot reach a router leaves the batches to
// the others.
func (p *Pool) worker(ctx context.Context, in <-chan [][]byte) {
	var s *stream
	// held is what a broken stream left when no router could be reached:
	// written first once one can.
	var held []queued
	defer func() {
		if s != nil {
			p.last(ctx, s)
		}
		p.drop(ctx, held)
	}()
	// Waits between failed attempts grow from resolve.MinBackoff to
	// MaxBackoff, jittered so workers that failed together spread out.
	backoff := resolve.NewBackoff(resolve.MinBackoff, p.cfg.MaxBackoff.D())
	failures := 0
	for {
		if s == nil {
			var err error
			if s, err = p.connect(ctx, failures > 0, ""); err != nil {
				if failures == 0 {
					p.opts.Log.Warn("router connection failed; retrying", "error", err.Error(), "held_envelopes", envelopes(held))
				}
				failures++
				if !backoff.Wait(ctx) {
					p.discard(in)
					return
				}
				continue
			}
			if failures > 0 {
				p.opts.Log.Info("router connection restored", "router", s.addr, "failed_attempts", failures)
			}
			failures = 0
			backoff.Reset()
			if len(held) > 0 {
				s, held = p.deliver(ctx, s, p.unhold(held), "")
				continue
			}
		}

		// An acknowledged stream is watched while idle too: a break is
		// repaired at once, and acknowledged batches go back to the batcher.
		var broken, acks <-chan struct{}
		if s.acked != nil {
			broken, acks = s.broken, s.ackCh
		}
		select {
		case batch, ok := <-in:
			if !ok {
				return
			}
			s, held = p.deliver(ctx, s, []queued{{batch: batch}}, "")
		case <-acks:
			s.trim(p.release)
		case <-broken:
			addr := s.addr
			s, held = p.deliver(ctx, nil, p.fail(s), addr)
		case <-ctx.Done():
			p.discard(in)
			return
		}
		if s != nil && p.due(s) {
			p.m.recycles.Inc()
			addr, left := s.addr, p.finish(s)
			s = nil
			if len(left) > 0 {
				s, held = p.deliver(ctx, nil, left, addr)
			}
		}
	}
}

// queued is a batch to write: new from the batcher, or taken back from a
// broken acknowledged stream (resent). held marks one a worker keeps
// between streams, charged to the budget for charged bytes (see hold).
type queued struct {
	batch   [][]byte
	resent  bool
	held    bool
	charged int64
}

// deliver writes queue, oldest first, starting on s, or when s is nil on a
// fresh stream to a router other than failed if there is one. When a
// stream breaks, the batches it had not acknowledged go back to the front
// of the queue and the rest goes to a fresh stream, preferably to another
// router; after two broken streams what is left is dropped and counted. It
// returns the stream to use next, or nil with what is left to hold when no
// router could be reached: the worker writes that first once one can, so a
// router that restarts while it is the only one costs its agents nothing
// they had written to it.
func (p *Pool) deliver(ctx context.Context, s *stream, queue []queued, failed string) (*stream, []queued) {
	breaks := 0
	for len(queue) > 0 && breaks < 2 {
		if s == nil {
			var err error
			if s, err = p.connect(ctx, true, failed); err != nil {
				if ctx.Err() == nil {
					return nil, p.hold(ctx, queue)
				}
				break
			}
		}
		q := queue[0]
		if err := p.send(ctx, s, q.batch); err != nil {
			failed = s.addr
			queue = append(p.fail(s), queue...)
			s = nil
			breaks++
			continue
		}
		queue = queue[1:]
		if q.resent {
			p.m.resent.Add(float64(len(q.batch)))
		} else {
			p.m.egress.Add(float64(len(q.batch)))
			p.m.batches.Inc()
		}
	}
	p.drop(ctx, queue)
	return s, nil
}

// drop releases the batches of queue, counting them as dropped for
// shutdown once ctx is done, otherwise as unacknowledged (resent) or
// unavailable (new).
func (p *Pool) drop(ctx context.Context, queue []queued) {
	for _, q := range p.unhold(queue) {
		n := float64(len(q.batch))
		switch {
		case ctx.Err() != nil:
			p.m.shutdown.Add(n)
		case q.resent:
			p.m.unacknowledged.Add(n)
		default:
			p.m.unavailable.Add(n)
		}
		p.release(q.batch)
	}
}

// hold keeps queue for a worker that could not reach a router, each batch
// charged to the budget as an acknowledged stream's pending batches are;
// what does not fit is dropped and counted. It returns what it kept.
func (p *Pool) hold(ctx context.Context, queue []queued) []queued {
	kept := queue[:0]
	for _, q := range queue {
		if p.opts.Budget != nil {
			size := int64(wireSize(q.batch))
			if !p.opts.Budget.Charge(size) {
				p.drop(ctx, []queued{q})
				continue
			}
			q.charged = size
		}
		q.held = true
		p.m.held.Add(float64(len(q.batch)))
		kept = append(kept, q)
	}
	return kept
}

// unhold gives back what hold charged for queue's batches and returns queue.
func (p *Pool) unhold(queue []queued) []queued {
	for i := range queue {
		q := &queue[i]
		if !q.held {
			continue
		}
		if q.charged != 0 {
			p.opts.Budget.Release(q.charged)
		}
		p.m.held.Sub(float64(len(q.batch)))
		q.held, q.charged = false, 0
	}
	return queue
}

// envelopes is how many envelopes queue's batches hold.
func envelopes(queue []queued) int {
	n := 0
	for _, q := range queue {
		n += len(q.batch)
	}
	return n
}

// send writes batch on s. On an acknowledged stream it first waits, while
// s holds MaxUnackedBytes unacknowledged or the budget has no room for the
// batch, for the router to acknowledge more; a plain stream is done with the
// batch once written.
func (p *Pool) send(ctx context.Context, s *stream, batch [][]byte) error {
	size := wireSize(batch)
	var charged int64
	for s.acked != nil {
		s.trim(p.release)
		room := true
		if p.opts.Budget != nil {
			if room = p.opts.Budget.Charge(int64(size)); room {
				charged = int64(size)
			}
		}
		if len(s.pending) == 0 || (room && s.pendingBytes+size <= p.cfg.MaxUnackedBytes) {
			break
		}
		if charged != 0 {
			p.opts.Budget.Release(charged)
			charged = 0
		}
		select {
		case <-s.ackCh:
		case <-s.broken:
			return errBroken
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := s.send(batch, size, charged); err != nil {
		return err
	}
	if s.plain != nil {
		p.release(batch)
	}
	return nil
}

// fail ends a broken stream. It returns the batches an acknowledged stream
// had not had acknowledged, to be written again; for a plain stream it
// counts the envelopes that may be unread as unconfirmed.
func (p *Pool) fail(s *stream) []queued {
	p.abort(s)
	if s.plain != nil {
		p.m.unconfirmed.Add(float64(s.unconfirmed()))
		s.recent = nil
		return nil
	}
	return resend(s.unacked(p.release))
}

func resend(batches [][][]byte) []queued {
	out := make([]queued, len(batches))
	for i, b := range batches {
		out[i] = queued{batch: b, resent: true}
	}
	return out
}

// due reports whether s should be recycled: it has carried its quota, its
// router is no longer among the resolved addresses, or routers have joined
// since it was opened (so the streams spread onto them within a DNS refresh
// instead of after RecycleAfterEnvelopes).
func (p *Pool) due(s *stream) bool {
	if p.cfg.RecycleAfterEnvelopes > 0 && s.sent >= p.cfg.RecycleAfterEnvelopes {
		return true
	}
	cur := p.res.Current()
	if cur.Gen == s.gen {
		return false
	}
	s.gen = cur.Gen
	if !slices.Contains(cur.All, s.addr) {
		return true
	}
	for _, addr := range cur.All {
		if !slices.Contains(s.known, addr) {
			return true
		}
	}
	return false
}

// connect dials the next router round-robin, from the preferred zone unless
// anyZone is set or no router is known there, and opens a stream. It passes
// over avoid (a router whose stream just broke) when there is another.
func (p *Pool) connect(ctx context.Context, anyZone bool, avoid string) (*stream, error) {
	cur := p.res.Current()
	candidates := cur.Preferred
	if anyZone || len(candidates) == 0 {
		candidates = cur.All
	}
	if len(candidates) == 0 {
		p.m.dialFailures.Inc()
		return nil, errors.New("no router addresses resolved")
	}
	i := p.next.Add(1)
	addr := candidates[i%uint64(len(candidates))]
	if addr == avoid && len(candidates) > 1 {
		addr = candidates[(i+1)%uint64(len(candidates))]
	}
	s, err := p.dial(ctx, addr)
	if err != nil {
		p.m.dialFailures.Inc()
		return nil, fmt.Errorf("router %s: %w", addr, err)
	}
	s.gen, s.known = cur.Gen, cur.All
	p.m.dials.Inc()
	p.m.streams.Inc()
	if s.acked != nil {
		p.m.acked.Inc()
	}
	return s, nil
}

// Keepalive pings on a router connection. A plain stream learns that its
// router is gone (black-holed, its VM lost) only from them: a ping after 15 s
// without a frame, 10 s for the answer. An acknowledged stream learns it from
// AckTimeout as soon as it carries a batch, so its connection is pinged only
// after a minute without a frame: an idle agent's streams then wake it four
// times less often, and nothing it wrote waits on a ping.
var (
	plainKeepalive = keepalive.ClientParameters{Time: 15 * time.Second, Timeout: 10 * time.Second, PermitWithoutStream: true}
	ackedKeepalive = keepalive.ClientParameters{Time: time.Minute, Timeout: 10 * time.Second, PermitWithoutStream: true}
)

// errNoAcks is a router that does not offer acknowledged ingress, reached
// on a connection dialled for an acknowledged stream.
var errNoAcks = errors.New("router offers no acknowledgements")

// dial connects to addr and opens a stream: acknowledged when the router
// offers it and the pool asks, else plain, on a connection dialled again
// with the plain stream's keepalive (once per connection, with a router of
// an earlier release).
func (p *Pool) dial(ctx context.Context, addr string) (*stream, error) {
	if p.cfg.Acknowledgements {
		s, err := p.dialWith(ctx, addr, true)
		if !errors.Is(err, errNoAcks) {
			return s, err
		}
	}
	return p.dialWith(ctx, addr, false)
}

func (p *Pool) dialWith(ctx context.Context, addr string, acked bool) (*stream, error) {
	ka := plainKeepalive
	if acked {
		ka = ackedKeepalive
	}
	conn, err := grpc.NewClient("passthrough:///"+addr, append(wire.DialOptions(),
		grpc.WithTransportCredentials(wire.Credentials(p.tls)),
		grpc.WithKeepaliveParams(ka))...)
	if err != nil {
		return nil, fmt.Errorf("dial: %w", err)
	}
	dctx, cancel := context.WithTimeout(ctx, p.cfg.DialTimeout.D())
	defer cancel()
	conn.Connect()
	for st := conn.GetState(); st != connectivity.Ready; st = conn.GetState() {
		if st == connectivity.TransientFailure || st == connectivity.Shutdown || !conn.WaitForStateChange(dctx, st) {
			conn.Close()
			if dctx.Err() != nil {
				return nil, fmt.Errorf("connect: %w", dctx.Err())
			}
			return nil, errors.New("connect: connection failed")
		}
	}
	sctx, scancel := context.WithCancel(ctx)
	s := &stream{addr: addr, conn: conn, cancel: scancel, budget: p.opts.Budget}
	if err := p.open(sctx, s, acked); err != nil {
		scancel()
		conn.Close()
		return nil, err
	}
	return s, nil
}

// open opens s's stream on its connection: with acked, an acknowledged one
// if the router answers loggr.ack.v1 within DialTimeout, or errNoAcks if it
// answers that it does not know the service; without, a plain BatchSender.
func (p *Pool) open(ctx context.Context, s *stream, acked bool) error {
	if acked {
		cs, err := s.conn.NewStream(ctx, &ingress.AckStreamDesc, ingress.AckMethod, grpc.ForceCodecV2(p.codec))
		if err == nil {
			t := time.AfterFunc(p.cfg.DialTimeout.D(), s.cancel)
			var first wrapperspb.UInt64Value
			err = cs.RecvMsg(&first)
			t.Stop()
			if err == nil {
				s.acked = cs
				s.ackCh = make(chan struct{}, 1)
				s.wrote = make(chan struct{}, 1)
				s.broken = make(chan struct{})
				go s.readAcks()
				go s.watch(p.cfg.AckTimeout.D(), func() {
					p.m.ackTimeouts.Inc()
					p.opts.Log.Warn("router acknowledged nothing for ack_timeout; moving its unacknowledged batches to another router",
						"router", s.addr, "ack_timeout", p.cfg.AckTimeout.D().String())
				})
				return nil
			}
		}
		if status.Code(err) != codes.Unimplemented {
			return fmt.Errorf("open acknowledged stream: %w", err)
		}
		return errNoAcks
	}
	bs, err := loggregator_v2.NewIngressClient(s.conn).BatchSender(ctx, grpc.ForceCodecV2(p.codec))
	if err != nil {
		return fmt.Errorf("open stream: %w", err)
	}
	s.plain = bs
	return nil
}

// finish ends s gracefully: it half-closes the stream and waits, at most
// DialTimeout, for the router to confirm it has read everything. It
// returns what an acknowledged stream's router did not acknowledge, to be
// written again; a plain stream's router that does not confirm costs the
// envelopes that may be unread, counted as unconfirmed.
func (p *Pool) finish(s *stream) []queued {
	t := time.AfterFunc(p.cfg.DialTimeout.D(), s.cancel)
	defer t.Stop()
	if s.acked != nil {
		if err := s.acked.CloseSend(); err == nil {
			<-s.broken // the router's last acknowledgement, then the end of the stream
		}
		return p.fail(s)
	}
	if _, err := s.plain.CloseAndRecv(); err != nil {
		p.opts.Log.Debug("router stream close", "router", s.addr, "error", err.Error())
		return p.fail(s)
	}
	p.abort(s)
	return nil
}

// last ends a worker's stream when the worker stops: what its router did
// not acknowledge goes once more to another router, and that stream ends too.
func (p *Pool) last(ctx context.Context, s *stream) {
	left := p.finish(s)
	if len(left) == 0 {
		return
	}
	s, held := p.deliver(ctx, nil, left, s.addr)
	p.drop(ctx, held)
	if s != nil {
		p.drop(ctx, p.finish(s))
	}
}

// abort cuts s and waits for its acknowledgement reader.
func (p *Pool) abort(s *stream) {
	s.cancel()
	if s.acked != nil {
		<-s.broken
		p.m.acked.Dec()
	}
	s.conn.Close()
	p.m.streams.Dec()
}

// discard counts every batch still arriving on in as dropped for shutdown.
func (p *Pool) discard(in <-chan [][]byte) {
	for batch := range in {
		p.m.shutdown.Add(float64(len(batch)))
		p.release(batch)
	}
}

func (p *Pool) release(batch [][]byte) {
	if p.opts.Release != nil {
		p.opts.Release(batch)
	}
}
