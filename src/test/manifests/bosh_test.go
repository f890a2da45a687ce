package manifests_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/cppforlife/go-patch/patch"
	"gopkg.in/yaml.v2"
)

// This file holds what the bosh CLI and director would do with a manifest:
// parse it (yaml.v2, as the CLI does), apply ops files (go-patch, as `bosh
// int -o` does), find and replace ((variables)), and read job specs.

// loadYAML parses a YAML file into the generic tree go-patch works on.
func loadYAML(path string) (any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if err := recordOrderFrom(doc, data); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return doc, nil
}

// loadOps parses an ops file the way `bosh int -o` does.
func loadOps(path string) (patch.Ops, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var defs []patch.OpDefinition
	if err := yaml.Unmarshal(data, &defs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	ops, err := patch.NewOpsFromDefinitions(defs)
	if err != nil {
		return nil, fmt.Errorf("ops file %s: %w", path, err)
	}
	return ops, nil
}

// loadOpDefinitions returns the raw operations of an ops file.
func loadOpDefinitions(path string) ([]patch.OpDefinition, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var defs []patch.OpDefinition
	if err := yaml.Unmarshal(data, &defs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return defs, nil
}

// interpolateManifest reads the manifest and applies the ops files in order.
func interpolateManifest(manifestPath string, opsPaths ...string) (any, error) {
	doc, err := loadYAML(manifestPath)
	if err != nil {
		return nil, err
	}
	for _, p := range opsPaths {
		if doc, err = applyOpsFile(doc, p); err != nil {
			return nil, fmt.Errorf("apply %s: %w", filepath.Base(p), err)
		}
	}
	return doc, nil
}

// normalize turns yaml.v2's map[interface{}]interface{} into map[string]any
// all the way down, so trees can be JSON-encoded for the renderer.
func normalize(v any) any {
	switch t := v.(type) {
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, val := range t {
			out[fmt.Sprint(k)] = normalize(val)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, val := range t {
			out[k] = normalize(val)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, val := range t {
			out[i] = normalize(val)
		}
		return out
	default:
		return v
	}
}

// Manifest is the part of a deployment manifest the suite reads.
type Manifest struct {
	Name           string          `yaml:"name"`
	Features       map[string]any  `yaml:"features"`
	Releases       []Release       `yaml:"releases"`
	Stemcells      []Stemcell      `yaml:"stemcells"`
	Update         map[string]any  `yaml:"update"`
	InstanceGroups []InstanceGroup `yaml:"instance_groups"`
	Addons         []Addon         `yaml:"addons"`
	Variables      []Variable      `yaml:"variables"`
	Properties     map[string]any  `yaml:"properties"`
}

type Release struct {
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
}

type Stemcell struct {
	Alias   string `yaml:"alias"`
	OS      string `yaml:"os"`
	Version string `yaml:"version"`
}

type InstanceGroup struct {
	Name string   `yaml:"name"`
	AZs  []string `yaml:"azs"`
	// Instances is an int once variables are filled in; before, it may be
	// a ((variable)).
	Instances  any            `yaml:"instances"`
	Lifecycle  string         `yaml:"lifecycle"`
	VMType     string         `yaml:"vm_type"`
	Stemcell   string         `yaml:"stemcell"`
	Networks   []Network      `yaml:"networks"`
	Jobs       []Job          `yaml:"jobs"`
	Properties map[string]any `yaml:"properties"`
}

// count is the number of instances, 0 while it is still a ((variable)).
func (ig InstanceGroup) count() int {
	n, _ := ig.Instances.(int)
	return n
}

type Network struct {
	Name      string   `yaml:"name"`
	StaticIPs []string `yaml:"static_ips"`
	Default   []string `yaml:"default"`
}

type Job struct {
	Name       string         `yaml:"name"`
	Release    string         `yaml:"release"`
	Properties map[string]any `yaml:"properties"`
	// Consumes and Provides map a link name to {from: ..}, {as: ..} or nil.
	Consumes map[string]any `yaml:"consumes"`
	Provides map[string]any `yaml:"provides"`
	// rawProperties is the properties tree as parsed, with each hash's
	// key order recorded and every value's type (see order_test.go).
	rawProperties any
}

type Addon struct {
	Name string `yaml:"name"`
	Jobs []Job  `yaml:"jobs"`
	// Include and Exclude are the director's placement rules: which
	// instance groups get the add-on's jobs.
	Include *Placement `yaml:"include"`
	Exclude *Placement `yaml:"exclude"`
}

// Placement is an add-on's include or exclude rule. The suite reads the
// criteria cf-deployment uses; any other one is reported, never ignored.
type Placement struct {
	Stemcell []struct {
		OS string `yaml:"os"`
	} `yaml:"stemcell"`
	Jobs           []struct{ Name, Release string } `yaml:"jobs"`
	InstanceGroups []string                         `yaml:"instance_groups"`
	Lifecycle      string                           `yaml:"lifecycle"`
	Other          map[string]any                   `yaml:",inline"`
}

type Variable struct {
	Name    string         `yaml:"name"`
	Type    string         `yaml:"type"`
	Options map[string]any `yaml:"options"`
}

// decodeManifest reads the typed view of an interpolated manifest tree.
func decodeManifest(doc any) (Manifest, error) {
	data, err := yaml.Marshal(doc)
	if err != nil {
		return Manifest{}, err
	}
	var m Manifest
	if err := yaml.UnmarshalStrict(data, &m); err != nil {
		// Unknown top-level keys are the director's business; read leniently.
		if err := yaml.Unmarshal(data, &m); err != nil {
			return Manifest{}, err
		}
	}
	attachRawProperties(doc, &m)
	return m, nil
}

// allJobs returns every job of every instance group and addon, with where it
// sits, for checks that apply to jobs wherever they are.
func (m Manifest) allJobs() []placedJob {
	var out []placedJob
	for _, ig := range m.InstanceGroups {
		for _, j := range ig.Jobs {
			out = append(out, placedJob{Where: "instance group " + ig.Name, Job: j})
		}
	}
	for _, a := range m.Addons {
		for _, j := range a.Jobs {
			out = append(out, placedJob{Where: "addon " + a.Name, Job: j})
		}
	}
	return out
}

type placedJob struct {
	Where string
	Job   Job
}

// variablePattern is the bosh CLI's ((name)) syntax, with an optional
// leading ! and a .path into the value.
var variablePattern = regexp.MustCompile(`\(\(([-/\.\w\p{L}!:]+)\)\)`)

// variableRefs returns every ((reference)) in the tree (keys and values), as
// written between the parentheses, sorted and unique.
func variableRefs(doc any) []string {
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[any]any:
			for k, val := range t {
				walk(k)
				walk(val)
			}
		case map[string]any:
			for k, val := range t {
				walk(k)
				walk(val)
			}
		case []any:
			for _, val := range t {
				walk(val)
			}
		case string:
			for _, m := range variablePattern.FindAllStringSubmatch(t, -1) {
				seen[m[1]] = true
			}
		}
	}
	walk(doc)
	out := make([]string, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// variableName is the variable a reference names: "ca.certificate" -> "ca".
func variableName(ref string) string {
	ref = strings.TrimPrefix(ref, "!")
	name, _, _ := strings.Cut(ref, ".")
	return name
}

// interpolate replaces every ((reference)) in the tree as the CLI does: a
// string that is one whole reference becomes the value (of any type), a
// reference inside a longer string is replaced by the value's text. lookup
// returns the whole variable's value; .paths index into maps.
func interpolate(v any, lookup func(name string) (any, error)) (any, error) {
	resolve := func(ref string) (any, error) {
		parts := strings.Split(strings.TrimPrefix(ref, "!"), ".")
		val, err := lookup(parts[0])
		if err != nil {
			return nil, err
		}
		for _, p := range parts[1:] {
			m, ok := normalize(val).(map[string]any)
			if !ok {
				return nil, fmt.Errorf("((%s)): %s is not a map", ref, parts[0])
			}
			if val, ok = m[p]; !ok {
				return nil, fmt.Errorf("((%s)): no key %q", ref, p)
			}
		}
		return val, nil
	}
	switch t := v.(type) {
	case map[any]any:
		out := make(map[any]any, len(t))
		for k, val := range t {
			nk, err := interpolate(k, lookup)
			if err != nil {
				return nil, err
			}
			nv, err := interpolate(val, lookup)
			if err != nil {
				return nil, err
			}
			out[nk] = nv
		}
		inheritOrder(out, t)
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, val := range t {
			nv, err := interpolate(val, lookup)
			if err != nil {
				return nil, err
			}
			out[i] = nv
		}
		return out, nil
	case string:
		if m := variablePattern.FindStringSubmatch(t); m != nil && m[0] == t {
			return resolve(m[1])
		}
		var firstErr error
		out := variablePattern.ReplaceAllStringFunc(t, func(s string) string {
			val, err := resolve(s[2 : len(s)-2])
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return s
			}
			return fmt.Sprint(val)
		})
		return out, firstErr
	default:
		return v, nil
	}
}

// JobSpec is the part of a job's spec file the suite reads.
type JobSpec struct {
	Name       string                    `yaml:"name"`
	Templates  map[string]string         `yaml:"templates"`
	Consumes   []LinkSpec                `yaml:"consumes"`
	Provides   []LinkSpec                `yaml:"provides"`
	Properties map[string]map[string]any `yaml:"properties"`
}

type LinkSpec struct {
	Name       string   `yaml:"name"`
	Type       string   `yaml:"type"`
	Optional   bool     `yaml:"optional"`
	Properties []string `yaml:"properties"`
}

// loadJobSpec reads jobs/<name>/spec.
func loadJobSpec(name string) (JobSpec, error) {
	path := filepath.Join(repoRoot, "jobs", name, "spec")
	data, err := os.ReadFile(path)
	if err != nil {
		return JobSpec{}, err
	}
	var s JobSpec
	if err := yaml.Unmarshal(data, &s); err != nil {
		return JobSpec{}, fmt.Errorf("parse %s: %w", path, err)
	}
	return s, nil
}

// undeclaredProperties returns the dotted names of properties set in props
// that the spec does not declare. A set value may be a declared property, a
// key inside a declared (hash) property, or a hash on the way to declared
// properties.
func undeclaredProperties(spec JobSpec, props map[string]any) []string {
	var bad []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		if _, ok := spec.Properties[prefix]; ok {
			return
		}
		for declared := range spec.Properties {
			if strings.HasPrefix(prefix, declared+".") {
				return
			}
		}
		m, isMap := normalize(v).(map[string]any)
		if isMap && spec.hasPropertiesUnder(prefix) {
			for k, val := range m {
				walk(prefix+"."+k, val)
			}
			return
		}
		bad = append(bad, prefix)
	}
	for k, v := range props {
		walk(k, v)
	}
	sort.Strings(bad)
	return bad
}

func (s JobSpec) hasPropertiesUnder(prefix string) bool {
	for declared := range s.Properties {
		if strings.HasPrefix(declared, prefix+".") {
			return true
		}
	}
	return false
}

// property returns the value at a dotted name in a nested property tree.
func property(props map[string]any, dotted string) (any, bool) {
	cur := normalize(props)
	for _, p := range strings.Split(dotted, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[p]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// setProperty writes value at a dotted name, creating hashes on the way.
func setProperty(props map[string]any, dotted string, value any) {
	parts := strings.Split(dotted, ".")
	cur := props
	for _, p := range parts[:len(parts)-1] {
		next, ok := cur[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[p] = next
		}
		cur = next
	}
	cur[parts[len(parts)-1]] = value
}
