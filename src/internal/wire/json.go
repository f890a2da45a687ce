package wire

import (
	"bytes"
	"encoding/base64"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// JSONEncoder writes encoded v2 envelopes as JSON straight from their wire
// bytes, the JSON the gateway has always written: what protojson writes for
// the decoded Envelope with EmitUnpopulated, proto field names and no
// optional spaces. Every field is present (zero values too, an unset Value
// as {}), int64 and uint64 are decimal strings, bytes are standard base64,
// an enum is its name or, when unknown, its number, doubles are JSON
// numbers or "NaN", "Infinity", "-Infinity", map entries are sorted by key
// and the oneof message is written only when set. For example
//
//	{"timestamp":"5","source_id":"app","instance_id":"","deprecated_tags":{},
//	 "tags":{"a":"b"},"log":{"payload":"aGk=","type":"OUT"}}
//
// (on one line). Where protobuf would merge repeated occurrences of a
// message field, the encoder takes the last one whole, as it does for
// scalar fields; no emitter writes an envelope like that.
//
// A JSONEncoder keeps scratch space for sorting map keys, so it allocates
// nothing once warm. It is not safe for concurrent use: give each goroutine
// its own. The zero value is ready to use.
type JSONEncoder struct {
	// Map entries of the envelope being written, in wire order, reused.
	deprecatedTags, tags, metrics []jsonMapEntry
}

type jsonMapEntry struct {
	key, value []byte
}

var (
	errJSONWireType = malformed("unexpected wire type for JSON")
	errJSONGroup    = malformed("groups are not supported")
)

// AppendEnvelope appends the JSON of the encoded envelope env to dst. When
// env is not well-formed protobuf, a known field has an unexpected wire
// type or a string field is not valid UTF-8 (which protojson refuses too),
// it returns dst unchanged (its original length) and an error wrapping
// ErrMalformed.
func (e *JSONEncoder) AppendEnvelope(dst, env []byte) ([]byte, error) {
	start := len(dst)
	out, err := e.appendEnvelope(dst, env)
	if err != nil {
		return dst[:start], err
	}
	return out, nil
}

// jsonField is one field as read by nextField: its number, wire type, and
// the value of a varint or fixed field in v or the bytes of a
// length-delimited one in data.
type jsonField struct {
	num  int
	typ  uint64
	v    uint64
	data []byte
}

// nextField reads the field at the start of b and returns it with the
// rest of b. Unlike FieldIter it returns fixed-width fields too, which
// doubles need.
func nextField(b []byte) (jsonField, []byte, error) {
	key, n := uint64(b[0]), 1
	if key >= 0x80 {
		if key, n = varint(b); n <= 0 {
			return jsonField{}, nil, errVarint
		}
	}
	if key>>3 == 0 || key>>3 > 1<<29-1 {
		return jsonField{}, nil, errFieldNum
	}
	f := jsonField{num: int(key >> 3), typ: key & 7}
	b = b[n:]
	switch f.typ {
	case wireVarint:
		if f.v, n = varint(b); n <= 0 {
			return jsonField{}, nil, errVarint
		}
		return f, b[n:], nil
	case wireBytes:
		l, n := varint(b)
		if n <= 0 {
			return jsonField{}, nil, errVarint
		}
		if l > uint64(len(b)-n) {
			return jsonField{}, nil, errTruncated
		}
		end := n + int(l)
		f.data = b[n:end]
		return f, b[end:], nil
	case wireFixed64:
		if len(b) < 8 {
			return jsonField{}, nil, errTruncated
		}
		f.v = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		return f, b[8:], nil
	case wireFixed32:
		if len(b) < 4 {
			return jsonField{}, nil, errTruncated
		}
		f.v = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24
		return f, b[4:], nil
	case 3, 4:
		return jsonField{}, nil, errJSONGroup
	}
	return jsonField{}, nil, errWireType
}

// want checks that a known field came with the wire type its declaration
// gives it.
func want(f jsonField, typ uint64) error {
	if f.typ != typ {
		return errJSONWireType
	}
	return nil
}

func (e *JSONEncoder) appendEnvelope(out, env []byte) ([]byte, error) {
	e.deprecatedTags, e.tags, e.metrics = e.deprecatedTags[:0], e.tags[:0], e.metrics[:0]
	var (
		timestamp            uint64
		sourceID, instanceID []byte
		oneof                int // field number of the message set, 0 for none
		message              []byte
	)
	for b := env; len(b) > 0; {
		f, rest, err := nextField(b)
		if err != nil {
			return nil, err
		}
		b = rest
		switch f.num {
		case fieldTimestamp:
			err = want(f, wireVarint)
			timestamp = f.v
		case fieldSourceID:
			err = want(f, wireBytes)
			sourceID = f.data
		case fieldInstanceID:
			err = want(f, wireBytes)
			instanceID = f.data
		case fieldDeprecatedTags:
			var ent jsonMapEntry
			if err = want(f, wireBytes); err == nil {
				ent, err = parseEntry(f.data)
				e.deprecatedTags = append(e.deprecatedTags, ent)
			}
		case fieldTags:
			var ent jsonMapEntry
			if err = want(f, wireBytes); err == nil {
				ent, err = parseEntry(f.data)
				e.tags = append(e.tags, ent)
			}
		case fieldLog, fieldCounter, fieldGauge, fieldTimer, fieldEvent:
			err = want(f, wireBytes)
			oneof, message = f.num, f.data
		}
		if err != nil {
			return nil, err
		}
	}

	var err error
	out = append(out, `{"timestamp":"`...)
	out = strconv.AppendInt(out, int64(timestamp), 10)
	out = append(out, `","source_id":`...)
	if out, err = appendJSONString(out, sourceID); err != nil {
		return nil, err
	}
	out = append(out, `,"instance_id":`...)
	if out, err = appendJSONString(out, instanceID); err != nil {
		return nil, err
	}
	out = append(out, `,"deprecated_tags":`...)
	if out, err = appendMap(out, e.deprecatedTags, appendValue); err != nil {
		return nil, err
	}
	out = append(out, `,"tags":`...)
	if out, err = appendMap(out, e.tags, appendStringValue); err != nil {
		return nil, err
	}
	switch oneof {
	case fieldLog:
		out = append(out, `,"log":`...)
		out, err = appendLog(out, message)
	case fieldCounter:
		out = append(out, `,"counter":`...)
		out, err = appendCounter(out, message)
	case fieldGauge:
		out = append(out, `,"gauge":{"metrics":`...)
		if e.metrics, err = appendEntries(e.metrics, message, fieldGaugeMetrics); err == nil {
			if out, err = appendMap(out, e.metrics, appendGaugeValue); err == nil {
				out = append(out, '}')
			}
		}
	case fieldTimer:
		out = append(out, `,"timer":`...)
		out, err = appendTimer(out, message)
	case fieldEvent:
		out = append(out, `,"event":`...)
		out, err = appendEvent(out, message)
	}
	if err != nil {
		return nil, err
	}
	return append(out, '}'), nil
}

// appendEntries appends to entries the entries of the map field num of the
// message msg, in wire order.
func appendEntries(entries []jsonMapEntry, msg []byte, num int) ([]jsonMapEntry, error) {
	for b := msg; len(b) > 0; {
		f, rest, err := nextField(b)
		if err != nil {
			return entries, err
		}
		b = rest
		if f.num != num {
			continue
		}
		if err := want(f, wireBytes); err != nil {
			return entries, err
		}
		ent, err := parseEntry(f.data)
		if err != nil {
			return entries, err
		}
		entries = append(entries, ent)
	}
	return entries, nil
}

// parseEntry reads an encoded map entry: key (1) and value (2), both
// length-delimited, the last of each winning; nil when absent.
func parseEntry(b []byte) (jsonMapEntry, error) {
	if key, value, ok := plainEntry(b); ok {
		return jsonMapEntry{key: key, value: value}, nil
	}
	var ent jsonMapEntry
	for len(b) > 0 {
		f, rest, err := nextField(b)
		if err != nil {
			return ent, err
		}
		b = rest
		switch f.num {
		case 1:
			err = want(f, wireBytes)
			ent.key = f.data
		case 2:
			err = want(f, wireBytes)
			ent.value = f.data
		}
		if err != nil {
			return ent, err
		}
	}
	return ent, nil
}

// appendMap writes map entries (in wire order) as a JSON object: sorted by
// key, the last of equal keys winning as in protobuf, each value written by
// value (which gets nil for an entry without one). It sorts entries in
// place.
func appendMap(out []byte, entries []jsonMapEntry, value func(out, v []byte) ([]byte, error)) ([]byte, error) {
	// Stable, so that among equal keys the last in wire order ends last:
	// an insertion sort for the few tags an envelope carries.
	if len(entries) > 16 {
		slices.SortStableFunc(entries, compareKeys)
	} else {
		for i := 1; i < len(entries); i++ {
			for j := i; j > 0 && bytes.Compare(entries[j].key, entries[j-1].key) < 0; j-- {
				entries[j], entries[j-1] = entries[j-1], entries[j]
			}
		}
	}
	out = append(out, '{')
	first := true
	for i, ent := range entries {
		if i+1 < len(entries) && bytes.Equal(ent.key, entries[i+1].key) {
			continue
		}
		if !first {
			out = append(out, ',')
		}
		first = false
		var err error
		if out, err = appendJSONString(out, ent.key); err != nil {
			return nil, err
		}
		out = append(out, ':')
		if out, err = value(out, ent.value); err != nil {
			return nil, err
		}
	}
	return append(out, '}'), nil
}

func compareKeys(a, b jsonMapEntry) int { return bytes.Compare(a.key, b.key) }

// appendStringValue writes a tags value.
func appendStringValue(out, v []byte) ([]byte, error) {
	return appendJSONString(out, v)
}

// appendValue writes a deprecated_tags Value: {} when its oneof is unset,
// else {"text":…}, {"integer":"…"} or {"decimal":…}, the last set winning.
func appendValue(out, msg []byte) ([]byte, error) {
	var set jsonField
	for b := msg; len(b) > 0; {
		f, rest, err := nextField(b)
		if err != nil {
			return nil, err
		}
		b = rest
		switch f.num {
		case 1:
			err = want(f, wireBytes)
		case 2:
			err = want(f, wireVarint)
		case 3:
			err = want(f, wireFixed64)
		default:
			continue
		}
		if err != nil {
			return nil, err
		}
		set = f
	}
	switch set.num {
	case 1:
		out = append(out, `{"text":`...)
		var err error
		if out, err = appendJSONString(out, set.data); err != nil {
			return nil, err
		}
	case 2:
		out = append(out, `{"integer":"`...)
		out = strconv.AppendInt(out, int64(set.v), 10)
		out = append(out, '"')
	case 3:
		out = append(out, `{"decimal":`...)
		out = appendJSONFloat(out, math.Float64frombits(set.v))
	default:
		out = append(out, '{')
	}
	return append(out, '}'), nil
}

// appendGaugeValue writes a GaugeValue: {"unit":…,"value":…}.
func appendGaugeValue(out, msg []byte) ([]byte, error) {
	var (
		unit  []byte
		value uint64
	)
	for b := msg; len(b) > 0; {
		f, rest, err := nextField(b)
		if err != nil {
			return nil, err
		}
		b = rest
		switch f.num {
		case 1:
			err = want(f, wireBytes)
			unit = f.data
		case 2:
			err = want(f, wireFixed64)
			value = f.v
		}
		if err != nil {
			return nil, err
		}
	}
	out = append(out, `{"unit":`...)
	out, err := appendJSONString(out, unit)
	if err != nil {
		return nil, err
	}
	out = append(out, `,"value":`...)
	out = appendJSONFloat(out, math.Float64frombits(value))
	return append(out, '}'), nil
}

// scalars reads a message of up to three fields numbered 1-3 with the wire
// types given, the last occurrence of each winning; fields it does not know
// are skipped.
func scalars(msg []byte, types [3]uint64) (vals [3]jsonField, err error) {
	for b := msg; len(b) > 0; {
		f, rest, err := nextField(b)
		if err != nil {
			return vals, err
		}
		b = rest
		if f.num < 1 || f.num > 3 {
			continue
		}
		if err := want(f, types[f.num-1]); err != nil {
			return vals, err
		}
		vals[f.num-1] = f
	}
	return vals, nil
}

// appendLog writes a Log: {"payload":"<base64>","type":"OUT"}.
func appendLog(out, msg []byte) ([]byte, error) {
	f, err := scalars(msg, [3]uint64{wireBytes, wireVarint, wireVarint})
	if err != nil {
		return nil, err
	}
	out = append(out, `{"payload":"`...)
	out = base64.StdEncoding.AppendEncode(out, f[0].data)
	out = append(out, `","type":`...)
	// An enum is an int32: protobuf keeps the low 32 bits of the varint.
	switch t := int32(f[1].v); t {
	case 0:
		out = append(out, `"OUT"`...)
	case 1:
		out = append(out, `"ERR"`...)
	default:
		out = strconv.AppendInt(out, int64(t), 10)
	}
	return append(out, '}'), nil
}

// appendCounter writes a Counter: {"name":…,"delta":"…","total":"…"}.
func appendCounter(out, msg []byte) ([]byte, error) {
	return appendNamedPair(out, msg, `,"delta":"`, `","total":"`, false)
}

// appendTimer writes a Timer: {"name":…,"start":"…","stop":"…"}.
func appendTimer(out, msg []byte) ([]byte, error) {
	return appendNamedPair(out, msg, `,"start":"`, `","stop":"`, true)
}

// appendNamedPair writes a message of a name and two varints (a Counter's
// delta and total, a Timer's start and stop) as {"name":…<first>…<second>…"},
// the varints as quoted decimals, signed when signed is set.
func appendNamedPair(out, msg []byte, first, second string, signed bool) ([]byte, error) {
	f, err := scalars(msg, [3]uint64{wireBytes, wireVarint, wireVarint})
	if err != nil {
		return nil, err
	}
	out = append(out, `{"name":`...)
	if out, err = appendJSONString(out, f[0].data); err != nil {
		return nil, err
	}
	for i, key := range [2]string{first, second} {
		out = append(out, key...)
		if signed {
			out = strconv.AppendInt(out, int64(f[1+i].v), 10)
		} else {
			out = strconv.AppendUint(out, f[1+i].v, 10)
		}
	}
	return append(out, `"}`...), nil
}

// appendEvent writes an Event: {"title":…,"body":…}.
func appendEvent(out, msg []byte) ([]byte, error) {
	f, err := scalars(msg, [3]uint64{wireBytes, wireBytes, wireBytes})
	if err != nil {
		return nil, err
	}
	out = append(out, `{"title":`...)
	if out, err = appendJSONString(out, f[0].data); err != nil {
		return nil, err
	}
	out = append(out, `,"body":`...)
	if out, err = appendJSONString(out, f[1].data); err != nil {
		return nil, err
	}
	return append(out, '}'), nil
}

// jsonSafe marks the bytes a JSON string holds as they are: printable ASCII
// but '"' and '\\'. Bytes from 0x80 start UTF-8 sequences, checked apart.
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString writes s as a JSON string escaped as protojson escapes
// it: '"', '\\', \b \f \n \r \t by name, other control characters as
// \u00XX with lowercase hex, everything else as it is. Invalid UTF-8 is an
// error, as in protojson.
func appendJSONString(out, s []byte) ([]byte, error) {
	out = append(out, '"')
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && jsonSafe[s[j]] {
			j++
		}
		out = append(out, s[i:j]...)
		if j == len(s) {
			break
		}
		c := s[j]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(s[j:])
			if r == utf8.RuneError && n == 1 {
				return nil, errUTF8
			}
			out = append(out, s[j:j+n]...)
			i = j + n
			continue
		}
		switch c {
		case '"', '\\':
			out = append(out, '\\', c)
		case '\b':
			out = append(out, '\\', 'b')
		case '\f':
			out = append(out, '\\', 'f')
		case '\n':
			out = append(out, '\\', 'n')
		case '\r':
			out = append(out, '\\', 'r')
		case '\t':
			out = append(out, '\\', 't')
		default:
			out = append(out, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i = j + 1
	}
	return append(out, '"'), nil
}

const hexDigits = "0123456789abcdef"

// appendJSONFloat writes a double as protojson does (its appendFloat, after
// encoding/json): the shortest representation, in exponent form below 1e-6
// and from 1e21, with a two-digit negative exponent's leading zero dropped;
// NaN and the infinities as strings.
func appendJSONFloat(out []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(out, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(out, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(out, `"-Infinity"`...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	out = strconv.AppendFloat(out, f, format, -1, 64)
	if format == 'e' {
		n := len(out)
		if n >= 4 && out[n-4] == 'e' && out[n-3] == '-' && out[n-2] == '0' {
			out[n-2] = out[n-1]
			out = out[:n-1]
		}
	}
	return out
}
