package fleet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
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

// ErrStaleNetwork is what Clean returns when the only thing it could not
// remove is a network that the engine says has active endpoints while no
// container is attached to it: an endpoint left behind in the engine's own
// store (seen with Docker Engine 20.10 after a fleet run), which only a
// restart of the engine clears. Such a network holds a name and a subnet and
// nothing else: New picks another name and subnet beside it.
var ErrStaleNetwork = errors.New("the engine keeps a network with no container attached (a stale endpoint; restarting the Docker Engine removes it)")

// Clean removes every container, network and image labelled with prefix,
// the leftovers of an earlier run that did not stop cleanly included. When
// all it could not remove are stale networks, the error is ErrStaleNetwork.
func Clean(ctx context.Context, prefix string) error {
	filter := "label=" + LabelKey + "=" + prefix
	var errs, stale []string
	if ids, err := docker(ctx, nil, "ps", "-aq", "--filter", filter); err == nil && ids != "" {
		if _, err := docker(ctx, nil, append([]string{"rm", "-f", "-v"}, strings.Fields(ids)...)...); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if ids, err := docker(ctx, nil, "network", "ls", "-q", "--filter", filter); err == nil && ids != "" {
		for _, id := range strings.Fields(ids) {
			switch err := removeNetwork(ctx, id); {
			case errors.Is(err, ErrStaleNetwork):
				stale = append(stale, id)
			case err != nil:
				errs = append(errs, err.Error())
			}
		}
	}
	if ids, err := docker(ctx, nil, "images", "-q", "--filter", filter); err == nil && ids != "" {
		if _, err := docker(ctx, nil, append([]string{"rmi", "-f"}, uniq(strings.Fields(ids))...)...); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(stale) > 0 {
		err := fmt.Errorf("networks %s: %w", strings.Join(stale, " "), ErrStaleNetwork)
		if len(errs) == 0 {
			return fmt.Errorf("clean fleet %s: %w", prefix, err)
		}
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return fmt.Errorf("clean fleet %s: %s", prefix, strings.Join(errs, "; "))
	}
	return nil
}

// removeNetwork removes network id. The engine releases a removed
// container's endpoints on its own time, so a network whose containers were
// just removed can report active endpoints for a moment: any container
// still attached is disconnected by force and the removal tried again, for
// about 5 s. A network that still refuses with no container attached is
// stale (ErrStaleNetwork).
func removeNetwork(ctx context.Context, id string) error {
	var err error
	attached := ""
	for range 20 {
		if _, err = docker(ctx, nil, "network", "rm", id); err == nil || !strings.Contains(err.Error(), "active endpoints") {
			return err
		}
		attached, _ = docker(ctx, nil, "network", "inspect", "--format", "{{range $id, $c := .Containers}}{{$id}} {{end}}", id)
		for _, c := range strings.Fields(attached) {
			_, _ = docker(ctx, nil, "network", "disconnect", "--force", id, c)
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(250 * time.Millisecond):
		}
	}
	if strings.TrimSpace(attached) == "" {
		return ErrStaleNetwork
	}
	return err
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
