package fleet

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"loggregator/tools/versions"
)

// PackageBin is where the release's binaries live in every container, as
// the loggregator package installs them on a VM.
const PackageBin = "/var/vcap/packages/loggregator/bin"

// initPath is the fleet's init in every container.
const initPath = "/sbin/vcapinit"

// drainTools are the host programs the jobs' drain and health scripts run;
// they go into the image with the shared libraries they load.
var drainTools = []string{"bash", "timeout", "tail", "cat", "sleep"}

// BuildBinaries compiles every binary of the module in src (./cmd/...), from
// its own vendored modules, as static executables into bin.
func BuildBinaries(ctx context.Context, src, bin string) error {
	return versions.Build(ctx, src, bin)
}

// BuildInit compiles the fleet's init from the module in src into bin.
func BuildInit(ctx context.Context, src, bin string) error {
	return versions.BuildPackages(ctx, src, bin, "./tools/fleet/vcapinit")
}

// BuildImage imports an image tagged tag that holds the binaries of bin
// under PackageBin, the init from initBin, and the drain scripts' tools. It
// is built from nothing: docker import of a tarball written here.
//
// The tarball streams into docker import as it is written, so the test
// process never holds a whole image (hundreds of MB per version) at once.
func BuildImage(ctx context.Context, prefix, tag, bin, initBin string) error {
	pr, pw := io.Pipe()
	written := make(chan error, 1)
	go func() {
		err := writeRootfs(ctx, pw, bin, initBin)
		pw.CloseWithError(err) // nil: docker reads the end of the tarball
		written <- err
	}()
	_, err := docker(ctx, pr, "import",
		"--change", fmt.Sprintf("LABEL %s=%s", LabelKey, prefix),
		"--change", `ENTRYPOINT ["`+initPath+`"]`,
		"--change", "ENV PATH=/bin:/sbin:"+PackageBin,
		"-", tag)
	// A docker that stopped reading must not leave the writer blocked.
	pr.CloseWithError(errors.New("docker import has ended"))
	if werr := <-written; werr != nil {
		return fmt.Errorf("image %s: %w", tag, werr) // what docker saw cut short
	}
	return err
}

// writeRootfs writes the image's filesystem as a tarball to w.
func writeRootfs(ctx context.Context, w io.Writer, bin, initBin string) error {
	tw := tar.NewWriter(w)
	fs := &rootfs{tw: tw, made: map[string]bool{}}
	for _, dir := range []string{"bin", "sbin", "tmp", "etc", "var/vcap/jobs", "var/vcap/sys/run", "var/vcap/sys/log", "var/vcap/data", strings.TrimPrefix(PackageBin, "/")} {
		if err := fs.dirs(dir); err != nil {
			return err
		}
	}
	entries, err := os.ReadDir(bin)
	if err != nil {
		return fmt.Errorf("read binaries: %w", err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			if err := fs.file(filepath.Join(bin, e.Name()), filepath.Join(PackageBin, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := fs.file(filepath.Join(initBin, "vcapinit"), initPath); err != nil {
		return err
	}
	libs := map[string]bool{}
	for _, tool := range drainTools {
		path, err := exec.LookPath(tool)
		if err != nil {
			return fmt.Errorf("the drain scripts need %s on this machine: %w", tool, err)
		}
		if err := fs.file(path, "/bin/"+tool); err != nil {
			return err
		}
		for _, l := range sharedLibs(ctx, path) {
			if !libs[l] {
				libs[l] = true
				if err := fs.dirs(strings.TrimPrefix(filepath.Dir(l), "/")); err != nil {
					return err
				}
				if err := fs.file(l, l); err != nil {
					return err
				}
			}
		}
	}
	return tw.Close()
}

// sharedLibs lists the absolute paths ldd prints for a dynamic executable;
// for a static one ldd fails and there is nothing to carry.
func sharedLibs(ctx context.Context, path string) []string {
	out, err := exec.CommandContext(ctx, "ldd", path).Output()
	if err != nil {
		return nil
	}
	var libs []string
	for _, line := range strings.Split(string(out), "\n") {
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "/") {
				libs = append(libs, f)
			}
		}
	}
	return libs
}

// rootfs writes a container's file system as a tarball.
type rootfs struct {
	tw   *tar.Writer
	made map[string]bool // directories written
}

// dirs writes dir and each of its parents once.
func (r *rootfs) dirs(dir string) error {
	var path string
	for _, part := range strings.Split(strings.Trim(dir, "/"), "/") {
		path = filepath.Join(path, part)
		if r.made[path] {
			continue
		}
		r.made[path] = true
		mode := int64(0o755)
		if path == "tmp" {
			mode = 0o1777
		}
		if err := r.tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: path + "/", Mode: mode}); err != nil {
			return err
		}
	}
	return nil
}

// file writes the file at src (symbolic links followed) as dest.
func (r *rootfs) file(src, dest string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }() // read-only
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if err := r.dirs(filepath.Dir(strings.TrimPrefix(dest, "/"))); err != nil {
		return err
	}
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: strings.TrimPrefix(dest, "/"), Mode: int64(info.Mode().Perm()), Size: info.Size()}
	if err := r.tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err = io.Copy(r.tw, f)
	return err
}

// Build compiles the release at release (its src/ module) and imports its
// image, tagged <prefix>-loggregator:<name>, with the init already built
// into initBin. Binaries go to work/bin/<name>.
func Build(ctx context.Context, prefix, name, release, work, initBin string) (Version, error) {
	bin := filepath.Join(work, "bin", name)
	if err := BuildBinaries(ctx, filepath.Join(release, "src"), bin); err != nil {
		return Version{}, err
	}
	tag := prefix + "-loggregator:" + name
	if err := BuildImage(ctx, prefix, tag, bin, initBin); err != nil {
		return Version{}, err
	}
	return Version{Name: name, Release: release, Image: tag}, nil
}
