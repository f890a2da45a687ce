// Package resolve turns configured targets (host:port, each optionally with
// an availability zone) into the current set of addresses, and holds the
// backoff every client of a tier of servers waits by between attempts.
//
// A Resolver looks every target up, keeps the last good addresses of a
// target whose lookup fails (so a DNS outage never empties the set), and
// publishes the merged, sorted set through an atomic pointer with a
// generation that increases only when the set changes. IP targets need no
// lookup. One goroutine calls Resolve or Run; any goroutine may call
// Current. The router pool and the router set are built on it.
//
// A Backoff grows exponentially from its minimum to its cap, with equal
// jitter: each wait is drawn uniformly from [d/2, d] for the current step d.
// Half the step is a floor, so a client never retries at once however the
// dice fall, and the other half spreads clients that failed together (a
// router restarting under a fleet of agents) over the interval.
package resolve
