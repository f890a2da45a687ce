// Command wakecost measures what one wake-up of an otherwise idle Go process
// costs on this machine: a goroutine sleeps for a fixed time in a loop
// (GOMAXPROCS 1, as the agent and the UDP forwarder run), and the process's
// CPU (getrusage, user + system) is divided by the wake-ups. Every
// component's CPU per envelope at low rates is mostly such wake-ups, so this
// is the floor those figures stand on.
//
//	go run ./tools/wakecost [--for 3s]
package main

import (
	"flag"
	"fmt"
	"runtime"
	"syscall"
	"time"
)

func main() {
	span := flag.Duration("for", 3*time.Second, "how long to measure each sleep")
	flag.Parse()
	runtime.GOMAXPROCS(1)
	for _, d := range []time.Duration{100 * time.Microsecond, time.Millisecond, 5 * time.Millisecond} {
		cpu0, start := processCPU(), time.Now()
		wakes := 0
		for time.Since(start) < *span {
			time.Sleep(d)
			wakes++
		}
		cpu, el := processCPU()-cpu0, time.Since(start)
		fmt.Printf("sleep %v: %.0f wake-ups/s, %.1f µs of CPU per wake-up, %.2f %% of a core\n",
			d, float64(wakes)/el.Seconds(), float64(cpu.Nanoseconds())/1e3/float64(wakes), 100*cpu.Seconds()/el.Seconds())
	}
}

// processCPU is the user and system CPU time of this process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
