// Package fanout carries envelopes to destinations that must not hold each
// other up: the agent's local destinations in its forwarder role, and each
// syslog drain of the syslog agent.
//
// A Lane is one destination's path: a drop-oldest ring that any goroutine
// writes into without ever waiting (a diode, or with WithRing a fair.Buffer,
// in which a flooding source overwrites only its own part), a
// batch.Batcher that groups what the ring holds, and one goroutine that
// hands each batch to the destination's Writer. A slow, failing or absent
// destination fills only its own ring, so it loses only its own envelopes,
// and each loss is counted by the lane's own counters:
//
//	Metrics.Dropped   overwritten in the ring, or held by the batcher while
//	                  the writer was stalled (direction egress, reason buffer_full)
//	Metrics.Failed    in a batch the Writer returned an error for
//	Metrics.Shutdown  still held when the shutdown timeout passed
//
// Every envelope written to a running lane ends in exactly one of Sent,
// Dropped, Failed and Shutdown (and, with a budget, the budget's drops).
//
// Memory: with WithBudget, a lane holds at most its budget in bytes, the
// batch being written and the batch the batcher fills included: an entry
// stays charged from when it enters the ring until its batch is written or
// dropped (diode.KeepCharged), and a batch ends at a quarter of the budget
// (batch.ByteCapped, at most MaxBatchBytes) and goes out at once when full.
// So a destination that never reads pins at most its budget, and the ring
// keeps at least half of it for the newest entries, evicting its oldest.
//
// Stopping: the lane's writers stop writing first (upstream before
// downstream). When Run's context then ends, the lane hands what its ring
// and batcher hold to the Writer, whose context ends ShutdownTimeout later;
// batches still unwritten then are counted as Shutdown, and Run returns.
package fanout
