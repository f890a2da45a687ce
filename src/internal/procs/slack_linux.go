package procs

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// slackEnv marks a process that SetTimerSlack has re-executed, with the
// slack it asked for, so that a kernel that does not keep the slack across
// exec cannot make it re-execute forever.
const slackEnv = "LOGGREGATOR_TIMER_SLACK_NS"

// SetTimerSlack gives every thread of the process a timer slack of d: the
// kernel may end any of their timed sleeps up to d late, so that it can
// serve several with one wake-up. Go's runtime sleeps in small steps (its
// monitor, sysmon, polls every 20 µs while a P is busy), and on a virtual
// machine each of those wake-ups is a context switch that costs more than
// the work it finds; with a slack of some milliseconds most of them merge.
// Events (a socket turning readable, a goroutine readied) still wake a
// thread at once: only timers fire later.
//
// A thread's slack is inherited by the threads it starts, and sysmon's
// thread starts before any package's code runs, so the only way to give it
// the slack is to set it on the current thread and re-execute the binary
// (the same pid, arguments, environment and open descriptors), which then
// starts every thread from that one. So SetTimerSlack must be called before
// the process opens anything it would lose: it does not return when it
// re-executes. It returns nil when the slack is already d (after the
// re-exec, or when a parent set it) or d is 0, and an error, having changed
// nothing but the calling thread's slack, when the kernel refuses.
func SetTimerSlack(d time.Duration) error {
	if d <= 0 {
		return nil
	}
	want := int(d.Nanoseconds())
	have, err := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0)
	if err != nil {
		return fmt.Errorf("read timer slack: %w", err)
	}
	if have == want {
		_ = os.Unsetenv(slackEnv)
		return nil
	}
	if os.Getenv(slackEnv) == strconv.Itoa(want) {
		return fmt.Errorf("timer slack %v not kept across exec: the threads have %v", d, time.Duration(have))
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := unix.Prctl(unix.PR_SET_TIMERSLACK, uintptr(want), 0, 0, 0); err != nil {
		return fmt.Errorf("set timer slack: %w", err)
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, slackEnv+"=") })
	env = append(env, slackEnv+"="+strconv.Itoa(want))
	err = unix.Exec("/proc/self/exe", os.Args, env)
	_ = unix.Prctl(unix.PR_SET_TIMERSLACK, uintptr(have), 0, 0, 0)
	return fmt.Errorf("re-execute with timer slack %v: %w", d, err)
}
