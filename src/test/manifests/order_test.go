package manifests_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"

	"github.com/cppforlife/go-patch/patch"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	yaml3 "go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// The bosh CLI's own libraries (yaml.v2, go-patch) read a manifest into
// map[interface{}]interface{}, which has no order, and yaml.v2 writes maps
// back with their keys sorted. The director keeps the manifest's order, and
// a template that walks a hash inside an array (a list of drains, each a
// hash) sees it. So the suite remembers, beside each map the trees hold, the
// order its keys had in the YAML it came from (the manifest, or the value of
// an ops file's operation), and hands the renderer boshtemplate.Maps in that
// order. Keys an ops file adds to an existing hash come after the ones it
// had, as go-patch appends them.

// keyOrders maps a map's identity to the order of its keys in the source.
// An entry holds the map itself, so its address is never reused while the
// entry is there.
var keyOrders = struct {
	sync.Mutex
	byMap map[uintptr]orderEntry
}{byMap: map[uintptr]orderEntry{}}

type orderEntry struct {
	m    map[any]any
	keys []any
}

func mapID(m map[any]any) uintptr { return reflect.ValueOf(m).Pointer() }

func setOrder(m map[any]any, keys []any) {
	keyOrders.Lock()
	defer keyOrders.Unlock()
	keyOrders.byMap[mapID(m)] = orderEntry{m: m, keys: keys}
}

func orderOf(m map[any]any) []any {
	keyOrders.Lock()
	defer keyOrders.Unlock()
	return keyOrders.byMap[mapID(m)].keys
}

// inheritOrder gives to, a copy of from with the same keys, from's order.
func inheritOrder(to, from map[any]any) {
	if keys := orderOf(from); keys != nil {
		setOrder(to, keys)
	}
}

// recordOrder walks a yaml.v2 tree and the yaml.v3 node it was parsed from
// side by side and records each map's key order (and puts back floats that
// a copy through yaml.v2 turned into integers). Where the two do not line
// up (a merge key, an alias) it records what it can and leaves the rest to
// sorted order.
func recordOrder(v any, n *yaml3.Node) {
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml3.DocumentNode:
		if len(n.Content) > 0 {
			recordOrder(v, n.Content[0])
		}
	case yaml3.AliasNode:
		recordOrder(v, n.Alias)
	case yaml3.MappingNode:
		m, ok := v.(map[any]any)
		if !ok {
			return
		}
		byText := make(map[string]any, len(m))
		for k := range m {
			byText[fmt.Sprint(k)] = k
		}
		keys := make([]any, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, ok := byText[n.Content[i].Value]
			if !ok {
				continue
			}
			keys = append(keys, k)
			m[k] = restoreFloat(m[k], n.Content[i+1])
			recordOrder(m[k], n.Content[i+1])
		}
		setOrder(m, keys)
	case yaml3.SequenceNode:
		l, ok := v.([]any)
		if !ok || len(l) != len(n.Content) {
			return
		}
		for i, c := range n.Content {
			l[i] = restoreFloat(l[i], c)
			recordOrder(l[i], c)
		}
	}
}

// restoreFloat undoes go-patch's copy of an ops file's value through yaml.v2,
// which writes the float 1.0 as 1 and reads it back as the integer 1: a value
// the YAML source wrote as a float stays a float.
func restoreFloat(v any, n *yaml3.Node) any {
	if n == nil || n.Kind != yaml3.ScalarNode || n.ShortTag() != "!!float" {
		return v
	}
	if i, ok := v.(int); ok {
		return float64(i)
	}
	return v
}

// recordOrderFrom records the key order of every hash of doc, which yaml.v2
// parsed from data, as the bosh CLI does.
func recordOrderFrom(doc any, data []byte) error {
	var node yaml3.Node
	if err := yaml3.Unmarshal(data, &node); err != nil {
		return err
	}
	recordOrder(doc, &node)
	return nil
}

