package compat_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// previousVersionSpecs is what src/test/manifests runs against a previous
// version's checkout: its manifests/loggregator.yml, alone and with each
// of its ops files, through the current job specs and templates, each
// current binary checking its rendered config.
const previousVersionSpecs = "a previous version's standalone deployment"

// suiteReport is the part of a Ginkgo JSON report the spec reads.
type suiteReport struct {
	SuiteSucceeded bool `json:"SuiteSucceeded"`
	SpecReports    []struct {
		LeafNodeType  string   `json:"LeafNodeType"`
		LeafNodeText  string   `json:"LeafNodeText"`
		ContainerHier []string `json:"ContainerHierarchyTexts"`
		State         string   `json:"State"`
	} `json:"SpecReports"`
}

var _ = Describe("Config compatibility", func() {
	It("renders the previous version's deployment manifest and ops files with the current templates, and the current binaries accept every config", func() {
		// The manifest machinery (go-patch, variables, links, the renderer,
		// --check-config) lives in the manifests suite; run its specs for a
		// previous version with the old worktree as their input.
		report := filepath.Join(GinkgoT().TempDir(), "report.json")
		cmd := exec.Command("go", "test", "-count=1", "./test/manifests",
			"-ginkgo.focus", previousVersionSpecs, "-ginkgo.no-color", "-ginkgo.json-report", report)
		cmd.Dir = filepath.Join(repo, "src")
		// The settings of scripts/test's benchmark run, which has compiled
		// this test binary already.
		cmd.Env = append(os.Environ(), "PREVIOUS_RELEASE_DIR="+releaseOld, "GOFLAGS=-buildvcs=false -trimpath", "CGO_ENABLED=0")
		out, err := cmd.CombinedOutput()
		fmt.Fprintf(GinkgoWriter, "%s\n", out)
		Expect(err).NotTo(HaveOccurred(), "the manifests suite on %s failed:\n%s", releaseOld, out)

		data, err := os.ReadFile(report)
		Expect(err).NotTo(HaveOccurred())
		var suites []suiteReport
		Expect(json.Unmarshal(data, &suites)).To(Succeed())
		Expect(suites).To(HaveLen(1))
		Expect(suites[0].SuiteSucceeded).To(BeTrue())
		passed := 0
		for _, s := range suites[0].SpecReports {
			if s.LeafNodeType != "It" || !strings.Contains(strings.Join(s.ContainerHier, " "), previousVersionSpecs) {
				continue
			}
			Expect(s.State).To(Equal("passed"), "%s", s.LeafNodeText)
			passed++
		}
		Expect(passed).To(BeNumerically(">=", 2), "the previous version's specs ran rather than being skipped")
	})
})
