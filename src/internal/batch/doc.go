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
// bounded delay.
package batch
