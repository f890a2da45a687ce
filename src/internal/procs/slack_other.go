//go:build !linux

package procs

import (
	"errors"
	"time"
)

// SetTimerSlack is Linux's alone: elsewhere a non-zero d is an error the
// caller logs, and nothing changes.
func SetTimerSlack(d time.Duration) error {
	if d <= 0 {
		return nil
	}
	return errors.New("timer slack is set only on Linux")
}
