package metrics

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Directions and reasons of the dropped counter.
const (
	Ingress = "ingress"
	Egress  = "egress"

	ReasonBufferFull   = "buffer_full"
	ReasonSlowConsumer = "slow_consumer"
	ReasonInvalid      = "invalid"
	ReasonTooLarge     = "too_large"
	ReasonShutdown     = "shutdown"
	// ReasonBudget is an envelope evicted or refused to keep the process's
	// buffers within their byte budget (diode.Budget).
	ReasonBudget = "budget"
)

// Registry holds one component's metrics. The zero value is not usable; call
// NewRegistry.
type Registry struct {
	// Ingress counts envelopes the component accepted.
	Ingress prometheus.Counter
	// Egress counts envelopes the component delivered downstream.
	Egress prometheus.Counter

	// prom holds the component's own metrics; runtime the Go runtime's and
	// the process's, which only /metrics serves. Apart, a snapshot as
	// envelopes gathers only what it sends: collecting the runtime's and
	// the process's too (reading /proc/self/net/netstat among others) made
	// each snapshot 6.6 times dearer (BenchmarkEnvelopes).
	prom    *prometheus.Registry
	runtime *prometheus.Registry
	dropped *prometheus.CounterVec

	mu  sync.Mutex
	own map[string]bool // names of metrics created here, guarded by mu
}

// NewRegistry makes a registry with the common metrics and the Go runtime and
// process collectors.
func NewRegistry() *Registry {
	r := &Registry{prom: prometheus.NewRegistry(), runtime: prometheus.NewRegistry(), own: map[string]bool{}}
	r.runtime.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	r.Ingress = r.Counter("ingress", "Envelopes accepted by this component.")
	r.Egress = r.Counter("egress", "Envelopes delivered downstream by this component.")
	r.dropped = r.CounterVec("dropped", "Envelopes dropped, by where (direction) and why (reason).", "direction", "reason")
	return r
}

// Dropped returns the dropped counter for a direction and reason. Resolve it
// once and keep it; the lookup is not for the hot path.
func (r *Registry) Dropped(direction, reason string) prometheus.Counter {
	return r.dropped.WithLabelValues(direction, reason)
}

// Counter registers a counter.
func (r *Registry) Counter(name, help string) prometheus.Counter {
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
	r.register(name, c)
	return c
}

// Gauge registers a gauge.
func (r *Registry) Gauge(name, help string) prometheus.Gauge {
	g := prometheus.NewGauge(prometheus.GaugeOpts{Name: name, Help: help})
	r.register(name, g)
	return g
}

// BufferBytes registers the gauges buffer_bytes and buffer_budget_bytes,
// read from held and limit at each collection: the bytes of envelopes the
// process's buffers hold and the most they may hold.
func (r *Registry) BufferBytes(held, limit func() int64) {
	for _, g := range []struct {
		name, help string
		f          func() int64
	}{
		{"buffer_bytes", "Bytes held by this process's buffers: envelopes, and the slots of subscribers' buffers.", held},
		{"buffer_budget_bytes", "The byte budget of this process's buffers: buffer_bytes never exceeds it.", limit},
	} {
		f := g.f
		r.register(g.name, prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: g.name, Help: g.help}, func() float64 { return float64(f()) }))
	}
}

// CounterVec registers a counter with labels. Asked again for the same
// name, help and labels it returns the one already registered, so several
// users of one mechanism (two router pools, each with its own destination
// label value) can share a registry.
func (r *Registry) CounterVec(name, help string, labels ...string) *prometheus.CounterVec {
	return registerVec(r, name, prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels))
}

// GaugeVec registers a gauge with labels; like CounterVec, asking twice
// returns the same one.
func (r *Registry) GaugeVec(name, help string, labels ...string) *prometheus.GaugeVec {
	return registerVec(r, name, prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help}, labels))
}

// registerVec registers v, or returns the identical vector registered before.
// Any other conflict is a programming error and panics, as MustRegister does.
func registerVec[V prometheus.Collector](r *Registry, name string, v V) V {
	if err := r.prom.Register(v); err != nil {
		var dup prometheus.AlreadyRegisteredError
		if errors.As(err, &dup) {
			if existing, ok := dup.ExistingCollector.(V); ok {
				return existing
			}
		}
		panic(err)
	}
	r.mu.Lock()
	r.own[name] = true
	r.mu.Unlock()
	return v
}

// Histogram registers a histogram (served at /metrics only, not as envelopes).
func (r *Registry) Histogram(name, help string, buckets []float64) prometheus.Histogram {
	h := prometheus.NewHistogram(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets})
	r.prom.MustRegister(h)
	return h
}

func (r *Registry) register(name string, c prometheus.Collector) {
	r.prom.MustRegister(c)
	r.mu.Lock()
	r.own[name] = true
	r.mu.Unlock()
}

// Handler serves the registry in the Prometheus text format: the
// component's own metrics, the Go runtime's and the process's.
func (r *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(prometheus.Gatherers{r.prom, r.runtime}, promhttp.HandlerOpts{})
}

// Envelopes snapshots the component's own counters and gauges (not the Go
// runtime's, nor histograms) as v2 envelopes through FromFamilies: a
// counter becomes a Counter envelope with its total, a gauge a Gauge
// envelope. Labels become tags.
func (r *Registry) Envelopes(sourceID string) ([]*loggregator_v2.Envelope, error) {
	families, err := r.prom.Gather()
	if err != nil {
		return nil, fmt.Errorf("gather metrics: %w", err)
	}
	r.mu.Lock()
	own := families[:0]
	for _, f := range families {
		if r.own[f.GetName()] {
			own = append(own, f)
		}
	}
	r.mu.Unlock()
	out, _ := FromFamilies(own, Origin{SourceID: sourceID}, time.Now().UnixNano())
	sort.SliceStable(out, func(i, j int) bool { return out[i].GetCounter().GetName() < out[j].GetCounter().GetName() })
	return out, nil
}

// Emit calls send with a snapshot of the registry's envelopes every interval
// until ctx ends. It is how a component reports itself through the local agent.
func (r *Registry) Emit(ctx context.Context, interval time.Duration, sourceID string, send func([]*loggregator_v2.Envelope)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			envs, err := r.Envelopes(sourceID)
			if err == nil && len(envs) > 0 {
				send(envs)
			}
		}
	}
}

// Server serves /metrics. It binds when made, so Addr is known before Run.
type Server struct {
	ln  net.Listener
	srv *http.Server
}

// NewServer listens on addr ("127.0.0.1:14824"). With a non-nil tlsCfg the
// listener speaks TLS (mTLS when tlsCfg requires client certificates).
func (r *Registry) NewServer(addr string, tlsCfg *tls.Config) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics listen %s: %w", addr, err)
	}
	if tlsCfg != nil {
		ln = tls.NewListener(ln, tlsCfg)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", r.Handler())
	return &Server{ln: ln, srv: &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		// A scraper with a bad certificate is the scraper's problem; keep the
		// component's log free of per-connection handshake noise.
		ErrorLog: log.New(io.Discard, "", 0),
	}}, nil
}

// Addr is the address the server listens on, or "" for a nil Server (the
// one Config.Listen returns when /metrics is disabled).
func (s *Server) Addr() string {
	if s == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Run serves until ctx ends, then shuts the server down.
func (s *Server) Run(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("metrics server: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.srv.Shutdown(shutdownCtx)
	if serveErr := <-errc; serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("metrics server: %w", serveErr)
	}
	if err != nil {
		return fmt.Errorf("metrics server shutdown: %w", err)
	}
	return nil
}
