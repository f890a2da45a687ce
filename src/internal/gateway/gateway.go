package gateway

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"

	"loggregator/internal/cfauth"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// sourceID is the source id of the gateway's own metrics.
const sourceID = "reverse_log_proxy_gateway"

// Gateway serves GET /v2/read. Make one with New, then call Run once.
type Gateway struct {
	cfg   *Config
	log   *slog.Logger
	reg   *metrics.Registry
	m     *gatewayMetrics
	auth  *cfauth.Authorizer // nil when auth is disabled
	conn  *grpc.ClientConn
	codec *wire.Codec
	slots chan struct{} // one token per open stream, bounded by MaxStreams
	// window is each upstream stream's HTTP/2 window (streamWindow);
	// queued is the bytes of the batches every reader received and has
	// not yet written, each reader's within queueShare.
	window  int64
	queued  atomic.Int64
	ln      net.Listener
	metrics *metrics.Server

	// stopping ends every open stream with `event: closing` on shutdown.
	stopping context.Context
	stop     context.CancelFunc
}

// Run makes a gateway from cfg and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	g, err := New(cfg, log)
	if err != nil {
		return err
	}
	return g.Run(ctx)
}

// New checks the certificates, binds the HTTPS and metrics listeners and
// prepares the connection to the reverse log proxy (dialled lazily).
func New(cfg *Config, log *slog.Logger) (*Gateway, error) {
	reg := metrics.NewRegistry()
	g := &Gateway{cfg: cfg, log: log, reg: reg, m: newMetrics(reg), slots: make(chan struct{}, cfg.MaxStreams)}

	if !cfg.Auth.Disabled {
		a, err := cfauth.New(cfg.Auth.Config, g.m.auth, log)
		if err != nil {
			return nil, fmt.Errorf("auth: %w", err)
		}
		g.auth = a
	}

	upstreamTLS, err := mtls.Client(cfg.LogsProvider.TLS, cfg.LogsProvider.ServerName, nil)
	if err != nil {
		return nil, fmt.Errorf("logs_provider.tls: %w", err)
	}
	window := streamWindow(cfg.BufferBudgetBytes(), cfg.MaxStreams)
	g.window = int64(window)
	g.reg.BufferBytes(func() int64 { return int64(len(g.slots))*g.window + g.queued.Load() }, cfg.BufferBudgetBytes)
	conn, err := grpc.NewClient(cfg.LogsProvider.Addr, grpc.WithTransportCredentials(wire.Credentials(upstreamTLS)),
		grpc.WithReadBufferSize(0), // wire.Credentials reads under TLS through its own
		grpc.WithInitialWindowSize(window), grpc.WithInitialConnWindowSize(4*maxStreamWindow), wire.Reconnect())
	if err != nil {
		return nil, fmt.Errorf("logs provider %s: %w", cfg.LogsProvider.Addr, err)
	}
	g.conn = conn
	g.codec = wire.NewCodec()

	httpTLS, err := mtls.ServerNoClientAuth(mtls.Identity{Cert: cfg.HTTP.CertFile, Key: cfg.HTTP.KeyFile}, nil)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("http: %w", err)
	}
	ln, err := net.Listen("tcp", cfg.HTTP.Addr)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("http listen %s: %w", cfg.HTTP.Addr, err)
	}
	g.ln = tls.NewListener(ln, httpTLS)

	if g.metrics, err = cfg.Metrics.Listen(reg); err != nil {
		g.ln.Close()
		conn.Close()
		return nil, err
	}
	g.stopping, g.stop = context.WithCancel(context.Background())
	return g, nil
}

// Addr is the address the HTTPS listener is bound to.
func (g *Gateway) Addr() string { return g.ln.Addr().String() }

// Handler is the gateway's HTTP handler.
func (g *Gateway) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/read", g.read)
	return mux
}

// Run serves until ctx ends. Then it ends every open stream with
// `event: closing`, waits for the handlers and closes the upstream connection.
func (g *Gateway) Run(ctx context.Context) error {
	defer g.conn.Close()
	defer g.stop()

	attrs := []any{"addr", g.Addr(), "logs_provider", g.cfg.LogsProvider.Addr,
		"heartbeat_interval", g.cfg.HeartbeatInterval.D().String(),
		"max_stream_duration", g.cfg.MaxStreamDuration.D().String(), "max_streams", g.cfg.MaxStreams}
	if g.metrics != nil {
		attrs = append(attrs, "metrics_addr", g.metrics.Addr())
	}
	if g.auth == nil {
		g.log.Warn("AUTHORIZATION DISABLED: anyone who can reach the gateway may read every log and metric; " +
			"use this only for local runs (auth.disabled)")
	} else {
		attrs = append(attrs, "uaa", g.cfg.Auth.UAA.Addr, "cc", g.cfg.Auth.CC.InternalAddr,
			"auth_cache_ttl", g.cfg.Auth.CacheTTL.D().String())
	}
	g.log.Info("serving", attrs...)

	srv := &http.Server{
		Handler:           g.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(g.log.Handler(), slog.LevelDebug),
	}
	side := metrics.StartSide(g.metrics, func(ctx context.Context) error {
		return g.reg.EmitToAgent(ctx, g.cfg.Agent, nil, g.cfg.Metrics.EmitInterval.D(), sourceID, g.log)
	})
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(g.ln) }()

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("http server: %w", err)
	case <-side.Failed():
	}

	g.stop()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), g.cfg.ShutdownTimeout.D())
	defer cancel()
	if shutdownErr := srv.Shutdown(shutdownCtx); shutdownErr != nil && err == nil {
		err = fmt.Errorf("http server shutdown: %w", shutdownErr)
	}
	if err != nil && errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if sideErr := side.Stop(); sideErr != nil && err == nil {
		err = sideErr
	}
	return err
}

// Bounds of the upstream stream window: gRPC's smallest, and the
// transport's own (wire.streamWindow).
const (
	minStreamWindow = 64 << 10
	maxStreamWindow = 1 << 20
)

// queueShare is how many bytes of received batches one reader may hold
// unwritten: the half of the budget the windows do not take, shared by
// the streams open now, and at least a window. One fast reader alone can
// so keep much more in flight than when max_streams of them are open.
func (g *Gateway) queueShare() int64 {
	return max(g.cfg.BufferBudgetBytes()/2/int64(max(len(g.slots), 1)), g.window)
}

// streamWindow is the HTTP/2 window of each upstream stream: half the
// byte budget's share of each of max_streams readers, within gRPC's
// limits. A reader's buffers are this window (what the proxy may send
// ahead of it), the batches it received and has not written (byteGate,
// within queueShare: the other half of the budget), and the event it
// writes. A fixed window also turns off gRPC's BDP estimation, which grows
// each stream's window to as much as 16 MiB.
func streamWindow(budget int64, maxStreams int) int32 {
	return int32(min(max(budget/2/int64(max(maxStreams, 1)), minStreamWindow), maxStreamWindow))
}
