package wire

import (
	"fmt"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/proto"
)

// ToDeprecatedTags re-encodes env for a consumer that asked for
// use_preferred_tags=false: its string tags move into deprecated_tags as text
// values (a tag in both keeps the deprecated one). This is the legacy path
// and decodes the whole envelope; call it only for envelopes with tags.
func ToDeprecatedTags(env []byte) ([]byte, error) {
	var e loggregator_v2.Envelope
	if err := proto.Unmarshal(env, &e); err != nil {
		return nil, fmt.Errorf("decode envelope: %w", err)
	}
	if len(e.Tags) == 0 {
		return env, nil
	}
	if e.DeprecatedTags == nil {
		e.DeprecatedTags = make(map[string]*loggregator_v2.Value, len(e.Tags))
	}
	for k, v := range e.Tags {
		if _, ok := e.DeprecatedTags[k]; !ok {
			e.DeprecatedTags[k] = &loggregator_v2.Value{Data: &loggregator_v2.Value_Text{Text: v}}
		}
	}
	e.Tags = nil
	out, err := proto.Marshal(&e)
	if err != nil {
		return nil, fmt.Errorf("encode envelope: %w", err)
	}
	return out, nil
}
