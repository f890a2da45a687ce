// Command fakecmd is the smallest component command.Main can start: it needs
// one field and runs until its context ends, or fails at once when told to.
// It logs the runtime settings it finds in force, so the suite can see that
// Main applied the config's "max_procs" and "memory_limit_mib".
// The command suite builds it and runs it as a real process.
package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"

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
		"gomaxprocs", runtime.GOMAXPROCS(0), "memory_limit", debug.SetMemoryLimit(-1))
	<-ctx.Done()
	return nil
}

func main() { os.Exit(command.Main("fakecmd", &config{}, run)) }
