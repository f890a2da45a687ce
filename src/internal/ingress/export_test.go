package ingress

import "time"

// SetStopHandOff sets how long a stopped acknowledged stream waits for its
// sink to hand on what it accepted, for a spec that must not race it, and
// returns what restores the second.
func SetStopHandOff(d time.Duration) func() {
	stopHandOff = d
	return func() { stopHandOff = time.Second }
}
