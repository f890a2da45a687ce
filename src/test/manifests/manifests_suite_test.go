// Package manifests_test checks the deployment manifests the way the bosh
// CLI and director would read them: manifests/loggregator.yml alone and with
// each ops file applied (go-patch, as `bosh int -o`), every job and property
// against jobs/*/spec, every ((variable)) against the variables section and
// the operator-provided list in docs/deploying.md, every certificate against
// the names its peers check; then every job of every instance group is
// rendered by the project's BOSH template renderer with throw-away
// certificates and links resolved as the director would, and each binary's
// --check-config accepts the result.
package manifests_test

import (
	"os"
	"path/filepath"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/boshtemplate"
	"loggregator/tools/versions"
)

func TestManifests(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Deployment manifests")
}

var (
	repoRoot     string
	manifestPath string
	opsDir       string
	operatorVars map[string]operatorVar
	binaries     = map[string]string{}
)

var _ = BeforeSuite(func() {
	root, err := boshtemplate.RepoRoot()
	Expect(err).NotTo(HaveOccurred())
	repoRoot = root
	manifestPath = filepath.Join(root, "manifests", "loggregator.yml")
	opsDir = filepath.Join(root, "manifests", "operations")
	operatorVars, err = loadOperatorVars(filepath.Join(root, "docs", "deploying.md"))
	Expect(err).NotTo(HaveOccurred())
})

var _ = AfterSuite(func() {
	gexec.CleanupBuildArtifacts()
})

// binary builds src/cmd/<name> once per suite process and returns its path.
func binary(name string) (string, error) {
	if p, ok := binaries[name]; ok {
		return p, nil
	}
	if _, err := os.Stat(filepath.Join(repoRoot, "src", "cmd", name)); err != nil {
		return "", err
	}
	p, err := gexec.BuildWithEnvironment("loggregator/cmd/"+name, versions.StaticEnv)
	if err != nil {
		return "", err
	}
	binaries[name] = p
	return p, nil
}

// variant is the standalone manifest with some ops files applied, read the
// way the director would receive it.
type variant struct {
	// raw is the manifest after the ops files, ((variables)) untouched.
	raw any
	// declared is the typed view of raw, for checks of what is written.
	declared Manifest
	// store holds generated and operator-provided variable values.
	store *varStore
	// resolved is the typed view after every variable was filled in.
	resolved Manifest
}

func loadVariant(opsFiles ...string) variant {
	paths := make([]string, len(opsFiles))
	for i, f := range opsFiles {
		paths[i] = filepath.Join(opsDir, f)
	}
	raw, err := interpolateManifest(manifestPath, paths...)
	Expect(err).NotTo(HaveOccurred())
	declared, err := decodeManifest(raw)
	Expect(err).NotTo(HaveOccurred())
	store := newVarStore(declared.Variables, operatorVars)
	return variant{raw: raw, declared: declared, store: store}
}

// resolve fills in every variable; it fails the spec when one is unknown.
func (v *variant) resolve() Manifest {
	doc, err := interpolate(v.raw, v.store.get)
	Expect(err).NotTo(HaveOccurred())
	m, err := decodeManifest(doc)
	Expect(err).NotTo(HaveOccurred())
	v.resolved = m
	return m
}

// renderAndCheck renders every job of this release on the first and last
// instance of every instance group and runs each rendered process's binary
// with --check-config on its rendered config.
func renderAndCheck(m Manifest) {
	d, err := newDeployment(m)
	Expect(err).NotTo(HaveOccurred())
	root := GinkgoT().TempDir()
	rendered := 0
	for _, ig := range m.InstanceGroups {
		Expect(ig.count()).To(BeNumerically(">", 0), "instance group %s has no instances", ig.Name)
		indexes := []int{0}
		if last := ig.count() - 1; last > 0 {
			indexes = append(indexes, last)
		}
		for _, index := range indexes {
			jobs, err := d.render(ig, index, root)
			Expect(err).NotTo(HaveOccurred())
			for _, rj := range jobs {
				rendered += checkRenderedJob(rj)
			}
		}
	}
	Expect(rendered).To(BeNumerically(">", 0))
}
