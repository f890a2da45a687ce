package agent

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/batch"
	"loggregator/internal/diode"
	"loggregator/internal/fair"
	"loggregator/internal/ingress"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/routerpool"
	"loggregator/internal/wire"
)

// ingressGrace is how long a stop waits for producers to close their
// streams before cutting them; everything they sent before is kept.
const ingressGrace = 500 * time.Millisecond

// ingressStopping is the status message of streams cut by a stop.
const ingressStopping = "agent is stopping"

// maxBatchBytes is the most envelope bytes the batcher puts in one batch
// (batch.ByteCapped). Batches taken from the ingress buffer are outside the
// buffer budget (one in the batcher, one per router stream, each also
// encoded once for the wire), so their bytes are bounded here whatever the
// envelopes' size: a batch of 1,000 envelopes of 20 KB would be 20 MB, five
// times what a router accepts in one message
// (doppler.ingress.max_message_bytes, 4 MiB).
const maxBatchBytes = 1 << 20

// Agent is one running agent. Its listeners are bound by New, so their
// addresses are known before Run.
type Agent struct {
	cfg *Config
	log *slog.Logger
	reg *metrics.Registry

	budget  *diode.Budget // every diode's bytes, together
	buf     *fair.Buffer
	batcher *batch.Batcher[[]byte]
	out     output // a *routerpool.Pool, or a *forwarder in the forwarder role
	sink    *sink
	ingress *ingress.Server

	ln      net.Listener
	grpc    *grpc.Server
	metrics *metrics.Server // nil when disabled
}

// Run is the agent's command.RunFunc: it builds the agent and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	a, err := New(cfg, log)
	if err != nil {
		return err
	}
	return a.Run(ctx)
}

