package wire

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"unicode/utf8"
)

// Kind is the message type of an envelope: which of the Envelope's oneof
// fields is set.
type Kind uint8

// The envelope kinds, named as in the selectors of an EgressBatchRequest.
const (
	KindNone Kind = iota
	KindLog
	KindCounter
	KindGauge
	KindTimer
	KindEvent
)

func (k Kind) String() string {
	switch k {
	case KindLog:
		return "log"
	case KindCounter:
		return "counter"
	case KindGauge:
		return "gauge"
	case KindTimer:
		return "timer"
	case KindEvent:
		return "event"
	}
	return "none"
}

// Field numbers of loggregator.v2.Envelope (envelope.pb.go).
const (
	fieldTimestamp      = 1
	fieldSourceID       = 2
	fieldDeprecatedTags = 3
	fieldLog            = 4
	fieldCounter        = 5
	fieldGauge          = 6
	fieldTimer          = 7
	fieldInstanceID     = 8
	fieldTags           = 9
	fieldEvent          = 10

	// fieldGaugeMetrics is Gauge.metrics.
	fieldGaugeMetrics = 1
)

// Protobuf wire types.
const (
	wireVarint  = 0
	wireFixed64 = 1
	wireBytes   = 2
	wireFixed32 = 5
)

// ErrMalformed is wrapped by every error Scan returns.
var ErrMalformed = errors.New("malformed envelope")

var (
	errTruncated = malformed("truncated field")
	errVarint    = malformed("bad varint")
	errWireType  = malformed("unexpected wire type")
	errFieldNum  = malformed("field number 0")
	errUTF8      = malformed("string is not valid UTF-8")
	errGroup     = malformed("groups are not supported")
)

type malformedError string

func malformed(s string) error           { return malformedError(s) }
func (e malformedError) Error() string   { return ErrMalformed.Error() + ": " + string(e) }
func (e malformedError) Is(t error) bool { return t == ErrMalformed }

// Fields is what Scan extracts from an encoded envelope. Byte slices point
// into the scanned envelope; they are valid as long as it is.
type Fields struct {
	// SourceID is the envelope's source_id.
	SourceID []byte
	// Kind is the message type; KindNone when no message is set.
	Kind Kind
	// Name is the counter's or timer's name.
	Name []byte
	// HasTags is true when the envelope carries (preferred, string) tags.
	HasTags bool
	// Timestamp is the envelope's timestamp in nanoseconds since the Unix
	// epoch; 0 when it is not set.
	Timestamp int64
	// gauge is the encoded Gauge message.
	gauge []byte
}

// Scan fills f from the encoded envelope env. It returns an error wrapping
// ErrMalformed when env is not a well-formed Envelope: a truncated or
// impossible field, a wrong wire type for a known field, invalid UTF-8 in
// source_id, instance_id or a name, or malformed nested messages. It
// allocates nothing.
func Scan(env []byte, f *Fields) error {
	_, err := scan(env, f, nil, false)
	return err
}

// ScanTagKeys is Scan that also appends to keys the key of every entry of
// tags and deprecated_tags, in wire order, and returns keys: what the
// agent needs to add its own tags, in the same pass. The keys point into
// env. After an error keys holds what was read before it.
func ScanTagKeys(env []byte, f *Fields, keys [][]byte) ([][]byte, error) {
	return scan(env, f, keys, true)
}

