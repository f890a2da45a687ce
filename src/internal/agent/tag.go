package agent

import (
	"fmt"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"
)

// tagger appends the agent's tags to encoded envelopes. Each tag is
// encoded once, at start, as a tags (field 9) map entry; appending that
// entry to an envelope's bytes is the same as adding the tag, since
// protobuf merges repeated map fields. A tag the producer set, in tags or
// deprecated_tags, is left alone.
type tagger struct {
	names   []string
	entries [][]byte
	size    int // of all entries: the most appendMissing adds
}

type tag struct{ name, value string }

func newTagger(tags []tag) (*tagger, error) {
	t := &tagger{}
	for _, tg := range tags {
		b, err := proto.Marshal(&loggregator_v2.Envelope{Tags: map[string]string{tg.name: tg.value}})
		if err != nil {
			return nil, fmt.Errorf("encode tag %q: %w", tg.name, err)
		}
		t.names = append(t.names, tg.name)
		t.entries = append(t.entries, b)
		t.size += len(b)
	}
	return t, nil
}

// appendMissing appends to buf the entries of the tags an envelope whose
// tag keys are keys does not carry.
func (t *tagger) appendMissing(buf []byte, keys [][]byte) []byte {
	for i, name := range t.names {
		if !contains(keys, name) {
			buf = append(buf, t.entries[i]...)
		}
	}
	return buf
}

func contains(keys [][]byte, name string) bool {
	for _, k := range keys {
		if string(k) == name {
			return true
		}
	}
	return false
}

// identityTags lists the VM's identity tags that are set, then the custom
// tags; a custom tag named like a set identity tag is ignored.
func identityTags(cfg *Config) []tag {
	var tags []tag
	seen := map[string]bool{}
	for _, t := range []tag{
		{"deployment", cfg.Deployment}, {"job", cfg.Job}, {"index", cfg.Index},
		{"ip", cfg.IP}, {"zone", cfg.Zone},
	} {
		if t.value != "" {
			seen[t.name] = true
			tags = append(tags, t)
		}
	}
	for k, v := range cfg.Tags {
		if !seen[k] {
			tags = append(tags, tag{k, v})
		}
	}
	return tags
}
