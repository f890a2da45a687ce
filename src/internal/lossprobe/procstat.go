package lossprobe

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat. It
// is 100 on every Linux architecture Go supports.
const clockTicks = 100

// CPUSeconds returns the CPU time (user + system) pid has used so far, every
// thread's, those that exited included. It reads the kernel's CPU clock of
// the process (clock_gettime on its CPUCLOCK_SCHED clock), to the
// nanosecond; where that is refused, utime + stime from /proc/<pid>/stat,
// in USER_HZ ticks of 10 ms, too coarse for an idle component's share of a
// core over a few seconds (one tick over 10 s is 0.1 %).
func CPUSeconds(pid int) (float64, error) {
	var ts unix.Timespec
	if pid > 0 && unix.ClockGettime(processCPUClock(pid), &ts) == nil {
		return float64(ts.Sec) + float64(ts.Nsec)/1e9, nil
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseStat(data)
}

// processCPUClock is the clock id Linux gives the CPU time of process pid:
// the pid inverted and shifted, with CPUCLOCK_SCHED (2) in the low bits, as
// glibc's clock_getcpuclockid builds it.
func processCPUClock(pid int) int32 {
	return int32(^pid<<3 | 2)
}

// parseStat reads utime and stime, fields 14 and 15, from a /proc/<pid>/stat
// line. The command name (field 2) may hold spaces and parentheses, so
// fields are counted from the last ')'.
func parseStat(data []byte) (float64, error) {
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, fmt.Errorf("stat: no command name")
	}
	f := strings.Fields(string(data[i+1:]))
	// f[0] is field 3 (state), so field n is f[n-3].
	if len(f) < 13 {
		return 0, fmt.Errorf("stat: %d fields after the command name", len(f))
	}
	utime, err1 := strconv.ParseUint(f[11], 10, 64)
	stime, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("stat: utime %q, stime %q", f[11], f[12])
	}
	return float64(utime+stime) / clockTicks, nil
}

// peakRSSKB returns VmHWM, the peak resident set size of pid, in KiB.
func peakRSSKB(pid int) (uint64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	return parseStatusField(data, "VmHWM")
}

func parseStatusField(data []byte, name string) (uint64, error) {
	for line := range strings.SplitSeq(string(data), "\n") {
		rest, ok := strings.CutPrefix(line, name+":")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			break
		}
		return strconv.ParseUint(f[0], 10, 64)
	}
	return 0, fmt.Errorf("status: no %s", name)
}
