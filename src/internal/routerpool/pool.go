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
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"

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
	// Release is called once a worker is done with a batch, written or dropped.
	Release func(batch [][]byte)
	// Log receives connection state changes; nil discards them.
	Log *slog.Logger
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
	defer func() {
		if s != nil {
			p.close(s)
		}
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
					p.opts.Log.Warn("router connection failed; retrying", "error", err.Error())
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
		}

		var batch [][]byte
		var ok bool
		select {
		case batch, ok = <-in:
			if !ok {
				return
			}
		case <-ctx.Done():
			p.discard(in)
			return
		}
		s = p.write(ctx, s, batch)
		p.release(batch)
		if s != nil && p.due(s) {
			p.m.recycles.Inc()
			p.close(s)
			s = nil
		}
	}
}

// write sends batch on s. If s has broken it tries once more on a fresh
// stream, preferably to another router, before dropping the batch. It
// returns the stream to use next, or nil.
func (p *Pool) write(ctx context.Context, s *stream, batch [][]byte) *stream {
	failed := ""
	for attempt := 0; attempt < 2; attempt++ {
		if s == nil {
			var err error
			if s, err = p.connect(ctx, true, failed); err != nil {
				break
			}
		}
		if err := s.send(batch); err == nil {
			p.m.egress.Add(float64(len(batch)))
			p.m.batches.Inc()
			return s
		}
		failed = s.addr
		p.abort(s)
		s = nil
	}
	if ctx.Err() != nil {
		p.m.shutdown.Add(float64(len(batch)))
	} else {
		p.m.unavailable.Add(float64(len(batch)))
	}
	return nil
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
	return s, nil
}

func (p *Pool) dial(ctx context.Context, addr string) (*stream, error) {
	conn, err := grpc.NewClient("passthrough:///"+addr, append(wire.DialOptions(),
		grpc.WithTransportCredentials(credentials.NewTLS(p.tls)),
		grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 15 * time.Second, Timeout: 10 * time.Second, PermitWithoutStream: true}))...)
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
	bs, err := loggregator_v2.NewIngressClient(conn).BatchSender(sctx, grpc.ForceCodecV2(p.codec))
	if err != nil {
		scancel()
		conn.Close()
		return nil, fmt.Errorf("open stream: %w", err)
	}
	return &stream{addr: addr, conn: conn, bs: bs, cancel: scancel}, nil
}

// close ends s gracefully: it half-closes the stream and waits, at most
// DialTimeout, for the router to confirm it has read everything.
func (p *Pool) close(s *stream) {
	t := time.AfterFunc(p.cfg.DialTimeout.D(), s.cancel)
	_, err := s.bs.CloseAndRecv()
	t.Stop()
	if err != nil {
		p.opts.Log.Debug("router stream close", "router", s.addr, "error", err.Error())
	}
	p.abort(s)
}

func (p *Pool) abort(s *stream) {
	s.cancel()
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

// stream is one BatchSender stream and the connection under it, owned by one worker.
type stream struct {
	addr   string
	conn   *grpc.ClientConn
	bs     loggregator_v2.Ingress_BatchSenderClient
	cancel context.CancelFunc
	msg    wire.Batch // reused; SendMsg encodes before returning
	sent   uint64     // envelopes written
	gen    uint64     // resolution generation last checked
	known  []string   // the routers resolved when it was opened
}

func (s *stream) send(batch [][]byte) error {
	s.msg.Envelopes = batch
	err := s.bs.SendMsg(&s.msg)
	s.msg.Envelopes = nil
	if err != nil {
		return err
	}
	s.sent += uint64(len(batch))
	return nil
}
