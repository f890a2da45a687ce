package boshtemplate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Map is a hash whose keys keep their manifest order on the way to the
// templates, as the BOSH director keeps them: a template that walks a hash
// (a list of drains, a map of tags) sees what the operator wrote, in that
// order. A plain map[string]any reaches the renderer with its keys sorted.
type Map []Item

// Item is one key of a Map.
type Item struct {
	Key   string
	Value any
}

// Get returns the value of key and whether it is there.
func (m Map) Get(key string) (any, bool) {
	for _, it := range m {
		if it.Key == key {
			return it.Value, true
		}
	}
	return nil, false
}

// ToMap returns m as a map, for the top level of Context.Properties, whose
// order the renderer does not keep (it sorts every hash that is not inside
// an array, as the director does); nested values stay as they are.
func (m Map) ToMap() map[string]any {
	out := make(map[string]any, len(m))
	for _, it := range m {
		out[it.Key] = it.Value
	}
	return out
}

// MarshalJSON writes the keys in order.
func (m Map) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeMap(&buf, m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encode writes v as the renderer reads it: floats keep a decimal point
// (1.0 stays a Ruby Float, as the director passes it, instead of
// becoming the Integer 1), Maps keep their order and plain maps are sorted.
func encode(buf *bytes.Buffer, v any) error {
	switch t := v.(type) {
	case float64:
		return encodeFloat(buf, t)
	case float32:
		return encodeFloat(buf, float64(t))
	case Map:
		return encodeMap(buf, t)
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		m := make(Map, 0, len(keys))
		for _, k := range keys {
			m = append(m, Item{Key: k, Value: t[k]})
		}
		return encodeMap(buf, m)
	case []any:
		buf.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encode(buf, e); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		buf.Write(b)
		return nil
	}
}

func encodeMap(buf *bytes.Buffer, m Map) error {
	buf.WriteByte('{')
	for i, it := range m {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(it.Key)
		if err != nil {
			return err
		}
		buf.Write(k)
		buf.WriteByte(':')
		if err := encode(buf, it.Value); err != nil {
			return fmt.Errorf("%s: %w", it.Key, err)
		}
	}
	buf.WriteByte('}')
	return nil
}

func encodeFloat(buf *bytes.Buffer, f float64) error {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Errorf("%v cannot be passed to a template", f)
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !bytes.ContainsAny([]byte(s), ".eE") {
		s += ".0"
	}
	buf.WriteString(s)
	return nil
}

// FromYAML turns a YAML node into the values templates see: mappings
// become Maps in document order, integers int, floats float64 (even when
// integral, like 1.0), booleans bool, null nil, and anything else its string.
// Aliases are followed.
func FromYAML(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return FromYAML(n.Content[0])
	case yaml.AliasNode:
		return FromYAML(n.Alias)
	case yaml.MappingNode:
		m := make(Map, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := FromYAML(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m = append(m, Item{Key: n.Content[i].Value, Value: v})
		}
		return m, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := FromYAML(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	default:
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return v, nil
	}
}
