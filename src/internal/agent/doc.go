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
// map entries into one buffer, puts them in a drop-oldest ManyToOne diode
// and returns; it never waits on anything downstream. One batcher reads the
// diode into batches (by size, and by the flush interval when every stream
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
package agent
