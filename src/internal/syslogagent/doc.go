// Package syslogagent is the syslog agent (the loggr-syslog-agent job): it
// ships app logs, and metrics to the drains that ask for them, to the
// syslog drains their owners bound.
//
// Flow: the forwarder agent writes every envelope to the v2 Ingress server
// (mTLS, 127.0.0.1:3460 in cf-deployment); the sink looks up the drains
// bound to the envelope's source id in an atomic snapshot, adds the
// aggregate drains, and writes the encoded envelope, with the binding's
// hostname, to each drain whose URL asks for its kind. Every drain is a
// fanout.Lane: its own bounded diode, batcher and writer goroutine, which
// formats RFC 5424 and writes through syslog.Drain with retries and
// backoff. A slow, dead, flapping or black-holing drain fills only its own
// diode; its losses are counted under its anonymised URL, and the app owner
// reads in that same drain, once it delivers again and at most once per
// drains.drop_notice_interval, how many messages were lost and why (a log
// line of source_type LGR under the app's source id). The notice goes to
// the drain rather than to the local agent: the owner reads it where the
// gap is.
//
// Memory: besides drains.buffer_size envelopes, every drain's diode holds
// at most its share of the process's buffer budget (half of
// memory_limit_mib, diode.Budget), so a thousand black-holing drains hold
// at most the budget together and cannot take a healthy drain's room. An
// envelope over the share evicts the drain's own oldest, counted as
// syslog_drain_dropped{reason="budget"} and
// dropped{direction="egress",reason="budget"}; buffer_bytes is what the
// drains hold now, their batches in flight included: the share bounds the
// batch a drain's writer writes and the one its batcher fills, each at
// most a quarter of it (fanout.WithBudget), so a drain that never reads
// pins its share and no more. A drain also holds memory however little it
// is sent: its diode's slots (diode.SlotBytes each, allocated up front;
// a diode holds fewer than drains.buffer_size envelopes when the slots of
// all the drains would take more than a quarter of the budget), its
// writer's formatting buffer (a batch is formatted and written in pieces
// of 32 KiB) and its connection's TLS buffers. The shares are what the
// budget leaves after that fixed memory of the drains running (the slots
// and drainFixedBytes each), over the drains running, at least 16 KiB.
//
// Bindings: a poller fetches /v2/bindings and /v2/aggregate from the binding
// cache every binding_cache.polling_interval and rebuilds the snapshot,
// starting lanes for new drains and stopping those no longer bound; a failed
// fetch keeps the last good set. Invalid URLs, blacklisted hosts and drains
// over binding_cache.max_drains_per_app are counted and summarised in the
// log, never fatal.
//
// Stopping: the ingress stops first, then every lane writes what it holds
// within shutdown_timeout. /metrics listens on 127.0.0.1:14822 by default.
package syslogagent
