package rlp

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"loggregator/internal/diode"
	"loggregator/internal/egress"
	"loggregator/internal/fair"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/routerset"
	"loggregator/internal/wire"
)

// sourceID is the source id of the proxy's own metrics.
const sourceID = "reverse_log_proxy"

// Proxy is the reverse log proxy. Make one with New, then call Run once.
type Proxy struct {
	cfg     *Config
	log     *slog.Logger
	reg     *metrics.Registry
	m       *rlpMetrics
	routers *routerset.Set
	egress  *egress.Server
	srv     *grpc.Server
	ln      net.Listener
	metrics *metrics.Server // nil when metrics.addr is empty
}

// Run makes a proxy from cfg and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	p, err := New(cfg, log, nil)
	if err != nil {
		return err
	}
	return p.Run(ctx)
}

// New loads the certificates, binds the egress and metrics listeners and
// resolves the routers once. lookup resolves router host names; nil uses
// the system resolver.
func New(cfg *Config, log *slog.Logger, lookup resolve.LookupFunc) (*Proxy, error) {
	serverTLS, err := mtls.Server(cfg.Egress.TLS, cfg.Egress.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("egress.tls: %w", err)
	}
	reg := metrics.NewRegistry()
	m := newMetrics(reg)
	// The consumers' diodes are the proxy's buffers: the router streams
	// merge straight into them. The router set charges what a router
	// stream held back for a consumer may buffer unread to the same budget.
	budget := diode.NewBudget(cfg.BufferBudgetBytes())
	routers, err := routerset.New(cfg.Routers, m.routers, routerset.Options{Lookup: lookup, Log: log, Budget: budget})
	if err != nil {
		return nil, fmt.Errorf("routers.tls: %w", err)
	}
	p := &Proxy{
		cfg:     cfg,
		log:     log,
		reg:     reg,
		m:       m,
		routers: routers,
	}
	egressCfg := cfg.Egress.Config()
	egressCfg.ConcurrentWriters = true // one stream per router writes into each consumer's diode
	egressCfg.Budget = budget
	egressCfg.BudgetDropped = func(n int) { m.budget.Add(float64(n)) }
	egressCfg.Salt = fair.HostSalt(cfg.Egress.Addr)
	reg.BufferBytes(egressCfg.Budget.Held, egressCfg.Budget.Limit)
	p.egress = egress.NewServer(p.routers, egressCfg, m.egress, log)

	p.srv = grpc.NewServer(wire.ServerOptions(serverTLS,
		// Find consumers whose host vanished without closing the connection.
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 30 * time.Second, Timeout: 10 * time.Second}),
	)...)
	p.egress.Register(p.srv)

	if p.ln, err = net.Listen("tcp", cfg.Egress.Addr); err != nil {
		p.close()
		return nil, fmt.Errorf("egress listen %s: %w", cfg.Egress.Addr, err)
	}
	if p.metrics, err = cfg.Metrics.Listen(reg); err != nil {
		p.close()
		return nil, err
	}
	p.routers.Resolve(context.Background())
	return p, nil
}

// close releases what New made when Run will not run. Errors are logged:
// New is already returning the error that matters.
func (p *Proxy) close() {
	if p.ln != nil {
		if err := p.ln.Close(); err != nil {
			p.log.Warn("close egress listener", "error", err.Error())
		}
	}
	p.routers.Close()
	p.srv.Stop() // ends its stream workers
}

// Addr is the address the egress server listens on.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// MetricsAddr is the address of /metrics, or "" when it is off.
func (p *Proxy) MetricsAddr() string { return p.metrics.Addr() }

// Run serves until ctx ends, then stops gracefully: it stops accepting
// consumers, ends the router streams, delivers what consumers' buffers hold
// (for at most shutdown_timeout), closes every stream and returns.
func (p *Proxy) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	bg, cancelBg := context.WithCancel(context.Background())
	defer cancelBg()

	wg.Add(1)
	go func() {
		defer wg.Done()
		p.routers.Run(bg)
	}()
	side := metrics.StartSide(p.metrics, func(ctx context.Context) error {
		return p.reg.EmitToAgent(ctx, p.cfg.Agent, nil, p.cfg.Metrics.EmitInterval.D(), sourceID, p.log)
	})
	serveErr := make(chan error, 1)
	go func() { serveErr <- p.srv.Serve(p.ln) }()

	p.log.Info("serving",
		"egress_addr", p.Addr(), "metrics_addr", p.MetricsAddr(),
		"routers", p.cfg.Routers.Targets, "max_subscriptions", p.cfg.Egress.MaxSubscriptions,
		"buffer_size", p.cfg.Egress.BufferSize)

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("egress server: %w", err)
	case <-side.Failed():
	}

	// Stop accepting, end the router streams, let every consumer send what
	// its buffer holds, then close the server.
	p.log.Info("stopping", "open_streams", p.egress.Subscriptions())
	deadline, cancel := context.WithTimeout(context.Background(), p.cfg.ShutdownTimeout.D())
	defer cancel()
	p.routers.Close()
	if err := p.egress.Drain(deadline); err != nil {
		p.log.Warn("drain timeout: closing the streams still open", "open_streams", p.egress.Subscriptions())
		p.srv.Stop()
	} else {
		p.srv.GracefulStop()
	}
	cancelBg()
	if err := side.Stop(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}
