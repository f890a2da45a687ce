// Package command is the common start of every binary: flags, config
// loading, the runtime settings (config.Runtime), the logger and signal
// handling. Each main is then one call:
//
//	func main() { os.Exit(command.Main("router", router.DefaultConfig(), router.Run)) }
package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"

	"loggregator/internal/config"
	"loggregator/internal/procs"
)

// runtimeConfig is a config that embeds config.Runtime; Main applies those
// settings before the component runs, so no component tunes the runtime itself.
type runtimeConfig interface {
	RuntimeSettings() *config.Runtime
}

// RunFunc runs a component until ctx ends and returns nil after a clean stop.
type RunFunc[C config.Validator] func(ctx context.Context, cfg C, log *slog.Logger) error

// Main parses the command line (--config, --check-config), loads cfg (which
// holds the defaults) from the file, and runs the component until SIGTERM or
// SIGINT. It returns the process exit code: 0 after a clean stop, 1 on a run
// error, 2 on bad usage or configuration.
func Main[C config.Validator](name string, cfg C, run RunFunc[C]) int {
	return main(name, os.Args[1:], os.Stdout, os.Stderr, cfg, run)
}

func main[C config.Validator](name string, args []string, stdout, stderr io.Writer, cfg C, run RunFunc[C]) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("config", "", "path to the JSON configuration file")
	check := fs.Bool("check-config", false, "validate the configuration and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *path == "" {
		fmt.Fprintf(stderr, "%s: --config is required\n", name)
		return 2
	}
	if err := config.Load(*path, cfg); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 2
	}
	if *check {
		fmt.Fprintf(stdout, "%s: configuration %s is valid\n", name, *path)
		return 0
	}

	var rt *config.Runtime // nil for a config without runtime settings
	if rc, ok := any(cfg).(runtimeConfig); ok {
		rt = rc.RuntimeSettings()
	}
	// Before anything is opened: on Linux it re-executes the binary.
	var slackErr error
	if rt != nil {
		slackErr = procs.SetTimerSlack(rt.TimerSlack.D())
	}

	log := slog.New(slog.NewJSONHandler(stderr, nil)).With("component", name)
	if slackErr != nil {
		log.Warn("timer slack not set: timers as the kernel's default", "error", slackErr.Error())
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	attrs := []any{"config", *path, "pid", os.Getpid()}
	var adapting sync.WaitGroup
	defer adapting.Wait()
	defer stop() // runs first: it also ends the adapting
	if rt != nil {
		rt.Apply()
		attrs = append(attrs, "max_procs", rt.MaxProcs, "memory_limit_mib", rt.MemoryLimitMiB, "adaptive_procs", rt.AdaptiveProcs,
			"timer_slack", rt.TimerSlack.D().String())
		if rt.MemoryLimitMiB > 0 {
			attrs = append(attrs, "gc_percent", rt.GCPercentApplied())
		}
		if rt.AdaptiveProcs {
			ceiling := runtime.GOMAXPROCS(0)
			adapting.Go(func() {
				procs.Adapt(ctx, ceiling, procs.Interval, func(from, to int, used float64) {
					log.Info("gomaxprocs adapted to load", "from", from, "to", to, "cpu_cores", used)
				})
			})
		}
	}
	log.Info("starting", attrs...)
	if err := run(ctx, cfg, log); err != nil {
		log.Error("stopped with error", "error", err.Error())
		return 1
	}
	log.Info("stopped")
	return 0
}
