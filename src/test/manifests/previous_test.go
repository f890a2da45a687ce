package manifests_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// previousReleaseEnv names a checkout of a previous version of this
// repository. src/test/compat sets it to a worktree of the last final release
// and runs the specs below; without it they are skipped.
const previousReleaseEnv = "PREVIOUS_RELEASE_DIR"

// cfOnlyOpsFiles patch cf-deployment, not the standalone manifest.
var cfOnlyOpsFiles = map[string]bool{"add-to-cf-deployment.yml": true}

// previousVariants are the previous version's standalone manifest alone and
// with each of its ops files meant for it, as paths.
func previousVariants(prev string) [][]string {
	GinkgoHelper()
	files, err := filepath.Glob(filepath.Join(prev, "manifests", "operations", "*.yml"))
	Expect(err).NotTo(HaveOccurred())
	variants := [][]string{nil}
	var all []string
	for _, f := range files {
		if cfOnlyOpsFiles[filepath.Base(f)] {
			continue
		}
		variants = append(variants, []string{f})
		all = append(all, f)
	}
	if len(all) > 1 {
		variants = append(variants, all)
	}
	return variants
}

// loadPreviousVariant reads the previous version's manifest with the ops
// files, answering operator-provided variables from the previous version's
// docs/deploying.md (its manifest's contract), and the current one's for
// names only the current one lists.
func loadPreviousVariant(prev string, ops []string) variant {
	GinkgoHelper()
	raw, err := interpolateManifest(filepath.Join(prev, "manifests", "loggregator.yml"), ops...)
	Expect(err).NotTo(HaveOccurred())
	declared, err := decodeManifest(raw)
	Expect(err).NotTo(HaveOccurred())
	vars := map[string]operatorVar{}
	for k, v := range operatorVars {
		vars[k] = v
	}
	if old, err := loadOperatorVars(filepath.Join(prev, "docs", "deploying.md")); err == nil {
		for k, v := range old {
			vars[k] = v
		}
	}
	return variant{raw: raw, declared: declared, store: newVarStore(declared.Variables, vars)}
}

var _ = Describe("a previous version's standalone deployment", func() {
	var prev string

	BeforeEach(func() {
		prev = os.Getenv(previousReleaseEnv)
		if prev == "" {
			Skip(previousReleaseEnv + " is not set; src/test/compat sets it to a worktree of the previous version")
		}
		Expect(filepath.Join(prev, "manifests", "loggregator.yml")).To(BeAnExistingFile())
	})

	It("sets only properties the current jobs' specs declare, so none is silently dropped", func() {
		for _, ops := range previousVariants(prev) {
			v := loadPreviousVariant(prev, ops)
			d, err := newDeployment(v.declared)
			Expect(err).NotTo(HaveOccurred())
			Expect(checkProperties(d)).To(BeEmpty(), "with ops files %v", ops)
		}
	})

	It("renders every job with the current templates, and every current binary accepts its config", func() {
		variants := previousVariants(prev)
		Expect(len(variants)).To(BeNumerically(">", 1), "the previous version has standalone ops files")
		for _, ops := range variants {
			By("rendering the previous manifest with ops files " + baseNames(ops))
			v := loadPreviousVariant(prev, ops)
			renderAndCheck(v.resolve())
		}
	})
})

func baseNames(paths []string) string {
	if len(paths) == 0 {
		return "(none)"
	}
	out := ""
	for i, p := range paths {
		if i > 0 {
			out += ", "
		}
		out += filepath.Base(p)
	}
	return out
}
