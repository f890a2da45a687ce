package procs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
)

const (
	// ShrinkBelow is the CPU use, in cores, under which a process runs on
	// one P. It is low: at a fifth of a core (the traffic controller at
	// 100,000 envelopes/s) one P already lost envelopes to bursts that two
	// would have taken.
	ShrinkBelow = 0.1
	// GrowAbove is the CPU use, in cores, over which a process runs on its
	// ceiling, well before one P is its limit.
	GrowAbove = 0.3
	// Interval is how often a busy component samples its CPU use: a burst
	// that starts on one P has every core within about this long.
	Interval = 500 * time.Millisecond
	// IdleInterval is the longest wait between samples of a process idle
	// on one P. Such a process takes no samples (each wakes two threads,
	// 0.5 ms of CPU here: half an idle router's cost when it sampled every
	// second) until Wake says work arrived, and then samples interval after
	// it; this bounds the wait for work that comes without a Wake.
	IdleInterval = 10 * time.Second
	// idleBelow is the CPU use, in cores, under which a process on one P
	// counts as idle and waits for Wake.
	idleBelow = 0.02
)

// Next is the number of Ps for a process that ran on cur Ps, may run on up
// to ceiling, and used (ran or waited to run) the given cores of CPU over
// the last interval.
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

// Adapt sets GOMAXPROCS by Next until ctx ends, then puts back the ceiling
// (a stopping component drains its buffers with every core it may use). It
// samples every interval while the process works. Once idle on one P it
// stops sampling until Wake (or IdleInterval) and measures from then, so a
// burst after a quiet spell has every core about interval after it begins.
// It starts on the ceiling, and returns at once when the ceiling is 1 or
// less or the process's CPU time cannot be read. Setting GOMAXPROCS ends
// the runtime's own updates of it, so the ceiling is fixed for the life of
// the process. One Adapt runs per process.
func Adapt(ctx context.Context, ceiling int, interval time.Duration, changed Changed) {
	var m meter
	if ceiling <= 1 || !m.start(time.Now()) {
		return
	}
	runtime.GOMAXPROCS(ceiling)
	defer runtime.GOMAXPROCS(ceiling)
	cur := ceiling
	timer := time.NewTimer(interval)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-timer.C:
			if used, ok := m.sample(now); ok {
				if next := Next(cur, ceiling, used); next != cur {
					runtime.GOMAXPROCS(next)
					if changed != nil {
						changed(cur, next, used)
					}
					cur = next
				}
				if cur == 1 && used < idleBelow {
					if !park(ctx, max(IdleInterval, interval)) {
						return
					}
					m.start(time.Now())
				}
			}
			timer.Reset(interval)
		}
	}
}

var (
	parked atomic.Bool              // Adapt waits for a Wake
	parks  atomic.Uint64            // waits begun, for the specs
	woken  = make(chan struct{}, 1) // signalled by Wake while parked
)

// Wake tells Adapt that work arrived (wire calls it for each read of a
// connection). Unless Adapt is waiting for it, it costs one atomic load.
func Wake() {
	if parked.Load() {
		select {
		case woken <- struct{}{}:
		default:
		}
	}
}

// park waits for a Wake, for at most idle. It is false when ctx ended.
func park(ctx context.Context, idle time.Duration) bool {
	select {
	case <-woken: // a Wake from before the last park
	default:
	}
	parked.Store(true)
	defer parked.Store(false)
	parks.Add(1)
	t := time.NewTimer(idle)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-woken:
	case <-t.C:
	}
	return true
}

// meter measures the cores a process used between two samples: the CPU time
// its threads ran and, once it runs half of ShrinkBelow or more, the time
// they waited to run. The wait counts because on a machine short of CPU a
// process held to one P gets one thread's share of it (the kernel shares CPU
// between runnable threads), so what it runs alone would keep it on one P
// however much work waits. The wait is read from /proc/self/task/*/schedstat,
// which costs about 0.4 ms here, so an idle process does not read it.
type meter struct {
	at     time.Time
	ran    time.Duration // CPU time at the last sample
	waited time.Duration // run-queue wait at the last sample, if read then
	read   bool          // waited was read at the last sample
}

func (m *meter) start(now time.Time) bool {
	ran, err := cpuTime()
	m.at, m.ran = now, ran
	return err == nil
}

func (m *meter) sample(now time.Time) (float64, bool) {
	ran, err := cpuTime()
	secs := now.Sub(m.at).Seconds()
	if err != nil || secs <= 0 {
		return 0, false
	}
	used := max(ran-m.ran, 0).Seconds() / secs
	m.at, m.ran = now, ran
	if used < ShrinkBelow/2 {
		m.read = false
		return used, true
	}
	waited, err := runQueueWait()
	if err == nil && m.read {
		used += max(waited-m.waited, 0).Seconds() / secs
	}
	m.waited, m.read = waited, err == nil
	return used, true
}

// cpuTime is the user and system CPU time of the whole process so far.
func cpuTime() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

// runQueueWait is the time the process's threads have spent runnable but
// not running so far (the second field of each thread's schedstat). A
// thread that ended takes its share with it, so the sum may go down.
func runQueueWait() (time.Duration, error) {
	tasks, err := filepath.Glob("/proc/self/task/*/schedstat")
	if err != nil {
		return 0, err
	}
	if len(tasks) == 0 {
		return 0, errors.New("no schedstat under /proc/self/task")
	}
	var sum time.Duration
	for _, path := range tasks {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // the thread ended
		}
		var ran, waited int64
		if _, err := fmt.Sscan(string(bytes.TrimSpace(b)), &ran, &waited); err == nil {
			sum += time.Duration(waited)
		}
	}
	return sum, nil
}
