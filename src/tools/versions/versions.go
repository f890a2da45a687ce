// Package versions builds another version of this repository beside the
// current checkout: a git worktree of a commit, and that commit's binaries
// built from its own vendored modules. The compatibility suite, the fleet
// suite and scripts/run-fleet run the previous version with it.
package versions

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// DefaultBase is the previous version until a final release exists: the
// last main that landed before the shared packages, the nested router
// config and the rlp's routers.targets changed the components' own config
// files. The suites take another commit from COMPAT_BASE.
const DefaultBase = "e30a961"

// Base is COMPAT_BASE when it is set, else DefaultBase.
func Base() string {
	if b := os.Getenv("COMPAT_BASE"); b != "" {
		return b
	}
	return DefaultBase
}

// Has reports whether the repository at root holds commit (a shallow clone
// may not).
func Has(ctx context.Context, root, commit string) bool {
	return exec.CommandContext(ctx, "git", "-C", root, "cat-file", "-e", commit+"^{commit}").Run() == nil
}

// Checkout adds a detached git worktree of commit at dir.
func Checkout(ctx context.Context, root, commit, dir string) error {
	return run(ctx, root, nil, "git", "worktree", "add", "--detach", dir, commit)
}

// Remove removes the worktree at dir.
func Remove(ctx context.Context, root, dir string) error {
	return run(ctx, root, nil, "git", "worktree", "remove", "--force", dir)
}

// StaticEnv is the environment of every build without the race detector:
// static executables (the fleet's images hold nothing else). Suites that
// build a binary without -race pass it to gexec.BuildWithEnvironment, so
// that binary shares its compilation with scripts/test's benchmark run and
// BuildPackages (a second cgo setting would split the build cache in two:
// nearly every package imports net). The race detector needs cgo.
var StaticEnv = []string{"CGO_ENABLED=0"}

// Build compiles every binary of the module in src (./cmd/...), from its
// own vendored modules, into bin.
func Build(ctx context.Context, src, bin string) error {
	return BuildPackages(ctx, src, bin, "./cmd/...")
}

// BuildPackages compiles the named packages of the module in src into bin,
// as static executables (CGO_ENABLED=0: the fleet's images hold nothing
// else) built with -trimpath. Every suite that runs our binaries as
// processes (e2e, compat, fleet) and scripts/test's benchmark run build
// with these same settings, so they share one compilation in the
// build cache: -trimpath keeps the worktree's path out of the cache keys
// (the vendored modules two versions share compile once), and one cgo
// setting keeps the net package, which nearly everything imports, from
// splitting the cache in two.
//
// Builds started by processes at once (scripts/test runs the compat and
// fleet suites side by side, and both build the previous version) take
// turns: the go command does not share work in progress between
// processes, so the second would compile everything the first is
// compiling; in turn it finds the first's results in the build cache.
func BuildPackages(ctx context.Context, src, bin string, pkgs ...string) error {
	unlock, err := lockBuilds()
	if err != nil {
		return err
	}
	defer unlock()
	return run(ctx, src, StaticEnv, "go", append([]string{"build", "-mod=vendor", "-trimpath", "-o", bin + "/"}, pkgs...)...)
}

// lockBuilds takes an exclusive lock on a file in the temporary directory
// that every BuildPackages of this user shares; it returns the unlock. The
// kernel releases the lock if the process dies holding it.
func lockBuilds() (func(), error) {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("loggregator-versions-build-%d.lock", os.Getuid()))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("build lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("build lock %s: %w", path, err)
	}
	return func() { _ = f.Close() }, nil // closing the file releases the lock
}

func run(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-buildvcs=false"), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s in %s: %w\n%s", name, strings.Join(args, " "), dir, err, out)
	}
	return nil
}
