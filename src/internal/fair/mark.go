package fair

import "sync/atomic"

// Marks say when envelopes have left a Buffer, for a writer that must not
// confirm an envelope while a crash could still lose it with the buffer
// (acknowledged ingress: a router acknowledges a batch only once it has
// been routed or counted as dropped).
//
// A mark is, per lane, how many sequence numbers writers had claimed
// (diode.ManyToOne.Claimed); the reader's progress is, per lane, where it
// has got to (diode.ManyToOne.Position). Once progress reaches a mark in
// every lane, every envelope Set before the mark was taken has been taken
// by the reader or counted as dropped. A mark taken after some envelopes
// of other writers were claimed covers those too, so it may wait for a
// little more than its own; never for less.
//
//	two lanes; a writer Sets e1 in lane 0 and e2 in lane 1, then marks:
//	    Mark        [5 3]   (lane 0 has claimed 0..4, lane 1 0..2)
//	    Progress    [5 2]   the reader has not taken e2 yet: not covered
//	    Progress    [5 3]   it has: Covers reports true

// Mark appends to dst the mark of everything Set so far (see above) and
// returns it. Any goroutine may call it.
func (b *Buffer) Mark(dst []uint64) []uint64 {
	for i := range b.lanes {
		dst = append(dst, b.lanes[i].d.Claimed())
	}
	return dst
}

// Progress appends to dst the reader's position in each lane and returns
// it. Only the reader may call it, and what it returns covers only what
// the reader has done with the entries it took before the call.
func (b *Buffer) Progress(dst []uint64) []uint64 {
	for i := range b.lanes {
		dst = append(dst, b.lanes[i].d.Position())
	}
	return dst
}

// Covers reports whether progress (from Progress) has reached mark (from
// Mark of the same Buffer) in every lane.
func Covers(progress, mark []uint64) bool {
	if len(progress) != len(mark) {
		return false
	}
	for i, m := range mark {
		if progress[i] < m {
			return false
		}
	}
	return true
}

// Tracker tells writers when what they Set has left a Buffer: its reader
// calls Published once it has handed on everything it took, and writers
// compare their marks with what it published. It is the ingress.HandOff
// of a component whose sink is a Buffer.
//
// Published never waits: the reader is a router's one routing goroutine,
// and a lock it shared with the writers' waiters would stall routing
// whenever a waiter holding it was descheduled. So each lane's progress is
// its own atomic (a reader of several lanes may see some newer than
// others; each is still a lower bound, so Covers stays on the safe side),
// and waiters share one channel that Published swaps out and closes.
type Tracker struct {
	b        *Buffer
	progress []atomic.Uint64               // per lane, the reader's last published position
	wake     atomic.Pointer[chan struct{}] // closed and cleared by Published; nil when nobody waits
}

// NewTracker returns a Tracker of b, before b's reader has published.
func NewTracker(b *Buffer) *Tracker {
	return &Tracker{b: b, progress: make([]atomic.Uint64, len(b.lanes))}
}

// Mark is b.Mark: any goroutine may call it.
func (t *Tracker) Mark(dst []uint64) []uint64 { return t.b.Mark(dst) }

// HandedOn reports whether the reader has published progress covering
// mark; when not, it returns a channel closed at the next publication.
// Any goroutine may call it.
func (t *Tracker) HandedOn(mark []uint64) (bool, <-chan struct{}) {
	if t.covers(mark) {
		return true, nil
	}
	ch := t.waitCh()
	// Look again now that the channel is in place: a publication before
	// this look is seen here, one after it closes ch.
	if t.covers(mark) {
		return true, nil
	}
	return false, ch
}

func (t *Tracker) covers(mark []uint64) bool {
	if len(mark) != len(t.progress) {
		return false
	}
	for i, m := range mark {
		if t.progress[i].Load() < m {
			return false
		}
	}
	return true
}

// Published records the reader's progress: everything it has taken so far
// has been handed on. Only the reader may call it; it never waits.
func (t *Tracker) Published() {
	for i := range t.b.lanes {
		t.progress[i].Store(t.b.lanes[i].d.Position())
	}
	if ch := t.wake.Swap(nil); ch != nil {
		close(*ch)
	}
}

// HighWater is the part of a lane, in quarters, that Room lets writers
// fill: three quarters, so the quarter above it is left for writers that
// never wait (plain streams, a component's own envelopes) and for the
// reader's progress published after a batch rather than per entry.
const HighWater = 3

// Room reports whether envs fit below the high-water mark (HighWater
// quarters of a lane, at least one entry) of every lane they would go
// to, counting what each lane holds by the reader's last published
// progress; a lane holding nothing takes any number. When they do not fit
// it returns a channel closed at the next publication, to ask again then.
// Any goroutine may call it; a writer that must not overflow a lane asks
// and Sets under one lock shared with the other such writers, as nothing
// here reserves the room it reports.
//
// While the buffer is far from full Room reads two counters a lane and
// hashes nothing; only when some lane is near the mark does it hash envs'
// source ids to count what each lane would get.
func (t *Tracker) Room(envs [][]byte) (bool, <-chan struct{}) {
	var fixed [DefaultLanes]int // adds on the stack, for up to DefaultLanes lanes
	adds := fixed[:0]
	if len(t.b.lanes) > len(fixed) {
		adds = make([]int, 0, len(t.b.lanes))
	}
	if adds = t.fits(envs, adds); adds == nil {
		return true, nil
	}
	ch := t.waitCh()
	if t.fits(envs, adds) == nil { // as in HandedOn: a publication before this look is seen here
		return true, nil
	}
	return false, ch
}

// fits returns nil when envs fit below every lane's high-water mark, else
// adds holding what envs add to each lane: counted the first time (adds
// empty) and only when the fast path fails, reused after.
func (t *Tracker) fits(envs [][]byte, adds []int) []int {
	high := max(t.b.per*HighWater/4, 1)
	most := 0
	for i := range t.b.lanes {
		most = max(most, t.held(i))
	}
	if most+len(envs) <= high {
		return nil
	}
	if len(adds) == 0 {
		adds = adds[:len(t.b.lanes)]
		clear(adds)
		for _, env := range envs {
			adds[t.b.laneOf(SourceID(env))]++
		}
	}
	for i, n := range adds {
		if h := t.held(i); n > 0 && h > 0 && h+n > high {
			return adds
		}
	}
	return nil
}

// held is how many entries lane i holds by the reader's last published
// progress: an upper bound, as the reader may have taken more since.
func (t *Tracker) held(i int) int {
	claimed, taken := t.b.lanes[i].d.Claimed(), t.progress[i].Load()
	if claimed <= taken {
		return 0
	}
	return int(min(claimed-taken, uint64(t.b.per)))
}

// waitCh returns the channel the next publication closes, making it if
// nobody waits yet.
func (t *Tracker) waitCh() <-chan struct{} {
	for {
		if ch := t.wake.Load(); ch != nil {
			return *ch
		}
		fresh := make(chan struct{})
		if t.wake.CompareAndSwap(nil, &fresh) {
			return fresh
		}
	}
}
