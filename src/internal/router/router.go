package router

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/diode"
	"loggregator/internal/egress"
	"loggregator/internal/fair"
	"loggregator/internal/ingress"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/subscription"
	"loggregator/internal/wire"
)

// routeBatch is how many envelopes the routing goroutine takes from the
// ingress diode at once (and so how often it takes the registry's lock).
const routeBatch = 256

// Router is one running router. New binds its listeners; Run serves.
type Router struct {
	cfg Config
	log *slog.Logger

	reg   *metrics.Registry
	m     routerMetrics
	diode *fair.Buffer // the ingress buffer: drop-oldest, a lane per source
	// routed tells acknowledged ingress what the routing goroutine has
	// handed to the subscriptions (or counted as dropped): only that is
	// acknowledged, so a crash loses nothing an agent was told arrived.
	routed   *fair.Tracker
	registry *subscription.Registry
	catchUp  *catchUp
	ingress  *ingress.Server
	egress   *egress.Server
	grpc     *grpc.Server
	ln       net.Listener
	metrics  *metrics.Server
	// droppedAtStop counts what ingress dropped while stopping, for the
	// stop's log line.
	droppedAtStop atomic.Int64
}

// LaneSalt is the salt of the router's ingress buffer (see fair.Salt): its
// host name and address, so that routers, which all see the same sources,
// each put a different pair of them in one lane.
func LaneSalt(cfg Config) uint64 {
	return fair.HostSalt(cfg.Addr)
}

// Run is the command.RunFunc of the router binary.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	r, err := New(*cfg, log)
	if err != nil {
		return err
	}
	return r.Run(ctx)
}

// New builds a router from a validated cfg and binds its listeners.
func New(cfg Config, log *slog.Logger) (*Router, error) {
	tlsCfg, err := mtls.Server(cfg.TLS, cfg.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("router tls: %w", err)
	}
	r := &Router{cfg: cfg, log: log, reg: metrics.NewRegistry(), registry: subscription.NewRegistry()}
	r.m = newRouterMetrics(r.reg)
	budget := diode.NewBudget(cfg.BufferBudgetBytes())
	r.catchUp = newCatchUp(r.registry, cfg.StartupReplay.D(), cfg.Egress.BufferSize/2, budget, log)
	r.reg.BufferBytes(budget.Held, budget.Limit)
	r.diode = fair.New(cfg.Ingress.BufferSize, fair.Options{
		Salt:     LaneSalt(cfg),
		OnDrop:   func(n int) { r.m.bufferFull.Add(float64(n)) },
		OnSource: r.m.bySource.Add,
		Diode:    []diode.Option[[]byte]{diode.WithBudget(budget, diode.Len, func(n int) { r.m.ingressBudget.Add(float64(n)) })},
	})
	r.routed = fair.NewTracker(r.diode)
	r.ingress = ingress.NewServer(ingress.SinkFunc(r.accept), ingress.Config{
		HandOff: r.routed,
		Room:    startupRoom{r.catchUp, r.routed},
		Held: func(d time.Duration) {
			r.m.heldBatches.Inc()
			r.m.heldSeconds.Add(d.Seconds())
		},
		Stopping: ingressStopping,
		Dropped: func(n int) {
			r.m.shutdown.Add(float64(n))
			r.droppedAtStop.Add(int64(n))
		},
	})
	egressCfg := cfg.Egress.Config()
	egressCfg.OnSlowConsumer = r.announce
	egressCfg.Budget = budget
	egressCfg.BudgetDropped = func(n int) { r.m.egressBudget.Add(float64(n)) }
	// Apart from the ingress salt, so that two sources sharing a lane there
	// most likely do not share one in a subscriber's ring too.
	egressCfg.Salt = fair.HostSalt(cfg.Addr, "egress")
	r.egress = egress.NewServer(r.catchUp, egressCfg, egress.NewMetrics(r.reg), log)
	r.grpc = grpc.NewServer(wire.ServerOptions(tlsCfg,
		grpc.MaxRecvMsgSize(cfg.Ingress.MaxMessageBytes),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 10 * time.Second, PermitWithoutStream: true}),
	)...)
	r.ingress.Register(r.grpc)
	r.ingress.RegisterAcks(r.grpc)
	r.egress.Register(r.grpc)

	if r.ln, err = net.Listen("tcp", cfg.Addr); err != nil {
		r.grpc.Stop() // ends its stream workers
		return nil, fmt.Errorf("router listen %s: %w", cfg.Addr, err)
	}
	if r.metrics, err = cfg.Metrics.Listen(r.reg); err != nil {
		_ = r.ln.Close()
		r.grpc.Stop()
		return nil, err
	}
	return r, nil
}

