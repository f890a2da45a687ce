// Command fakecmd is the smallest component command.Main can start: it needs
// one field and runs until its context ends, or fails at once when told to.
// The command suite builds it and runs it as a real process.
package main

import (
	"context"
	"errors"
	"log/slog"
	"os"

	"loggregator/internal/command"
)

type config struct {
	Name string `json:"name"`
	Fail bool   `json:"fail"`
}

func (c *config) Validate() error {
	if c.Name == "" {
		return errors.New("name: required")
	}
	return nil
}

func run(ctx context.Context, cfg *config, log *slog.Logger) error {
	if cfg.Fail {
		return errors.New("told to fail")
	}
	log.Info("running", "name", cfg.Name)
	<-ctx.Done()
	return nil
}

func main() { os.Exit(command.Main("fakecmd", &config{}, run)) }
