package dropsonde

import (
	"errors"
	"fmt"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// tagsField is the field number of loggregator_v2.Envelope's tags map.
const tagsField = 9

// Interning bounds: strings longer than internMaxLen, or met once the
// cache holds internMaxEntries, are allocated as usual.
const (
	internMaxLen     = 64
	internMaxEntries = 4096
)

// V2Decoder decodes encoded v2 envelopes for Encode, for one goroutine
// (the traffic controller's websocket writer). proto.Unmarshal fills a
// map<string,string> through protobuf's reflection, four allocations per
// tag, and a router's envelope carries six or more; V2Decoder leaves the
// tags out of what it gives proto.Unmarshal, reads them itself into a map
// it reuses, and takes their strings from a bounded cache, since tag keys
// and most values (origin, deployment, job, source_type) repeat from one
// envelope to the next. The zero V2Decoder is ready to use.
type V2Decoder struct {
	rest   []byte
	tags   map[string]string
	intern map[string]string
}

// Decode decodes raw into e, as proto.Unmarshal does, with one difference:
// e.Tags is a map the next Decode clears and refills, so e is good only
// until then. A tag that is not UTF-8, or a malformed envelope, is an error.
func (d *V2Decoder) Decode(raw []byte, e *loggregator_v2.Envelope) error {
	if d.tags == nil {
		d.tags = make(map[string]string, 16)
		d.intern = make(map[string]string, 64)
	}
	clear(d.tags)
	d.rest = d.rest[:0]
	for b := raw; len(b) > 0; {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("decode v2 envelope: %w", protowire.ParseError(n))
		}
		m := protowire.ConsumeFieldValue(num, typ, b[n:])
		if m < 0 {
			return fmt.Errorf("decode v2 envelope: %w", protowire.ParseError(m))
		}
		if num == tagsField && typ == protowire.BytesType {
			entry, _ := protowire.ConsumeBytes(b[n : n+m])
			if err := d.tag(entry); err != nil {
				return err
			}
		} else {
			d.rest = append(d.rest, b[:n+m]...)
		}
		b = b[n+m:]
	}
	proto.Reset(e)
	if err := proto.Unmarshal(d.rest, e); err != nil {
		return fmt.Errorf("decode v2 envelope: %w", err)
	}
	if len(d.tags) > 0 {
		e.Tags = d.tags
	}
	if cap(d.rest) > maxKeptBuffer {
		d.rest = nil
	}
	return nil
}

var errTagUTF8 = errors.New("decode v2 envelope: a tag is not UTF-8")

// tag reads one map entry (key 1, value 2; either may be missing, and the
// last of each counts, as in proto.Unmarshal).
func (d *V2Decoder) tag(entry []byte) error {
	var key, value []byte
	for len(entry) > 0 {
		num, typ, n := protowire.ConsumeTag(entry)
		if n < 0 {
			return fmt.Errorf("decode v2 envelope: tag: %w", protowire.ParseError(n))
		}
		m := protowire.ConsumeFieldValue(num, typ, entry[n:])
		if m < 0 {
			return fmt.Errorf("decode v2 envelope: tag: %w", protowire.ParseError(m))
		}
		if typ == protowire.BytesType && (num == 1 || num == 2) {
			s, _ := protowire.ConsumeBytes(entry[n : n+m])
			if num == 1 {
				key = s
			} else {
				value = s
			}
		} else if num == 1 || num == 2 {
			return errors.New("decode v2 envelope: tag: wrong wire type")
		}
		entry = entry[n+m:]
	}
	if !wire.ValidUTF8(key) || !wire.ValidUTF8(value) {
		return errTagUTF8
	}
	d.tags[d.str(key)] = d.str(value)
	return nil
}

// str is string(b), from the cache when it holds it or has room for it.
func (d *V2Decoder) str(b []byte) string {
	if s, ok := d.intern[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	if len(b) <= internMaxLen && len(d.intern) < internMaxEntries {
		d.intern[s] = s
	}
	return s
}
