package agent

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"loggregator/internal/diode"
	"loggregator/internal/fair"
	"loggregator/internal/fanout"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/otlp"
	"loggregator/internal/resolve"
	"loggregator/internal/wire"
)

// output is where the agent's batches go: a routerpool.Pool in the router
// role, a forwarder in the forwarder role. Run takes batches from in until
// in is closed, hands each back (the batcher's Release) once done with it,
// and returns when everything it started has ended. ctx is the hard stop
// of the router pool; the forwarder's lanes bound themselves by the same
// shutdown timeout.
type output interface {
	Run(ctx context.Context, in <-chan [][]byte)
}

// forwarder is the forwarder role's output: every envelope of every batch
// goes into the lane of each local destination, which never waits (a full
// lane drops its oldest, from the sources that hold the most of it first),
// so one slow or dead destination costs the others and the producers
// nothing. Destinations come from the files matching
// ForwarderConfig.DownstreamGlob, read at start and every RescanInterval.
type forwarder struct {
	cfg        ForwarderConfig
	batch      BatchConfig
	shutdown   time.Duration
	selfPort   int // the agent's own ingress port, never a destination
	reg        *metrics.Registry
	budget     *diode.Budget // shared by every lane's diode and the agent's
	salt       uint64        // of every destination's fair ring (ForwarderLaneSalt)
	ingressTLS *tls.Config
	otelTLS    *tls.Config
	codec      *wire.Codec
	release    func([][]byte)
	log        *slog.Logger
	m          *forwarderMetrics

	// mu orders the fan-out against scans: a scan swaps dests under the
	// write lock, then stops the destinations it removed, so nothing is
	// written into a lane after it began to stop.
	mu    sync.RWMutex
	dests []*destination // guarded by mu

	// open, skipped and badFiles are owned by whoever runs scan: Run
	// before it starts the scanner, then the scanner.
	open     map[string]*destination // by target key
	skipped  map[string]bool         // paths over MaxDestinations, logged once
	badFiles map[string]string       // path → error last logged
	lanes    sync.WaitGroup          // one per destination's lane
}

// destination is one running lane and how to stop it.
type destination struct {
	target
	lane *fanout.Lane[[]byte]
	stop context.CancelFunc
}

func newForwarder(cfg *Config, reg *metrics.Registry, budget *diode.Budget, release func([][]byte), log *slog.Logger) (*forwarder, error) {
	fc := cfg.Forwarder
	ingressTLS, err := mtls.Client(fc.TLS, fc.ServerName, fc.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("forwarder tls: %w", err)
	}
	otelTLS, err := mtls.Client(fc.TLS, fc.OTel.ServerName, fc.CipherSuites)
	if err != nil {
		return nil, fmt.Errorf("forwarder otel tls: %w", err)
	}
	selfPort := 0
	if _, p, err := net.SplitHostPort(cfg.Ingress.Addr); err == nil {
		selfPort, _ = strconv.Atoi(p)
	}
	return &forwarder{
		cfg:        fc,
		batch:      cfg.Batch,
		shutdown:   cfg.ShutdownTimeout.D(),
		selfPort:   selfPort,
		reg:        reg,
		budget:     budget,
		salt:       ForwarderLaneSalt(cfg),
		ingressTLS: ingressTLS,
		otelTLS:    otelTLS,
		codec:      wire.NewCodec(),
		release:    release,
		log:        log,
		m:          newForwarderMetrics(reg),
		open:       map[string]*destination{},
		skipped:    map[string]bool{},
		badFiles:   map[string]string{},
	}, nil
}

// Run fans out until in is closed, then stops every lane (each delivers
// what it holds within the shutdown timeout, which bounds it as ctx bounds
// the router pool) and waits for them. ctx ends the rescans.
func (f *forwarder) Run(ctx context.Context, in <-chan [][]byte) {
	f.scan()
	scanCtx, stopScan := context.WithCancel(ctx)
	var scanner sync.WaitGroup
	scanner.Go(func() {
		t := time.NewTicker(f.cfg.RescanInterval.D())
		defer t.Stop()
		for {
			select {
			case <-scanCtx.Done():
				return
			case <-t.C:
				f.scan()
			}
		}
	})

	for batch := range in {
		f.mu.RLock()
		if len(f.dests) == 0 {
			f.m.noDestination.Add(float64(len(batch)))
		}
		for _, d := range f.dests {
			for _, e := range batch {
				d.lane.Write(e)
			}
		}
		f.mu.RUnlock()
		f.release(batch)
	}

	stopScan()
	scanner.Wait()
	f.mu.Lock()
	all := f.dests
	f.dests = nil
	f.mu.Unlock()
	for _, d := range all {
		d.stop()
	}
	f.lanes.Wait()
}

