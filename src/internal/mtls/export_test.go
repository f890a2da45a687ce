package mtls

import "time"

// SetCheckInterval sets how often Reloaders made afterwards look at their
// files and returns a func that restores the interval.
func SetCheckInterval(d time.Duration) (restore func()) {
	old := checkInterval
	checkInterval = d
	return func() { checkInterval = old }
}
