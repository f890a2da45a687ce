package egress

import (
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
	if p.budget == nil {
		return p.size, 0
	}
	slot := diode.SlotBytes[[]byte]()
	for slots = p.size; slots > p.floor; slots /= 2 {
		n := int64(slots-p.floor) * slot
		if p.used.Add(n) <= p.share && p.budget.Charge(n) {
			return slots, n
		}
		p.used.Add(-n)
	}
	return p.floor, 0
}

// grantFair is grant for a fair ring (fair.DefaultLanes lanes), whose
// slot arrays hold fair.Slots of its size, about four times as many as a
// diode's: the slots for it and the bytes charged, or ok false when not
// even a floor-sized one fits, and the subscriber is to get a diode from
// grant instead.
func (p *slotShare) grantFair() (slots int, charged int64, ok bool) {
	if p.budget == nil {
		return p.size, 0, true
	}
	slot := diode.SlotBytes[[]byte]()
	for slots = p.size; slots >= p.floor; slots /= 2 {
		n := int64(fair.Slots(slots, fair.DefaultLanes)-p.floor) * slot
		if p.used.Add(n) <= p.share && p.budget.Charge(n) {
			return slots, n, true
		}
		p.used.Add(-n)
	}
	return 0, 0, false
}

// release gives back what grant charged.
func (p *slotShare) release(charged int64) {
	if charged != 0 {
		p.used.Add(-charged)
		p.budget.Release(charged)
	}
}
