// Package release_test checks the BOSH release itself, the way the bosh CLI will read it:
// specs parse, names and references line up, globs find their files, monit runs every process
// under bpm, links resolve, and every packaging script really compiles.
package release_test

import (
	"os"
	"path/filepath"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestRelease(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Release Suite")
}

// releaseDir is the root of the BOSH release under test: the repository root, or
// $RELEASE_DIR to check another checkout (for example a copy with src/vendor in it).
var releaseDir string

var _ = BeforeSuite(func() {
	dir := os.Getenv("RELEASE_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..")
	}
	abs, err := filepath.Abs(dir)
	Expect(err).NotTo(HaveOccurred())
	Expect(filepath.Join(abs, "config", "final.yml")).To(BeAnExistingFile(), "%s is not a BOSH release directory", abs)
	releaseDir = abs
})
