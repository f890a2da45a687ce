// Package routerpool keeps a pool of long-lived streams to a tier of
// routers and writes batches of envelopes over them.
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
// Acknowledgements (on unless Config.Acknowledgements is false). A stream
// is acknowledged (loggr.ack.v1, see ingress.AckService; a router
// acknowledges a batch once it has routed it) when the router answers that
// service within
// DialTimeout, else a plain loggregator.v2 BatchSender on the same
// connection; each new connection asks again, so a fleet of mixed routers
// works. On an acknowledged stream the worker keeps each batch until the
// router's cumulative acknowledgement covers it (Options.Release is called
// then), at most MaxUnackedBytes per stream and, with Options.Budget, only
// what the process's buffer budget has room for (a stream holding nothing
// may always send one batch); when the stream breaks, the
// unacknowledged batches go first to a fresh stream to another router:
// at least once, counted in router_resent_envelopes, and
// dropped{reason="unacknowledged"} only for what no second stream takes. A
// router that keeps its connection but acknowledges nothing while batches
// wait (stopped, wedged) is left the same way within Config.AckTimeout
// (router_ack_timeouts), not when TCP keepalive gives up on it. A
// plain stream says nothing until it is closed, so the worker remembers the
// sizes of the writes within the stream's last flow-control window
// (wire.StreamWindow) and, when it breaks, counts those envelopes as
// dropped{reason="unconfirmed"}: they may be unread, everything earlier was
// read.
//
// A pool's metrics carry a destination label, so several pools (one per
// destination) can share one metrics.Registry.
package routerpool
