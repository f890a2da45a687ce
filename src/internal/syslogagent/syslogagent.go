package syslogagent

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"google.golang.org/grpc"

	"loggregator/internal/binding"
	"loggregator/internal/ingress"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/syslog"
	"loggregator/internal/wire"
)

// ingressGrace is how long a stop lets producers finish their streams.
const ingressGrace = 500 * time.Millisecond

// Agent is one running syslog agent. New binds its listeners.
type Agent struct {
	cfg *Config
	log *slog.Logger
	reg *metrics.Registry
	m   *agentMetrics

	set     *drainSet
	cache   *binding.Client // nil without a binding cache
	ingress *ingress.Server
	grpc    *grpc.Server
	ln      net.Listener
	metrics *metrics.Server // nil when disabled
}

// Run is the syslog agent's command.RunFunc.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	a, err := New(cfg, log)
	if err != nil {
		return err
	}
	return a.Run(ctx)
}

// New loads the certificates, binds the ingress and metrics listeners and
// prepares the drains; nothing runs until Run.
func New(cfg *Config, log *slog.Logger) (*Agent, error) {
	a := &Agent{cfg: cfg, log: log, reg: metrics.NewRegistry()}
	a.m = newAgentMetrics(a.reg)
	set, err := newDrainSet(cfg, log, a.reg, a.m)
	if err != nil {
		return nil, err
	}
	a.set = set
	if cfg.BindingCache.URL != "" {
		tlsCfg, err := mtls.Client(cfg.BindingCache.TLS, cfg.BindingCache.ServerName, cfg.Ingress.CipherSuites)
		if err != nil {
			return nil, fmt.Errorf("binding_cache.tls: %w", err)
		}
		a.cache = binding.NewClient(strings.TrimSuffix(cfg.BindingCache.URL, "/"), tlsCfg)
	}
	tlsCfg, err := mtls.Server(cfg.Ingress.TLS, cfg.Ingress.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("ingress tls: %w", err)
	}
	a.grpc = grpc.NewServer(wire.ServerOptions(tlsCfg,
		grpc.MaxRecvMsgSize(max(4<<20, 2*cfg.Ingress.MaxEnvelopeBytes)),
		grpc.WaitForHandlers(true),
	)...)
	a.ingress = ingress.NewServer(ingress.SinkFunc(a.accept), ingress.Config{
		Grace:    ingressGrace,
		Stopping: "syslog agent is stopping",
		Dropped:  func(n int) { a.m.shutdown.Add(float64(n)) },
	})
	a.ingress.Register(a.grpc)
	if a.ln, err = net.Listen("tcp", cfg.Ingress.Addr); err != nil {
		a.grpc.Stop() // ends its stream workers
		return nil, fmt.Errorf("ingress listen %s: %w", cfg.Ingress.Addr, err)
	}
	if a.metrics, err = cfg.Metrics.Listen(a.reg); err != nil {
		a.ln.Close()
		a.grpc.Stop()
		return nil, err
	}
	return a, nil
}

// IngressAddr is the address producers connect to.
func (a *Agent) IngressAddr() string { return a.ln.Addr().String() }

// accept routes every envelope to the drains bound to its source id and
// the aggregate drains whose URLs ask for its kind. It never waits: each
// drain's lane drops its oldest when full.
func (a *Agent) accept(envs [][]byte, invalid int) {
	rt := a.set.routes.Load()
	maxSize := a.cfg.Ingress.MaxEnvelopeBytes
	var f wire.Fields
	var accepted, bad, tooLarge, unbound int
	bad = invalid
	for _, env := range envs {
		if len(env) > maxSize {
			tooLarge++
			continue
		}
		if err := wire.Scan(env, &f); err != nil || f.Kind == wire.KindNone {
			bad++
			continue
		}
		accepted++
		// env is a slice of the whole batch the producer sent; a drain
		// holding it would keep the batch alive, so the drains share one
		// copy of just the envelope, made for the first that wants it.
		var own []byte
		for _, t := range rt.bySource[string(f.SourceID)] {
			if t.drain.url.Kinds.Has(f.Kind) {
				if own == nil {
					own = append([]byte(nil), env...)
				}
				t.drain.lane.Write(syslog.Entry{Envelope: own, Hostname: t.hostname})
			}
		}
		for _, t := range rt.aggregate {
			if t.drain.url.Kinds.Has(f.Kind) {
				if own == nil {
					own = append([]byte(nil), env...)
				}
				t.drain.lane.Write(syslog.Entry{Envelope: own})
			}
		}
		if own == nil {
			unbound++
		}
	}
	add := func(c interface{ Add(float64) }, n int) {
		if n > 0 {
			c.Add(float64(n))
		}
	}
	add(a.reg.Ingress, accepted)
	add(a.m.invalidEnvelope, bad)
	add(a.m.tooLarge, tooLarge)
	add(a.m.noDrain, unbound)
}

