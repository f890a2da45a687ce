// Package trafficcontroller is the v1 firehose: the websocket API Cloud
// Foundry's loggregator_trafficcontroller serves to nozzles and to tools
// that stream an app's logs, in front of our tier of routers.
//
// Two endpoints, each a websocket whose binary frames are marshalled v1
// dropsonde envelopes (events.Envelope):
//
//   - GET /firehose/{subscription_id}: every envelope (or only logs or only
//     metrics with ?filter-type=logs|metrics). Readers that share a
//     subscription id are one shard group: each envelope goes to one of
//     them. Requires a UAA token with doppler.firehose or logs.admin.
//   - GET /apps/{app_guid}/stream: every envelope of that app, when Cloud
//     Controller says the token may read it.
//
// Flow: for every reader, a routerset.Set opens one v2 BatchedReceiver
// stream on every router with the reader's selectors and shard id (the
// routers select and shard), and merges what they send into the reader's
// own bounded diode inside the shared egress.Server, the same machinery
// and slow-consumer policy the reverse log proxy's gRPC consumers get. The
// reader's goroutine takes envelopes from the diode, turns each v2 envelope
// into its v1 form (internal/dropsonde) and writes one binary frame per v1
// envelope. A reader that falls behind loses only its own envelopes
// (dropped{direction="egress",reason="slow_consumer"}); one that stays
// behind, or cannot take a frame, for websocket.slow_consumer_timeout is
// cut off with a close frame (1008, "slow consumer: ...") and counted in
// slow_consumer_disconnects. Nothing a reader does slows the routers or
// any other reader. Every reader's buffer, its slots and the envelopes in
// it, is charged to one byte budget, half of memory_limit_mib
// (diode.Budget, buffer_budget_bytes): a buffer evicts its oldest
// envelopes rather than take the process past it,
// dropped{direction="egress",reason="budget"}.
//
// Authorization (internal/cfauth, with its decision cache) answers as
// Cloud Foundry's traffic controller does: a missing or invalid token is
// 401, and so is a valid token without an admin scope on the firehose; an
// app the token may not read (or that does not exist) is 404. A failing UAA
// or Cloud Controller is 503. With auth.disabled every request is allowed,
// and the traffic controller says so loudly at start.
//
// On stop it refuses new readers, ends its router streams, sends what each
// reader's buffer still holds within shutdown_timeout, and closes every
// websocket with 1001 (going away).
//
// Ports: websocket.addr (8081, TLS when a certificate is configured),
// /metrics on metrics.addr (127.0.0.1:14827).
package trafficcontroller
