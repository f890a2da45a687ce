package resolve

import (
	"context"
	"math/rand/v2"
	"time"
)

// MinBackoff is the first step of the backoff the router clients use.
const MinBackoff = 50 * time.Millisecond

// Backoff is exponential backoff with equal jitter (see the package doc):
// the n-th wait after a Reset is drawn from [d/2, d] where d is Min doubled
// n-1 times and capped at Max. A Backoff is used by one goroutine.
type Backoff struct {
	// Min is the first step and must be positive; Max caps the steps
	// (Max below Min means Min).
	Min, Max time.Duration
	// Rand returns a uniform value in [0, n]; nil means math/rand/v2.
	// Tests set it to make the waits deterministic.
	Rand func(n int64) int64

	step time.Duration // the next step; 0 means Min
}

// NewBackoff returns a Backoff from min up to max.
func NewBackoff(min, max time.Duration) *Backoff {
	return &Backoff{Min: min, Max: max}
}

// Next returns the wait before the next attempt and grows the step.
func (b *Backoff) Next() time.Duration {
	top := max(b.Max, b.Min)
	d := min(max(b.step, b.Min), top)
	b.step = top
	if d <= top/2 {
		b.step = 2 * d
	}
	half := int64(d / 2)
	if b.Rand != nil {
		return time.Duration(half + b.Rand(int64(d)-half))
	}
	return time.Duration(half + rand.Int64N(int64(d)-half+1))
}

// Reset starts the growth again from Min, after an attempt that succeeded.
func (b *Backoff) Reset() { b.step = 0 }

// Wait sleeps for Next, or until ctx is done, and reports whether ctx is
// still live.
func (b *Backoff) Wait(ctx context.Context) bool {
	t := time.NewTimer(b.Next())
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
