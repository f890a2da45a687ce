// Package templates_test renders every job's templates through the project's
// BOSH template renderer, with the spec defaults and with representative
// properties, and feeds each rendered config to its binary's --check-config,
// so templates and code cannot drift apart.
package templates_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/boshtemplate"
	"loggregator/tools/versions"
)

func TestTemplates(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Job templates")
}

var (
	repoRoot string
	binaries = map[string]string{}
)

var _ = SynchronizedBeforeSuite(func() []byte {
	root, err := boshtemplate.RepoRoot()
	Expect(err).NotTo(HaveOccurred())
	return []byte(root)
}, func(root []byte) {
	repoRoot = string(root)
})

var _ = AfterSuite(func() {
	gexec.CleanupBuildArtifacts()
})

// binary builds src/cmd/<name> once per suite process and returns its path.
func binary(name string) string {
	if p, ok := binaries[name]; ok {
		return p
	}
	p, err := gexec.BuildWithEnvironment("loggregator/cmd/"+name, versions.StaticEnv)
	Expect(err).NotTo(HaveOccurred())
	binaries[name] = p
	return p
}

// render renders jobs/<job> with ctx into a fresh directory and returns it.
// Paths under /var/vcap/jobs/<job>/ in the rendered files are rewritten to
// that directory, so the files they name (rendered certificates) exist.
func render(job string, ctx boshtemplate.Context) string {
	out := GinkgoT().TempDir()
	Expect(boshtemplate.Render(filepath.Join(repoRoot, "jobs", job), ctx, out)).To(Succeed())
	prefix := "/var/vcap/jobs/" + job + "/"
	Expect(filepath.Walk(out, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, []byte(strings.ReplaceAll(string(data), prefix, out+"/")), info.Mode())
	})).To(Succeed())
	return out
}

// checkConfig runs `<binary> --config <path> --check-config` and returns its
// combined output and whether it exited 0.
func checkConfig(name, configPath string) (string, bool) {
	out, err := exec.Command(binary(name), "--config", configPath, "--check-config").CombinedOutput()
	return string(out), err == nil
}

// readFile returns the content of a rendered file.
func readFile(dir, rel string) string {
	data, err := os.ReadFile(filepath.Join(dir, rel))
	Expect(err).NotTo(HaveOccurred())
	return string(data)
}
