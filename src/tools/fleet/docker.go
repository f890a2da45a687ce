package fleet

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// LabelKey is the label key on every container, network and image the fleet
// creates; its value is the fleet's prefix.
const LabelKey = "loggregator.fleet"

// Available reports whether a Docker Engine answers the docker command line;
// the error says why not.
func Available(ctx context.Context) error {
	if _, err := exec.LookPath("docker"); err != nil {
		return fmt.Errorf("the docker command is not installed")
	}
	if _, err := docker(ctx, nil, "version", "--format", "{{.Server.Version}}"); err != nil {
		return fmt.Errorf("no Docker Engine answers: %w", err)
	}
	return nil
}

// docker runs the docker command line and returns its trimmed stdout; the
// error carries stderr.
func docker(ctx context.Context, stdin io.Reader, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "docker", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("docker %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(stdout.String()), nil
}

// Clean removes every container, network and image labelled with prefix,
// the leftovers of an earlier run that did not stop cleanly included.
func Clean(ctx context.Context, prefix string) error {
	filter := "label=" + LabelKey + "=" + prefix
	var errs []string
	if ids, err := docker(ctx, nil, "ps", "-aq", "--filter", filter); err == nil && ids != "" {
		if _, err := docker(ctx, nil, append([]string{"rm", "-f", "-v"}, strings.Fields(ids)...)...); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if ids, err := docker(ctx, nil, "network", "ls", "-q", "--filter", filter); err == nil && ids != "" {
		if _, err := docker(ctx, nil, append([]string{"network", "rm"}, strings.Fields(ids)...)...); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if ids, err := docker(ctx, nil, "images", "-q", "--filter", filter); err == nil && ids != "" {
		if _, err := docker(ctx, nil, append([]string{"rmi", "-f"}, uniq(strings.Fields(ids))...)...); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("clean fleet %s: %s", prefix, strings.Join(errs, "; "))
	}
	return nil
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
