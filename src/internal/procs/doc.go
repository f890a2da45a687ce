// Package procs fits GOMAXPROCS to a process's load while it runs.
//
// A component that is mostly idle between bursts (a router passing an
// agent's batch every 15 ms, say) pays more for Go's scheduler than for its
// own work when it has a P per core: each goroutine it readies (a stream
// reader handing a batch to the routing goroutine, that one handing it to a
// subscriber's sender) wakes an idle thread to spin for it, and on these
// machines a thread wake-up costs 13–50 µs of CPU. With one P the readied
// goroutine runs on the thread already awake. At 1,000 envelopes/s that cut
// the router's and the reverse log proxy's CPU by about a quarter each
// (docs/benchmarks-log.md, "Adaptive GOMAXPROCS"). Under load the same
// process needs every core, and at a fifth of a core already takes bursts
// better with them.
//
// Adapt samples, every interval, the CPU time the process's threads ran and
// waited to run (see meter). Below ShrinkBelow of a core it runs on one P;
// above GrowAbove it runs on its ceiling (max_procs, or Go's default of one
// per usable core). Between the two it stays where it is, so a load near
// either line does not flap. A burst that arrives on one P runs on one core
// until the next sample: at most Interval apart while the process works.
// A process idle on one P takes no samples until Wake, which every read of a
// wire connection calls, says work arrived; it then samples Interval later
// (or IdleInterval after the last sample, for work that comes otherwise).
package procs
