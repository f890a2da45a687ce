// Package batch groups entries read from a drop-oldest buffer into batches
// for the writers downstream, by size and by time.
//
// A Batcher hands a batch on as soon as a writer is free to take it, so at
// low rates an envelope waits for nothing; when every writer is busy it keeps
// filling the batch until it is full or the oldest entry in it has waited the
// flush interval, whichever comes first. While the writers are stalled the
// buffer it reads from fills and drops its oldest entries; every
// StallTimeout the Batcher swaps the batch it holds for the newest entries,
// so the source reports its drops and the held batch, now the oldest data,
// is dropped and counted too.
//
// With SetLinger, a batch that is not full first waits the linger time for
// more entries, even when a writer is free: fewer, larger writes for a
// bounded delay. The wait is one timer per batch, never a wake-up per entry.
//
// With SetLingerTarget as well, the linger adapts to the arrival rate.
// Batches are paced rather than held: the linger counts from when the
// previous batch was read, so after a quiet spell, and for a burst a
// producer wrote at once, a batch goes at once. And the Batcher keeps a
// smoothed rate (entries read between two batches over the time between
// them) and lingers only as long as the target number of entries takes to
// arrive at that rate, never longer than the linger. For example, with a
// linger of 10 ms and a target of 250: at 1,000 entries/s, one at a time,
// batches go every 10 ms with about 10 entries, one write where there were
// ten; at 100,000/s they go every 2.5 ms with about 250, so a high rate,
// whose batches are large anyway, is not held for the whole latency budget;
// a producer that writes 100 entries every 100 ms has each burst sent as it
// comes.
package batch
