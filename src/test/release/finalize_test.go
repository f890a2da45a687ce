package release_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// boshFlags are the bosh CLI v7 commands the scripts may call and the flags each takes, as
// the CLI documents them: https://bosh.io/docs/cli-v2/ ("Release Creation" and "Blobs"),
// which is `bosh help <command>` generated from the CLI's option structs
// (cloudfoundry/bosh-cli cmd/opts/opts.go: CreateReleaseOpts, FinalizeReleaseOpts,
// ResetReleaseOpts, BlobsOpts, AddBlobOpts, RemoveBlobOpts, SyncBlobsOpts, UploadBlobsOpts).
// --dir belongs to each release command; the CLI has no global --dir.
var boshFlags = map[string][]string{
	"create-release":   {"--dir", "--name", "--version", "--timestamp-version", "--final", "--tarball", "--force"},
	"finalize-release": {"--dir", "--name", "--version", "--force"},
	"reset-release":    {"--dir"},
	"blobs":            {"--dir"},
	"add-blob":         {"--dir"},
	"remove-blob":      {"--dir"},
	"sync-blobs":       {"--dir"},
	"upload-blobs":     {"--dir"},
	"upload-release":   {"--name", "--version", "--sha1", "--fix"},
}

// boshGlobalFlags are the global options the scripts may put before a command; --version
// also stands alone (`bosh --version`).
var boshGlobalFlags = []string{"-n", "--non-interactive", "-v", "--version"}

// boshCalls returns every bosh command line written at the start of a line of a script (a
// call, or a command shown to the user), with `\` continuations joined.
func boshCalls(script string) [][]string {
	var calls [][]string
	for _, line := range strings.Split(strings.ReplaceAll(script, "\\\n", " "), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "bosh" {
			continue
		}
		calls = append(calls, fields[1:])
	}
	return calls
}