// Run serves until ctx ends, then stops: ingress first, then the binding
// poller, then every drain writes what it holds within shutdown_timeout.
func (a *Agent) Run(ctx context.Context) error {
	a.log.Info("syslog agent running", "ingress", a.IngressAddr(), "metrics", a.metrics.Addr(),
		"binding_cache", a.cfg.BindingCache.URL, "aggregate_drains", len(a.cfg.AggregateDrains))

	// Downstream first: the configured aggregate drains, then the poller.
	a.set.update(ctx, nil, nil)
	pollCtx, stopPolling := context.WithCancel(context.Background())
	defer stopPolling()
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		a.poll(pollCtx)
	}()

	side := metrics.StartSide(a.metrics, func(sideCtx context.Context) error {
		return a.reg.EmitToAgent(sideCtx, a.cfg.Agent, a.cfg.Ingress.CipherSuites, a.cfg.Metrics.EmitInterval.D(), SourceID, a.log)
	})

	serveErr := make(chan error, 1)
	serveDone := make(chan struct{})
	go func() {
		defer close(serveDone)
		if err := a.grpc.Serve(a.ln); err != nil {
			serveErr <- fmt.Errorf("ingress server: %w", err)
		}
	}()

	var runErr error
	select {
	case <-ctx.Done():
	case <-side.Failed():
	case runErr = <-serveErr:
	}
	a.log.Info("syslog agent stopping")

	graceful := make(chan struct{})
	go func() { a.grpc.GracefulStop(); close(graceful) }()
	a.ingress.Stop()
	a.grpc.Stop()
	<-graceful
	<-serveDone

	stopPolling()
	<-polled // the poller owns the drain set; once it is done, stop the drains
	a.set.stopAll()
	if a.cache != nil {
		a.cache.Close()
	}
	if err := side.Stop(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// poll refreshes the bindings at once and every polling interval, and
// writes the drop notices every notice interval, until ctx ends. It is
// the drain set's only caller while it runs.
func (a *Agent) poll(ctx context.Context) {
	refresh := time.NewTimer(0)
	defer refresh.Stop()
	notice := time.NewTicker(a.cfg.Drains.DropNoticeInterval.D())
	defer notice.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-notice.C:
			a.set.notify(a.cfg.Drains.DropNoticeInterval.D())
		case <-refresh.C:
			if a.cache != nil {
				err := a.refresh(ctx)
				switch {
				case err != nil && ctx.Err() != nil:
					return
				case err != nil:
					a.m.refreshFailures.Inc()
					if !failing {
						a.log.Warn("cannot fetch bindings from the binding cache; keeping the last good set", "error", err.Error())
					}
					failing = true
				case failing:
					failing = false
					a.log.Info("fetching bindings from the binding cache again")
				}
			}
			refresh.Reset(a.cfg.BindingCache.PollingInterval.D())
		}
	}
}

func (a *Agent) refresh(ctx context.Context) error {
	reqCtx, cancel := context.WithTimeout(ctx, a.cfg.BindingCache.PollingInterval.D())
	defer cancel()
	bs, err := a.cache.Bindings(reqCtx)
	if err != nil {
		return err
	}
	agg, err := a.cache.Aggregate(reqCtx)
	if err != nil {
		return err
	}
	a.set.update(ctx, bs, agg)
	return nil
}
