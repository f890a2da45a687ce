// Package router is the router (the doppler job): it receives envelopes from
// agents and hands each to the subscribers that selected it.
//
// Agents stream EnvelopeBatches to the v2 Ingress API (BatchSender, Sender,
// Send) over mutual TLS on Addr (8082; server name "doppler"). Batches
// arrive as encoded envelopes (wire.Codec) and go, still encoded, into one
// fair.Buffer (ingress.buffer_size in 16 lanes by source id, drop-oldest per
// lane, counted as dropped{direction="ingress",reason="buffer_full"} and by
// source in dropped_by_source), so a flooding app loses only its own
// envelopes. One routing goroutine
// reads it in batches, scans each envelope for its source id, type and names
// (malformed ones are counted as reason="invalid") and hands it to the
// matching subscriptions of a subscription.Registry. The v2 Egress API on the
// same port (egress.Server) gives each subscriber its own diode and sender,
// so a slow subscriber loses only its own envelopes.
//
// Agents of this release stream over acknowledged ingress (loggr.ack.v1,
// ingress.RegisterAcks) on the same port. A batch is acknowledged only once
// the routing goroutine has handed every envelope of it to the
// subscriptions or counted it as dropped (a fair.Tracker, published after
// each routed batch), so a router killed with SIGKILL loses nothing an
// agent was told had arrived: the agent sends the rest to another router.
// An acknowledged stream is also not read while the lanes its next batch
// would go to are above three quarters full (fair.Tracker.Room), for at
// most a second a batch (ingress_held_batches, ingress_held_seconds): when
// a router dies and its agents' streams all move onto this one at once,
// the burst waits in the agents' buffers, which are sized for it, instead
// of overwriting this router's lanes. A router that has just started
// (with startup_replay on) also holds acknowledged streams back until its
// first subscription arrives, for at most a second, so what agents held
// while it was down waits for a subscriber instead of being routed to
// nobody. Plain BatchSender streams (Cloud Foundry's agents) are never
// held back.
//
// The ingress diode and every subscriber's diode share one byte budget
// (diode.Budget), half of memory_limit_mib: a write that would take their
// total over it evicts the oldest envelopes of its own diode, counted as
// dropped{reason="budget"}; buffer_bytes shows what they hold.
//
// Stopping (context canceled) refuses new streams, ends agent streams with
// Unavailable so agents move to another router, routes what the ingress
// diode holds, lets every subscriber send what it buffered, and returns
// within shutdown_timeout.
package router
