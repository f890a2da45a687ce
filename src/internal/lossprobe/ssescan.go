package lossprobe

import "bytes"

// scanBatch appends to fs the probe fields of each envelope in data, the
// JSON of one gateway event (see wire.JSONEncoder):
//
//	{"batch":[{"timestamp":"5","source_id":"app",…,"tags":{…},"log":{…}},…]}
//
// It reads the timestamp and the probe's tags, skips everything else, and
// allocates nothing beyond fs's growth. The byte slices in fs point into
// data. It reports false, with fs holding a partial result to discard, for
// anything it does not expect: whitespace, escapes in a key or in a probe
// tag's value, a form protojson also accepts that the gateway does not
// write (null, a numeric timestamp), an unknown field, a repeated field. The
// caller then decodes data with protojson, so that an unexpected event
// costs time but never changes what is counted. Beyond that, it checks
// only the parts it reads: an event protojson would refuse for what is in
// a skipped part (a bad base64 payload, invalid UTF-8) may scan.
func scanBatch(data []byte, fs []probeFields) ([]probeFields, bool) {
	s := scanner{b: data}
	if !s.lit(`{"batch":[`) {
		return fs, false
	}
	if !s.next(']') {
		for {
			var f probeFields
			if !s.envelope(&f) {
				return fs, false
			}
			fs = append(fs, f)
			if s.next(',') {
				continue
			}
			if !s.next(']') {
				return fs, false
			}
			break
		}
	}
	return fs, s.next('}') && s.i == len(s.b)
}

// scanner reads JSON from b at i. Its methods advance i past what they
// read when they succeed; when one fails the scan is abandoned.
type scanner struct {
	b []byte
	i int
}

// next consumes c if it is the next byte.
func (s *scanner) next(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// lit consumes lit if b continues with it.
func (s *scanner) lit(lit string) bool {
	if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
		s.i += len(lit)
		return true
	}
	return false
}

// str reads a string without escapes and returns its contents.
func (s *scanner) str() ([]byte, bool) {
	if !s.next('"') {
		return nil, false
	}
	rest := s.b[s.i:]
	end := bytes.IndexByte(rest, '"')
	if end < 0 || bytes.IndexByte(rest[:end], '\\') >= 0 {
		return nil, false
	}
	s.i += end + 1
	return rest[:end:end], true
}

// Bits for the envelope fields seen, to refuse a repeated one.
const (
	seenTimestamp = 1 << iota
	seenSourceID
	seenInstanceID
	seenDeprecatedTags
	seenTags
	seenMessage
)

// envelope reads one envelope object into f.
func (s *scanner) envelope(f *probeFields) bool {
	var deprecated probeFields
	if !s.next('{') {
		return false
	}
	seen := 0
	for !s.next('}') {
		if seen != 0 && !s.next(',') {
			return false
		}
		key, ok := s.str()
		if !ok || !s.next(':') {
			return false
		}
		var bit int
		switch string(key) {
		case "timestamp":
			bit = seenTimestamp
			v, ok := s.str()
			ts, ok2 := parseUint(v)
			if !ok || !ok2 || ts > 1<<63-1 {
				return false
			}
			f.timestamp = int64(ts)
		case "tags":
			bit = seenTags
			if !s.tags(f, false) {
				return false
			}
		case "deprecated_tags":
			bit = seenDeprecatedTags
			if !s.tags(&deprecated, true) {
				return false
			}
		case "source_id":
			bit = seenSourceID
			ok = s.skip()
		case "instance_id":
			bit = seenInstanceID
			ok = s.skip()
		case "log", "counter", "gauge", "timer", "event":
			bit = seenMessage
			ok = s.next('{') && s.skipRest()
		default:
			return false
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
	f.fill(&deprecated)
	return true
}

// tags reads a tags object (string values) or, when deprecated, a
// deprecated_tags object (Value values, of which the text counts), setting
// the probe's tags in f.
func (s *scanner) tags(f *probeFields, deprecated bool) bool {
	if !s.next('{') {
		return false
	}
	for first := true; !s.next('}'); first = false {
		if !first && !s.next(',') {
			return false
		}
		key, ok := s.str()
		if !ok || !s.next(':') {
			return false
		}
		switch {
		case !isProbeTag(key):
			ok = s.skip()
		case deprecated:
			var v []byte
			v, ok = s.textValue()
			f.set(key, v)
		default:
			var v []byte
			v, ok = s.str()
			f.set(key, v)
		}
		if !ok {
			return false
		}
	}
	return true
}

func isProbeTag(key []byte) bool {
	switch string(key) {
	case TagRunID, TagEmitter, TagSeq, TagWarmup:
		return true
	}
	return false
}

// textValue reads a loggregator.v2.Value object and returns its text, or
// an empty slice for another kind of value, as raw.go's textValue does.
func (s *scanner) textValue() ([]byte, bool) {
	text := []byte{}
	if !s.next('{') {
		return nil, false
	}
	if s.next('}') {
		return text, true
	}
	key, ok := s.str()
	if !ok || !s.next(':') {
		return nil, false
	}
	switch string(key) {
	case "text":
		text, ok = s.str()
	case "integer", "decimal":
		ok = s.skip()
	default:
		return nil, false
	}
	return text, ok && s.next('}') // one member: a oneof
}

// skip passes over one value of any kind.
func (s *scanner) skip() bool {
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '"':
		return s.skipString()
	case '{', '[':
		s.i++
		return s.skipRest()
	}
	start := s.i // a number, true, false or null
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ',', '}', ']':
			return s.i > start
		}
		s.i++
	}
	return false
}

// skipString passes over a string, escapes and all.
func (s *scanner) skipString() bool {
	s.i++ // the opening quote
	for {
		end := bytes.IndexByte(s.b[s.i:], '"')
		if end < 0 {
			return false
		}
		q := s.i + end
		s.i = q + 1
		backslashes := 0
		for j := q - 1; j >= 0 && s.b[j] == '\\'; j-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return true
		}
	}
}

// skipRest passes over the rest of an object or array whose opening
// bracket has been read, up to and including its closing one. It counts
// brackets without matching their kinds.
func (s *scanner) skipRest() bool {
	for depth := 1; s.i < len(s.b); {
		switch s.b[s.i] {
		case '"':
			if !s.skipString() {
				return false
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				s.i++
				return true
			}
		}
		s.i++
	}
	return false
}
