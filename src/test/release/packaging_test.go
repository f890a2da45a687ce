package release_test

import (
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// compilePath is the PATH of a BOSH compilation: no Go on it, so a packaging script that
// builds with anything but its golang-1-linux dependency fails here as it would there.
const compilePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// goCommand returns the go command on PATH, the one that runs this suite.
func goCommand() string {
	goBin, err := exec.LookPath("go")
	Expect(err).NotTo(HaveOccurred(), "the suite needs a Go installation on PATH")
	return goBin
}

// goEnv returns one variable of `go env`.
func goEnv(name string) string {
	out, err := exec.Command(goCommand(), "env", name).Output()
	Expect(err).NotTo(HaveOccurred())
	return strings.TrimSpace(string(out))
}

// localToolchain is the environment under which the loggregator packaging compiles with this
// machine's Go instead of the golang-1-linux package, reusing its build cache so the suite
// does not recompile every dependency on each run.
func localToolchain() []string {
	return []string{"GOLANG_PACKAGE_DIR=" + goEnv("GOROOT"), "GOCACHE=" + goEnv("GOCACHE")}
}

// stage copies a package's files into a fresh compile directory, as the BOSH agent does.
func stage(files []packageFile, skip func(rel string) bool) string {
	dir := GinkgoT().TempDir()
	for _, f := range files {
		if skip != nil && skip(f.rel) {
			continue
		}
		Expect(copyFile(f.source, filepath.Join(dir, filepath.FromSlash(f.rel)))).To(Succeed())
	}
	return dir
}

// runPackaging runs packages/<name>/packaging with bash in compileDir, with the environment
// BOSH gives it plus extraEnv, and returns where it installed and everything it printed.
func runPackaging(root, name, compileDir string, extraEnv ...string) (installDir, output string, err error) {
	installDir = GinkgoT().TempDir()
	cmd := exec.Command("bash", filepath.Join(root, "packages", name, "packaging"))
	cmd.Dir = compileDir
	cmd.Env = append([]string{
		"PATH=" + compilePath,
		"HOME=" + GinkgoT().TempDir(),
		"BOSH_COMPILE_TARGET=" + compileDir,
		"BOSH_INSTALL_TARGET=" + installDir,
		"BOSH_PACKAGE_NAME=" + name,
		"BOSH_PACKAGE_VERSION=dev",
	}, extraEnv...)
	out, err := cmd.CombinedOutput()
	return installDir, string(out), err
}

func loadPackage(root, name string) packageSpec {
	var spec packageSpec
	Expect(decodeStrict(filepath.Join(root, "packages", name, "spec"), &spec)).To(Succeed())
	return spec
}

var _ = Describe("Packaging", func() {
	It("unpacks into golang-1-linux the Go SDK blob that scripts/add-golang-blob packs from this machine's Go", func() {
		goBin, version := goCommand(), goEnv("GOVERSION")

		// A scratch release with the real config and golang spec, so making the blob here
		// touches neither blobs/ nor config/blobs.yml of the real one.
		scratch := GinkgoT().TempDir()
		for _, rel := range []string{"config/final.yml", "config/blobs.yml", "packages/golang-1-linux/spec", "packages/golang-1-linux/packaging"} {
			if _, err := os.Stat(filepath.Join(releaseDir, rel)); err == nil {
				Expect(copyFile(filepath.Join(releaseDir, rel), filepath.Join(scratch, rel))).To(Succeed())
			}
		}
		script := exec.Command("bash", filepath.Join(releaseDir, "scripts", "add-golang-blob"))
		script.Env = append(os.Environ(), "RELEASE_DIR="+scratch, "GO="+goBin)
		out, err := script.CombinedOutput()
		Expect(err).NotTo(HaveOccurred(), string(out))

		committed, err := os.ReadFile(filepath.Join(releaseDir, "packages", "golang-1-linux", "spec"))
		Expect(err).NotTo(HaveOccurred())
		made, err := os.ReadFile(filepath.Join(scratch, "packages", "golang-1-linux", "spec"))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(made)).To(Equal(string(committed)),
			"packages/golang-1-linux/spec names another Go than this machine's %s; run scripts/add-golang-blob", version)

		files, pending, missing, err := packageFiles(scratch, loadPackage(scratch, "golang-1-linux"))
		Expect(err).NotTo(HaveOccurred())
		Expect(missing).To(BeEmpty())
		Expect(pending).To(BeEmpty())
		installDir, out2, err := runPackaging(scratch, "golang-1-linux", stage(files, nil))
		Expect(err).NotTo(HaveOccurred(), out2)

		installed, err := exec.Command(filepath.Join(installDir, "bin", "go"), "version").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(string(installed)).To(ContainSubstring(version + " linux/amd64"))
	})

	It("builds every binary under src/cmd into loggregator's bin/, statically linked", func() {
		cmds := subdirs(filepath.Join(releaseDir, "src", "cmd"))
		Expect(cmds).NotTo(BeEmpty(), "src/cmd has no binary to build")
		files, pending, missing, err := packageFiles(releaseDir, loadPackage(releaseDir, "loggregator"))
		Expect(err).NotTo(HaveOccurred())
		Expect(missing).To(BeEmpty(), "src/vendor must be committed: `cd src && go mod vendor`")
		Expect(pending).To(BeEmpty())

		installDir, out, err := runPackaging(releaseDir, "loggregator", stage(files, nil), localToolchain()...)
		Expect(err).NotTo(HaveOccurred(), out)

		for _, name := range cmds {
			binary := filepath.Join(installDir, "bin", name)
			Expect(binary).To(BeAnExistingFile())
			Expect(dynamicLoader(binary)).To(BeEmpty(), "%s should not need a dynamic loader", name)
		}
	})

	It("refuses to build loggregator without src/vendor and says how to fix it", func() {
		spec := loadPackage(releaseDir, "loggregator")
		files, _, _, err := packageFiles(releaseDir, spec)
		Expect(err).NotTo(HaveOccurred())
		withoutVendor := stage(files, func(rel string) bool { return strings.HasPrefix(rel, "vendor/") })

		_, out, err := runPackaging(releaseDir, "loggregator", withoutVendor, localToolchain()...)
		Expect(err).To(HaveOccurred())
		Expect(out).To(ContainSubstring("vendor/modules.txt is missing; run 'go mod vendor' in src/"))
	})
})

// dynamicLoader returns the ELF interpreter a binary asks for; a static binary has none.
func dynamicLoader(binary string) (string, error) {
	f, err := elf.Open(binary)
	if err != nil {
		return "", err
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Sprintf("PT_INTERP at %#x", p.Off), nil
		}
	}
	return "", nil
}
