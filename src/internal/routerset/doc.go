// Package routerset subscribes to a tier of routers on behalf of consumers:
// for every subscriber it keeps one v2 Egress BatchedReceiver stream open on
// every router and merges what they send, so a Set is an egress.Source.
//
// Router membership comes from Config.Targets through a resolve.Resolver,
// re-resolved every Config.RefreshInterval: a router that joins is
// subscribed to for every open subscriber, one that leaves has only its own
// streams ended, and a stream that breaks (a router restarting) is re-opened
// with jittered exponential backoff (resolve.Backoff) for as long as both
// its router and its subscriber remain. The routers do the selecting and
// the sharding: each stream carries the subscriber's request unchanged, so
// subscribers sharing a shard id split every router's stream. Batches arrive
// as raw envelope bytes (wire.Codec) and go to the subscriber's deliver
// function without decoding, from one goroutine per router.
//
// Run owns the resolving goroutine; Close, called by Run when its context
// ends, ends every stream and waits for them.
package routerset
