package release_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// jobSpec is a job's spec file, with exactly the keys BOSH reads.
type jobSpec struct {
	Name        string                   `yaml:"name"`
	Description string                   `yaml:"description"`
	Templates   map[string]string        `yaml:"templates"`
	Packages    []string                 `yaml:"packages"`
	Properties  map[string]*propertySpec `yaml:"properties"`
	Consumes    []linkSpec               `yaml:"consumes"`
	Provides    []linkSpec               `yaml:"provides"`
}

// propertySpec is one entry of a job spec's properties.
type propertySpec struct {
	Description string `yaml:"description"`
	Default     any    `yaml:"default"`
	Example     any    `yaml:"example"`
	Type        string `yaml:"type"`
}

// linkSpec is one consumed or provided link of a job spec.
type linkSpec struct {
	Name       string   `yaml:"name"`
	Type       string   `yaml:"type"`
	Optional   bool     `yaml:"optional"`
	Properties []string `yaml:"properties"`
}

// packageSpec is a package's spec file, with exactly the keys BOSH reads.
type packageSpec struct {
	Name          string   `yaml:"name"`
	Dependencies  []string `yaml:"dependencies"`
	Files         []string `yaml:"files"`
	ExcludedFiles []string `yaml:"excluded_files"`
}

// finalConfig is config/final.yml.
type finalConfig struct {
	Name      string `yaml:"name"`
	FinalName string `yaml:"final_name"`
	Blobstore struct {
		Provider string         `yaml:"provider"`
		Options  map[string]any `yaml:"options"`
	} `yaml:"blobstore"`
}

// blobEntry is one blob of config/blobs.yml, keyed by its path under blobs/.
type blobEntry struct {
	Size     int64  `yaml:"size"`
	SHA      string `yaml:"sha"`
	ObjectID string `yaml:"object_id"`
}

// decodeStrict reads a YAML file into out, rejecting keys out does not have, so a typo such
// as "propertes:" is an error here rather than a silently ignored key on the director.
func decodeStrict(file string, out any) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("parse %s: %w", file, err)
	}
	return nil
}

// subdirs lists the directories directly under dir, sorted; a missing dir has none.
func subdirs(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

// filesUnder lists every non-directory under dir, as slash-separated paths relative to dir.
func filesUnder(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(files)
	return files, err
}

// matchGlob reports whether a slash-separated path matches a package spec glob the way the
// bosh CLI matches them: "**" as a whole segment stands for any number of directories, even
// none, every other segment follows path.Match, and "*" also matches names that begin with a
// dot. So "cmd/**/*" matches "cmd/agent/main.go" and "cmd/doc.go", but not "cmd".
func matchGlob(pattern, name string) bool {
	return matchSegments(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegments(pattern, segments []string) bool {
	for len(pattern) > 0 {
		if pattern[0] == "**" {
			for i := 0; i <= len(segments); i++ {
				if matchSegments(pattern[1:], segments[i:]) {
					return true
				}
			}
			return false
		}
		if len(segments) == 0 {
			return false
		}
		ok, err := path.Match(pattern[0], segments[0])
		if err != nil || !ok {
			return false
		}
		pattern, segments = pattern[1:], segments[1:]
	}
	return len(segments) == 0
}

// packageFile is one file a package spec selects: where it sits in the release and where
// BOSH puts it in the compile directory.
type packageFile struct {
	source string // absolute path under src/ or blobs/
	rel    string // path relative to BOSH_COMPILE_TARGET
}

// packageFiles resolves a package's files in the release at root the way `bosh
// create-release` does: each files glob against src/ and blobs/, minus excluded_files. A glob
// may also match a blob config/blobs.yml registers that is not in blobs/ yet (create-release
// downloads it); those are returned in pending. Globs that match nothing at all, which
// create-release rejects, are returned in missing.
func packageFiles(root string, spec packageSpec) (files []packageFile, pending, missing []string, err error) {
	src := filepath.Join(root, "src")
	blobs := filepath.Join(root, "blobs")
	srcFiles, err := filesUnder(src)
	if err != nil {
		return nil, nil, nil, err
	}
	blobFiles, err := filesUnder(blobs)
	if err != nil {
		return nil, nil, nil, err
	}
	registered, err := registeredBlobs(root)
	if err != nil {
		return nil, nil, nil, err
	}

	byRel := map[string]packageFile{}
	pendingSet := map[string]bool{}
	for _, glob := range spec.Files {
		found := false
		for _, dir := range []struct {
			path  string
			files []string
		}{{src, srcFiles}, {blobs, blobFiles}} {
			for _, f := range dir.files {
				if !matchGlob(glob, f) {
					continue
				}
				found = true
				if _, ok := byRel[f]; !ok {
					byRel[f] = packageFile{source: filepath.Join(dir.path, filepath.FromSlash(f)), rel: f}
				}
			}
		}
		for f := range registered {
			if matchGlob(glob, f) {
				found = true
				pendingSet[f] = true
			}
		}
		if !found {
			missing = append(missing, glob)
		}
	}
	for _, rel := range sortedKeys(byRel) {
		excluded := false
		for _, glob := range spec.ExcludedFiles {
			excluded = excluded || matchGlob(glob, rel)
		}
		if !excluded {
			files = append(files, byRel[rel])
		}
		delete(pendingSet, rel)
	}
	return files, sortedKeys(pendingSet), missing, nil
}

// registeredBlobs reads config/blobs.yml; a release without one has no blobs.
func registeredBlobs(root string) (map[string]blobEntry, error) {
	blobs := map[string]blobEntry{}
	file := filepath.Join(root, "config", "blobs.yml")
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return blobs, nil
	}
	return blobs, decodeStrict(file, &blobs)
}

// copyFile copies one file, keeping its permission bits.
func copyFile(from, to string) error {
	info, err := os.Stat(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
