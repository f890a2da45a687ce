package topology

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// Manifest lists the certificates to generate and the jobs to run, each with
// the properties and links a deployment manifest would give it.
type Manifest struct {
	// Certificates maps a variable name to the common name of its leaf
	// certificate; the CA is the variable "loggregator_ca".
	Certificates map[string]string `yaml:"certificates"`
	Jobs         []Job             `yaml:"jobs"`
}

// Job is one running instance of a job of this release.
type Job struct {
	// Name names the instance (its directory, log and process); unique.
	Name string `yaml:"name"`
	// Job is the directory under jobs/; it defaults to Name.
	Job string `yaml:"job"`
	// Binary is the file under the binaries directory to run.
	Binary string `yaml:"binary"`
	// Config is the rendered config file, relative to the job's directory.
	Config string `yaml:"config"`
	// WaitFor is an address the started process listens on.
	WaitFor    string                       `yaml:"wait_for"`
	Endpoints  map[string]string            `yaml:"endpoints"`
	Properties Properties                   `yaml:"properties"`
	Links      map[string]boshtemplate.Link `yaml:"links"`

	// Release and Bin, when set, run this job from another version: its
	// templates from Release's jobs/ (with that release's renderer) and its
	// binary from Bin. Empty means the System's. Set by callers, as the
	// compatibility suite does to mix versions; never read from a manifest.
	Release string `yaml:"-"`
	Bin     string `yaml:"-"`
}

// release is the release root this job's templates come from.
func (j Job) release(sys *System) string {
	if j.Release != "" {
		return j.Release
	}
	return sys.Repo
}

// binary is the path of this job's binary.
func (j Job) binary(sys *System) string {
	bin := sys.Bin
	if j.Bin != "" {
		bin = j.Bin
	}
	return filepath.Join(bin, j.Binary)
}

// Properties are a job's manifest properties, read as the director reads
// them: floats stay floats and hashes keep their order (boshtemplate.FromYAML).
type Properties map[string]any

// UnmarshalYAML reads the properties mapping through boshtemplate.FromYAML.
func (p *Properties) UnmarshalYAML(n *yaml.Node) error {
	v, err := boshtemplate.FromYAML(n)
	if err != nil {
		return err
	}
	m, ok := v.(boshtemplate.Map)
	if !ok && v != nil {
		return fmt.Errorf("line %d: properties must be a hash", n.Line)
	}
	*p = m.ToMap()
	return nil
}

// JobDir is the job's directory name under jobs/.
func (j Job) JobDir() string {
	if j.Job != "" {
		return j.Job
	}
	return j.Name
}

// LoadManifest reads a manifest file; unknown fields are errors.
func LoadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	m, err := ParseManifest(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// ParseManifest parses a manifest; unknown fields are errors.
func ParseManifest(data []byte) (*Manifest, error) {
	var m Manifest
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("parse manifest: %w", err)
	}
	seen := map[string]bool{}
	for i, j := range m.Jobs {
		if j.Name == "" || j.Binary == "" || j.Config == "" {
			return nil, fmt.Errorf("jobs[%d] needs name, binary and config", i)
		}
		if seen[j.Name] {
			return nil, fmt.Errorf("jobs[%d]: name %q is used twice", i, j.Name)
		}
		seen[j.Name] = true
	}
	return &m, nil
}

// interpolate replaces "((name.field))" strings anywhere in v with vars, as
// `bosh int` does for whole-value variables.
// varRef is a ((name)) reference inside a longer string, interpolated as
// BOSH does: the variable's value replaces the reference.
var varRef = regexp.MustCompile(`\(\(([A-Za-z0-9_.\-]+)\)\)`)

func interpolate(v any, vars map[string]string) (any, error) {
	switch t := v.(type) {
	case string:
		if strings.HasPrefix(t, "((") && strings.HasSuffix(t, "))") {
			name := strings.TrimSuffix(strings.TrimPrefix(t, "(("), "))")
			val, ok := vars[name]
			if !ok {
				return nil, fmt.Errorf("unknown variable ((%s))", name)
			}
			return val, nil
		}
		var missing error
		out := varRef.ReplaceAllStringFunc(t, func(ref string) string {
			name := ref[2 : len(ref)-2]
			val, ok := vars[name]
			if !ok && missing == nil {
				missing = fmt.Errorf("unknown variable ((%s))", name)
			}
			return val
		})
		if missing != nil {
			return nil, missing
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			r, err := interpolate(e, vars)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case Properties:
		return interpolate(map[string]any(t), vars)
	case boshtemplate.Map:
		out := make(boshtemplate.Map, len(t))
		for i, it := range t {
			r, err := interpolate(it.Value, vars)
			if err != nil {
				return nil, err
			}
			out[i] = boshtemplate.Item{Key: it.Key, Value: r}
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			r, err := interpolate(e, vars)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	default:
		return v, nil
	}
}
