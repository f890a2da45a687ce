package fleet

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// Manifest is the part of a BOSH deployment manifest the fleet reads: the
// instance groups, their jobs with properties and link wiring, and the
// certificate variables. Properties keep the types and order the director
// would see (boshtemplate.FromYAML).
type Manifest struct {
	Name           string
	InstanceGroups []*InstanceGroup
	Variables      []Variable
}

// InstanceGroup is one instance group of the manifest.
type InstanceGroup struct {
	Name      string
	AZs       []string
	Instances int
	Errand    bool
	Jobs      []*ManifestJob
}

// ManifestJob is a job placed on an instance group.
type ManifestJob struct {
	Name       string
	Release    string
	Properties boshtemplate.Map
	// Provides maps a provided link's name to the name it is published as
	// (`provides: {NAME: {as: ALIAS}}`).
	Provides map[string]string
	// Consumes maps a consumed link's name to the published name it takes
	// (`consumes: {NAME: {from: ALIAS}}`).
	Consumes map[string]string
}

// Variable is a certificate variable of the manifest's variables section.
type Variable struct {
	Name, Type, CA, CommonName string
	IsCA                       bool
	AlternativeNames           []string
}

// Group returns the instance group named name, or nil.
func (m *Manifest) Group(name string) *InstanceGroup {
	for _, g := range m.InstanceGroups {
		if g.Name == name {
			return g
		}
	}
	return nil
}

// Job returns the group's job named name, or nil.
func (g *InstanceGroup) Job(name string) *ManifestJob {
	for _, j := range g.Jobs {
		if j.Name == name {
			return j
		}
	}
	return nil
}

// LoadManifest reads a deployment manifest, replacing every whole-value
// "((name))" with vars[name] first, as `bosh int -v` does. Variables the
// manifest generates (its certificates, "((ca.certificate))") stay as they
// are for the fleet to fill in.
func LoadManifest(path string, vars map[string]string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	v, err := boshtemplate.FromYAML(&doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	top, ok := v.(boshtemplate.Map)
	if !ok {
		return nil, fmt.Errorf("%s: not a deployment manifest", path)
	}
	top = substitute(top, vars).(boshtemplate.Map)
	m := &Manifest{Name: str(get(top, "name"))}
	for i, gv := range list(get(top, "instance_groups")) {
		g, ok := gv.(boshtemplate.Map)
		if !ok {
			return nil, fmt.Errorf("%s: instance_groups[%d] is not a hash", path, i)
		}
		ig := &InstanceGroup{
			Name:      str(get(g, "name")),
			Instances: num(get(g, "instances")),
			Errand:    str(get(g, "lifecycle")) == "errand",
		}
		for _, az := range list(get(g, "azs")) {
			ig.AZs = append(ig.AZs, str(az))
		}
		for _, jv := range list(get(g, "jobs")) {
			j, _ := jv.(boshtemplate.Map)
			mj := &ManifestJob{Name: str(get(j, "name")), Release: str(get(j, "release")),
				Provides: map[string]string{}, Consumes: map[string]string{}}
			mj.Properties, _ = get(j, "properties").(boshtemplate.Map)
			for _, it := range asMap(get(j, "provides")) {
				mj.Provides[it.Key] = str(get(asMap(it.Value), "as"))
			}
			for _, it := range asMap(get(j, "consumes")) {
				mj.Consumes[it.Key] = str(get(asMap(it.Value), "from"))
			}
			ig.Jobs = append(ig.Jobs, mj)
		}
		if ig.Name == "" || len(ig.AZs) == 0 {
			return nil, fmt.Errorf("%s: instance_groups[%d] needs a name and azs", path, i)
		}
		m.InstanceGroups = append(m.InstanceGroups, ig)
	}
	for _, vv := range list(get(top, "variables")) {
		vm := asMap(vv)
		opts := asMap(get(vm, "options"))
		va := Variable{Name: str(get(vm, "name")), Type: str(get(vm, "type")), CA: str(get(opts, "ca")),
			CommonName: str(get(opts, "common_name")), IsCA: get(opts, "is_ca") == true}
		for _, n := range list(get(opts, "alternative_names")) {
			va.AlternativeNames = append(va.AlternativeNames, str(n))
		}
		m.Variables = append(m.Variables, va)
	}
	return m, nil
}

// substitute replaces whole-value "((name))" strings whose name is in vars.
func substitute(v any, vars map[string]string) any {
	switch t := v.(type) {
	case string:
		if strings.HasPrefix(t, "((") && strings.HasSuffix(t, "))") {
			if val, ok := vars[strings.TrimSuffix(strings.TrimPrefix(t, "(("), "))")]; ok {
				return val
			}
		}
		return t
	case boshtemplate.Map:
		out := make(boshtemplate.Map, len(t))
		for i, it := range t {
			out[i] = boshtemplate.Item{Key: it.Key, Value: substitute(it.Value, vars)}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = substitute(e, vars)
		}
		return out
	default:
		return v
	}
}

// Set sets a dotted property ("doppler.dns_refresh_interval") of the job on
// every instance group that has it, as an ops file's replace would.
func (m *Manifest) Set(job, property string, value any) {
	for _, g := range m.InstanceGroups {
		if j := g.Job(job); j != nil {
			j.Properties = setPath(j.Properties, strings.Split(property, "."), value)
		}
	}
}

func setPath(m boshtemplate.Map, path []string, value any) boshtemplate.Map {
	m = slices.Clone(m)
	for i, it := range m {
		if it.Key == path[0] {
			if len(path) == 1 {
				m[i].Value = value
			} else {
				sub, _ := it.Value.(boshtemplate.Map)
				m[i].Value = setPath(sub, path[1:], value)
			}
			return m
		}
	}
	if len(path) == 1 {
		return append(m, boshtemplate.Item{Key: path[0], Value: value})
	}
	return append(m, boshtemplate.Item{Key: path[0], Value: setPath(nil, path[1:], value)})
}

// lookup finds a dotted property in m.
func lookup(m boshtemplate.Map, dotted string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(dotted, ".") {
		mm, ok := cur.(boshtemplate.Map)
		if !ok {
			return nil, false
		}
		if cur, ok = mm.Get(k); !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}

func get(m boshtemplate.Map, key string) any {
	v, _ := m.Get(key)
	return v
}

func asMap(v any) boshtemplate.Map {
	m, _ := v.(boshtemplate.Map)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

func num(v any) int {
	n, _ := v.(int)
	return n
}