// Addr is the address the Ingress and Egress APIs listen on.
func (r *Router) Addr() string { return r.ln.Addr().String() }

// MetricsAddr is the /metrics address, or "" when disabled.
func (r *Router) MetricsAddr() string { return r.metrics.Addr() }

// Run serves until ctx ends, then stops gracefully (see the package doc) and
// returns once everything it started has ended.
func (r *Router) Run(ctx context.Context) error {
	r.log.Info("router listening", "addr", r.Addr(), "metrics", r.MetricsAddr(),
		"ingress_buffer_size", r.cfg.Ingress.BufferSize, "egress_buffer_size", r.cfg.Egress.BufferSize,
		"max_subscriptions", r.cfg.Egress.MaxSubscriptions, "startup_replay", r.cfg.StartupReplay.D().String())
	r.catchUp.start(time.Now())

	var wg sync.WaitGroup
	serveErr := make(chan error, 1)
	wg.Go(func() {
		if err := r.grpc.Serve(r.ln); err != nil {
			serveErr <- fmt.Errorf("router serve: %w", err)
		}
	})
	routeCtx, stopRouting := context.WithCancel(context.Background())
	routed := make(chan struct{})
	go func() {
		defer close(routed)
		r.route(routeCtx)
	}()
	side := metrics.StartSide(r.metrics, func(ctx context.Context) error {
		return r.reg.EmitToAgent(ctx, r.cfg.Agent, r.cfg.CipherSuites, r.cfg.Metrics.EmitInterval.D(), r.cfg.SourceID, r.log)
	})

	var err error
	select {
	case <-ctx.Done():
	case <-side.Failed():
	case err = <-serveErr:
	}
	r.shutdown(stopRouting, routed)
	wg.Wait()
	if sideErr := side.Stop(); sideErr != nil && err == nil {
		err = sideErr
	}
	return err
}

// shutdown stops in order: ingress, routing (which empties the ingress
// diode), subscribers (which empty their own), then the gRPC server.
func (r *Router) shutdown(stopRouting func(), routed <-chan struct{}) {
	start := time.Now()
	deadline, cancel := context.WithTimeout(context.Background(), r.cfg.ShutdownTimeout.D())
	defer cancel()
	r.ingress.Stop()
	if r.catchUp.holdEnd != nil {
		r.catchUp.holdEnd.Stop() // a router stopping within its first second logs no hold ending
	}
	stopRouting()
	<-routed
	if err := r.egress.Drain(deadline); err != nil {
		r.log.Warn("subscribers did not take everything before the shutdown timeout", "error", err.Error())
	}
	stopped := make(chan struct{})
	go func() {
		r.grpc.GracefulStop()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-deadline.Done():
		r.grpc.Stop()
		<-stopped
	}
	r.log.Info("router stopped", "took", time.Since(start).String(),
		"dropped_after_streams_ended", r.droppedAtStop.Load())
}

// route moves envelopes from the ingress diode to the subscriptions until
// ctx ends and the diode is empty.
func (r *Router) route(ctx context.Context) {
	buf := make([][]byte, 0, routeBatch)
	for {
		buf = r.diode.NextBatch(ctx, buf[:0])
		if len(buf) == 0 {
			return
		}
		if n := r.catchUp.route(buf); n > 0 {
			r.m.invalid.Add(float64(n))
		}
		r.routed.Published()
		clear(buf) // let the batches behind these envelopes go
	}
}