func scan(env []byte, f *Fields, keys [][]byte, collect bool) ([][]byte, error) {
	*f = Fields{}
	// Every known field but the timestamp is length-delimited.
	it := FieldIter{b: env, bytesOnly: 1<<(fieldEvent+1) - 1<<fieldSourceID}
	for {
		// Most of an envelope's fields are tags of the usual shape: take
		// them here without the field loop.
		if key, n := plainTag(it.b); n > 0 {
			if collect {
				keys = append(keys, key)
			}
			f.HasTags = true
			it.b = it.b[n:]
			continue
		}
		num, v, b, ok := it.Next()
		if !ok {
			return keys, it.err
		}
		if b == nil {
			if num == fieldTimestamp {
				f.Timestamp = int64(v)
			}
			continue
		}
		switch num {
		case fieldTimestamp:
			return keys, errWireType
		case fieldSourceID:
			if !utf8.Valid(b) {
				return keys, errUTF8
			}
			f.SourceID = b
		case fieldInstanceID:
			if !utf8.Valid(b) {
				return keys, errUTF8
			}
		case fieldDeprecatedTags, fieldTags:
			key, err := checkMapEntry(b, num == fieldDeprecatedTags)
			if err != nil {
				return keys, err
			}
			if collect {
				keys = append(keys, key)
			}
			f.HasTags = f.HasTags || num == fieldTags
		case fieldLog, fieldEvent:
			strs := uint32(0)
			if num == fieldEvent {
				strs = 1<<1 | 1<<2 // title, body
			}
			if err := checkMessage(b, strs); err != nil {
				return keys, err
			}
			f.setKind(num, nil)
		case fieldCounter, fieldTimer:
			name, err := firstString(b)
			if err != nil {
				return keys, err
			}
			f.setKind(num, name)
		case fieldGauge:
			if err := checkGauge(b); err != nil {
				return keys, err
			}
			f.setKind(num, nil)
			f.gauge = b
		}
	}
}

// kinds maps the field number of each of the Envelope's oneof messages to
// its Kind.
var kinds = [...]Kind{
	fieldLog:     KindLog,
	fieldCounter: KindCounter,
	fieldGauge:   KindGauge,
	fieldTimer:   KindTimer,
	fieldEvent:   KindEvent,
}

// setKind records the oneof field num; as protobuf does, the last one wins.
func (f *Fields) setKind(num int, name []byte) {
	f.Name, f.gauge = name, nil
	f.Kind = kinds[num]
}

// HasGaugeNames reports whether the envelope is a gauge that holds a metric
// for every one of names. It works on bytes Scan already checked.
func (f *Fields) HasGaugeNames(names []string) bool {
	if f.Kind != KindGauge {
		return false
	}
	for _, want := range names {
		if !f.hasGaugeName(want) {
			return false
		}
	}
	return true
}

func (f *Fields) hasGaugeName(want string) bool {
	found := false
	eachMapKey(f.gauge, 1<<fieldGaugeMetrics, func(name []byte) bool {
		if string(name) == want {
			found = true
			return false
		}
		return true
	})
	return found
}

var hashSeed = maphash.MakeSeed()

// NameHash returns a hash of the envelope's name: the counter's or timer's
// name, or for a gauge its metric names in any order. Envelopes of the same
// name hash alike for the life of the process.
func (f *Fields) NameHash() uint64 {
	if f.Kind != KindGauge {
		return maphash.Bytes(hashSeed, f.Name)
	}
	var h uint64
	eachMapKey(f.gauge, 1<<fieldGaugeMetrics, func(name []byte) bool {
		h ^= maphash.Bytes(hashSeed, name)
		return true
	})
	return h
}

// checkGauge checks a Gauge: metrics (1) is a map<string, GaugeValue>.
func checkGauge(b []byte) error {
	it := FieldIter{b: b, bytesOnly: 1 << fieldGaugeMetrics}
	for {
		if n := plainMetric(it.b); n > 0 {
			it.b = it.b[n:]
			continue
		}
		num, _, v, ok := it.Next()
		if !ok {
			return it.err
		}
		if num == fieldGaugeMetrics {
			if _, err := checkMapEntry(v, true); err != nil {
				return err
			}
		}
	}
}

