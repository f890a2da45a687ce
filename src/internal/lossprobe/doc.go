// Package lossprobe measures the system from the outside, as an app and a
// nozzle would: it emits numbered envelopes through an agent's v2 ingress and
// reads them back through the reverse log proxy's v2 egress (and, when asked,
// through the gateway's server-sent events and the traffic controller's v1
// websocket firehose), then reports how many came back,
// how late, in what order and at what cost.
//
// Every envelope carries three tags: run_id (random per run, so concurrent
// probes on one source id ignore each other), emitter (0..emitters-1) and seq
// (0, 1, 2, … per emitter); its timestamp is the moment it was handed to the
// agent. A Tracker per reading path keeps one bit per (emitter, seq), so an
// envelope seen twice is a duplicate, and one whose seq is below the highest
// seen from its emitter is out of order.
//
// A run is: connect the readers; send warm-up envelopes until each reader has
// seen one (the subscription through the rlp to every router is then live);
// emit at the configured rate, or flat out, from N emitters for a duration or
// a count; wait until every sent envelope has arrived or the drain timeout
// passes; report. When PIDs of local components are given, their CPU time
// over the run (utime+stime from /proc/<pid>/stat) and peak RSS (VmHWM from
// /proc/<pid>/status) go into the report too. Run returns ErrLossOverThreshold
// when the loss on a gating path (the rlp, and the gateway and the firehose
// when configured)
// exceeds max_loss_percent, so the log-loss-probe errand can gate a deployment.
//
// The probe shares the machine with what it measures, so it keeps its own
// cost down: emitters reuse their envelopes, and the rlp reader receives
// batches through wire.Codec as encoded envelopes and reads only the
// timestamp and tags (RecordRaw) instead of decoding whole envelopes; the
// firehose reader does the same with each v1 frame (RecordV1), where the
// v2 → v1 mapping keeps the probe's tags as v1 tags.
//
// With emitter_process the emitters run in a child process (this binary
// with EmitFlag), so flat-out emitters do not take the readers' turns on
// the probe's threads; the child's CPU is reported as "lossprobe_emitters".
//
// The probe serves no ports and emits no metrics of its own: its output is the
// report, a human summary followed by one JSON line on stdout.
package lossprobe
