// Package compat_test runs mixed versions of the components together: the
// jobs of a previous version of this repository (its own templates, its own
// binaries built from its own vendored module) beside the current ones,
// under steady traffic counted by the loss probe.
package compat_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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
	// The previous version: versions.DefaultBase until a final release
	// exists; COMPAT_BASE names another commit.
	base := versions.Base()
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