// checkMapEntry checks a map entry with a string key (1) and, as value (2),
// a message when messageValue is set, else a string. It returns the key,
// the last one winning as in protobuf (nil when there is none).
func checkMapEntry(b []byte, messageValue bool) ([]byte, error) {
	if !messageValue {
		if key, value, ok := plainEntry(b); ok {
			if !ValidUTF8(key) || !ValidUTF8(value) {
				return nil, errUTF8
			}
			return key, nil
		}
	}
	var key []byte
	it := FieldIter{b: b, bytesOnly: 1<<1 | 1<<2}
	for {
		num, _, v, ok := it.Next()
		if !ok {
			return key, it.err
		}
		switch {
		case num == 1 || (num == 2 && !messageValue):
			if !utf8.Valid(v) {
				return nil, errUTF8
			}
			if num == 1 {
				key = v
			}
		case num == 2:
			// GaugeValue.unit and Value.text are both field 1 strings.
			if err := checkMessage(v, 1<<1); err != nil {
				return nil, err
			}
		}
	}
}

// plainEntry cuts a map entry of the shape every encoder writes for short
// strings, key (1) then value (2), each with a one-byte length, filling the
// entry, without the field loop; ok is false for any other shape.
func plainEntry(b []byte) (key, value []byte, ok bool) {
	if len(b) < 4 || b[0] != 1<<3|wireBytes || b[1] >= 0x80 {
		return nil, nil, false
	}
	v := 2 + int(b[1])
	if v+2 > len(b) || b[v] != 2<<3|wireBytes || b[v+1] >= 0x80 || v+2+int(b[v+1]) != len(b) {
		return nil, nil, false
	}
	return b[2:v], b[v+2:], true
}

// ASCIIEntry cuts a map<string, string> entry of plainEntry's shape (key
// then value, one-byte lengths, filling b) whose key and value are both
// ASCII, and so valid UTF-8: every framing byte of that shape is below
// 0x80, so one pass over b checks both. ok is false for anything else,
// which the caller reads its general way.
func ASCIIEntry(b []byte) (key, value []byte, ok bool) {
	if key, value, ok = plainEntry(b); ok && ascii(b) {
		return key, value, true
	}
	return nil, nil, false
}

// tagKey is the key byte of a tags (9) field: field 9, wire type 2.
const tagKey = fieldTags<<3 | wireBytes

// plainTag cuts a tags field from the start of b when it has the shape
// nearly every tag has: a one-byte length and an entry of plainEntry's
// shape whose key and value are ASCII. It returns the entry's key and the
// field's length, or 0 when b starts with anything else (which scan then
// reads the long way, to the same result). Every framing byte of that
// shape is below 0x80, so one ASCII pass over the whole entry checks both
// strings. It repeats plainEntry's shape checks (as plainMetric does)
// rather than calling it: the call, which does not inline, made a log
// envelope's scan about a third slower.
func plainTag(b []byte) (key []byte, n int) {
	if len(b) < 6 || b[0] != tagKey || b[1] >= 0x80 || b[2] != 1<<3|wireBytes || b[3] >= 0x80 {
		return nil, 0
	}
	n = 2 + int(b[1])
	v := 4 + int(b[3]) // the value's key byte
	if n > len(b) || v+2 > n || b[v] != 2<<3|wireBytes || v+2+int(b[v+1]) != n || !ascii(b[2:n]) {
		return nil, 0
	}
	return b[4:v], n
}

// gaugeMetricKey is the key byte of a Gauge's metrics (1) field.
const gaugeMetricKey = fieldGaugeMetrics<<3 | wireBytes

// plainMetric returns the length of the metrics field at the start of b
// when it has the shape every encoder writes for a short metric: a one-byte
// length, an entry of an ASCII name (1) and then a GaugeValue (2), each with
// a one-byte length, and that GaugeValue an optional ASCII unit (1) then an
// optional value (2, a double). It returns 0 for anything else, which
// checkGauge then reads the long way, to the same result.
func plainMetric(b []byte) int {
	if len(b) < 6 || b[0] != gaugeMetricKey || b[1] >= 0x80 || b[2] != 1<<3|wireBytes || b[3] >= 0x80 {
		return 0
	}
	n := 2 + int(b[1])
	v := 4 + int(b[3]) // the GaugeValue's key byte
	if n > len(b) || v+2 > n || b[v] != 2<<3|wireBytes || v+2+int(b[v+1]) != n || !ascii(b[4:v]) {
		return 0
	}
	m := b[v+2 : n]
	if len(m) >= 2 && m[0] == 1<<3|wireBytes && m[1] < 0x80 {
		u := 2 + int(m[1])
		if u > len(m) || !ascii(m[2:u]) {
			return 0
		}
		m = m[u:]
	}
	if len(m) == 9 && m[0] == 2<<3|wireFixed64 {
		m = m[9:]
	}
	if len(m) != 0 {
		return 0
	}
	return n
}

