package trafficcontroller

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"loggregator/internal/cfauth"
	"loggregator/internal/diode"
	"loggregator/internal/egress"
	"loggregator/internal/fair"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/routerset"
)

// sourceID is the source id of the traffic controller's own metrics.
const sourceID = "traffic_controller"

// TrafficController serves the v1 websocket API. Make one with New, then
// call Run once.
type TrafficController struct {
	cfg     *Config
	log     *slog.Logger
	reg     *metrics.Registry
	m       *tcMetrics
	auth    *cfauth.Authorizer // nil when auth is disabled
	routers *routerset.Set
	egress  *egress.Server
	ln      net.Listener
	metrics *metrics.Server // nil when metrics.addr is empty

	mu       sync.Mutex
	conns    map[*websocket.Conn]struct{} // open websockets; guarded by mu
	stopping bool                         // no new websockets once set; guarded by mu
	handlers sync.WaitGroup               // one per tracked websocket
}

// Run makes a traffic controller from cfg and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	t, err := New(cfg, log, nil)
	if err != nil {
		return err
	}
	return t.Run(ctx)
}

// New loads the certificates, binds the websocket and metrics listeners and
// resolves the routers once. lookup resolves router host names; nil uses
// the system resolver.
func New(cfg *Config, log *slog.Logger, lookup resolve.LookupFunc) (*TrafficController, error) {
	reg := metrics.NewRegistry()
	t := &TrafficController{cfg: cfg, log: log, reg: reg, m: newMetrics(reg), conns: map[*websocket.Conn]struct{}{}}
	if !cfg.Auth.Disabled {
		a, err := cfauth.New(cfg.Auth.Config, t.m.auth, log)
		if err != nil {
			return nil, fmt.Errorf("auth.%w", err)
		}
		t.auth = a
	}
	var serverTLS *tls.Config
	if cfg.Websocket.tls() {
		var err error
		serverTLS, err = mtls.ServerNoClientAuth(mtls.Identity{Cert: cfg.Websocket.CertFile, Key: cfg.Websocket.KeyFile}, cfg.Websocket.CipherSuites)
		if err != nil {
			return nil, fmt.Errorf("websocket tls: %w", err)
		}
	}
	// The readers' diodes are the traffic controller's buffers, bounded in
	// bytes by the budget as in the reverse log proxy: a thousand stalled
	// readers of 10,000 slots each would otherwise hold gigabytes. The router
	// set charges what a router stream held back for a reader may buffer
	// unread to the same budget.
	budget := diode.NewBudget(cfg.BufferBudgetBytes())
	routers, err := routerset.New(cfg.Routers, t.m.routers, routerset.Options{Lookup: lookup, Log: log, Budget: budget})
	if err != nil {
		return nil, fmt.Errorf("routers.tls: %w", err)
	}
	t.routers = routers
	reg.BufferBytes(budget.Held, budget.Limit)
	t.egress = egress.NewServer(routers, egress.Config{
		BufferSize:          cfg.Websocket.BufferSize,
		SlowConsumerTimeout: cfg.Websocket.SlowConsumerTimeout.D(),
		MaxSubscriptions:    cfg.Websocket.MaxStreams,
		ConcurrentWriters:   true, // one stream per router writes into each reader's diode
		Budget:              budget,
		BudgetDropped:       func(n int) { t.m.budget.Add(float64(n)) },
		Salt:                fair.HostSalt(cfg.Websocket.Addr),
	}, t.m.egress, log)

	ln, err := net.Listen("tcp", cfg.Websocket.Addr)
	if err != nil {
		routers.Close()
		return nil, fmt.Errorf("websocket listen %s: %w", cfg.Websocket.Addr, err)
	}
	if serverTLS != nil {
		ln = tls.NewListener(ln, serverTLS)
	}
	t.ln = listener{ln}
	if t.metrics, err = cfg.Metrics.Listen(reg); err != nil {
		ln.Close()
		routers.Close()
		return nil, err
	}
	t.routers.Resolve(context.Background())
	return t, nil
}

// Addr is the address the websocket API listens on.
func (t *TrafficController) Addr() string { return t.ln.Addr().String() }

// MetricsAddr is the address of /metrics, or "" when it is off.
func (t *TrafficController) MetricsAddr() string { return t.metrics.Addr() }

// track registers an upgraded websocket so a stop can wait for it, unless
// the traffic controller is stopping.
func (t *TrafficController) track(c *websocket.Conn) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopping {
		return false
	}
	t.conns[c] = struct{}{}
	t.handlers.Add(1)
	return true
}

func (t *TrafficController) untrack(c *websocket.Conn) {
	t.mu.Lock()
	delete(t.conns, c)
	t.mu.Unlock()
	t.handlers.Done()
}

// closeAll closes every open websocket at once, for a stop whose drain ran
// out of time.
func (t *TrafficController) closeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for c := range t.conns {
		_ = c.Close()
	}
}

// Run serves until ctx ends, then stops gracefully: it stops accepting,
// ends the router streams, sends what readers' buffers hold (for at most
// shutdown_timeout), closes every websocket with 1001 and returns.
func (t *TrafficController) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	bg, cancelBg := context.WithCancel(context.Background())
	defer cancelBg()
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.routers.Run(bg)
	}()
	side := metrics.StartSide(t.metrics, func(ctx context.Context) error {
		return t.reg.EmitToAgent(ctx, t.cfg.Agent, nil, t.cfg.Metrics.EmitInterval.D(), sourceID, t.log)
	})
	srv := &http.Server{
		Handler:           t.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(t.log.Handler(), slog.LevelDebug),
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(t.ln) }()

	attrs := []any{"addr", t.Addr(), "tls", t.cfg.Websocket.tls(), "metrics_addr", t.MetricsAddr(),
		"routers", t.cfg.Routers.Targets, "max_streams", t.cfg.Websocket.MaxStreams,
		"buffer_size", t.cfg.Websocket.BufferSize, "slow_consumer_timeout", t.cfg.Websocket.SlowConsumerTimeout.D().String()}
	if t.auth == nil {
		t.log.Warn("ACCESS CONTROL DISABLED: anyone who can reach the traffic controller may read the whole firehose " +
			"and every app's logs without a token (traffic_controller.disable_access_control); use it only for standalone deployments")
	} else {
		attrs = append(attrs, "uaa", t.cfg.Auth.UAA.Addr, "cc", t.cfg.Auth.CC.InternalAddr, "auth_cache_ttl", t.cfg.Auth.CacheTTL.D().String())
	}
	t.log.Info("serving", attrs...)

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("websocket server: %w", err)
	case <-side.Failed():
	}

	// Refuse new readers, end the router streams, let every reader have
	// what its buffer holds, then close what is still open.
	t.mu.Lock()
	t.stopping = true
	open := len(t.conns)
	t.mu.Unlock()
	t.log.Info("stopping", "open_streams", open)
	deadline, cancel := context.WithTimeout(context.Background(), t.cfg.ShutdownTimeout.D())
	defer cancel()
	if err := srv.Shutdown(deadline); err != nil && !errors.Is(err, http.ErrServerClosed) && runErr == nil {
		runErr = fmt.Errorf("websocket server shutdown: %w", err)
	}
	t.routers.Close()
	if err := t.egress.Drain(deadline); err != nil {
		t.log.Warn("drain timeout: closing the websockets still open", "open_streams", t.egress.Subscriptions())
		t.closeAll()
	}
	t.handlers.Wait()
	cancelBg()
	if err := side.Stop(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}
