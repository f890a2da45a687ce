package cfauth

import "time"

// SetClock makes a read the time from now instead of time.Now.
func SetClock(a *Authorizer, now func() time.Time) { a.now = now }

// CacheKeys returns the keys of a's token and log access caches.
func CacheKeys(a *Authorizer) []string {
	var keys []string
	for _, c := range []interface{ keys() []string }{a.tokens, a.access} {
		keys = append(keys, c.keys()...)
	}
	return keys
}

func (c *cache[V]) keys() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.entries))
	for k := range c.entries {
		keys = append(keys, k)
	}
	return keys
}
