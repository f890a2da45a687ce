package procs

import (
	"context"
	"runtime"
	"syscall"
	"time"
)

const (
	// ShrinkBelow is the CPU use, in cores, under which a process runs on
	// one P.
	ShrinkBelow = 0.25
	// GrowAbove is the CPU use, in cores, over which a process runs on its
	// ceiling. It is half a core so that one P is never the limit for long.
	GrowAbove = 0.5
	// Interval is how often a component samples its CPU use: a burst that
	// starts on one P has every core within about this long, and an idle
	// process pays two samples a second (about 0.01 % of a core here).
	Interval = 500 * time.Millisecond
)

// Next is the number of Ps for a process that ran on cur Ps, may run on up
// to ceiling, and used the given cores of CPU over the last interval.
func Next(cur, ceiling int, used float64) int {
	switch {
	case cur > 1 && used < ShrinkBelow:
		return 1
	case cur < ceiling && used > GrowAbove:
		return ceiling
	}
	return cur
}

// Changed is told of each change of GOMAXPROCS and the CPU use, in cores,
// that caused it.
type Changed func(from, to int, used float64)

// Adapt sets GOMAXPROCS by Next every interval until ctx ends, then puts
// back the ceiling (a stopping component drains its buffers with every
// core it may use). It starts on the ceiling, and returns at once when the
// ceiling is 1 or less or the process's CPU time cannot be read. Setting
// GOMAXPROCS ends the runtime's own updates of it, so the ceiling is fixed
// for the life of the process.
func Adapt(ctx context.Context, ceiling int, interval time.Duration, changed Changed) {
	lastCPU, err := cpuTime()
	if ceiling <= 1 || err != nil {
		return
	}
	runtime.GOMAXPROCS(ceiling)
	defer runtime.GOMAXPROCS(ceiling)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	cur, lastAt := ceiling, time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			spent, err := cpuTime()
			if err != nil {
				continue
			}
			used := (spent - lastCPU).Seconds() / now.Sub(lastAt).Seconds()
			lastCPU, lastAt = spent, now
			if next := Next(cur, ceiling, used); next != cur {
				runtime.GOMAXPROCS(next)
				if changed != nil {
					changed(cur, next, used)
				}
				cur = next
			}
		}
	}
}

// cpuTime is the user and system CPU time of the whole process so far.
func cpuTime() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}
