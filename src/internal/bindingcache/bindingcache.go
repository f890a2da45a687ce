package bindingcache

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"

	"loggregator/internal/binding"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// sourceID is the source id of the cache's own metrics, the one Cloud Foundry's
// job gives its scraped metrics.
const sourceID = "loggr-syslog-binding-cache"

// maxExamples bounds the refused drains named in one summary log line.
const maxExamples = 5

// Cache polls Cloud Controller and serves what it found. Make one with New,
// then call Run once.
type Cache struct {
	cfg     *Config
	log     *slog.Logger
	reg     *metrics.Registry
	m       *cacheMetrics
	handler *binding.Handler
	cc      *ccClient
	ranges  []ipRange
	ln      net.Listener
	metrics *metrics.Server

	// Owned by the poll loop's goroutine.
	started      time.Time // when Run began; the age of "no set" until one is served
	lastGood     time.Time // zero until a poll succeeds
	served       int       // drain URLs in the set served
	failedInARow int
}

// Run makes a cache from cfg and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	c, err := New(cfg, log)
	if err != nil {
		return err
	}
	return c.Run(ctx)
}

// New checks the certificates, publishes the aggregate drains and binds the
// listeners. Nothing is asked of Cloud Controller before Run.
func New(cfg *Config, log *slog.Logger) (*Cache, error) {
	reg := metrics.NewRegistry()
	c := &Cache{cfg: cfg, log: log, reg: reg, m: newMetrics(reg), handler: binding.NewHandler()}

	ranges, err := parseRanges(cfg.BlacklistedSyslogRanges)
	if err != nil {
		return nil, err
	}
	c.ranges = ranges
	if err := c.handler.SetAggregate(aggregate(cfg.AggregateDrains)); err != nil {
		return nil, err
	}
	c.m.aggregateDrains.Set(float64(len(cfg.AggregateDrains)))

	ccTLS, err := mtls.Client(cfg.CC.TLS, cfg.CC.ServerName, cfg.CC.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("cc.tls: %w", err)
	}
	c.cc = newCCClient(cfg.CC, ccTLS)

	serverTLS, err := mtls.Server(cfg.Server.TLS, cfg.Server.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("server.tls: %w", err)
	}
	ln, err := net.Listen("tcp", cfg.Server.Addr)
	if err != nil {
		return nil, fmt.Errorf("server listen %s: %w", cfg.Server.Addr, err)
	}
	c.ln = tls.NewListener(ln, serverTLS)
	if c.metrics, err = cfg.Metrics.Listen(reg); err != nil {
		c.ln.Close()
		return nil, err
	}
	return c, nil
}

// Addr is the address the bindings server is bound to.
func (c *Cache) Addr() string { return c.ln.Addr().String() }

// Run polls Cloud Controller now and every polling interval, and serves the
// last good set until ctx ends. Then it stops polling, lets requests in
// flight finish within shutdown_timeout, and closes.
func (c *Cache) Run(ctx context.Context) error {
	defer c.cc.close()
	attrs := []any{"addr", c.Addr(), "cc", c.cfg.CC.Addr,
		"polling_interval", c.cfg.CC.PollingInterval.D().String(), "batch_size", c.cfg.CC.BatchSize,
		"aggregate_drains", len(c.cfg.AggregateDrains), "blacklisted_ranges", len(c.ranges)}
	if c.metrics != nil {
		attrs = append(attrs, "metrics_addr", c.metrics.Addr())
	}
	c.log.Info("serving", attrs...)
	c.started = time.Now()

	srv := &http.Server{
		Handler:           c.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(c.log.Handler(), slog.LevelDebug),
	}
	side := metrics.StartSide(c.metrics, func(ctx context.Context) error {
		return c.reg.EmitToAgent(ctx, c.cfg.Agent, nil, c.cfg.Metrics.EmitInterval.D(), sourceID, c.log)
	})
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(c.ln) }()

	pollCtx, stopPolling := context.WithCancel(context.Background())
	var polling sync.WaitGroup
	polling.Go(func() { c.pollLoop(pollCtx) })

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("bindings server: %w", err)
	case <-side.Failed():
	}

	stopPolling()
	polling.Wait()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), c.cfg.ShutdownTimeout.D())
	defer cancel()
	if shutdownErr := srv.Shutdown(shutdownCtx); shutdownErr != nil && err == nil {
		err = fmt.Errorf("bindings server shutdown: %w", shutdownErr)
	}
	if err != nil && errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if sideErr := side.Stop(); sideErr != nil && err == nil {
		err = sideErr
	}
	return err
}

// Handler serves /v2/bindings and /v2/aggregate, counting requests.
func (c *Cache) Handler() http.Handler {
	bindings := c.m.requests.WithLabelValues(binding.BindingsPath)
	agg := c.m.requests.WithLabelValues(binding.AggregatePath)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case binding.BindingsPath:
			bindings.Inc()
		case binding.AggregatePath:
			agg.Inc()
		}
		c.handler.ServeHTTP(w, r)
	})
}