// announce is called when a slow consumer is disconnected: an Event
// envelope from the router says so to every subscriber that selects events
// from the router's source id.
func (r *Router) announce(description string) {
	b, err := proto.Marshal(&loggregator_v2.Envelope{
		Timestamp: time.Now().UnixNano(),
		SourceId:  r.cfg.SourceID,
		Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{
			Title: "slow consumer disconnected",
			Body:  description,
		}},
	})
	if err != nil {
		r.log.Error("encode slow consumer event", "error", err.Error())
		return
	}
	r.ingress.Accept([][]byte{b}, 0)
}

// catchUp is the router's egress.Source: the subscription registry, and for
// the first moments of the router's life (Config.StartupReplay) the newest
// envelopes it routed, which a subscription that arrives in that time gets
// before anything else. Agents can reach a router that has just started
// (restarted, recreated, added) before every rlp has subscribed to it; what
// the router routed before an rlp's subscription arrived would otherwise
// reach none of that rlp's consumers. Within the window the routing
// goroutine and Subscribe take mu, so a replay and live routing never hand
// a subscriber envelopes at once, and each envelope reaches a new
// subscription once: routed before it, replayed; after it, live. After the
// window neither takes the lock.
//
// Acknowledged streams are also held back, unread, until the first
// subscription arrives, for at most startupHold after the start (see
// startupRoom): agents whose router restarted keep what they held meanwhile
// and send it once a subscriber is there to take it, where the replay
// could keep only its newest part.
//
// The kept envelopes are charged to the process's buffer budget: at most
// max of them and a quarter of the budget, fewer when their bytes do not fit
// in it, the oldest leaving first. The quarter leaves the subscribers'
// diodes room for the replay itself. An envelope not kept was still routed;
// only a late subscriber misses it.
type catchUp struct {
	reg    *subscription.Registry
	window time.Duration
	max    int
	budget *diode.Budget
	share  int64 // the most bytes kept: a quarter of the budget
	open   atomic.Bool

	holding atomic.Bool   // until the first subscription or startupHold
	held    chan struct{} // closed when holding ends
	began   time.Time     // when start opened the window
	holdEnd *time.Timer   // ends the hold after startupHold; stopped with the router

	mu       sync.Mutex
	until    time.Time       // guarded by mu
	recent   [][]byte        // a ring of the newest routed envelopes; guarded by mu
	first    int             // where recent's oldest envelope is; guarded by mu
	kept     int             // envelopes in recent; guarded by mu
	bytes    int64           // their bytes, charged to budget; guarded by mu
	groups   map[string]bool // shard groups that had a replay; guarded by mu
	replayed int             // envelopes replayed; guarded by mu
	served   int             // subscriptions that got a replay; guarded by mu
	log      *slog.Logger
}

// newCatchUp keeps at most max envelopes, within budget, for window after
// start; a zero window or max turns it off.
func newCatchUp(reg *subscription.Registry, window time.Duration, max int, budget *diode.Budget, log *slog.Logger) *catchUp {
	return &catchUp{reg: reg, window: window, max: max, budget: budget, share: budget.Limit() / 4, groups: map[string]bool{}, log: log}
}

// startupHold is the longest a router holds acknowledged streams back
// after it starts, waiting for its first subscription: rlps re-dial a
// router that went away within wire.ReconnectCap (250 ms) of its return and
// subscribe at once, while an agent's buffer fills in seconds (a quarter of
// it holds 12,500 envelopes of one source), so a second covers the rlps
// without making agents drop.
const startupHold = time.Second

// start opens the window at now, and the hold on acknowledged streams.
func (c *catchUp) start(now time.Time) {
	if c.window <= 0 || c.max <= 0 {
		return
	}
	c.began, c.held = now, make(chan struct{})
	c.holding.Store(true)
	c.holdEnd = time.AfterFunc(min(c.window, startupHold)-time.Since(now), func() { c.endHold("none arrived") })
	c.mu.Lock()
	c.until = now.Add(c.window)
	c.recent = make([][]byte, c.max)
	c.mu.Unlock()
	c.open.Store(true)
}

