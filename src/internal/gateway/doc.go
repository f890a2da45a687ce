// Package gateway is the HTTP face of the reverse log proxy: people and
// tools that cannot speak gRPC read logs and metrics with a plain
// `GET /v2/read` and get server-sent events back.
//
// Each request is checked, then turned into one v2 EgressBatchRequest and
// one BatchedReceiver stream to the reverse log proxy (mutual TLS, server
// name "reverselogproxy"), received as encoded envelopes (wire.Codec). The
// envelopes become `data:` events holding an EnvelopeBatch as protobuf JSON,
// written from the wire bytes by wire.JSONEncoder; an event carries every
// batch already received, up to about 64 KiB, and waits up to 10 ms for
// more while it holds fewer than 100 envelopes. An idle stream gets an
// `event: heartbeat` every heartbeat interval so proxies keep it open, and
// after the maximum stream duration the gateway sends `event: closing` and
// ends the response, so load balancers and expiring tokens never cut a
// stream in the middle of an event. The upstream stream lives exactly as long
// as the HTTP request: when the client goes away, it is cancelled.
//
// Authorization follows Cloud Foundry's gateway: the bearer token is checked
// with UAA's /check_token; `doppler.firehose` or `logs.admin` may read
// anything, any other token only the source ids Cloud Controller grants it
// (/internal/v4/log_access/<id>, then /v3/service_instances/<id>). Denials
// are 404s. Decisions are cached for a short time so bursts of requests do
// not hammer UAA and Cloud Controller; failures of either are errors (503),
// never cached and never a hang.
//
// Each reader's buffers are its upstream stream's HTTP/2 window, what the
// proxy may send ahead of it, and the batches it received and has not yet
// written, bounded by as much again: together half of memory_limit_mib
// shared by max_streams readers (a window of 64 KiB to 1 MiB each), plus
// the event it writes.
//
// Its own metrics are served at /metrics and, when agent.addr is set, sent
// to the local agent as envelopes with source id "reverse_log_proxy_gateway".
//
// Ports: HTTPS on 8088 (http.addr), /metrics on 8089 (metrics.addr).
package gateway