// pollLoop polls now and then at every tick until ctx ends. A poll longer
// than the interval delays the next one instead of stacking up behind it:
// the ticker drops the ticks nobody took.
func (c *Cache) pollLoop(ctx context.Context) {
	t := time.NewTicker(c.cfg.CC.PollingInterval.D())
	defer t.Stop()
	for {
		c.poll(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// poll fetches every page, refuses the drains that may not be served and
// publishes the rest. A poll that fails in any way publishes nothing.
func (c *Cache) poll(ctx context.Context) {
	start := time.Now()
	raw, pages, err := c.cc.fetch(ctx)
	c.m.pages.Add(float64(pages))
	if err == nil {
		kept, refused := c.refuse(ctx, raw)
		if ctx.Err() == nil { // a lookup cut short by a stop refuses nothing
			err = c.publish(kept, refused, start)
		}
	}
	c.m.pollDuration.Set(time.Since(start).Seconds())
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		c.fail(err)
	}
	since := c.started
	if !c.lastGood.IsZero() {
		since = c.lastGood
	}
	c.m.lastSuccessAge.Set(time.Since(since).Seconds())
}

func (c *Cache) fail(err error) {
	reason := failUnavailable
	var pe *pollError
	if errors.As(err, &pe) {
		reason = pe.reason
	}
	c.m.polls.WithLabelValues("failed").Inc()
	c.m.pollFailures.WithLabelValues(reason).Inc()
	c.failedInARow++
	last := "never"
	if !c.lastGood.IsZero() {
		last = c.lastGood.UTC().Format(time.RFC3339)
	}
	c.log.Warn("poll of cloud controller failed; serving the last good set",
		"reason", reason, "error", err.Error(), "failed_in_a_row", c.failedInARow,
		"drains_served", c.served, "last_success", last)
}

func (c *Cache) publish(kept []binding.Binding, refused map[string][]string, start time.Time) error {
	if err := c.handler.SetBindings(kept); err != nil {
		return err
	}
	pairs := 0
	for _, b := range kept {
		for _, cr := range b.Credentials {
			pairs += len(cr.Apps)
		}
	}
	nRefused := 0
	for reason, urls := range refused {
		c.m.refused.WithLabelValues(reason).Add(float64(len(urls)))
		nRefused += len(urls)
	}
	c.m.polls.WithLabelValues("ok").Inc()
	c.m.drains.Set(float64(len(kept)))
	c.m.bindings.Set(float64(pairs))
	c.m.refusedLastPoll.Set(float64(nRefused))
	c.m.lastSuccess.Set(float64(start.Unix()))
	first := c.lastGood.IsZero()
	c.lastGood, c.served = start, len(kept)

	switch {
	case c.failedInARow > 0:
		c.log.Info("poll of cloud controller recovered", "failed_in_a_row", c.failedInARow, "drains", len(kept), "bindings", pairs)
	case first:
		c.log.Info("bindings loaded", "drains", len(kept), "bindings", pairs)
	}
	c.failedInARow = 0
	if nRefused > 0 && c.cfg.WarnOnInvalidDrains {
		c.log.Warn("refused drains", summary(refused, nRefused)...)
	}
	return nil
}

// refuse splits bs into the drains that may be served and, by reason, the
// anonymised URLs of those that may not.
func (c *Cache) refuse(ctx context.Context, bs []binding.Binding) ([]binding.Binding, map[string][]string) {
	chk := newChecker(c.ranges, c.cfg.ResolveTimeout.D())
	urls := make([]string, len(bs))
	for i, b := range bs {
		urls[i] = b.URL
	}
	chk.prepare(ctx, urls)
	kept := make([]binding.Binding, 0, len(bs))
	refused := map[string][]string{}
	for _, b := range bs {
		if r := chk.check(b.URL); r != nil {
			refused[r.reason] = append(refused[r.reason], anonymize(b.URL))
			continue
		}
		kept = append(kept, b)
	}
	return kept, refused
}

// summary is the attributes of the one line logged per poll that refused
// drains: the count, the count by reason and a few anonymised examples.
func summary(refused map[string][]string, n int) []any {
	reasons := make([]string, 0, len(refused))
	for r := range refused {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	byReason := map[string]int{}
	var examples []string
	for _, r := range reasons {
		byReason[r] = len(refused[r])
		for _, u := range refused[r] {
			if len(examples) < maxExamples {
				examples = append(examples, r+": "+u)
			}
		}
	}
	return []any{"count", n, "by_reason", byReason, "examples", examples}
}

// aggregate turns the configured aggregate drains into bindings with no app.
func aggregate(ds []AggregateDrain) []binding.Binding {
	out := make([]binding.Binding, 0, len(ds))
	for _, d := range ds {
		out = append(out, binding.Binding{
			URL:         d.URL,
			Credentials: []binding.Credentials{{Cert: d.Cert, Key: d.Key, CA: d.CA, Apps: []binding.App{}}},
		})
	}
	return out
}
