package config

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

// DefaultGCPercent is the collector's target while a memory limit is set:
// the heap may grow to five times what is live before a collection, which
// the limit keeps bounded. With Go's default (100) collection ran several
// times a second at 100,000 envelopes/s; at 400 it cost about 5 % less CPU
// per envelope for some tens of MiB more resident memory.
const DefaultGCPercent = 400

// Runtime is the Go runtime settings of a component. Component configs embed
// it, so "max_procs" and "memory_limit_mib" are top-level fields of every
// config file, and command.Main applies them before the component runs.
type Runtime struct {
	// MaxProcs caps the goroutines running at once (GOMAXPROCS). A component
	// that is idle between producers' writes wakes fewer threads per envelope
	// with one P: a wake-up hands work to the goroutine it readied on the same
	// thread, and the runtime's monitor (sysmon), which polls every 20 µs
	// while any P is busy, backs off sooner. 0 keeps Go's default, one per core.
	MaxProcs int `json:"max_procs"`
	// AdaptiveProcs runs the component on one P while it uses under a
	// tenth of a core and on max_procs (or every core) once it uses more
	// than 0.3 of one (package procs): the first cuts the thread wake-ups
	// of a nearly idle process, the second keeps a busy one from being
	// held to a core.
	AdaptiveProcs bool `json:"adaptive_procs"`
	// MemoryLimitMiB is the runtime's soft memory limit in MiB. With it set
	// the heap may grow toward it before the collector runs (GCPercent), and
	// near it the collector runs as often as it must, so memory stays
	// bounded. 0 keeps Go's defaults.
	MemoryLimitMiB int `json:"memory_limit_mib"`
	// TimerSlack lets the kernel end any of the process's timed sleeps up
	// to this late, so that one wake-up serves several (procs.SetTimerSlack):
	// the Go runtime's own polling then costs a fraction of the context
	// switches. Timers fire up to this late; events are not delayed. 0 keeps
	// the kernel's (50 µs).
	TimerSlack Duration `json:"timer_slack"`
	// GCPercent replaces DefaultGCPercent for a component whose defaults
	// say so; it is not read from the config file. 0 keeps the default.
	GCPercent int `json:"-"`
}

// DefaultTimerSlack is every component's timer_slack unless its config says
// otherwise: small beside the latency budget of a log line (tens of
// milliseconds), large beside the runtime's 20 µs polls.
const DefaultTimerSlack = Duration(5 * time.Millisecond)

// maxTimerSlack bounds timer_slack: beyond it timers late by the slack
// would be felt (flush intervals, heartbeats, timeouts).
const maxTimerSlack = 50 * time.Millisecond

// RuntimeSettings returns r. Through embedding it is how command.Main finds
// the runtime settings of any component's config.
func (r *Runtime) RuntimeSettings() *Runtime { return r }

// Validate names the first bad field.
func (r *Runtime) Validate() error {
	switch {
	case r.MaxProcs < 0:
		return errors.New("max_procs: must not be negative")
	case r.MemoryLimitMiB < 0:
		return errors.New("memory_limit_mib: must not be negative")
	case r.TimerSlack < 0 || r.TimerSlack.D() > maxTimerSlack:
		return fmt.Errorf("timer_slack: must be between 0s and %v", maxTimerSlack)
	}
	return nil
}

// Apply sets GOMAXPROCS and the soft memory limit (with GCPercent, or
// DefaultGCPercent) for every setting that is not 0.
func (r *Runtime) Apply() {
	if r.MaxProcs > 0 {
		runtime.GOMAXPROCS(r.MaxProcs)
	}
	if r.MemoryLimitMiB > 0 {
		debug.SetMemoryLimit(int64(r.MemoryLimitMiB) << 20)
		debug.SetGCPercent(r.GCPercentApplied())
	}
}

// GCPercentApplied is the collector's target Apply sets with a memory
// limit: GCPercent, or DefaultGCPercent when that is 0.
func (r *Runtime) GCPercentApplied() int {
	if r.GCPercent > 0 {
		return r.GCPercent
	}
	return DefaultGCPercent
}

// defaultBufferBudgetMiB is the buffer budget of a component run without a
// memory limit.
const defaultBufferBudgetMiB = 64

// BufferBudgetBytes is the byte budget shared by every envelope buffer of
// the process (diode.Budget): half of memory_limit_mib, leaving the other
// half to batches in flight, connections and the collector's headroom; 64
// MiB when memory_limit_mib is 0.
func (r *Runtime) BufferBudgetBytes() int64 {
	if r.MemoryLimitMiB > 0 {
		return int64(r.MemoryLimitMiB) << 20 / 2
	}
	return defaultBufferBudgetMiB << 20
}
