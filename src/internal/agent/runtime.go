package agent

import (
	"runtime"
	"runtime/debug"
)

// gcPercent is the garbage collector's target while a memory limit is set:
// the heap may grow to five times what is live before a collection, which
// the limit keeps bounded. With Go's default (100) collection ran several
// times a second at 100,000 envelopes/s; at 400 it costs ~5 % less CPU per
// envelope for some tens of MiB more resident memory.
const gcPercent = 400

// tuneRuntime applies the runtime settings of cfg. maxProcs > 0 caps the
// goroutines running at once (GOMAXPROCS): at a steady rate the agent is
// idle between producers' Sends, and with one P a wake-up hands work to
// the goroutine it readied on the same thread instead of waking a second
// one, and the runtime's monitor thread (sysmon) backs off sooner, since
// it polls every 20 µs while any P is busy. mib > 0 sets the soft memory
// limit in MiB and lets the heap grow toward it (gcPercent); near the
// limit the collector runs as often as it must, so memory stays bounded.
// 0 keeps Go's default for either.
func tuneRuntime(maxProcs, mib int) {
	if maxProcs > 0 {
		runtime.GOMAXPROCS(maxProcs)
	}
	if mib > 0 {
		debug.SetMemoryLimit(int64(mib) << 20)
		debug.SetGCPercent(gcPercent)
	}
}
