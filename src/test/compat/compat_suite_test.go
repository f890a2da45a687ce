// Package compat_test runs mixed versions of the components together: the
// jobs of a previous version of this repository (its own templates, its own
// binaries built from its own vendored module) beside the current ones,
// under steady traffic counted by the loss probe.
package compat_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/tools/versions"
)

func TestCompat(t *testing.T) {
	RegisterFailHandler(Fail)
	SetDefaultEventuallyTimeout(20 * time.Second)
	RunSpecs(t, "Compatibility suite")
}

var (
	// repo is the repository root of the current version.
	repo string
	// releaseOld is a worktree of the previous version, with its binaries in
	// releaseOld/bin.
	releaseOld string
	// newBin holds the current binaries (and the loss probe).
	newBin string
)

var _ = SynchronizedBeforeSuite(func() []byte {
	root, err := filepath.Abs("../../..")
	Expect(err).NotTo(HaveOccurred())
	// The previous version: the commit of the last final release in
	// releases/loggregator/, versions.DefaultBase while there is none;
	// COMPAT_BASE names another commit.
	base := versions.Base()
	if os.Getenv("COMPAT_BASE") == "" {
		base = lastFinalRelease(root)
	}
	fmt.Fprintf(GinkgoWriter, "previous version: %s\n", base)
	if !versions.Has(context.Background(), root, base) {
		Skip(fmt.Sprintf("previous version %s is not in this clone (a shallow clone?): fetch it or set COMPAT_BASE", base))
	}
	work, err := os.MkdirTemp("", "compat-")
	Expect(err).NotTo(HaveOccurred())
	oldTree := filepath.Join(work, "old")
	Expect(versions.Checkout(context.Background(), root, base, oldTree)).To(Succeed())
	build(filepath.Join(oldTree, "src"), filepath.Join(oldTree, "bin"))
	build(filepath.Join(root, "src"), filepath.Join(work, "new-bin"))
	return []byte(strings.Join([]string{root, oldTree, filepath.Join(work, "new-bin")}, "\n"))
}, func(data []byte) {
	parts := strings.Split(string(data), "\n")
	repo, releaseOld, newBin = parts[0], parts[1], parts[2]
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	if releaseOld == "" {
		return
	}
	Expect(versions.Remove(context.Background(), repo, releaseOld)).To(Succeed())
	Expect(os.RemoveAll(filepath.Dir(releaseOld))).To(Succeed())
})

// build compiles every binary of the module in src, from its own vendored
// modules, into bin.
func build(src, bin string) {
	GinkgoHelper()
	Expect(versions.Build(context.Background(), src, bin)).To(Succeed())
}

// lastFinalRelease returns the commit that added the release manifest of the
// highest final version in releases/loggregator/ (written by
// scripts/finalize-release and committed with the release), or
// versions.DefaultBase while there is none.
func lastFinalRelease(root string) string {
	GinkgoHelper()
	files, err := filepath.Glob(filepath.Join(root, "releases", "loggregator", "loggregator-*.yml"))
	Expect(err).NotTo(HaveOccurred())
	var best []int
	var bestFile string
	for _, f := range files {
		v, ok := finalVersion(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "loggregator-"), ".yml"))
		if ok && (best == nil || slices.Compare(v, best) > 0) {
			best, bestFile = v, f
		}
	}
	if bestFile == "" {
		return versions.DefaultBase
	}
	rel, err := filepath.Rel(root, bestFile)
	Expect(err).NotTo(HaveOccurred())
	out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%H", "--diff-filter=A", "--", rel).Output()
	Expect(err).NotTo(HaveOccurred())
	commit := strings.TrimSpace(string(out))
	Expect(commit).NotTo(BeEmpty(), "no commit added %s", rel)
	return commit
}

// finalVersion parses MAJOR.MINOR.PATCH.
func finalVersion(s string) ([]int, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return nil, false
	}
	v := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, false
		}
		v[i] = n
	}
	return v, true
}
