package release_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// releaseCommands are the bosh CLI commands that work on a release
// directory; --dir is a flag of each of them, not a global flag of the CLI
// (`bosh add-blob --dir DIR PATH BLOBS-PATH`, never `bosh --dir DIR add-blob`).
var releaseCommands = regexp.MustCompile(`\bbosh\s+((?:--?[a-z-]+(?:[= ]\S+)?\s+)*)(add-blob|remove-blob|blobs|sync-blobs|upload-blobs|create-release|finalize-release|reset-release)\b`)

var _ = Describe("Release scripts", func() {
	It("give --dir to the bosh release commands themselves, never as a global flag", func() {
		var checked int
		for _, dir := range []string{"scripts", "ci", "docs"} {
			err := filepath.WalkDir(filepath.Join(releaseDir, dir), func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				for _, m := range releaseCommands.FindAllStringSubmatch(string(data), -1) {
					checked++
					Expect(strings.Fields(m[1])).NotTo(ContainElement(HavePrefix("--dir")),
						"%s: %q puts --dir before the command", path, m[0])
				}
				return nil
			})
			Expect(err).NotTo(HaveOccurred())
		}
		Expect(checked).To(BeNumerically(">", 3), "the scripts call the bosh release commands")
	})
})
