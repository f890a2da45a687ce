package rlp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/status"

	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// sourceID is the source id of the proxy's own metrics.
const sourceID = "reverse_log_proxy"

// Proxy is the reverse log proxy. Make one with New, then call Run once.
type Proxy struct {
	loggregator_v2.UnimplementedEgressServer

	cfg     *Config
	log     *slog.Logger
	reg     *metrics.Registry
	m       *rlpMetrics
	routers *routerSet
	srv     *grpc.Server
	ln      net.Listener
	metrics *metrics.Server            // nil when metrics.addr is empty
	agent   *loggregator.IngressClient // nil when agent.addr is empty
	slots   chan struct{}              // one token per open stream, bounded by egress.max_streams

	// stopping ends every consumer's router streams and makes it deliver
	// what it holds and return.
	stopping context.Context
	stop     context.CancelFunc
	// senders counts consumers' sender goroutines, which may outlive their
	// handler by the time it takes gRPC to cancel a blocked write.
	senders sync.WaitGroup
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
func New(cfg *Config, log *slog.Logger, lookup LookupFunc) (*Proxy, error) {
	serverTLS, err := mtls.Server(cfg.Egress.TLS, cfg.Egress.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("egress.tls: %w", err)
	}
	routerTLS, err := mtls.Client(cfg.Routers.TLS, cfg.Routers.ServerName, cfg.Routers.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("routers.tls: %w", err)
	}

	reg := metrics.NewRegistry()
	m := newMetrics(reg)
	stopping, stop := context.WithCancel(context.Background())
	p := &Proxy{
		cfg:      cfg,
		log:      log,
		reg:      reg,
		m:        m,
		routers:  newRouterSet(cfg.Routers, routerTLS, lookup, m, log),
		slots:    make(chan struct{}, cfg.Egress.MaxStreams),
		stopping: stopping,
		stop:     stop,
	}

	if cfg.Agent.Addr != "" {
		agentTLS, err := mtls.Client(cfg.Agent.TLS, cfg.Agent.ServerName, nil)
		if err != nil {
			stop()
			return nil, fmt.Errorf("agent.tls: %w", err)
		}
		if p.agent, err = loggregator.NewIngressClient(agentTLS, loggregator.WithAddr(cfg.Agent.Addr)); err != nil {
			stop()
			return nil, fmt.Errorf("agent %s: %w", cfg.Agent.Addr, err)
		}
	}

	p.srv = grpc.NewServer(
		grpc.Creds(credentials.NewTLS(serverTLS)),
		grpc.ForceServerCodecV2(wire.NewCodec()),
		// Find consumers whose host vanished without closing the connection.
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 30 * time.Second, Timeout: 10 * time.Second}),
	)
	loggregator_v2.RegisterEgressServer(p.srv, p)

	if p.ln, err = net.Listen("tcp", cfg.Egress.Addr); err != nil {
		p.close()
		return nil, fmt.Errorf("egress listen %s: %w", cfg.Egress.Addr, err)
	}
	if p.metrics, err = cfg.Metrics.Listen(reg); err != nil {
		p.close()
		return nil, err
	}
	p.routers.refresh(context.Background())
	return p, nil
}

// close releases what New made when Run will not run.
func (p *Proxy) close() {
	p.stop()
	if p.ln != nil {
		p.ln.Close()
	}
	if p.agent != nil {
		p.agent.CloseSend()
	}
	p.routers.close()
}

// Addr is the address the egress server listens on.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// MetricsAddr is the address of /metrics, or "" when it is off.
func (p *Proxy) MetricsAddr() string {
	if p.metrics == nil {
		return ""
	}
	return p.metrics.Addr()
}

