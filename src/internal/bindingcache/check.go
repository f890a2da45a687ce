package bindingcache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sync"
	"time"
)

// Reasons a drain URL is refused, the reason label of refused_drains.
const (
	reasonUnparsable   = "unparsable"
	reasonScheme       = "scheme"
	reasonNoHost       = "no_host"
	reasonBlacklisted  = "blacklisted"
	reasonUnresolvable = "unresolvable"
)

// refusal is why a drain URL cannot be served.
type refusal struct {
	reason string
	err    error
}

func (r *refusal) Error() string { return r.err.Error() }

// schemes are the drain kinds syslog agents write to.
var schemes = map[string]bool{"syslog": true, "syslog-tls": true, "https": true, "https-batch": true}

// parseDrain parses a drain URL and checks its scheme and host; the error
// is a *refusal.
func parseDrain(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &refusal{reasonUnparsable, errors.New("not a URL")}
	}
	if !schemes[u.Scheme] {
		return nil, &refusal{reasonScheme, fmt.Errorf("scheme %q is not syslog, syslog-tls, https or https-batch", u.Scheme)}
	}
	if u.Hostname() == "" {
		return nil, &refusal{reasonNoHost, errors.New("no host")}
	}
	return u, nil
}

// lookupWorkers bounds the DNS lookups one poll makes at once, so a list of
// hosts that time out costs resolve_timeout per lookupWorkers hosts, not
// per host.
const lookupWorkers = 16

// checker refuses drain URLs by scheme and by the addresses their hosts
// resolve to. One checker serves one poll: prepare looks every host up once,
// in parallel, then check answers from what it found. Not safe for
// concurrent use.
type checker struct {
	ranges   []ipRange
	resolver *net.Resolver
	timeout  time.Duration
	hosts    map[string]*refusal // host → nil (allowed) or why not, filled by prepare
}

func newChecker(ranges []ipRange, timeout time.Duration) *checker {
	return &checker{ranges: ranges, resolver: net.DefaultResolver, timeout: timeout, hosts: map[string]*refusal{}}
}

// prepare checks the hosts of every parsable drain URL in raws against the
// ranges, lookupWorkers at a time, and returns when all are done or ctx
// ends. Hosts are resolved only when blacklisted ranges are configured; a
// host that cannot be resolved then is refused, since it cannot be shown to
// be outside them.
func (c *checker) prepare(ctx context.Context, raws []string) {
	if len(c.ranges) == 0 {
		return
	}
	var hosts []string
	for _, raw := range raws {
		u, err := parseDrain(raw)
		if err != nil {
			continue
		}
		if _, ok := c.hosts[u.Hostname()]; !ok {
			c.hosts[u.Hostname()] = nil
			hosts = append(hosts, u.Hostname())
		}
	}
	results := make([]*refusal, len(hosts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(lookupWorkers, len(hosts)) {
		wg.Go(func() {
			for i := range next {
				results[i] = c.checkHost(ctx, hosts[i])
			}
		})
	}
	for i := range hosts {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, h := range hosts {
		c.hosts[h] = results[i]
	}
}

// check returns nil for a drain URL that may be served, or why not; the
// hosts must have been prepared.
func (c *checker) check(raw string) *refusal {
	u, err := parseDrain(raw)
	if err != nil {
		var r *refusal
		errors.As(err, &r)
		return r
	}
	if len(c.ranges) == 0 {
		return nil
	}
	return c.hosts[u.Hostname()]
}

func (c *checker) checkHost(ctx context.Context, host string) *refusal {
	var ips []net.IP
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IP{ip}
	} else {
		lctx, cancel := context.WithTimeout(ctx, c.timeout)
		addrs, err := c.resolver.LookupIPAddr(lctx, host)
		cancel()
		if err != nil || len(addrs) == 0 {
			return &refusal{reasonUnresolvable, fmt.Errorf("host %s does not resolve", host)}
		}
		for _, a := range addrs {
			ips = append(ips, a.IP)
		}
	}
	for _, ip := range ips {
		for _, r := range c.ranges {
			if r.contains(ip) {
				return &refusal{reasonBlacklisted, fmt.Errorf("host %s resolves to %s, in a blacklisted range %s-%s", host, ip, r.start, r.end)}
			}
		}
	}
	return nil
}

func (r ipRange) contains(ip net.IP) bool {
	if (ip.To4() == nil) != (r.start.To4() == nil) {
		return false
	}
	return compareIP(r.start, ip) <= 0 && compareIP(ip, r.end) <= 0
}

// compareIP orders two addresses of one family.
func compareIP(a, b net.IP) int {
	if a4, b4 := a.To4(), b.To4(); a4 != nil && b4 != nil {
		return bytes.Compare(a4, b4)
	}
	return bytes.Compare(a.To16(), b.To16())
}

// anonymize keeps a drain URL's scheme, host and port: never its user
// information, path or query, which may carry credentials.
func anonymize(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(unparsable URL)"
	}
	return u.Scheme + "://" + u.Host
}
