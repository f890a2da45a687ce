// Package metrics is the thin layer every component uses over the Prometheus
// client: the common counters (ingress, egress, dropped{direction,reason}),
// constructors for a component's own metrics, the /metrics server, and a
// snapshot of the component's own metrics as v2 envelopes so firehose
// consumers see them too, which EmitToAgent sends to the local agent
// described by a component's "agent" section (AgentConfig). FromFamilies
// is that mapping from Prometheus families to envelopes on its own, so the
// prom scraper maps the pages it scrapes exactly as components map their
// own metrics.
//
// Counters on the hot path are plain Prometheus counters; callers add whole
// batches (Add(n)) rather than incrementing once per envelope.
package metrics
