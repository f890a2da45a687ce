// Command fakecmd is the smallest component command.Main can start: it needs
// one field and runs until its context ends, or fails at once when told to.
// It logs the runtime settings it finds in force, so the suite can see that
// Main applied the config's "max_procs", "memory_limit_mib" and
// "timer_slack", and the collector target its defaults set (GCPercent 250).
// The command suite builds it and runs it as a real process.
package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"golang.org/x/sys/unix"

	"loggregator/internal/command"
	cfgpkg "loggregator/internal/config"
)

type config struct {
	cfgpkg.Runtime
	Name string `json:"name"`
	Fail bool   `json:"fail"`
}

func (c *config) Validate() error {
	if c.Name == "" {
		return errors.New("name: required")
	}
	return c.Runtime.Validate()
}

func run(ctx context.Context, cfg *config, log *slog.Logger) error {
	if cfg.Fail {
		return errors.New("told to fail")
	}
	log.Info("running", "name", cfg.Name,
		"gomaxprocs", runtime.GOMAXPROCS(0), "memory_limit", debug.SetMemoryLimit(-1), "gc_percent", gcPercent(),
		"threads_timer_slack_ns", threadSlacks())
	<-ctx.Done()
	return nil
}

// gcPercent is the collector target in force. Reading it means setting it,
// so it is set back at once.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// threadSlacks is the timer slack of four threads the process starts now,
// each asking its own (a thread can read only its own).
func threadSlacks() []int {
	slacks := make([]int, 4)
	var wg sync.WaitGroup
	for i := range slacks {
		wg.Go(func() {
			runtime.LockOSThread() // never unlocked: the thread exits with the goroutine
			slacks[i], _ = unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0)
		})
	}
	wg.Wait()
	return slacks
}

func main() {
	os.Exit(command.Main("fakecmd", &config{Runtime: cfgpkg.Runtime{GCPercent: 250}}, run))
}
