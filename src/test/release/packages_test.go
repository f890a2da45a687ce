package release_test

import (
	"fmt"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// pkg is a package directory with its parsed spec.
type pkg struct {
	name string
	dir  string
	spec packageSpec
}

// loadPackages parses every packages/*/spec; a spec that does not parse is a problem, and
// the package is left out of the result.
func loadPackages() (pkgs map[string]pkg, problems []string) {
	pkgs = map[string]pkg{}
	for _, name := range subdirs(filepath.Join(releaseDir, "packages")) {
		dir := filepath.Join(releaseDir, "packages", name)
		var spec packageSpec
		if err := decodeStrict(filepath.Join(dir, "spec"), &spec); err != nil {
			problems = append(problems, fmt.Sprintf("package %s: %v", name, err))
			continue
		}
		pkgs[name] = pkg{name: name, dir: dir, spec: spec}
	}
	return pkgs, problems
}

var _ = Describe("Package specs", func() {
	var (
		pkgs     map[string]pkg
		problems []string
	)

	BeforeEach(func() {
		pkgs, problems = loadPackages()
	})

	It("include loggregator and golang-1-linux", func() {
		Expect(sortedKeys(pkgs)).To(ContainElements("loggregator", "golang-1-linux"))
	})

	It("parse with only the keys BOSH reads and are named after their directory", func() {
		for _, name := range sortedKeys(pkgs) {
			if p := pkgs[name]; p.spec.Name != name {
				problems = append(problems, fmt.Sprintf("package %s: spec name is %q", name, p.spec.Name))
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("have an executable packaging script and depend only on packages of the release, without cycles", func() {
		for _, name := range sortedKeys(pkgs) {
			p := pkgs[name]
			info, err := os.Stat(filepath.Join(p.dir, "packaging"))
			if err != nil || info.Mode()&0o111 == 0 {
				problems = append(problems, fmt.Sprintf("package %s: no executable packaging script", name))
			}
			for _, dep := range p.spec.Dependencies {
				if _, ok := pkgs[dep]; !ok {
					problems = append(problems, fmt.Sprintf("package %s: dependency %s does not exist", name, dep))
				}
			}
			if cycle := findCycle(pkgs, name, nil); cycle != nil {
				problems = append(problems, fmt.Sprintf("package %s: dependency cycle %v", name, cycle))
			}
		}
		Expect(problems).To(BeEmpty())
	})

	It("match at least one file under src/ or blobs/ with every files glob", func() {
		for _, name := range sortedKeys(pkgs) {
			p := pkgs[name]
			if len(p.spec.Files) == 0 {
				problems = append(problems, fmt.Sprintf("package %s: files is empty", name))
				continue
			}
			files, pending, missing, err := packageFiles(releaseDir, p.spec)
			if err != nil {
				problems = append(problems, fmt.Sprintf("package %s: %v", name, err))
				continue
			}
			for _, glob := range missing {
				problems = append(problems, fmt.Sprintf("package %s: no file under src/ or blobs/ matches %q", name, glob))
			}
			if len(missing) == 0 && len(files)+len(pending) == 0 {
				problems = append(problems, fmt.Sprintf("package %s: excluded_files leaves no file", name))
			}
		}
		Expect(problems).To(BeEmpty())
	})
})

// findCycle follows name's dependencies depth first and returns the first path that comes
// back to a package already on it, or nil.
func findCycle(pkgs map[string]pkg, name string, stack []string) []string {
	for i, s := range stack {
		if s == name {
			return append(stack[i:], name)
		}
	}
	stack = append(stack, name)
	for _, dep := range pkgs[name].spec.Dependencies {
		if cycle := findCycle(pkgs, dep, stack); cycle != nil {
			return cycle
		}
	}
	return nil
}
