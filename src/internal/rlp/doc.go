// Package rlp is the reverse log proxy: the firehose for consumers (nozzles,
// the gateway) in front of the tier of routers.
//
// A consumer opens a v2 Egress stream (BatchedReceiver or Receiver) on
// egress.addr (mutual TLS, certificate for "reverselogproxy", port 8082 on
// its own VM). For that stream the proxy opens one BatchedReceiver stream on
// every router (mutual TLS, server name "doppler") with the consumer's
// selectors, shard id and deterministic_name, so the routers do the
// selecting and the sharding: consumers sharing a shard id split every
// router's stream, and together the whole firehose, without duplicates. The
// routers' batches arrive as raw envelope bytes (wire.Codec) and go, without
// decoding, into the consumer's own drop-oldest diode, which the shared
// egress.Server drains towards the consumer: a routerset.Set is its Source. A slow
// consumer loses only its own envelopes (counted as slow_consumer drops) and
// one that stays behind past egress.slow_consumer_timeout is disconnected
// with Aborted. Beyond egress.max_subscriptions a new stream is refused with
// ResourceExhausted and counted in rejected_subscriptions.
//
// Router membership comes from routers.targets, whose names are
// re-resolved every routers.refresh_interval: a router that joins is
// subscribed to for every open consumer, one that leaves has only its own
// streams ended, and a stream that breaks (a router restarting) is re-opened
// with backoff (see internal/routerset).
//
// Every consumer's diode (where its router streams merge) draws on one byte
// budget (diode.Budget), half of memory_limit_mib: a write that would take
// their total over it evicts the oldest envelopes of its own consumer,
// counted as dropped{direction="egress",reason="budget"}.
//
// On stop the proxy refuses new streams, ends its router streams, delivers
// what consumers' buffers hold within shutdown_timeout, and closes the streams.
package rlp
