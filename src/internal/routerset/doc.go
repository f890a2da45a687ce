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
// In a Set with a buffer budget (Options.Budget; the rlp's), a subscriber
// whose buffer can say whether a batch fits (SubscribeWithRoom, which
// egress.Server uses for its fair buffers) has a router stream whose next
// batch would take one of the buffer's lanes over three quarters left
// unread until the subscriber takes some: at most 100 ms a batch and 250 ms
// in every 10 s per subscriber, each held stream charged a flow-control
// window to the budget, counted in ingress_held_batches and
// ingress_held_seconds. One source may fill only
// a quarter of such a buffer, so without it a burst of one source (what
// agents held while a router restarted) was overwritten here while the
// consumer was still taking it; a consumer that stays slow uses up the
// allowance and loses, and is cut off, as before.
//
// Run owns the resolving goroutine; Close, called by Run when its context
// ends, ends every stream and waits for them.
package routerset
