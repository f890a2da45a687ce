package fleet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// JobSpec is the part of a job's spec file the fleet needs to wire links.
type JobSpec struct {
	Name     string
	Consumes []LinkDef
	Provides []LinkDef
	// Defaults holds each declared property's default, by dotted name.
	Defaults map[string]any
}

// LinkDef is a link a job consumes or provides.
type LinkDef struct {
	Name, Type string
	Optional   bool
	// Properties are the provider's properties the link shares.
	Properties []string
}

// LoadJobSpec reads release/jobs/<job>/spec.
func LoadJobSpec(release, job string) (*JobSpec, error) {
	path := filepath.Join(release, "jobs", job, "spec")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("job %s: %w", job, err)
	}
	var raw struct {
		Name     string `yaml:"name"`
		Consumes []struct {
			Name     string `yaml:"name"`
			Type     string `yaml:"type"`
			Optional bool   `yaml:"optional"`
		} `yaml:"consumes"`
		Provides []struct {
			Name       string   `yaml:"name"`
			Type       string   `yaml:"type"`
			Properties []string `yaml:"properties"`
		} `yaml:"provides"`
		Properties map[string]struct {
			Default yaml.Node `yaml:"default"`
		} `yaml:"properties"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &JobSpec{Name: raw.Name, Defaults: map[string]any{}}
	for _, c := range raw.Consumes {
		s.Consumes = append(s.Consumes, LinkDef{Name: c.Name, Type: c.Type, Optional: c.Optional})
	}
	for _, p := range raw.Provides {
		s.Provides = append(s.Provides, LinkDef{Name: p.Name, Type: p.Type, Properties: p.Properties})
	}
	for name, p := range raw.Properties {
		if p.Default.Kind == 0 {
			continue
		}
		v, err := boshtemplate.FromYAML(&p.Default)
		if err != nil {
			return nil, fmt.Errorf("%s: property %s: %w", path, name, err)
		}
		s.Defaults[name] = v
	}
	return s, nil
}

// linkProperties are the properties a provided link shares: each one the
// provider's manifest sets, else its spec default, nested by its dots.
func linkProperties(def LinkDef, spec *JobSpec, props boshtemplate.Map) map[string]any {
	var out boshtemplate.Map
	for _, name := range def.Properties {
		v, ok := lookup(props, name)
		if !ok {
			if v, ok = spec.Defaults[name]; !ok {
				continue
			}
		}
		out = setPath(out, strings.Split(name, "."), v)
	}
	return out.ToMap()
}