// applyOpsFile applies an ops file's operations one at a time, as go-patch
// does, and after each replace records the order of the value it wrote (which
// go-patch copies through yaml.v2, losing it).
func applyOpsFile(doc any, path string) (any, error) {
	defs, err := loadOpDefinitions(path)
	if err != nil {
		return nil, err
	}
	if _, err := patch.NewOpsFromDefinitions(defs); err != nil {
		return nil, fmt.Errorf("ops file %s: %w", path, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var node yaml3.Node
	if err := yaml3.Unmarshal(data, &node); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	var opNodes []*yaml3.Node
	if len(node.Content) > 0 && node.Content[0].Kind == yaml3.SequenceNode {
		opNodes = node.Content[0].Content
	}
	for i, def := range defs {
		ops, err := patch.NewOpsFromDefinitions([]patch.OpDefinition{def})
		if err != nil {
			return nil, err
		}
		if doc, err = ops.Apply(doc); err != nil {
			return nil, err
		}
		if def.Type != "replace" || def.Path == nil || i >= len(opNodes) {
			continue
		}
		if written, ok := locate(doc, *def.Path); ok {
			recordOrder(written, mappingValue(opNodes[i], "value"))
		}
	}
	return doc, nil
}

func mappingValue(n *yaml3.Node, key string) *yaml3.Node {
	if n == nil || n.Kind != yaml3.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// locate returns the value at a go-patch path after the operation wrote it.
// Paths that insert beside an element (:before, :after, :prev, :next) are not
// followed; their values keep sorted order.
func locate(doc any, path string) (any, bool) {
	ptr, err := patch.NewPointerFromString(path)
	if err != nil {
		return nil, false
	}
	cur := doc
	for _, tok := range ptr.Tokens() {
		switch t := tok.(type) {
		case patch.RootToken:
		case patch.KeyToken:
			m, ok := cur.(map[any]any)
			if !ok {
				return nil, false
			}
			if cur, ok = m[t.Key]; !ok {
				return nil, false
			}
		case patch.IndexToken:
			l, ok := cur.([]any)
			if !ok || len(t.Modifiers) > 0 {
				return nil, false
			}
			idx := t.Index
			if idx < 0 {
				idx += len(l)
			}
			if idx < 0 || idx >= len(l) {
				return nil, false
			}
			cur = l[idx]
		case patch.AfterLastIndexToken:
			l, ok := cur.([]any)
			if !ok || len(l) == 0 {
				return nil, false
			}
			cur = l[len(l)-1]
		case patch.MatchingIndexToken:
			l, ok := cur.([]any)
			if !ok || len(t.Modifiers) > 0 {
				return nil, false
			}
			var match []any
			for _, e := range l {
				if m, ok := e.(map[any]any); ok && m[t.Key] == t.Value {
					match = append(match, e)
				}
			}
			if len(match) != 1 {
				return nil, false
			}
			cur = match[0]
		default:
			return nil, false
		}
	}
	return cur, true
}

// ordered converts a tree for the renderer: hashes become boshtemplate.Maps
// in their recorded order (keys without one last, sorted), every value keeps
// its type.
func ordered(v any) any {
	switch t := v.(type) {
	case map[any]any:
		seen := make(map[any]bool, len(t))
		out := make(boshtemplate.Map, 0, len(t))
		for _, k := range orderOf(t) {
			if val, ok := t[k]; ok && !seen[k] {
				seen[k] = true
				out = append(out, boshtemplate.Item{Key: fmt.Sprint(k), Value: ordered(val)})
			}
		}
		var rest []any
		for k := range t {
			if !seen[k] {
				rest = append(rest, k)
			}
		}
		sort.Slice(rest, func(i, j int) bool { return fmt.Sprint(rest[i]) < fmt.Sprint(rest[j]) })
		for _, k := range rest {
			out = append(out, boshtemplate.Item{Key: fmt.Sprint(k), Value: ordered(t[k])})
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = ordered(e)
		}
		return out
	default:
		return v
	}
}

// orderedProperties is a job's properties as the renderer should see them.
func orderedProperties(raw any) map[string]any {
	m, ok := ordered(raw).(boshtemplate.Map)
	if !ok {
		return map[string]any{}
	}
	return m.ToMap()
}

// attachRawProperties gives every job of the typed manifest the properties
// tree of the raw one, with its order and types (the typed view went through
// yaml.v2 and lost both: 1.0 comes back as 1).
func attachRawProperties(doc any, m *Manifest) {
	root, _ := doc.(map[any]any)
	groups, _ := root["instance_groups"].([]any)
	for i := range m.InstanceGroups {
		if i >= len(groups) {
			break
		}
		g, _ := groups[i].(map[any]any)
		jobs, _ := g["jobs"].([]any)
		for j := range m.InstanceGroups[i].Jobs {
			if j < len(jobs) {
				job, _ := jobs[j].(map[any]any)
				m.InstanceGroups[i].Jobs[j].rawProperties = job["properties"]
			}
		}
	}
	addons, _ := root["addons"].([]any)
	for i := range m.Addons {
		if i >= len(addons) {
			break
		}
		a, _ := addons[i].(map[any]any)
		jobs, _ := a["jobs"].([]any)
		for j := range m.Addons[i].Jobs {
			if j < len(jobs) {
				job, _ := jobs[j].(map[any]any)
				m.Addons[i].Jobs[j].rawProperties = job["properties"]
			}
		}
	}
}

var _ = Describe("property values on the way to the renderer", func() {
	It("keep their manifest order inside arrays and their types, through ops files and variables", func() {
		dir := GinkgoT().TempDir()
		manifest := filepath.Join(dir, "manifest.yml")
		Expect(os.WriteFile(manifest, []byte(`---
name: order
instance_groups:
- name: probe
  instances: 1
  jobs:
  - name: fixture
    release: loggregator
    properties:
      ratio: 1.0
      drains:
      - {url: "((drain_url))", name: first, batch: 2}
      - zone: z1
        alpha: 3.5
`), 0o644)).To(Succeed())
		ops := filepath.Join(dir, "ops.yml")
		Expect(os.WriteFile(ops, []byte(`---
- type: replace
  path: /instance_groups/name=probe/jobs/name=fixture/properties/drains/-
  value: {weight: 1.0, name: added, count: 7}
- type: replace
  path: /instance_groups/name=probe/jobs/name=fixture/properties/drains/0/tls?
  value: true
`), 0o644)).To(Succeed())

		raw, err := interpolateManifest(manifest, ops)
		Expect(err).NotTo(HaveOccurred())
		doc, err := interpolate(raw, func(name string) (any, error) {
			Expect(name).To(Equal("drain_url"))
			return "syslog://drain.example.com:514", nil
		})
		Expect(err).NotTo(HaveOccurred())
		m, err := decodeManifest(doc)
		Expect(err).NotTo(HaveOccurred())
		props := orderedProperties(m.InstanceGroups[0].Jobs[0].rawProperties)

		job := filepath.Join(dir, "fixture")
		Expect(os.MkdirAll(filepath.Join(job, "templates"), 0o755)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(job, "spec"), []byte(`---
name: fixture
templates:
  out.erb: out
packages: []
properties:
  ratio: {description: a float}
  drains: {description: a list of hashes}
`), 0o644)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(job, "monit"), nil, 0o644)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(job, "templates", "out.erb"), []byte("<%= p('ratio') %>\n<%= p('drains').to_json %>\n"), 0o644)).To(Succeed())

		out := filepath.Join(dir, "out")
		Expect(boshtemplate.Render(job, boshtemplate.Context{Properties: props}, out)).To(Succeed())
		rendered, err := os.ReadFile(filepath.Join(out, "out"))
		Expect(err).NotTo(HaveOccurred())
		Expect(string(rendered)).To(Equal("1.0\n" +
			`[{"url":"syslog://drain.example.com:514","name":"first","batch":2,"tls":true},` +
			`{"zone":"z1","alpha":3.5},` +
			`{"weight":1.0,"name":"added","count":7}]` + "\n"))
	})
})
