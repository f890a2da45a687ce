package egress

import (
	"sync"
	"sync/atomic"

	"loggregator/internal/diode"
	"loggregator/internal/fair"
)

// floorSlots is the fewest slots a subscriber's diode gets (or BufferSize,
// if smaller): enough for a few batches while its reader is scheduled.
const floorSlots = 64

// slotShare sizes subscribers' diodes within the process's buffer budget.
// A diode allocates its slots up front (diode.SlotBytes each, 32 bytes for
// an envelope) and traffic soon touches them all, so 1,000 subscribers of
// 10,000 slots are 312 MiB whether they hold anything or not; the budget
// must count them like the envelopes in them.
//
// Every subscriber gets at least the floor (floorSlots); the floors of
// MaxSubscriptions subscribers are charged to the budget once, at start.
// Slots beyond the floor are charged when a subscriber arrives: it gets
// BufferSize slots if their bytes fit in what is left of the share (half the
// budget, so that envelopes always have the other half) and in the budget
// itself, else half as many, and so on down to the floor. A subscriber that
// leaves gives its slots back. So while few subscribers are connected each
// gets the configured buffer, and when many are, those that come later get
// smaller ones, and the budget holds either way.
//
// A subscriber whose selectors can match several sources gets a fair ring
// (see newSubscriber), whose slots are charged the same way, about four
// times a diode's; when not even a floor-sized one fits it gets a diode.
//
// Without a budget every subscriber gets BufferSize slots.
type slotShare struct {
	budget *diode.Budget
	size   int   // the configured slots per subscriber
	floor  int   // the fewest slots per subscriber
	share  int64 // the most bytes of slots beyond the floors, together
	used   atomic.Int64
}

// newSlotShare charges the floors of cfg.MaxSubscriptions subscribers to
// cfg.Budget. When they do not fit in a quarter of it, or subscriptions are
// unbounded, floors are not charged: the budget then leaves them out.
func newSlotShare(cfg Config) *slotShare {
	p := &slotShare{budget: cfg.Budget, size: max(cfg.BufferSize, 1)}
	p.floor = min(p.size, floorSlots)
	if p.budget == nil {
		return p
	}
	slot := diode.SlotBytes[[]byte]()
	p.share = p.budget.Limit() / 2
	floors := int64(cfg.MaxSubscriptions) * int64(p.floor) * slot
	if cfg.MaxSubscriptions > 0 && floors <= p.budget.Limit()/4 && p.budget.Charge(floors) {
		p.share -= floors
	}
	return p
}

// grant returns the slots for a new subscriber's diode and the bytes
// charged for them, to be given back with release when it leaves.
func (p *slotShare) grant() (slots int, charged int64) {
	slots, charged, _ = p.grantRing(func(size int) int { return size })
	return slots, charged
}

// grantFair is grant for a fair ring (fair.DefaultLanes lanes), whose
// slot arrays hold fair.Slots of its size, about four times as many as a
// diode's; ok is false when not even a floor-sized one fits, and the
// subscriber is to get a diode from grant instead.
func (p *slotShare) grantFair() (slots int, charged int64, ok bool) {
	return p.grantRing(func(size int) int { return fair.Slots(size, fair.DefaultLanes) })
}

// grantRing returns the largest size, halving from BufferSize down to the
// floor, whose ring of ringSlots(size) slots fits (beyond the floor's,
// which are charged at start), and the bytes charged for it. A diode of
// the floor always fits.
func (p *slotShare) grantRing(ringSlots func(size int) int) (slots int, charged int64, ok bool) {
	if p.budget == nil {
		return p.size, 0, true
	}
	slot := diode.SlotBytes[[]byte]()
	for slots = p.size; ; slots = max(slots/2, p.floor) {
		n := int64(ringSlots(slots)-p.floor) * slot
		if n == 0 || p.used.Add(n) <= p.share && p.budget.Charge(n) {
			return slots, n, true
		}
		p.used.Add(-n)
		if slots == p.floor {
			return 0, 0, false
		}
	}
}

// release gives back what grant charged.
func (p *slotShare) release(charged int64) {
	if charged != 0 {
		p.used.Add(-charged)
		p.budget.Release(charged)
	}
}

// envelopeShares gives each subscriber its own share of the budget for the
// envelopes in its diode and in flight (diode.Budget.Share): half the
// budget (what slotShare leaves) over the subscribers connected, re-shared
// as they come and go, and at least minShare each. Without shares a
// subscriber whose consumer stalls keeps what it holds while the others
// can only drop their newest once the budget is full, until the slow
// consumer timeout cuts it off; with them each drops its own oldest once
// its share is full, and a stalled one holds no more than its share.
type envelopeShares struct {
	parent *diode.Budget
	min    int64 // the least share: two full messages
	mu     sync.Mutex
	set    map[*diode.Budget]struct{} // guarded by mu
}

func newEnvelopeShares(cfg Config) *envelopeShares {
	msg := int64(cfg.BatchBytes)
	if msg <= 0 {
		msg = DefaultBatchBytes
	}
	return &envelopeShares{parent: cfg.Budget, min: 2 * msg, set: map[*diode.Budget]struct{}{}}
}

// join returns a new subscriber's share and shrinks the others' to make
// room for it.
func (e *envelopeShares) join() *diode.Budget {
	e.mu.Lock()
	defer e.mu.Unlock()
	b := e.parent.Share(1)
	e.set[b] = struct{}{}
	e.reshare()
	return b
}

// leave gives a departed subscriber's share back to the others. A nil
// share (no budget) is ignored.
func (e *envelopeShares) leave(b *diode.Budget) {
	if b == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.set, b)
	e.reshare()
}

// reshare sets every share to its part of half the budget. Called with mu
// held.
func (e *envelopeShares) reshare() {
	if len(e.set) == 0 {
		return
	}
	limit := max(e.parent.Limit()/2/int64(len(e.set)), e.min)
	for b := range e.set {
		b.SetLimit(limit)
	}
}
