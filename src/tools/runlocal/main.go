// Command runlocal runs the whole system on loopback for scripts/run-local.
//
// It generates a throw-away CA and certificates, renders every job listed in
// manifests/local.yml through the project's BOSH template renderer, starts
// each binary from its rendered config (downstream first), writes the
// endpoints a user needs to tmp/local/endpoints.json, and, unless --no-demo,
// runs a sample emitter and a consumer that prints what arrives. A local
// syslog drain (the syslog agent's aggregate drain in manifests/local.yml)
// receives the same logs; the demo prints them beside the consumer's.
// Ctrl-C stops everything, upstream first, so nothing accepted is lost.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"loggregator/tools/topology"
)

func main() {
	repo := flag.String("repo", ".", "repository root")
	bin := flag.String("bin", "tmp/local/bin", "directory holding the built binaries")
	noDemo := flag.Bool("no-demo", false, "run the system without the sample emitter and consumer")
	flag.Parse()

	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *repo, *bin, !*noDemo, log); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(os.Stderr, "run-local: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, repo, bin string, demo bool, log *slog.Logger) error {
	repo, err := filepath.Abs(repo)
	if err != nil {
		return err
	}
	if !filepath.IsAbs(bin) {
		bin = filepath.Join(repo, bin)
	}
	work := filepath.Join(repo, "tmp", "local")
	m, err := topology.LoadManifest(filepath.Join(repo, "manifests", "local.yml"))
	if err != nil {
		return err
	}
	sys, err := topology.New(repo, bin, work, m)
	if err != nil {
		return err
	}
	// The local syslog drain listens before the syslog agent starts, and
	// stops after it (defers run last first), so it receives all it sends.
	var drain *drainReceiver
	if addr := drainAddr(m); addr != "" {
		if err := os.MkdirAll(filepath.Join(work, "logs"), 0o755); err != nil {
			return err
		}
		drain, err = startDrainReceiver(addr, filepath.Join(work, "logs", "drain.log"), log)
		if err != nil {
			return err
		}
		defer drain.Close()
		fmt.Printf("started  %-28s on %s, log tmp/local/logs/drain.log\n", "local syslog drain", addr)
	}
	sys.Progress = os.Stdout
	defer sys.Stop()
	if err := sys.Start(ctx); err != nil {
		return err
	}
	ep := sys.Endpoints()
	if err := ep.WriteJSON(filepath.Join(work, "endpoints.json")); err != nil {
		return err
	}
	fmt.Println("\nThe system is running on loopback (also in tmp/local/endpoints.json):")
	ep.Print(os.Stdout)
	if demo {
		return runDemo(ctx, ep, drain)
	}
	fmt.Println("\nRunning without the demo; Ctrl-C stops everything.")
	<-ctx.Done()
	return nil
}
