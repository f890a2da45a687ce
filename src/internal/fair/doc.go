// Package fair provides a drop-oldest buffer of encoded envelopes that drops
// per source: when it is full, the source that holds the most of it loses
// its own oldest envelopes, and quiet sources lose none.
//
// A Buffer is K lanes, each a diode.ManyToOne, and one reader. A writer
// hashes the envelope's source_id (read in place with wire.FieldIter) with
// the Buffer's salt to pick a lane (Lane) and sets the envelope there, so
// a write costs what a diode write costs plus the hash: no lock, no
// allocation, never a wait for the reader. Each lane overwrites its own
// oldest entries when full, so a flood fills and overwrites only the lane
// of the source flooding; every envelope of one source goes to one lane and
// comes out in the order it went in.
//
// Sizing. Every lane holds ceil(size/min(K, 4)) entries, so one source
// alone can still fill a quarter of the configured size: splitting the
// buffer evenly (size/K each) left a source 625 of a router's 10,000, less
// than one agent batch of 1,000 from one app, which a router then dropped
// whenever routing paused. The price is in the worst case: with K = 16 the
// lanes can hold 4 × size entries, and do only when four or more sources
// flood at once, each still losing only its own. Their slot arrays (32
// bytes a slot) are allocated up front: 6.4 MB for the agent's default
// 50,000, 1.3 MB for the router's 10,000; what the entries pin is for the
// process's byte budget to bound.
//
// Collisions. With K lanes, a given quiet source shares its lane with a
// given noisy one with probability 1/K, and then loses as the noisy one
// does. Each process salts the hash its own way (the agent with Salt of
// its identity, a router with its host name), so two sources that collide on one
// agent or router are apart on most others.
//
// The reader takes from the lanes in turn, up to 16 entries from each
// before moving on, so a quiet source's envelopes never wait behind a
// noisy source's backlog; when a pass finds one lane busy, the next takes
// as many as fit from it, so one busy source costs one look at each idle
// lane per batch, not per envelope. It parks as the diode's reader does:
// it sets a waiting flag, looks at every lane once more, and sleeps on a
// one-token channel that a writer fills only when it sees the flag after
// its write. An idle reader costs no CPU and a busy one costs writers one
// atomic load.
//
//	size 64, K 4: four lanes of 16. "quiet" hashes to lane 1, "noisy" to 3.
//
//	quiet writes q0..q9, noisy writes n0..n999, the reader is stalled:
//
//	    lane 0   empty
//	    lane 1   q0..q9                      10 of 16, nothing lost
//	    lane 2   empty
//	    lane 3   n984..n999                  16 of 16, n0..n983 overwritten
//
//	NextBatch(cap 64) from lane 0: lane 1 gives q0..q9, lane 3 gives
//	n984..n999 after reporting 984 lost: onDrop(984), then
//	onSource("noisy", 984).
//
// Drop accounting. A lane's diode tells the reader how many entries it
// skipped before the next entry it returns; the reader reports the count
// at once through onDrop (the components' dropped{reason="buffer_full"})
// and then charges it, through onSource, to the source of that next entry,
// the first to survive the gap. Under a flood that is the flooding source;
// when a quiet source shares the noisy one's lane, its losses are charged
// to the noisy one too. A DropTable turns the charges into the
// dropped_by_source{source_id} counters: the 10 sources with the most
// recent drops by name and every other under "_other", so the series stay
// bounded whatever the number of sources and always sum to the drops.
package fair