// scan reads the glob, starts a lane for each new destination and stops
// the lanes of those whose file went or changed.
func (f *forwarder) scan() {
	found, bad, err := discover(f.cfg.DownstreamGlob, f.selfPort)
	if err != nil {
		f.log.Error("forwarder scan", "error", err.Error())
		return
	}
	f.noteBad(bad)
	want := make(map[string]bool, len(found))
	for _, t := range found {
		want[t.key()] = true
	}
	changed := false
	var removed []*destination
	for k, d := range f.open {
		if !want[k] {
			removed = append(removed, d)
			delete(f.open, k)
			changed = true
		}
	}
	for _, t := range found {
		if f.open[t.key()] != nil {
			continue
		}
		if len(f.open) >= f.cfg.MaxDestinations {
			if !f.skipped[t.path] {
				f.log.Warn("forwarder ignores a destination beyond max_destinations", "file", t.path, "max_destinations", f.cfg.MaxDestinations)
				f.skipped[t.path] = true
			}
			continue
		}
		d, err := f.start(t)
		if err != nil {
			f.log.Error("forwarder destination", "file", t.path, "error", err.Error())
			continue
		}
		f.open[t.key()] = d
		changed = true
	}
	if !changed {
		return
	}
	dests := make([]*destination, 0, len(f.open))
	for _, d := range f.open {
		dests = append(dests, d)
	}
	slices.SortFunc(dests, func(a, b *destination) int { return strings.Compare(a.path, b.path) })
	f.mu.Lock()
	f.dests = dests
	f.mu.Unlock()
	for _, d := range removed {
		f.log.Info("forwarder destination removed", "destination", d.name, "addr", d.addr, "file", d.path)
		d.stop()
	}
}

// noteBad counts the files that could not be used and logs each once per
// distinct error.
func (f *forwarder) noteBad(bad map[string]error) {
	if len(bad) > 0 {
		f.m.fileErrors.Add(float64(len(bad)))
	}
	for p, err := range bad {
		if f.badFiles[p] != err.Error() {
			f.log.Warn("forwarder ignores a destination file", "file", p, "error", err.Error())
			f.badFiles[p] = err.Error()
		}
	}
	for p := range f.badFiles {
		if bad[p] == nil {
			delete(f.badFiles, p)
		}
	}
}

// fairRing is each destination's ring: a fair.Buffer, so that when a
// destination falls behind, the source holding the most of its lane loses
// first and a flooding app does not push everyone else's envelopes out of
// it. Its drops are the destination's buffer_full; they are not charged to
// a source in a table (one per destination would multiply the series).
func (f *forwarder) fairRing(size int, drop func(n int), opts []diode.Option[[]byte]) fanout.Ring[[]byte] {
	return fair.New(size, fair.Options{Salt: f.salt, OnDrop: drop, Diode: opts})
}

// start runs a lane to t.
func (f *forwarder) start(t target) (*destination, error) {
	m := newDestinationMetrics(f.reg, t.name)
	var w fanout.Writer[[]byte]
	var closeWriter func()
	if t.otel {
		x, err := otlp.NewExporter(t.addr, f.otelTLS, f.cfg.OTel, otlp.NewMetrics(f.reg, t.name), f.log)
		if err != nil {
			return nil, err
		}
		w, closeWriter = x, func() { _ = x.Close() } // a client connection closing has nothing left to report
	} else {
		iw := &ingressWriter{
			addr:    t.addr,
			tls:     f.ingressTLS,
			codec:   f.codec,
			timeout: f.cfg.DialTimeout.D(),
			backoff: resolve.NewBackoff(resolve.MinBackoff, f.cfg.MaxBackoff.D()),
			m:       m,
			log:     f.log,
		}
		w, closeWriter = iw, iw.close
	}
	lane := fanout.New(w, f.cfg.lane(t.otel, f.batch, f.shutdown), m.lane,
		fanout.WithBudget(f.budget, diode.Len, func(n int) { m.budget.Add(float64(n)) }),
		fanout.WithRing(f.fairRing))
	ctx, stop := context.WithCancel(context.Background())
	f.m.destinations.Inc()
	f.lanes.Go(func() {
		lane.Run(ctx)
		closeWriter()
		f.m.destinations.Dec()
	})
	f.log.Info("forwarder destination added", "destination", t.name, "addr", t.addr, "otel", t.otel, "file", t.path)
	return &destination{target: t, lane: lane, stop: stop}, nil
}
