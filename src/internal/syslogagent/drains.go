package syslogagent

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/binding"
	"loggregator/internal/diode"
	"loggregator/internal/fanout"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
	"loggregator/internal/syslog"
)

// target is one drain an envelope of a source id goes to, with the
// HOSTNAME its binding gives ("" derives it from the tags).
type target struct {
	drain    *drain
	hostname string
}

// routes is the snapshot the sink reads: never changed once published.
type routes struct {
	bySource  map[string][]target
	aggregate []target
}

// app is a source id bound to a drain, told about the drain's losses.
type app struct{ id, hostname string }

// drain is one running drain: its lane, its writer and what its owners
// are told. Created and stopped by the drainSet's owner goroutine.
type drain struct {
	key, label string
	url        syslog.URL
	lane       *fanout.Lane[syslog.Entry]
	share      *diode.Budget // the drain's part of the process's buffer budget
	writer     *syslog.Drain
	cancel     context.CancelFunc

	lost     atomic.Uint64          // envelopes dropped or given up, for notices
	sent     atomic.Uint64          // envelopes written, for notices
	lastSent uint64                 // sent at the last notify; owned by the drainSet's goroutine
	lastErr  atomic.Pointer[string] // the last failed attempt, anonymised
	apps     []app                  // bound apps; owned by the drainSet's goroutine
	reported uint64                 // lost already told; owned by the drainSet's goroutine
	notices  uint64                 // notices written at the last notify; owned likewise
}

// drainSet turns bindings into running drains and the routes snapshot.
// update and notify are called from one goroutine; routes from any.
type drainSet struct {
	cfg  *Config
	log  *slog.Logger
	reg  *metrics.Registry
	m    *agentMetrics
	base syslog.Config
	lane fanout.Config
	// budget bounds the bytes every drain's diode holds, together; each
	// drain holds at most its share, the budget over the drains running,
	// so drains that stall cannot take the room of the others.
	budget *diode.Budget

	drains  map[string]*drain // by key; owned by the caller of update
	planned int               // drains the current update may run, at least 1; owned likewise
	refused summary           // of the last update, logged when it changes; owned likewise
	routes  atomic.Pointer[routes]
	wg      sync.WaitGroup // one per running lane
}

