package resolve

import (
	"context"
	"net"
	"slices"
	"sync/atomic"
	"time"
)

// lookupTimeout bounds one DNS lookup.
const lookupTimeout = 5 * time.Second

// LookupFunc resolves a host name to IP addresses, as net.Resolver.LookupHost does.
type LookupFunc func(ctx context.Context, host string) ([]string, error)

// Addrs is one resolution of the targets. It is never modified once
// published, so it may be read without a lock.
type Addrs struct {
	// Preferred are the addresses reached through targets in the preferred
	// zone, sorted, without duplicates. When the targets list servers of
	// other zones too, an address that only a target without a zone
	// resolves to is preferred as well: no zoned target knew it when the
	// targets were written, so it is a server added since (a router scaled
	// out before the VM's config is rendered again), and preferring it
	// gives it traffic within a refresh instead of never.
	Preferred []string
	// All is every address, preferred ones included, sorted, without duplicates.
	All []string
	// Gen increases by one whenever All or Preferred changes.
	Gen uint64
}

// Options are a Resolver's environment; every field may be zero.
type Options struct {
	// Zone is this VM's availability zone; targets whose AZ is Zone make
	// up Addrs.Preferred. Empty prefers none.
	Zone string
	// Lookup resolves names; nil means net.DefaultResolver.LookupHost.
	Lookup LookupFunc
	// OnResolve, if set, is called by the resolving goroutine after every
	// Resolve with the current addresses, changed or not: the hook for a
	// refresh counter and an address-count gauge.
	OnResolve func(current *Addrs)
}

// Resolver turns targets into addresses and refreshes them. Resolve and Run
// are called by one goroutine at a time; Current by any.
type Resolver struct {
	targets []Target
	opts    Options

	last    [][]string // last good addresses of each target, owned by the resolving goroutine
	current atomic.Pointer[Addrs]
}

// New returns a Resolver over targets. Current is empty, generation 0,
// until the first Resolve.
func New(targets []Target, opts Options) *Resolver {
	if opts.Lookup == nil {
		opts.Lookup = net.DefaultResolver.LookupHost
	}
	r := &Resolver{targets: targets, opts: opts, last: make([][]string, len(targets))}
	r.current.Store(&Addrs{})
	return r
}

// Current returns the latest resolution.
func (r *Resolver) Current() *Addrs { return r.current.Load() }

// Resolve looks every target up once, publishes the result and returns it.
// A target whose lookup fails or finds nothing keeps the addresses it had,
// so a DNS outage does not empty the set; a lookup that succeeds replaces
// them, so a server that left DNS leaves the set. Targets that are not
// host:port are skipped (Targets.Validate rejects them).
func (r *Resolver) Resolve(ctx context.Context) *Addrs {
	for i, t := range r.targets {
		host, port, err := net.SplitHostPort(t.Addr)
		if err != nil {
			continue
		}
		if net.ParseIP(host) != nil {
			r.last[i] = []string{t.Addr}
			continue
		}
		lctx, cancel := context.WithTimeout(ctx, lookupTimeout)
		ips, err := r.opts.Lookup(lctx, host)
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
	cur := r.publish()
	if r.opts.OnResolve != nil {
		r.opts.OnResolve(cur)
	}
	return cur
}

// publish merges the per-target results and stores them under a new
// generation if they differ from the current ones. An address reached
// through a target in the preferred zone is preferred even if another
// target also names it.
func (r *Resolver) publish() *Addrs {
	var all, preferred []string
	zoned := map[string]bool{}
	otherZones := false
	for i, t := range r.targets {
		all = append(all, r.last[i]...)
		if t.AZ != "" {
			for _, a := range r.last[i] {
				zoned[a] = true
			}
			otherZones = otherZones || t.AZ != r.opts.Zone
		}
		if r.opts.Zone != "" && t.AZ == r.opts.Zone {
			preferred = append(preferred, r.last[i]...)
		}
	}
	if r.opts.Zone != "" && otherZones {
		for i, t := range r.targets {
			if t.AZ != "" {
				continue
			}
			for _, a := range r.last[i] {
				if !zoned[a] {
					preferred = append(preferred, a)
				}
			}
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	slices.Sort(preferred)
	preferred = slices.Compact(preferred)
	old := r.current.Load()
	if slices.Equal(old.All, all) && slices.Equal(old.Preferred, preferred) {
		return old
	}
	cur := &Addrs{Preferred: preferred, All: all, Gen: old.Gen + 1}
	r.current.Store(cur)
	return cur
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
