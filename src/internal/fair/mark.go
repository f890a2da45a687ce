package fair

import "sync"

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
type Tracker struct {
	b *Buffer

	mu       sync.Mutex
	progress []uint64      // the reader's last published Progress; guarded by mu
	wake     chan struct{} // closed by Published when non-nil; guarded by mu
}

// NewTracker returns a Tracker of b, before b's reader has published.
func NewTracker(b *Buffer) *Tracker {
	return &Tracker{b: b, progress: make([]uint64, len(b.lanes))}
}

// Mark is b.Mark: any goroutine may call it.
func (t *Tracker) Mark(dst []uint64) []uint64 { return t.b.Mark(dst) }

// HandedOn reports whether the reader has published progress covering
// mark; when not, it returns a channel closed at the next publication.
func (t *Tracker) HandedOn(mark []uint64) (bool, <-chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if Covers(t.progress, mark) {
		return true, nil
	}
	if t.wake == nil {
		t.wake = make(chan struct{})
	}
	return false, t.wake
}

// Published records the reader's progress: everything it has taken so far
// has been handed on. Only the reader may call it.
func (t *Tracker) Published() {
	t.mu.Lock()
	t.progress = t.b.Progress(t.progress[:0])
	if t.wake != nil {
		close(t.wake)
		t.wake = nil
	}
	t.mu.Unlock()
}