// New loads the certificates, binds the ingress and metrics listeners, and
// wires the pipeline.
func New(cfg *Config, log *slog.Logger) (*Agent, error) {
	a := &Agent{cfg: cfg, log: log, reg: metrics.NewRegistry()}
	tags, err := newTagger(identityTags(cfg))
	if err != nil {
		return nil, err
	}
	im := newIngressMetrics(a.reg)
	a.budget = diode.NewBudget(cfg.BufferBudgetBytes())
	a.reg.BufferBytes(a.budget.Held, a.budget.Limit)
	a.buf = fair.New(cfg.Ingress.BufferSize, fair.Options{
		Salt:     LaneSalt(cfg),
		OnDrop:   func(n int) { im.bufferFull.Add(float64(n)) },
		OnSource: im.bySource.Add,
		Diode:    []diode.Option[[]byte]{diode.WithBudget(a.budget, diode.Len, func(n int) { im.budget.Add(float64(n)) })},
	})
	a.batcher = batch.New[[]byte](batch.ByteCapped[[]byte]{R: a.buf, Size: diode.Len, Max: maxBatchBytes}, cfg.Batch.Size, cfg.Batch.FlushInterval.D(), func(n int) {
		im.bufferFull.Add(float64(n))
	})
	a.batcher.SetLinger(cfg.Batch.Linger.D())
	a.batcher.SetHoldOnStall() // the buffer drops per source; a swap would not
	a.batcher.SetLingerTarget(cfg.Batch.Size / 4)

	if cfg.Role == RoleForwarder {
		if a.out, err = newForwarder(cfg, a.reg, a.budget, a.batcher.Release, log); err != nil {
			return nil, err
		}
	} else {
		if a.out, err = routerpool.New(cfg.Routers, routerpool.NewMetrics(a.reg, "router"), routerpool.Options{
			Zone:    cfg.Zone,
			Release: a.batcher.Release,
			Log:     log,
			Budget:  a.budget,
		}); err != nil {
			return nil, err
		}
	}

	tlsCfg, err := mtls.Server(cfg.Ingress.TLS, cfg.Ingress.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("ingress tls: %w", err)
	}
	a.grpc = grpc.NewServer(wire.ServerOptions(tlsCfg,
		grpc.MaxRecvMsgSize(max(4<<20, 2*cfg.Ingress.MaxEnvelopeBytes)),
		grpc.WaitForHandlers(true),
	)...)
	a.sink = &sink{buf: a.buf, maxSize: cfg.Ingress.MaxEnvelopeBytes, noLogs: cfg.Ingress.DisableLogs, tags: tags, m: im}
	a.ingress = ingress.NewServer(a.sink, ingress.Config{
		Grace:    ingressGrace,
		Stopping: ingressStopping,
		Dropped:  func(n int) { im.shutdown.Add(float64(n)) },
		// The sink copies every envelope it keeps into its own buffer.
		SinkCopies: true,
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

// LaneSalt is the salt of the agent's ingress buffer (see fair.Salt): its
// identity, so that agents put two given sources in one lane in different
// places.
func LaneSalt(cfg *Config) uint64 {
	return fair.Salt(cfg.Deployment, cfg.Job, cfg.Index, cfg.IP)
}

// ForwarderLaneSalt is the salt of the fair ring of each of the forwarder
// role's destinations: the agent's identity again, apart from LaneSalt so
// that two sources sharing a lane of the ingress buffer most likely do not
// share one in a destination's ring too.
func ForwarderLaneSalt(cfg *Config) uint64 {
	return fair.Salt(cfg.Deployment, cfg.Job, cfg.Index, cfg.IP, "forwarder")
}

// IngressAddr is the address producers connect to.
func (a *Agent) IngressAddr() string { return a.ln.Addr().String() }

// MetricsAddr is the /metrics address, or "" when disabled.
func (a *Agent) MetricsAddr() string { return a.metrics.Addr() }

// Run serves until ctx ends, then stops as the package doc describes. It
// returns an error only if a server failed.
func (a *Agent) Run(ctx context.Context) error {
	if a.cfg.Role == RoleForwarder {
		a.log.Info("agent running as forwarder",
			"ingress", a.IngressAddr(), "metrics", a.MetricsAddr(),
			"downstream_ingress_port_glob", a.cfg.Forwarder.DownstreamGlob)
	} else {
		a.log.Info("agent running",
			"ingress", a.IngressAddr(), "metrics", a.MetricsAddr(),
			"routers", a.cfg.Routers.Targets, "streams", a.cfg.Routers.Streams, "zone", a.cfg.Zone)
	}

	// Downstream first: the output (routers or destinations), then the
	// batcher feeding it.
	poolCtx, cutStreams := context.WithCancel(context.Background())
	defer cutStreams()
	var pipeline sync.WaitGroup
	pipeline.Go(func() { a.out.Run(poolCtx, a.batcher.Batches()) })
	batchCtx, stopBatching := context.WithCancel(context.Background())
	defer stopBatching()
	pipeline.Go(func() { a.batcher.Run(batchCtx) })

	// Own metrics go into the pipeline until the agent starts stopping, so
	// none is stored after the batcher has stopped taking envelopes.
	side := metrics.StartSide(a.metrics, func(sideCtx context.Context) error {
		emitCtx, stopEmit := context.WithCancel(sideCtx)
		defer context.AfterFunc(ctx, stopEmit)()
		a.reg.Emit(emitCtx, a.cfg.Metrics.EmitInterval.D(), SourceID, a.inject)
		return nil
	})

	serveDone := make(chan struct{})
	serveErr := make(chan error, 1)
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
	a.log.Info("agent stopping")

	// Stop accepting: the listener closes and producers are told to go
	// away at once; open streams get ingressGrace to finish, then are cut
	// off. Once the ingress server has stopped nothing more is accepted, so
	// closing the connections left loses nothing.
	graceful := make(chan struct{})
	go func() { a.grpc.GracefulStop(); close(graceful) }()
	a.ingress.Stop()
	a.grpc.Stop()
	<-graceful
	<-serveDone

	// Drain what was accepted, within the shutdown timeout.
	stopBatching()
	deadline := time.AfterFunc(a.cfg.ShutdownTimeout.D(), cutStreams)
	pipeline.Wait()
	deadline.Stop()

	if err := side.Stop(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

// inject puts the agent's own metrics into its pipeline, tagged like any
// producer's envelopes.
func (a *Agent) inject(envs []*loggregator_v2.Envelope) {
	sc := &scratch{}
	size := 0
	for _, e := range envs {
		b, err := proto.Marshal(e)
		if err == nil {
			sc.keys, err = wire.ScanTagKeys(b, &sc.fields, sc.keys)
		}
		if err != nil {
			a.log.Error("encode own metric", "error", err.Error())
			continue
		}
		sc.keep(b, false)
		size += len(b) + a.sink.tags.size
	}
	a.sink.store(sc, size)
}
