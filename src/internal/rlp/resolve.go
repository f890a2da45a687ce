package rlp

import (
	"context"
	"net"
	"slices"
	"time"
)

// LookupFunc resolves a host name to IP addresses, as net.Resolver.LookupHost does.
type LookupFunc func(ctx context.Context, host string) ([]string, error)

// lookupTimeout bounds one DNS lookup.
const lookupTimeout = 5 * time.Second

// resolver turns the configured router addresses into the current set of
// router addresses. It is used by one goroutine at a time.
type resolver struct {
	targets []string
	lookup  LookupFunc
	last    [][]string // last good addresses of each target
}

func newResolver(targets []string, lookup LookupFunc) *resolver {
	if lookup == nil {
		lookup = net.DefaultResolver.LookupHost
	}
	return &resolver{targets: targets, lookup: lookup, last: make([][]string, len(targets))}
}

// resolve looks every target up and returns every address, sorted and
// without duplicates. A target whose lookup fails keeps the addresses it had,
// so a DNS outage does not empty the set; a lookup that succeeds replaces
// them, so a router that left DNS leaves the set.
func (r *resolver) resolve(ctx context.Context) []string {
	for i, t := range r.targets {
		host, port, err := net.SplitHostPort(t)
		if err != nil {
			continue // Validate rejects these
		}
		if net.ParseIP(host) != nil {
			r.last[i] = []string{t}
			continue
		}
		lctx, cancel := context.WithTimeout(ctx, lookupTimeout)
		ips, err := r.lookup(lctx, host)
		cancel()
		if err != nil {
			continue
		}
		found := make([]string, 0, len(ips))
		for _, ip := range ips {
			found = append(found, net.JoinHostPort(ip, port))
		}
		r.last[i] = found
	}
	var all []string
	for _, a := range r.last {
		all = append(all, a...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}
