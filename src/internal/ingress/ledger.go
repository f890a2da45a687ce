package ingress

import "sync"

// ledger is one acknowledged stream's account of the batches its reader
// handed to the sink and not yet known to be handed on. The reader calls
// record; the stream's handler calls handedOn. progress (capacity 1) gets
// a token on each record.
type ledger struct {
	handOff  HandOff // nil: a batch is handed on once Accept returns
	progress chan struct{}

	mu       sync.Mutex
	accepted uint64     // batches the sink took; guarded by mu
	done     uint64     // batches known to be handed on; guarded by mu
	marks    []pending  // after done, oldest first; guarded by mu
	free     [][]uint64 // mark buffers for reuse; guarded by mu
}

// pending is the mark taken right after batch n was accepted.
type pending struct {
	n    uint64
	mark []uint64
}

// record notes one more batch taken by the sink.
func (l *ledger) record() {
	l.mu.Lock()
	l.accepted++
	if l.handOff == nil {
		l.done = l.accepted
	} else {
		var buf []uint64
		if k := len(l.free); k > 0 {
			buf, l.free = l.free[k-1][:0], l.free[:k-1]
		}
		l.marks = append(l.marks, pending{n: l.accepted, mark: l.handOff.Mark(buf)})
	}
	l.mu.Unlock()
	select {
	case l.progress <- struct{}{}:
	default:
	}
}

// handedOn returns how many batches are known to be handed on and, when
// some recorded batches are not yet, a channel closed once the sink has
// handed on more.
func (l *ledger) handedOn() (uint64, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.marks) > 0 {
		ok, more := l.handOff.HandedOn(l.marks[0].mark)
		if !ok {
			return l.done, more
		}
		l.done = l.marks[0].n
		l.free = append(l.free, l.marks[0].mark)
		l.marks[0] = pending{}
		l.marks = l.marks[1:]
	}
	return l.done, nil
}