// route routes envs and, within the window, keeps them for late
// subscribers. It returns the number of malformed envelopes.
func (c *catchUp) route(envs [][]byte) int {
	if !c.open.Load() {
		return c.reg.RouteBatch(envs)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	invalid := c.reg.RouteBatch(envs)
	if c.expired() {
		return invalid
	}
	for _, env := range envs {
		c.keep(env)
	}
	return invalid
}

// keep adds env to recent, making room by dropping the oldest. Called with
// mu held.
func (c *catchUp) keep(env []byte) {
	n := int64(len(env))
	if n > c.share {
		return
	}
	if c.kept == c.max {
		c.dropOldest()
	}
	for c.bytes+n > c.share || !c.budget.Charge(n) {
		if c.kept == 0 {
			return
		}
		c.dropOldest()
	}
	c.recent[(c.first+c.kept)%c.max] = env
	c.kept++
	c.bytes += n
}

// dropOldest takes the oldest envelope out of recent and gives its bytes
// back. Called with mu held and recent not empty.
func (c *catchUp) dropOldest() {
	n := int64(len(c.recent[c.first]))
	c.budget.Release(n)
	c.bytes -= n
	c.recent[c.first] = nil
	c.first = (c.first + 1) % c.max
	c.kept--
}

// expired closes the window once it has passed, giving the kept envelopes'
// bytes back. Called with mu held.
func (c *catchUp) expired() bool {
	if !c.open.Load() {
		return true
	}
	if time.Now().Before(c.until) {
		return false
	}
	c.open.Store(false)
	for c.kept > 0 {
		c.dropOldest()
	}
	c.recent, c.groups = nil, nil
	c.log.Info("startup replay window closed", "subscriptions_caught_up", c.served, "envelopes_replayed", c.replayed)
	return true
}

// endHold ends the hold on acknowledged streams, once; why says what ended
// it, for the log.
func (c *catchUp) endHold(why string) {
	if c.holding.CompareAndSwap(true, false) {
		close(c.held)
		c.log.Info("acknowledged ingress no longer held back for a first subscription",
			"subscription", why, "after", time.Since(c.began).Round(time.Millisecond).String())
	}
}

// startupRoom is the router's ingress Room: while the catchUp's hold lasts
// it has no room, so acknowledged batches wait, unread, in their agents;
// then the Tracker's room.
type startupRoom struct {
	c *catchUp
	t *fair.Tracker
}

// Room implements ingress.Room.
func (s startupRoom) Room(envs [][]byte) (bool, <-chan struct{}) {
	if s.c.holding.Load() {
		return false, s.c.held
	}
	return s.t.Room(envs)
}

// Subscribe registers deliver and, within the window, first hands it the
// kept envelopes req selects, oldest first. A member joining a shard group
// that already exists gets no replay: the group's first member had it. The
// first subscription ends the hold on acknowledged streams.
func (c *catchUp) Subscribe(req *loggregator_v2.EgressBatchRequest, deliver func(env []byte)) (func(), error) {
	if !c.open.Load() {
		return c.reg.Subscribe(req, deliver)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	unsubscribe, err := c.reg.Subscribe(req, deliver)
	if err == nil {
		c.endHold("arrived")
	}
	if err != nil || c.expired() {
		return unsubscribe, err
	}
	if id := req.GetShardId(); id != "" {
		key, err := proto.MarshalOptions{Deterministic: true}.Marshal(&loggregator_v2.EgressBatchRequest{ShardId: id, Selectors: req.GetSelectors()})
		if err != nil || c.groups[string(key)] {
			return unsubscribe, nil
		}
		c.groups[string(key)] = true
	}
	// A registry of one subscription selects from the kept envelopes
	// exactly what the real one would have.
	one := subscription.NewRegistry()
	n := 0
	if _, err := one.Subscribe(req, func(env []byte) { n++; deliver(env) }); err != nil {
		return unsubscribe, nil // the real registry accepted req; this cannot differ
	}
	if end := c.first + c.kept; end <= c.max {
		one.RouteBatch(c.recent[c.first:end])
	} else {
		one.RouteBatch(c.recent[c.first:])
		one.RouteBatch(c.recent[:end-c.max])
	}
	if n > 0 {
		c.served++
		c.replayed += n
	}
	return unsubscribe, nil
}
