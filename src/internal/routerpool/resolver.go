package routerpool

import (
	"context"
	"net"
	"slices"
	"sync/atomic"
	"time"
)

// LookupFunc resolves a host name to IP addresses, as net.Resolver.LookupHost does.
type LookupFunc func(ctx context.Context, host string) ([]string, error)

// addrs is one resolution of the targets. It is never modified once published.
type addrs struct {
	preferred []string // addresses in the preferred zone
	all       []string // every address, preferred ones included
	gen       uint64   // increases whenever the set changes
}

// Resolver turns targets into router addresses and refreshes them. Resolve
// and Run are called by one goroutine; Current by any.
type Resolver struct {
	targets []Target
	zone    string
	lookup  LookupFunc
	m       *Metrics

	last    [][]string // last good addresses of each target, owned by the resolving goroutine
	current atomic.Pointer[addrs]
}

// NewResolver resolves targets with lookup (net.DefaultResolver.LookupHost
// when nil), preferring targets whose AZ is zone.
func NewResolver(targets []Target, zone string, lookup LookupFunc, m *Metrics) *Resolver {
	if lookup == nil {
		lookup = net.DefaultResolver.LookupHost
	}
	r := &Resolver{targets: targets, zone: zone, lookup: lookup, m: m, last: make([][]string, len(targets))}
	r.current.Store(&addrs{})
	return r
}

// Current returns the latest resolution.
func (r *Resolver) Current() *addrs { return r.current.Load() }

// Resolve looks every target up once. A target whose lookup fails keeps the
// addresses it had, so a DNS outage does not empty the pool.
func (r *Resolver) Resolve(ctx context.Context) {
	for i, t := range r.targets {
		host, port, err := net.SplitHostPort(t.Addr)
		if err != nil {
			continue
		}
		if net.ParseIP(host) != nil {
			r.last[i] = []string{t.Addr}
			continue
		}
		lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ips, err := r.lookup(lctx, host)
		cancel()
		if err != nil || len(ips) == 0 {
			continue
		}
		found := make([]string, 0, len(ips))
		for _, ip := range ips {
			found = append(found, net.JoinHostPort(ip, port))
		}
		r.last[i] = found
	}
	r.m.refreshes.Inc()
	r.publish()
}

// publish merges the per-target results. An address reached through a target
// in the preferred zone is preferred even if another target also names it.
func (r *Resolver) publish() {
	var all, preferred []string
	for i, t := range r.targets {
		all = append(all, r.last[i]...)
		if r.zone != "" && t.AZ == r.zone {
			preferred = append(preferred, r.last[i]...)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	slices.Sort(preferred)
	preferred = slices.Compact(preferred)
	old := r.current.Load()
	if slices.Equal(old.all, all) && slices.Equal(old.preferred, preferred) {
		return
	}
	r.current.Store(&addrs{preferred: preferred, all: all, gen: old.gen + 1})
	r.m.routers.Set(float64(len(all)))
}

// Run re-resolves every interval until ctx is done.
func (r *Resolver) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			r.Resolve(ctx)
		}
	}
}