// ascii reports whether every byte of b is below 0x80, eight at a time.
func ascii(b []byte) bool {
	var acc uint64
	for len(b) >= 8 {
		acc |= binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	for _, c := range b {
		acc |= uint64(c)
	}
	return acc&0x8080808080808080 == 0
}

// ValidUTF8 is utf8.Valid, quicker for the short ASCII strings tags and
// names are: ascii inlines, and only a string with a byte above 0x7f pays
// the call.
func ValidUTF8(b []byte) bool {
	return ascii(b) || utf8.Valid(b)
}

// firstString checks a message whose field 1 is a string (Counter, Timer,
// a map entry) and returns that string.
func firstString(b []byte) ([]byte, error) {
	var s []byte
	it := FieldIter{b: b, bytesOnly: 1 << 1}
	for {
		num, _, v, ok := it.Next()
		if !ok {
			if it.err != nil {
				return nil, it.err
			}
			return s, nil
		}
		if num == 1 {
			if !utf8.Valid(v) {
				return nil, errUTF8
			}
			s = v
		}
	}
}

// checkMessage checks that b is a sequence of well-formed fields and that
// the fields whose numbers are set in the bit mask strs are valid UTF-8
// strings. It does not look inside other length-delimited fields.
func checkMessage(b []byte, strs uint32) error {
	it := FieldIter{b: b, bytesOnly: strs}
	for {
		num, _, v, ok := it.Next()
		if !ok {
			return it.err
		}
		if num < 32 && strs&(1<<num) != 0 && !utf8.Valid(v) {
			return errUTF8
		}
	}
}

// AppendBatchRecord appends env to b as one EnvelopeBatch record: field 1,
// wire type 2, its length, then its bytes.
func AppendBatchRecord(b, env []byte) []byte {
	b = append(b, 0x0a)
	b = AppendVarint(b, uint64(len(env)))
	return append(b, env...)
}

// BatchRecordSize is the length AppendBatchRecord adds for env.
func BatchRecordSize(env []byte) int {
	return 1 + varintSize(uint64(len(env))) + len(env)
}

// AppendVarint appends v as a protobuf varint. It inlines, so a value
// below 128 costs one append.
func AppendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func varintSize(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// EachTagKey calls fn with the key of every entry of the envelope's tags (9)
// and deprecated_tags (3) maps, in wire order, until fn returns false; key
// points into env. A producer's tag in either map counts as set. It stops
// at the first framing error, so it is safe on any input, and it allocates
// nothing.
func EachTagKey(env []byte, fn func(key []byte) bool) {
	eachMapKey(env, 1<<fieldTags|1<<fieldDeprecatedTags, fn)
}

// eachMapKey calls fn with the key of every entry of the maps whose field
// numbers are set in the bit mask maps, in wire order, until fn returns
// false or a framing error.
func eachMapKey(b []byte, maps uint32, fn func(key []byte) bool) {
	it := NewFieldIter(b)
	for {
		num, _, entry, ok := it.Next()
		if !ok {
			return
		}
		if entry != nil && maps&(1<<num) != 0 && !fn(mapKey(entry)) {
			return
		}
	}
}

// mapKey returns the key (field 1) of an encoded map entry, empty when it
// has none; the last one wins, as in protobuf.
func mapKey(entry []byte) []byte {
	var key []byte
	it := NewFieldIter(entry)
	for {
		num, _, v, ok := it.Next()
		if !ok {
			return key
		}
		if num == 1 && v != nil {
			key = v
		}
	}
}
