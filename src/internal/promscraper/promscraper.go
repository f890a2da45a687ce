package promscraper

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// sourceID is the source id of the scraper's own metrics, and the default
// source id of scraped ones, as in Cloud Foundry.
const sourceID = "prom_scraper"

// Scraper finds targets and scrapes them. Make one with New, then call Run once.
type Scraper struct {
	cfg     *Config
	log     *slog.Logger
	reg     *metrics.Registry
	m       *scraperMetrics
	conn    *grpc.ClientConn
	agent   loggregator_v2.IngressClient
	metrics *metrics.Server // nil when /metrics is disabled
	ownPort int             // the port of /metrics, 0 when disabled

	agentFailing atomic.Bool // a send to the agent failed and none has succeeded since

	// Owned by Run's goroutine.
	workers map[string]*worker // by target file
	badSeen map[string]string  // target file → the error last logged for it
	wg      sync.WaitGroup     // the workers' goroutines
}

// Run makes a scraper from cfg and runs it until ctx ends.
func Run(ctx context.Context, cfg *Config, log *slog.Logger) error {
	s, err := New(cfg, log)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}

// New checks the certificates, binds the metrics listener and prepares the
// connection to the agent (dialled lazily).
func New(cfg *Config, log *slog.Logger) (*Scraper, error) {
	if cfg.Scrape.TLS != nil {
		// Load the scrape identity now, so a bad file stops the start
		// instead of failing every https target.
		if _, err := mtls.Client(*cfg.Scrape.TLS, "127.0.0.1", nil); err != nil {
			return nil, fmt.Errorf("scrape.tls: %w", err)
		}
	}
	agentTLS, err := mtls.Client(cfg.Agent.TLS, cfg.Agent.ServerName, nil)
	if err != nil {
		return nil, fmt.Errorf("agent.tls: %w", err)
	}
	conn, err := grpc.NewClient(cfg.Agent.Addr, grpc.WithTransportCredentials(credentials.NewTLS(agentTLS)), wire.Reconnect())
	if err != nil {
		return nil, fmt.Errorf("agent %s: %w", cfg.Agent.Addr, err)
	}
	reg := metrics.NewRegistry()
	s := &Scraper{
		cfg: cfg, log: log, reg: reg, m: newMetrics(reg),
		conn: conn, agent: loggregator_v2.NewIngressClient(conn),
		workers: map[string]*worker{}, badSeen: map[string]string{},
	}
	if s.metrics, err = cfg.Metrics.Listen(reg); err != nil {
		conn.Close()
		return nil, err
	}
	if s.metrics != nil {
		if _, port, err := net.SplitHostPort(s.metrics.Addr()); err == nil {
			s.ownPort, _ = strconv.Atoi(port)
		}
	}
	return s, nil
}

// MetricsAddr is the address /metrics listens on, "" when disabled.
func (s *Scraper) MetricsAddr() string { return s.metrics.Addr() }

// Run reads the target files at once and then every scrape interval,
// keeping one worker per target, until ctx ends; then it stops every
// worker, waits for them and closes the agent connection.
func (s *Scraper) Run(ctx context.Context) error {
	defer s.conn.Close()
	s.log.Info("scraping", "config_globs", s.cfg.ConfigGlobs, "scrape_interval", s.cfg.ScrapeInterval.D().String(),
		"scrape_timeout", s.cfg.ScrapeTimeout.D().String(), "agent", s.cfg.Agent.Addr, "metrics_addr", s.MetricsAddr())
	side := metrics.StartSide(s.metrics, func(ctx context.Context) error {
		return s.reg.EmitToAgent(ctx, s.cfg.Agent, nil, s.cfg.Metrics.EmitInterval.D(), sourceID, s.log)
	})

	workCtx, stopWork := context.WithCancel(context.Background())
	defer stopWork()
	tick := time.NewTicker(s.cfg.ScrapeInterval.D())
	defer tick.Stop()
	for running := true; running; {
		s.reconcile(workCtx)
		select {
		case <-ctx.Done():
			running = false
		case <-side.Failed():
			running = false
		case <-tick.C:
		}
	}

	stopWork()
	s.wg.Wait()
	return side.Stop()
}

// reconcile reads the target files and makes the workers match them: a
// worker for each new target, none for a file that is gone or no longer
// usable, a new one for a target whose file changed.
func (s *Scraper) reconcile(ctx context.Context) {
	targets, bad := readTargets(s.cfg.ConfigGlobs, s.cfg.DefaultSourceID, s.cfg.ScrapeInterval.D())
	want := make(map[string]*target, len(targets))
	for _, t := range targets {
		if s.ownPort != 0 && t.port == s.ownPort {
			continue // the scraper's own metrics go to the agent directly
		}
		want[t.file] = t
	}
	for file, w := range s.workers {
		if t, ok := want[file]; !ok || !t.equal(w.t) {
			s.stopWorker(file, w)
		}
	}
	for file, t := range want {
		if _, ok := s.workers[file]; ok {
			continue
		}
		w, err := s.newWorker(t)
		if err != nil {
			bad[file] = err
			continue
		}
		wctx, cancel := context.WithCancel(ctx)
		w.cancel = cancel
		s.workers[file] = w
		s.wg.Go(func() { w.run(wctx) })
		s.log.Info("scraping target", "file", file, "target", t.url, "source_id", t.sourceID, "interval", t.interval.String())
	}
	for file, err := range bad {
		if s.badSeen[file] != err.Error() {
			s.log.Warn("skipping target file", "file", file, "error", err.Error())
			s.badSeen[file] = err.Error()
		}
	}
	for file := range s.badSeen {
		if _, ok := bad[file]; !ok {
			delete(s.badSeen, file)
		}
	}
	s.m.targets.Set(float64(len(s.workers)))
	s.m.invalidFiles.Set(float64(len(bad)))
}

func (s *Scraper) stopWorker(file string, w *worker) {
	w.cancel()
	<-w.done
	delete(s.workers, file)
	s.log.Info("stopped scraping target", "file", file, "target", w.t.url)
}
