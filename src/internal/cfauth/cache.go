package cfauth

import (
	"sync"
	"time"
)

// cache remembers values for a fixed time. It holds at most max entries:
// when full, expired entries are swept and, if none were, an arbitrary
// entry makes room, so memory stays bounded however many tokens arrive.
// A ttl of zero disables it. Safe for concurrent use; fields guarded by mu.
type cache[V any] struct {
	ttl time.Duration
	max int

	mu      sync.Mutex
	entries map[string]cacheEntry[V]
}

type cacheEntry[V any] struct {
	value   V
	expires time.Time
}

func newCache[V any](ttl time.Duration, max int) *cache[V] {
	return &cache[V]{ttl: ttl, max: max, entries: map[string]cacheEntry[V]{}}
}

// get returns the value stored under key if it has not expired.
func (c *cache[V]) get(key string, now time.Time) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || !now.Before(e.expires) {
		var zero V
		return zero, false
	}
	return e.value, true
}

// put stores value under key until now+ttl, or until notAfter when that is
// earlier and not zero (a token's own expiry).
func (c *cache[V]) put(key string, value V, now, notAfter time.Time) {
	if c.ttl <= 0 {
		return
	}
	expires := now.Add(c.ttl)
	if !notAfter.IsZero() && notAfter.Before(expires) {
		expires = notAfter
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; !ok && len(c.entries) >= c.max {
		c.makeRoom(now)
	}
	c.entries[key] = cacheEntry[V]{value: value, expires: expires}
}

// makeRoom must be called with mu held.
func (c *cache[V]) makeRoom(now time.Time) {
	for k, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, k)
		}
	}
	for k := range c.entries {
		if len(c.entries) < c.max {
			return
		}
		delete(c.entries, k)
	}
}
