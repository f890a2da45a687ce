package release_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("Release config", func() {
	It("names the release loggregator and configures a blobstore", func() {
		var final finalConfig
		Expect(decodeStrict(filepath.Join(releaseDir, "config", "final.yml"), &final)).To(Succeed())
		Expect(final.Name).To(Equal("loggregator"))
		Expect(final.FinalName).To(BeEmpty(), "name and final_name exclude each other")
		Expect(final.Blobstore.Provider).NotTo(BeEmpty())
	})

	It("keeps no blobstore credentials in config/final.yml", func() {
		var final finalConfig
		Expect(decodeStrict(filepath.Join(releaseDir, "config", "final.yml"), &final)).To(Succeed())
		for key := range final.Blobstore.Options {
			Expect(strings.ToLower(key)).NotTo(Or(ContainSubstring("secret"), ContainSubstring("password"), ContainSubstring("credentials"), ContainSubstring("access_key")),
				"credentials belong in the untracked config/private.yml")
		}
	})

	It("registers every blob with its size and digest, matching the file in blobs/ when it is there", func() {
		blobs, err := registeredBlobs(releaseDir)
		Expect(err).NotTo(HaveOccurred())
		var problems []string
		for _, name := range sortedKeys(blobs) {
			b := blobs[name]
			if b.Size <= 0 || b.SHA == "" {
				problems = append(problems, fmt.Sprintf("blob %s: needs size and sha", name))
				continue
			}
			file := filepath.Join(releaseDir, "blobs", filepath.FromSlash(name))
			info, err := os.Stat(file)
			if err != nil {
				continue // bosh create-release downloads it, or scripts/add-golang-blob makes it
			}
			if info.Size() != b.Size {
				problems = append(problems, fmt.Sprintf("blob %s: blobs.yml says %d bytes, blobs/ has %d", name, b.Size, info.Size()))
			}
			digest, err := fileDigest(file, b.SHA)
			if err != nil {
				problems = append(problems, fmt.Sprintf("blob %s: %v", name, err))
			} else if digest != b.SHA {
				problems = append(problems, fmt.Sprintf("blob %s: blobs.yml says %s, blobs/ has %s", name, b.SHA, digest))
			}
		}
		Expect(problems).To(BeEmpty())
	})
})

// fileDigest computes a file's digest in the notation of want: "sha256:<hex>" or a bare
// sha1 hex string, the two forms bosh writes to blobs.yml.
func fileDigest(file, want string) (string, error) {
	var h hash.Hash
	prefix := ""
	switch {
	case strings.HasPrefix(want, "sha256:"):
		h, prefix = sha256.New(), "sha256:"
	case len(want) == 40 && !strings.Contains(want, ":"):
		h = sha1.New()
	default:
		return "", fmt.Errorf("unknown digest notation %q", want)
	}
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return prefix + hex.EncodeToString(h.Sum(nil)), nil
}
