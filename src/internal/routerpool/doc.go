// Package routerpool keeps a pool of long-lived v2 Ingress BatchSender
// streams to a tier of routers and writes batches of envelopes over them.
//
// The pool is given router targets (host:port, optionally with an
// availability zone). A resolve.Resolver turns them into addresses through
// DNS and repeats that at an interval, so routers that come and go are
// picked up without a restart. Each of the pool's N workers owns one stream:
// it takes a batch from the shared channel, writes it, and takes the next.
// Workers pick addresses round-robin, routers in the preferred zone first,
// so the streams spread over the routers; a worker recycles its stream after
// a number of envelopes so load re-balances as routers come and go. A worker
// whose stream breaks re-dials with jittered exponential backoff
// (resolve.Backoff) and stops taking batches meanwhile, so the healthy
// streams carry the traffic. When every router is down no worker takes
// batches, the buffer upstream fills, and it drops its oldest entries:
// nothing ever waits on a router.
//
// A pool's metrics carry a destination label, so several pools (one per
// destination) can share one metrics.Registry.
package routerpool