// checkBoshCall returns what is wrong with one bosh command line, or "".
func checkBoshCall(args []string) string {
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		if !contains(boshGlobalFlags, args[i]) {
			return args[i] + " is not a global flag of the bosh CLI"
		}
		i++
	}
	if i == len(args) {
		if contains(args, "--version") || contains(args, "-v") {
			return ""
		}
		return "no command"
	}
	command := args[i]
	allowed, known := boshFlags[command]
	if !known {
		return "bosh " + command + " is not a command the scripts are allowed (see boshFlags)"
	}
	for _, a := range args[i+1:] {
		if !strings.HasPrefix(a, "--") {
			continue
		}
		flag, _, _ := strings.Cut(a, "=")
		if !contains(allowed, flag) {
			return flag + " is not a flag of bosh " + command
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

var _ = Describe("bosh commands in scripts and CI tasks", func() {
	It("are commands and flags the bosh CLI documents", func() {
		var checked int
		for _, dir := range []string{"scripts", "ci"} {
			err := filepath.WalkDir(filepath.Join(releaseDir, dir), func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				for _, call := range boshCalls(string(data)) {
					checked++
					Expect(checkBoshCall(call)).To(BeEmpty(), "%s: bosh %s", path, strings.Join(call, " "))
				}
				return nil
			})
			Expect(err).NotTo(HaveOccurred())
		}
		Expect(checked).To(BeNumerically(">=", 5), "the scripts call bosh")
	})

	It("reject a flag the command does not have and a global --dir", func() {
		Expect(checkBoshCall([]string{"--dir", "x", "add-blob", "a", "b"})).To(ContainSubstring("not a global flag"))
		Expect(checkBoshCall([]string{"create-release", "--with-tarball"})).To(ContainSubstring("--with-tarball is not a flag of bosh create-release"))
		Expect(checkBoshCall([]string{"create-release", "--final", "--version=1.0.0", "--tarball", "r.tgz"})).To(BeEmpty())
	})
})

// finalizeRelease is a scratch release directory holding scripts/finalize-release and the
// config it reads, committed to its own git repository, with a fake bosh on PATH that
// records each call and writes what `bosh create-release --final` would.
type finalizeRelease struct {
	dir, bin, calls string
}

// fakeBosh records its argv, one argument per line and a blank line after each call, and
// acts like the commands the script runs: upload-blobs gives every blob an object_id,
// create-release --final writes the release manifest and .final_builds.
const fakeBosh = `#!/usr/bin/env bash
set -eu
if [ "$*" = "--version" ]; then
  echo "version 7.9.7-0000000-2026-01-01T00:00:00Z"
  exit 0
fi
printf '%s\n' "$@" >>"$FAKE_BOSH_CALLS"
echo >>"$FAKE_BOSH_CALLS"
cmd="" dir="." version="" final=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift ;;
    --version) version="$2"; shift ;;
    --tarball) touch "$2"; shift ;;
    --final) final=1 ;;
    -*) ;;
    *) [ -n "$cmd" ] || cmd="$1" ;;
  esac
  shift
done
case "$cmd" in
  upload-blobs) sed -i 's/^\(  sha: .*\)$/\1\n  object_id: 5a1e0b5e-0000-4000-8000-000000000001/' "$dir/config/blobs.yml" ;;
  create-release)
    if [ -n "$final" ]; then
      mkdir -p "$dir/releases/loggregator" "$dir/.final_builds/jobs/doppler"
      echo "version: $version" >"$dir/releases/loggregator/loggregator-$version.yml"
      echo "builds: {}" >"$dir/.final_builds/jobs/doppler/index.yml"
    fi ;;
esac
`

const scratchBlobs = `---
golang/go1.26.8.linux-amd64.tar.gz:
  size: 66743335
  sha: sha256:55794a1907344ffaa29c06e53b4f2dda36773434eb3f958aa521af33af651d83
`

func newFinalizeRelease() finalizeRelease {
	GinkgoHelper()
	return newFinalizeReleaseIn(GinkgoT().TempDir(), "release")
}

// newFinalizeReleaseIn makes the scratch release as root/name, the fake bosh and
// its call log beside it.
func newFinalizeReleaseIn(root, name string) finalizeRelease {
	GinkgoHelper()
	r := finalizeRelease{
		dir:   filepath.Join(root, name),
		bin:   filepath.Join(root, "bin"),
		calls: filepath.Join(root, "bosh-calls"),
	}
	blobstore := filepath.Join(root, "blobstore")
	for _, d := range []string{filepath.Join(r.dir, "scripts"), filepath.Join(r.dir, "config"), r.bin, blobstore} {
		Expect(os.MkdirAll(d, 0o755)).To(Succeed())
	}
	script, err := os.ReadFile(filepath.Join(releaseDir, "scripts", "finalize-release"))
	Expect(err).NotTo(HaveOccurred())
	gitignore, err := os.ReadFile(filepath.Join(releaseDir, ".gitignore"))
	Expect(err).NotTo(HaveOccurred())
	r.write("scripts/finalize-release", string(script), 0o755)
	r.write(".gitignore", string(gitignore), 0o644)
	r.write("config/final.yml", "---\nname: loggregator\nblobstore:\n  provider: local\n  options:\n    blobstore_path: "+blobstore+"\n", 0o644)
	r.write("config/blobs.yml", scratchBlobs+"  object_id: 5a1e0b5e-0000-4000-8000-000000000000\n", 0o644)
	Expect(os.WriteFile(filepath.Join(r.bin, "bosh"), []byte(fakeBosh), 0o755)).To(Succeed())
	r.git("init", "-q")
	r.commit()
	return r
}

func (r finalizeRelease) write(rel, content string, mode os.FileMode) {
	GinkgoHelper()
	Expect(os.WriteFile(filepath.Join(r.dir, rel), []byte(content), mode)).To(Succeed())
}

func (r finalizeRelease) git(args ...string) {
	GinkgoHelper()
	cmd := exec.Command("git", append([]string{"-C", r.dir, "-c", "user.name=release suite", "-c", "user.email=release@example.com"}, args...)...)
	out, err := cmd.CombinedOutput()
	Expect(err).NotTo(HaveOccurred(), "git %s: %s", strings.Join(args, " "), out)
}

func (r finalizeRelease) commit() {
	GinkgoHelper()
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", "scratch release")
}

// run runs the script with the fake bosh first on PATH, or with no bosh at all.
func (r finalizeRelease) run(withBosh bool, args ...string) (stdout, stderr string, exitCode int) {
	GinkgoHelper()
	path := pathWithoutBosh()
	if withBosh {
		path = r.bin + string(os.PathListSeparator) + path
	}
	cmd := exec.Command(filepath.Join(r.dir, "scripts", "finalize-release"), args...)
	cmd.Env = append(os.Environ(), "PATH="+path, "FAKE_BOSH_CALLS="+r.calls)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return out.String(), errOut.String(), exitErr.ExitCode()
	}
	Expect(err).NotTo(HaveOccurred())
	return out.String(), errOut.String(), 0
}

// boshCallsMade returns the argv of each call the fake bosh received.
func (r finalizeRelease) boshCallsMade() [][]string {
	GinkgoHelper()
	data, err := os.ReadFile(r.calls)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	Expect(err).NotTo(HaveOccurred())
	var calls [][]string
	for _, block := range strings.Split(strings.TrimSuffix(string(data), "\n\n"), "\n\n") {
		calls = append(calls, strings.Split(block, "\n"))
	}
	return calls
}

