package main

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// manifest is manifests/local.yml: the certificates to generate and the jobs
// to run, each with the properties and links a deployment manifest would give.
type manifest struct {
	// Certificates maps a variable name to the common name of its leaf
	// certificate; the CA is the variable "loggregator_ca".
	Certificates map[string]string `yaml:"certificates"`
	Jobs         []job             `yaml:"jobs"`
}

type job struct {
	Name       string                       `yaml:"name"`
	Binary     string                       `yaml:"binary"`
	Config     string                       `yaml:"config"`
	WaitFor    string                       `yaml:"wait_for"`
	Endpoints  map[string]string            `yaml:"endpoints"`
	Properties map[string]any               `yaml:"properties"`
	Links      map[string]boshtemplate.Link `yaml:"links"`
}

func loadManifest(path string) (*manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var m manifest
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	for i, j := range m.Jobs {
		if j.Name == "" || j.Binary == "" || j.Config == "" {
			return nil, fmt.Errorf("%s: jobs[%d] needs name, binary and config", path, i)
		}
	}
	return &m, nil
}

// interpolate replaces "((name.field))" strings anywhere in v with vars, as
// `bosh int` does for whole-value variables.
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
		return t, nil
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
