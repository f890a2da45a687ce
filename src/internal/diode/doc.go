// Package diode provides drop-oldest ring buffers that never push back on a
// producer.
//
// A diode sits between a producer that must not wait (a gRPC ingress
// handler, a router fanning out to subscribers) and the one goroutine that
// drains it. Writers always succeed: when the ring is full the oldest entry
// is overwritten, and the reader learns how many it lost through the onDrop
// callback before it receives the rest in order, so the loss is counted where
// it happened. ManyToOne takes any number of writers; OneToOne takes one and
// skips an atomic increment. Both are generic over the stored type, keep
// values inline in their slots and allocate nothing per Set.
//
// Every write gets a sequence number (ManyToOne hands them out with one
// atomic increment) and goes to slot seq % size. Each slot carries a state
// word, (seq+1)<<2 | empty | lock: the sequence number of the entry it
// holds, a bit set once the entry has left the slot (taken, or evicted for
// a budget), and a bit set while a goroutine copies the value in or out. Writers and the
// reader take the bit with CompareAndSwap and release it with a Store, so a
// value is never read half-written and the race detector sees every copy
// ordered. The reader keeps the sequence number it expects next, read, and
// compares it with what the slot holds:
//
//	size 4, read 0, writers have stored entries 0..5:
//
//	    slot     0    1    2    3
//	    holds   e4   e5   e2   e3      e0 and e1 were overwritten
//
//	TryNext, read 0: slot 0 holds e4, a lap ahead. Every entry up to
//	                 4-size = e0 is gone, so read jumps to 4+1-size = 1.
//	         read 1: slot 1 holds e5, also ahead: read jumps to 2.
//	         read 2: slot 2 holds e2, the entry expected: lock the slot, copy
//	                 e2, unlock, read = 3, call onDrop(2), return e2.
//	Later calls return e3, e4, e5 in order.
//	TryNext, read 6: slot 2 still holds e2, behind read: nothing new, false.
//
// When a writer has claimed a sequence number but not yet stored its value,
// the slot still holds the older entry, so the reader waits for it rather
// than skip it; the writer wakes the reader when it finishes. A writer only
// ever waits while another goroutine copies the same slot, which needs the
// ring to have wrapped onto it, and then for the time of one copy of the
// value. A writer that finds a later sequence number already in its slot (it
// was lapped while descheduled) discards its value, and the reader counts it
// among the overwritten.
//
// A Budget bounds bytes rather than entries, over every diode given it
// (WithBudget). A writer charges its entry's size before it stores it. If
// the total would pass the limit it evicts the oldest entries of its own
// ring: it takes the lock bit of the oldest slot that holds an entry not
// yet taken, moves the value out, gives its bytes back and stores the state
// with the empty bit, so the reader, finding its expected entry empty,
// counts it as lost to the budget and moves on. If nothing older is left to
// evict the writer stores an empty entry under its own sequence number
// instead of its value, which the reader counts the same way:
//
//	budget 100 bytes, one ring, entries of 30 bytes, nothing read yet:
//
//	    Set e0, e1, e2    held 90
//	    Set e3            90+30 > 100: evict e0 (slot 0 becomes e0|empty),
//	                      held 60, charge e3, held 90
//	    TryNext, read 0   slot 0 holds e0, empty: lost one to the budget,
//	                      read 1, return e1, held 60
//
// The reader publishes read (taken) and writers that found a run of
// entries gone raise evictFrom, so an eviction starts near the oldest live
// entry rather than a lap back. Without a budget none of this runs: a
// writer pays one nil check, the reader one more Store of the empty bit.
//
// Next parks the reader on a one-token channel only after setting a waiting
// flag and looking at the ring once more; writers check the flag after each
// store and send a token only when it is set. A busy reader therefore costs
// writers one atomic load, and an idle one costs no CPU.
package diode