// pathWithoutBosh is PATH without any directory that holds a bosh executable.
func pathWithoutBosh() string {
	var keep []string
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if info, err := os.Stat(filepath.Join(d, "bosh")); err == nil && !info.IsDir() {
			continue
		}
		keep = append(keep, d)
	}
	return strings.Join(keep, string(os.PathListSeparator))
}

var _ = Describe("scripts/finalize-release", func() {
	It("fetches blobs and cuts the final release with the documented bosh commands, then says what to commit", func() {
		r := newFinalizeRelease()
		stdout, stderr, code := r.run(true, "1.2.0")
		Expect(code).To(BeZero(), stderr)
		Expect(r.boshCallsMade()).To(Equal([][]string{
			{"sync-blobs", "--dir", r.dir},
			{"create-release", "--dir", r.dir, "--final", "--version", "1.2.0", "--tarball", filepath.Join(r.dir, "releases/loggregator/loggregator-1.2.0.tgz")},
		}))
		for _, call := range r.boshCallsMade() {
			Expect(checkBoshCall(call)).To(BeEmpty())
		}
		Expect(stdout).To(ContainSubstring("git add .final_builds releases config/blobs.yml"))
		Expect(stdout).To(ContainSubstring("git tag v1.2.0"))
	})

	It("leaves the release tarball untracked and the release manifest and final builds to commit", func() {
		r := newFinalizeRelease()
		_, stderr, code := r.run(true, "1.2.0")
		Expect(code).To(BeZero(), stderr)
		out, err := exec.Command("git", "-C", r.dir, "status", "--porcelain", "--untracked-files=all").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(strings.Fields(string(out))).To(ConsistOf("??", "releases/loggregator/loggregator-1.2.0.yml", "??", ".final_builds/jobs/doppler/index.yml"))
	})

	It("uploads blobs the blobstore does not have yet, then stops until config/blobs.yml is committed", func() {
		r := newFinalizeRelease()
		r.write("config/blobs.yml", scratchBlobs, 0o644)
		r.commit()
		_, stderr, code := r.run(true, "1.2.0")
		Expect(code).To(Equal(1))
		Expect(stderr).To(ContainSubstring("config/blobs.yml now names the uploaded blobs; commit it"))
		Expect(r.boshCallsMade()).To(Equal([][]string{{"upload-blobs", "--dir", r.dir}}))

		r.commit()
		_, stderr, code = r.run(true, "1.2.0")
		Expect(code).To(BeZero(), stderr)
		Expect(r.boshCallsMade()[1:]).To(HaveLen(2), "the second run syncs and creates the release")
	})

	DescribeTable("refuses to start, calling no bosh command, when",
		func(prepare func(r finalizeRelease) (args []string, withBosh bool), message string) {
			r := newFinalizeRelease()
			args, withBosh := prepare(r)
			_, stderr, code := r.run(withBosh, args...)
			Expect(code).To(Equal(1))
			Expect(stderr).To(HavePrefix("finalize-release: "))
			Expect(stderr).To(ContainSubstring(message))
			Expect(r.boshCallsMade()).To(BeEmpty())
		},
		Entry("no version is given", func(finalizeRelease) ([]string, bool) { return nil, true }, "usage: scripts/finalize-release VERSION"),
		Entry("the version has two parts", func(finalizeRelease) ([]string, bool) { return []string{"1.2"}, true }, "is not MAJOR.MINOR.PATCH"),
		Entry("the version has a v", func(finalizeRelease) ([]string, bool) { return []string{"v1.2.0"}, true }, "is not MAJOR.MINOR.PATCH"),
		Entry("the version is a pre-release", func(finalizeRelease) ([]string, bool) { return []string{"1.2.0-rc.1"}, true }, "is not MAJOR.MINOR.PATCH"),
		Entry("bosh is not on PATH", func(finalizeRelease) ([]string, bool) { return []string{"1.2.0"}, false }, "the bosh CLI is not on PATH"),
		Entry("config/final.yml is missing", func(r finalizeRelease) ([]string, bool) {
			Expect(os.Remove(filepath.Join(r.dir, "config", "final.yml"))).To(Succeed())
			r.commit()
			return []string{"1.2.0"}, true
		}, "config/final.yml is missing"),
		Entry("the local blobstore directory does not exist", func(r finalizeRelease) ([]string, bool) {
			r.write("config/final.yml", "---\nname: loggregator\nblobstore:\n  provider: local\n  options:\n    blobstore_path: /nonexistent/blobstore\n", 0o644)
			r.commit()
			return []string{"1.2.0"}, true
		}, "the local blobstore /nonexistent/blobstore does not exist"),
		Entry("an S3 blobstore has no config/private.yml", func(r finalizeRelease) ([]string, bool) {
			r.write("config/final.yml", "---\nname: loggregator\nblobstore:\n  provider: s3\n  options:\n    bucket_name: loggregator-release-blobs\n", 0o644)
			r.commit()
			return []string{"1.2.0"}, true
		}, "the s3 blobstore needs credentials in config/private.yml"),
		Entry("the git tree has uncommitted changes", func(r finalizeRelease) ([]string, bool) {
			r.write("config/blobs.yml", scratchBlobs, 0o644)
			return []string{"1.2.0"}, true
		}, "the git tree has uncommitted changes"),
		Entry("the version is already released", func(r finalizeRelease) ([]string, bool) {
			Expect(os.MkdirAll(filepath.Join(r.dir, "releases", "loggregator"), 0o755)).To(Succeed())
			r.write("releases/loggregator/loggregator-1.2.0.yml", "version: 1.2.0\n", 0o644)
			r.commit()
			return []string{"1.2.0"}, true
		}, "1.2.0 is already released"),
	)

	It("keeps config/private.yml, the blobstore credentials, out of git", func() {
		r := newFinalizeRelease()
		r.write("config/private.yml", "---\nblobstore:\n  options:\n    access_key_id: x\n", 0o600)
		out, err := exec.Command("git", "-C", r.dir, "status", "--porcelain").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(string(out)).To(BeEmpty(), ".gitignore ignores config/private.yml")
	})
})

