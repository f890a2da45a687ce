// Package agent is the per-VM agent: it accepts v2 envelopes from the
// programs on its VM and forwards them to the routers.
//
// Data flow: producers call the v2 Ingress service (Sender, BatchSender or
// Send, served by internal/ingress) over mutual TLS on 127.0.0.1:3458
// (server name "metron"). Envelopes stay encoded end to end (internal/wire):
// the agent's Sink checks each one with wire.Scan, fills an empty source_id
// from the origin tag, replaces a missing, negative or far-future timestamp
// (over an hour ahead) with the receive time and counts it by reason, copies
// the batch's good envelopes with the VM's identity tags appended as encoded
// map entries into one buffer, puts them in a fair.Buffer (drop-oldest in
// 16 lanes by source id, so a flooding app loses only its own envelopes)
// and returns; it never waits on anything downstream. One batcher reads the
// buffer into batches (by size, and by the flush interval when every stream
// is busy); a pool of long-lived BatchSender streams (internal/routerpool)
// writes each batch to a router (server name "doppler") without re-encoding
// it. The agent's own metrics are served at /metrics (port 14824 by default)
// and also go through its own pipeline as envelopes with source_id "agent".
//
// On stop (SIGTERM, BOSH drain) the agent closes ingress (open streams get
// a short grace; what arrives after it is counted as dropped for
// "shutdown"), drains the diode
// through the streams, waits for the routers to confirm, and gives up after
// shutdown_timeout, counting what was left as dropped for "shutdown".
//
// Forwarder role ("role": "forwarder", the loggr-forwarder-agent job): the
// same ingress, diode and batcher, but the batches go to the VM's local
// destinations instead of the routers. The agent's output is one small
// interface (output: Run(ctx, batches)) that routerpool.Pool fills in the
// router role and the forwarder in this one. The forwarder reads the
// ingress_port.yml files matching forwarder.downstream_ingress_port_glob
// (Cloud Foundry's format: "ingress: <port>", plus "protocol: otelcol" for
// an OpenTelemetry collector) at start and every rescan_interval, and runs
// a fanout.Lane per destination: its own diode, batcher and connection (a
// BatchSender stream to 127.0.0.1:<port>, server name "metron", or an
// internal/otlp exporter, server name "otel-collector"). Every envelope is
// put in every lane without waiting, so a slow, dead or restarting
// destination loses only its own envelopes, counted in
// destination_dropped{destination,reason}; a file that goes away closes its
// destination after it has delivered what it holds.
//
// The ingress diode and every lane's diode share one byte budget
// (diode.Budget), half of memory_limit_mib: a write that would take their
// total over it evicts the oldest envelopes of its own diode, counted as
// dropped{reason="budget"} (destination_dropped{reason="budget"} for a
// lane); buffer_bytes shows what they hold. A lane's batches in flight
// stay charged to it until written (fanout.WithBudget). The batches taken
// from the ingress diode (one in the batcher, one per router stream) are
// outside it; they end at 1 MiB (maxBatchBytes, batch.ByteCapped) whatever
// the envelopes' size.
package agent
