package lossprobe

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"loggregator/internal/config"
)

// Main is the lossprobe command. Beside --config and --check-config, which
// every binary has, --rate, --duration, --count and --emitters override the
// file for a run by hand. It writes the human summary and then one JSON line
// to stdout, logs to stderr, and returns the exit code: 0 when the loss is
// within the threshold, 1 when it is not or the run failed, 2 on bad usage
// or configuration.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && args[0] == EmitFlag {
		return emitterProcessMain(stdout, stderr)
	}
	fs := flag.NewFlagSet("lossprobe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("config", "", "path to the JSON configuration file")
	check := fs.Bool("check-config", false, "validate the configuration and exit")
	rate := fs.Int("rate", 0, "envelopes per second over all emitters, 0 for flat out (overrides rate)")
	duration := fs.Duration("duration", 0, "how long to send (overrides duration)")
	count := fs.Int("count", 0, "envelopes to send over all emitters (overrides count)")
	emitters := fs.Int("emitters", 0, "concurrent producers (overrides emitters)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lossprobe: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *path == "" {
		fmt.Fprintln(stderr, "lossprobe: --config is required")
		return 2
	}
	cfg := DefaultConfig()
	if err := config.Load(*path, cfg); err != nil {
		fmt.Fprintf(stderr, "lossprobe: %v\n", err)
		return 2
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "rate":
			cfg.Rate = *rate
		case "duration":
			cfg.Duration = config.Duration(*duration)
		case "count":
			cfg.Count = *count
		case "emitters":
			cfg.Emitters = *emitters
		}
	})
	if err := cfg.Validate(); err != nil {
		fmt.Fprintf(stderr, "lossprobe: flags: %v\n", err)
		return 2
	}
	if *check {
		fmt.Fprintf(stdout, "lossprobe: configuration %s is valid\n", *path)
		return 0
	}

	log := slog.New(slog.NewJSONHandler(stderr, nil)).With("component", "lossprobe")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	p := New(cfg, log)
	log.Info("starting", "run_id", p.RunID(), "ingress", cfg.Ingress.Addr, "egress", cfg.Egress.Addr,
		"gateway", cfg.Gateway.URL, "rate", cfg.Rate, "duration", time.Duration(cfg.Duration).String(),
		"count", cfg.Count, "emitters", cfg.Emitters)
	r, err := p.Run(ctx)
	if r != nil {
		r.WriteSummary(stdout)
		if werr := r.WriteJSON(stdout); werr != nil {
			log.Error("write report", "error", werr.Error())
		}
	}
	if err != nil {
		log.Error("failed", "error", err.Error())
		return 1
	}
	return 0
}

// emitterProcessMain is the lossprobe command as an emitter process (see
// Config.EmitterProcess): the job comes on stdin, the outcome goes to
// stdout, logs to stderr. SIGTERM or SIGINT stop the sending early; what
// was sent is still reported.
func emitterProcessMain(stdout, stderr io.Writer) int {
	log := slog.New(slog.NewJSONHandler(stderr, nil)).With("component", "lossprobe", "role", "emitters")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if err := runEmitterProcess(ctx, os.Stdin, stdout, log); err != nil {
		log.Error("emitter process failed", "error", err.Error())
		return 1
	}
	return 0
}