func newDrainSet(cfg *Config, log *slog.Logger, reg *metrics.Registry, m *agentMetrics) (*drainSet, error) {
	d := cfg.Drains
	base := syslog.Config{
		DialTimeout:  d.DialTimeout.D(),
		WriteTimeout: d.WriteTimeout.D(),
		MinBackoff:   d.MinBackoff.D(),
		MaxBackoff:   d.MaxBackoff.D(),
		MaxAttempts:  d.MaxAttempts,
		SkipVerify:   d.SkipCertVerify,
	}
	if d.CAFile != "" {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		pem, err := os.ReadFile(d.CAFile)
		if err != nil {
			return nil, fmt.Errorf("drains.ca_file: %w", err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("drains.ca_file: %s holds no PEM certificate", d.CAFile)
		}
		base.RootCAs = pool
	}
	if len(d.CipherSuites) > 0 {
		suites, err := mtls.CipherSuites(d.CipherSuites)
		if err != nil {
			return nil, fmt.Errorf("drains.cipher_suites: %w", err)
		}
		base.CipherSuites = suites
	}
	s := &drainSet{
		cfg: cfg, log: log, reg: reg, m: m, base: base,
		lane: fanout.Config{
			BufferSize:      d.BufferSize,
			BatchSize:       d.BatchSize,
			FlushInterval:   d.FlushInterval.D(),
			ShutdownTimeout: cfg.ShutdownTimeout.D(),
		},
		drains: map[string]*drain{},
		budget: diode.NewBudget(cfg.BufferBudgetBytes()),
	}
	reg.BufferBytes(s.budget.Held, s.budget.Limit)
	s.routes.Store(&routes{})
	return s, nil
}

// summary counts what one update refused.
type summary struct{ invalid, overLimit int }

// update makes the running drains those of bindings and aggregate plus the
// configured aggregate drains, and publishes the new routes.
func (s *drainSet) update(ctx context.Context, bindings, aggregate []binding.Binding) {
	var sum summary
	planned := len(s.cfg.AggregateDrains)
	for _, b := range bindings {
		planned += len(b.Credentials)
	}
	for _, b := range aggregate {
		planned += max(1, len(b.Credentials))
	}
	s.planned = max(planned, 1)
	keep := map[string]*drain{}
	next := &routes{bySource: map[string][]target{}}
	perApp := map[string]int{}

	for _, b := range bindings {
		for _, c := range b.Credentials {
			d := s.drainFor(ctx, "app", b.URL, c, keep, &sum)
			if d == nil {
				continue
			}
			for _, a := range c.Apps {
				if bound(next.bySource[a.AppID], d) {
					continue // the same drain bound twice would get every message twice
				}
				if perApp[a.AppID] >= s.cfg.BindingCache.MaxDrainsPerApp {
					sum.overLimit++
					continue
				}
				perApp[a.AppID]++
				next.bySource[a.AppID] = append(next.bySource[a.AppID], target{d, a.Hostname})
				d.apps = append(d.apps, app{a.AppID, a.Hostname})
			}
		}
	}
	for _, a := range s.cfg.AggregateDrains {
		aggregate = append(aggregate, binding.Binding{URL: a.URL, Credentials: []binding.Credentials{{Cert: a.Cert, Key: a.Key, CA: a.CA}}})
	}
	for _, b := range aggregate {
		creds := b.Credentials
		if len(creds) == 0 {
			creds = []binding.Credentials{{}}
		}
		for _, c := range creds {
			if d := s.drainFor(ctx, "aggregate", b.URL, c, keep, &sum); d != nil {
				next.aggregate = append(next.aggregate, target{d, ""})
			}
		}
	}

	s.routes.Store(next)
	for key, d := range s.drains {
		if keep[key] == nil {
			s.stop(d)
		}
	}
	s.drains = keep
	share := s.share(len(keep))
	for _, d := range keep {
		d.share.SetLimit(share)
	}
	s.m.drains.Set(float64(len(keep)))
	s.m.invalidDrains.Set(float64(sum.invalid))
	s.m.overLimit.Set(float64(sum.overLimit))
	changed := sum != s.refused
	s.refused = sum
	if changed && (sum.invalid > 0 || sum.overLimit > 0) && s.cfg.WarnOnInvalidDrains {
		s.log.Warn("some drain bindings were refused; see syslog_invalid_drains and syslog_drains_over_app_limit",
			"invalid", sum.invalid, "over_app_limit", sum.overLimit, "max_drains_per_app", s.cfg.BindingCache.MaxDrainsPerApp)
	}
}

// drainFixedBytes is about what a running drain holds outside its diode's
// slots and entries, however little it is sent: the writer's formatting
// buffer (a piece of about 32 KiB, see syslog.Drain) and its connection's
// TLS record buffers, about as much again.
const drainFixedBytes = 64 << 10

// minShare is the least share a drain gets however many drains run.
const minShare = 16 << 10

// share is each drain's part of the buffer budget when n drains run: what
// the budget leaves after the n drains' fixed memory (their diodes' slots
// and drainFixedBytes each), over n. With 1,000 drains and the default 512
// MiB that fixed memory is about 130 MiB, which, left outside, took the
// agent over memory_limit_mib once every share was full.
func (s *drainSet) share(n int) int64 {
	n = max(n, 1)
	fixed := int64(n) * (int64(s.ringSize())*diode.SlotBytes[syslog.Entry]() + drainFixedBytes)
	return max(minShare, (s.budget.Limit()-fixed)/int64(n))
}

// ringSize is the envelopes a new drain's diode holds: drains.buffer_size,
// or fewer when the diodes' slots, allocated up front for every drain,
// would take more than a quarter of the buffer budget across the drains
// the update may run (the slots are outside the budget); never fewer
// than one batch. A drain keeps its size until it stops.
func (s *drainSet) ringSize() int {
	fit := s.budget.Limit() / 4 / int64(max(s.planned, 1)) / diode.SlotBytes[syslog.Entry]()
	return int(min(int64(s.lane.BufferSize), max(fit, int64(s.lane.BatchSize))))
}

// entrySize is what an entry holds for the budget. Drains given the same
// envelope share one copy but each counts it, so the budget errs high.
func entrySize(e syslog.Entry) int { return len(e.Envelope) + len(e.Hostname) }

func bound(ts []target, d *drain) bool {
	for _, t := range ts {
		if t.drain == d {
			return true
		}
	}
	return false
}

// drainFor returns the running drain for url and c, starting it if it is
// new, or nil when the binding is refused (counted in sum).
func (s *drainSet) drainFor(ctx context.Context, kind, raw string, c binding.Credentials, keep map[string]*drain, sum *summary) *drain {
	key := kind + "\x00" + raw + "\x00" + c.Cert + "\x00" + c.CA
	if d := keep[key]; d != nil {
		return d
	}
	if d := s.drains[key]; d != nil {
		d.apps = d.apps[:0]
		keep[key] = d
		return d
	}
	u, err := syslog.ParseURL(raw, s.cfg.Drains.DefaultMetadata)
	if err == nil {
		err = s.checkHost(ctx, u)
	}
	var d *drain
	if err == nil {
		d, err = s.start(key, u, syslog.Credentials{Cert: c.Cert, Key: c.Key, CA: c.CA})
	}
	if err != nil {
		sum.invalid++
		if s.cfg.WarnOnInvalidDrains {
			s.log.Debug("drain refused", "error", err.Error())
		}
		return nil
	}
	keep[key] = d
	return d
}

var errBlacklisted = errors.New("resolves into blacklisted_syslog_ranges")

// checkHost refuses a drain whose host is, or resolves to, an address in
// a blacklisted range.
func (s *drainSet) checkHost(ctx context.Context, u syslog.URL) error {
	if len(s.cfg.BlacklistedRanges) == 0 {
		return nil
	}
	var ips []net.IP
	if ip := net.ParseIP(u.Host); ip != nil {
		ips = []net.IP{ip}
	} else {
		lookupCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		addrs, err := net.DefaultResolver.LookupIPAddr(lookupCtx, u.Host)
		if err != nil {
			return fmt.Errorf("drain %s: resolve: %w", u.Anonymous, err)
		}
		for _, a := range addrs {
			ips = append(ips, a.IP)
		}
	}
	for _, ip := range ips {
		for _, r := range s.cfg.BlacklistedRanges {
			if inRange(ip, net.ParseIP(r.Start), net.ParseIP(r.End)) {
				return fmt.Errorf("drain %s: %w", u.Anonymous, errBlacklisted)
			}
		}
	}
	return nil
}

func inRange(ip, start, end net.IP) bool {
	if v4 := ip.To4(); v4 != nil {
		ip, start, end = v4, start.To4(), end.To4()
	} else {
		ip, start, end = ip.To16(), start.To16(), end.To16()
	}
	if start == nil || end == nil || len(ip) != len(start) {
		return false
	}
	return bytesCompare(ip, start) >= 0 && bytesCompare(ip, end) <= 0
}

func bytesCompare(a, b []byte) int {
	for i := range a {
		switch {
		case a[i] < b[i]:
			return -1
		case a[i] > b[i]:
			return 1
		}
	}
	return 0
}

// start creates and runs a drain's lane.
func (s *drainSet) start(key string, u syslog.URL, creds syslog.Credentials) (*drain, error) {
	d := &drain{key: key, url: u}
	d.label = s.m.label(u.Anonymous, s.cfg.Drains.MaxLabelledDrains)
	cfg := s.base
	errs := s.m.drainErrors.WithLabelValues(d.label)
	unformattable := s.m.drainDropped.WithLabelValues(d.label, metrics.ReasonInvalid)
	cfg.Failed = func(err error) {
		errs.Inc()
		msg := err.Error()
		d.lastErr.Store(&msg)
	}
	cfg.Invalid = func(error) {
		unformattable.Inc()
		s.m.drainUnformattable.Inc()
	}
	w, err := syslog.NewDrain(u, creds, cfg)
	if err != nil {
		s.m.unlabel(d.label)
		return nil, err
	}
	d.writer = w
	lc := s.lane
	lc.BufferSize = s.ringSize()
	if u.Scheme == syslog.SchemeHTTPSBatch {
		// One POST a second, or sooner at 512 KiB (the Drain splits).
		lc.Linger, lc.FlushInterval, lc.BatchSize = time.Second, time.Second, max(lc.BatchSize, 4096)
	}
	// Until the update that starts it ends and shares the budget out again,
	// the new drain gets the share it would have beside the running ones.
	d.share = s.budget.Share(s.share(len(s.drains) + 1))
	lm, budgetDrops := s.m.laneMetrics(s.reg, d.label, &d.lost, &d.sent)
	d.lane = fanout.New[syslog.Entry](w, lc, lm,
		fanout.WithBudget(d.share, entrySize, func(n int) { budgetDrops.Add(float64(n)) }))
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	s.wg.Go(func() {
		d.lane.Run(ctx)
		if err := w.Close(); err != nil {
			s.log.Debug("close drain", "drain", u.Anonymous, "error", err.Error())
		}
		s.m.unlabel(d.label)
	})
	return d, nil
}

// stop ends a drain's lane (it writes what it holds within the shutdown
// timeout, then forgets its metric series) without waiting for it;
// stopAll waits.
func (s *drainSet) stop(d *drain) {
	d.cancel()
}

// stopAll ends every lane and waits for them.
func (s *drainSet) stopAll() {
	s.routes.Store(&routes{})
	for _, d := range s.drains {
		d.cancel()
	}
	s.wg.Wait()
	s.drains = map[string]*drain{}
}

// notify writes, into each drain that lost envelopes since the last call,
// one log line per bound app saying how many and why.
func (s *drainSet) notify(interval time.Duration) {
	for _, d := range s.drains {
		// A notice goes out only once the drain delivers again: written
		// to a drain that is down it would be lost too.
		lost, sent := d.lost.Load(), d.sent.Load()
		delivering := sent > d.lastSent
		d.lastSent = sent
		if lost <= d.reported || !delivering {
			continue
		}
		// The notices written last time may be among the losses of a drain
		// that is still failing; they are not news to its owner.
		n := lost - d.reported - min(lost-d.reported, d.notices)
		d.reported, d.notices = lost, 0
		if n == 0 {
			continue
		}
		why := "the drain did not keep up"
		if e := d.lastErr.Load(); e != nil {
			why = "the drain failed: " + *e
		}
		for _, a := range d.apps {
			env, err := proto.Marshal(&loggregator_v2.Envelope{
				Timestamp: time.Now().UnixNano(),
				SourceId:  a.id,
				Tags:      map[string]string{"source_type": "LGR"},
				Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{
					Type:    loggregator_v2.Log_ERR,
					Payload: fmt.Appendf(nil, "Syslog drain %s lost %d messages in the last %s: %s", d.url.Anonymous, n, interval, why),
				}},
			})
			if err != nil {
				continue
			}
			d.lane.Write(syslog.Entry{Envelope: env, Hostname: a.hostname})
			d.notices++
			s.m.dropNotices.Inc()
		}
	}
}