// Run serves until ctx ends, then stops gracefully: it stops accepting
// consumers, ends the router streams, delivers what consumers' buffers hold
// (for at most drain_timeout), closes every stream and returns.
func (p *Proxy) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	bg, cancelBg := context.WithCancel(context.Background())
	defer cancelBg()

	wg.Add(1)
	go func() {
		defer wg.Done()
		p.routers.run(bg, p.cfg.Routers.RefreshInterval.D())
	}()
	metricsErr := make(chan error, 1)
	if p.metrics != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			metricsErr <- p.metrics.Run(bg)
		}()
	}
	if p.agent != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.reg.Emit(bg, p.cfg.Metrics.EmitInterval.D(), sourceID, func(envs []*loggregator_v2.Envelope) {
				for _, e := range envs {
					p.agent.Emit(e)
				}
			})
		}()
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- p.srv.Serve(p.ln) }()

	p.log.Info("serving",
		"egress_addr", p.Addr(), "metrics_addr", p.MetricsAddr(),
		"routers", p.cfg.Routers.Addrs, "max_streams", p.cfg.Egress.MaxStreams,
		"buffer_size", p.cfg.Egress.BufferSize)

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("egress server: %w", err)
	case err := <-metricsErr:
		runErr = err
	}

	p.log.Info("stopping", "open_streams", len(p.slots))
	stopped := make(chan struct{})
	go func() {
		p.srv.GracefulStop()
		close(stopped)
	}()
	p.stop()
	drain := time.NewTimer(p.cfg.DrainTimeout.D())
	defer drain.Stop()
	select {
	case <-stopped:
	case <-drain.C:
		p.log.Warn("drain timeout: closing the streams still open", "open_streams", len(p.slots))
		p.srv.Stop()
		<-stopped
	}
	p.senders.Wait()
	cancelBg()
	if p.agent != nil {
		if err := p.agent.CloseSend(); err != nil && !errors.Is(err, context.Canceled) {
			p.log.Warn("close agent stream", "error", err.Error())
		}
	}
	return runErr
}

// BatchedReceiver streams batches of the envelopes req selects.
func (p *Proxy) BatchedReceiver(req *loggregator_v2.EgressBatchRequest, stream loggregator_v2.Egress_BatchedReceiverServer) error {
	return p.serve(req, stream, true)
}

// Receiver streams the envelopes req selects one message per envelope.
func (p *Proxy) Receiver(req *loggregator_v2.EgressRequest, stream loggregator_v2.Egress_ReceiverServer) error {
	return p.serve(&loggregator_v2.EgressBatchRequest{
		ShardId:           req.GetShardId(),
		DeterministicName: req.GetDeterministicName(),
		LegacySelector:    req.GetLegacySelector(),
		Selectors:         req.GetSelectors(),
		UsePreferredTags:  req.GetUsePreferredTags(),
	}, stream, false)
}

func (p *Proxy) serve(req *loggregator_v2.EgressBatchRequest, stream grpc.ServerStream, batched bool) error {
	if err := validate(req); err != nil {
		return status.Error(codes.InvalidArgument, err.Error())
	}
	select {
	case p.slots <- struct{}{}:
	default:
		p.m.rejectedStreams.Inc()
		return status.Errorf(codes.ResourceExhausted, "reverse log proxy: %d streams open, the most egress.max_streams allows", cap(p.slots))
	}
	defer func() { <-p.slots }()
	if p.stopping.Err() != nil {
		return status.Error(codes.Unavailable, "reverse log proxy is stopping")
	}
	p.m.subscriptions.Inc()
	defer p.m.subscriptions.Dec()

	ctx, cancel := context.WithCancelCause(stream.Context())
	defer cancel(nil)
	stopAfter := context.AfterFunc(p.stopping, func() { cancel(nil) })
	defer stopAfter()

	c := p.newConsumer(stream, batched)
	sub := &subscriber{req: req, sink: c.d.Set, ctx: ctx, fail: cancel}
	wait := p.routers.subscribe(sub)
	err := c.serve(ctx, sub, wait)
	cancel(nil)
	wait()
	var lost prometheus.Counter // where envelopes still buffered are counted
	switch {
	case status.Code(err) == codes.ResourceExhausted:
		lost = p.m.droppedSlow
	case err != nil && p.stopping.Err() != nil:
		lost = p.m.droppedShutdown
	}
	c.discard(lost)
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause // a router refused the request
	}
	return err
}

// validate rejects a request the routers would refuse, so the consumer
// hears why at once.
func validate(req *loggregator_v2.EgressBatchRequest) error {
	if len(req.GetSelectors()) == 0 && req.GetLegacySelector() == nil {
		return errors.New("at least one selector is required")
	}
	for i, s := range req.GetSelectors() {
		if s.GetMessage() == nil {
			return fmt.Errorf("selectors[%d]: an envelope type (log, counter, gauge, timer or event) is required", i)
		}
	}
	return nil
}