var _ = Describe("the pipeline's finalize-release task", func() {
	It("cuts the release on a copy of the repository, commits the uploaded blobs and the release, and leaves the tarball in final-release", func() {
		// The task's working directory as Concourse lays it out: the inputs
		// loggregator and version, the empty outputs finalized and final-release.
		task := GinkgoT().TempDir()
		r := newFinalizeReleaseIn(task, "loggregator")
		Expect(os.MkdirAll(filepath.Join(r.dir, "ci", "tasks"), 0o755)).To(Succeed())
		for _, f := range []string{"finalize-release.sh", "common.sh"} {
			data, err := os.ReadFile(filepath.Join(releaseDir, "ci", "tasks", f))
			Expect(err).NotTo(HaveOccurred())
			r.write("ci/tasks/"+f, string(data), 0o755)
		}
		r.write("config/blobs.yml", scratchBlobs, 0o644)
		r.commit()
		for _, d := range []string{"version", "finalized", "final-release"} {
			Expect(os.MkdirAll(filepath.Join(task, d), 0o755)).To(Succeed())
		}
		Expect(os.WriteFile(filepath.Join(task, "version", "version"), []byte("1.2.0\n"), 0o644)).To(Succeed())

		cmd := exec.Command(filepath.Join("loggregator", "ci", "tasks", "finalize-release.sh"))
		cmd.Dir = task
		cmd.Env = append(os.Environ(),
			"PATH="+r.bin+string(os.PathListSeparator)+pathWithoutBosh(),
			"FAKE_BOSH_CALLS="+r.calls,
			"BLOBSTORE_PRIVATE_YML=", "GIT_AUTHOR_NAME=loggregator-ci", "GIT_AUTHOR_EMAIL=loggregator-ci@localhost")
		out, err := cmd.CombinedOutput()
		Expect(err).NotTo(HaveOccurred(), "%s", out)

		var commands []string
		for _, call := range r.boshCallsMade() {
			commands = append(commands, call[0])
		}
		Expect(commands).To(Equal([]string{"upload-blobs", "sync-blobs", "create-release"}))

		finalized := filepath.Join(task, "finalized")
		log, err := exec.Command("git", "-C", finalized, "log", "--format=%s", "-3").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(strings.Split(strings.TrimSpace(string(log)), "\n")).To(Equal([]string{
			"Final release 1.2.0", "Upload blobs for final release 1.2.0", "scratch release",
		}))
		status, err := exec.Command("git", "-C", finalized, "status", "--porcelain").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(string(status)).To(BeEmpty(), "everything BOSH wrote is committed")
		Expect(filepath.Join(finalized, "releases", "loggregator", "loggregator-1.2.0.yml")).To(BeAnExistingFile())
		Expect(filepath.Join(task, "final-release", "loggregator-1.2.0.tgz")).To(BeAnExistingFile())

		Expect(filepath.Join(r.dir, "releases")).NotTo(BeAnExistingFile(), "the input is left as it was")
	})
})
