package wire

import (
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
	// gauge is the encoded Gauge message.
	gauge []byte
}

// Scan fills f from the encoded envelope env. It returns an error wrapping
// ErrMalformed when env is not a well-formed Envelope: a truncated or
// impossible field, a wrong wire type for a known field, invalid UTF-8 in
// source_id, instance_id or a name, or malformed nested messages. It
// allocates nothing.
func Scan(env []byte, f *Fields) error {
	*f = Fields{}
	for len(env) > 0 {
		num, typ, n, err := tag(env)
		if err != nil {
			return err
		}
		env = env[n:]
		if typ != wireBytes {
			if num > fieldTimestamp && num <= fieldEvent {
				return errWireType
			}
			if n, err = skip(env, typ); err != nil {
				return err
			}
			env = env[n:]
			continue
		}
		b, n, err := bytesField(env)
		if err != nil {
			return err
		}
		env = env[n:]
		switch num {
		case fieldTimestamp:
			return errWireType
		case fieldSourceID:
			if !utf8.Valid(b) {
				return errUTF8
			}
			f.SourceID = b
		case fieldInstanceID:
			if !utf8.Valid(b) {
				return errUTF8
			}
		case fieldDeprecatedTags:
			if err := checkMapEntry(b, true); err != nil {
				return err
			}
		case fieldTags:
			if err := checkMapEntry(b, false); err != nil {
				return err
			}
			f.HasTags = true
		case fieldLog, fieldEvent:
			strs := uint32(0)
			if num == fieldEvent {
				strs = 1<<1 | 1<<2 // title, body
			}
			if err := checkMessage(b, strs); err != nil {
				return err
			}
			f.setKind(num, nil)
		case fieldCounter, fieldTimer:
			name, err := firstString(b)
			if err != nil {
				return err
			}
			f.setKind(num, name)
		case fieldGauge:
			if err := checkGauge(b); err != nil {
				return err
			}
			f.setKind(num, nil)
			f.gauge = b
		}
	}
	return nil
}

// setKind records the oneof field num; as protobuf does, the last one wins.
func (f *Fields) setKind(num int, name []byte) {
	f.Name, f.gauge = name, nil
	switch num {
	case fieldLog:
		f.Kind = KindLog
	case fieldCounter:
		f.Kind = KindCounter
	case fieldGauge:
		f.Kind = KindGauge
	case fieldTimer:
		f.Kind = KindTimer
	case fieldEvent:
		f.Kind = KindEvent
	}
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
	eachGaugeName(f.gauge, func(name []byte) bool {
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
	eachGaugeName(f.gauge, func(name []byte) bool {
		h ^= maphash.Bytes(hashSeed, name)
		return true
	})
	return h
}

// eachGaugeName calls fn with the key of every metrics entry of an encoded
// Gauge that checkGauge accepted, until fn returns false.
func eachGaugeName(gauge []byte, fn func(name []byte) bool) {
	for len(gauge) > 0 {
		num, typ, n, _ := tag(gauge)
		gauge = gauge[n:]
		if typ != wireBytes {
			n, _ = skip(gauge, typ)
			gauge = gauge[n:]
			continue
		}
		entry, n, _ := bytesField(gauge)
		gauge = gauge[n:]
		if num != 1 {
			continue
		}
		key, _ := firstString(entry)
		if !fn(key) {
			return
		}
	}
}

// checkGauge checks a Gauge: metrics (1) is a map<string, GaugeValue>.
func checkGauge(b []byte) error {
	for len(b) > 0 {
		num, typ, n, err := tag(b)
		if err != nil {
			return err
		}
		b = b[n:]
		if typ != wireBytes {
			if num == 1 {
				return errWireType
			}
			if n, err = skip(b, typ); err != nil {
				return err
			}
			b = b[n:]
			continue
		}
		v, n, err := bytesField(b)
		if err != nil {
			return err
		}
		b = b[n:]
		if num == 1 {
			if err := checkMapEntry(v, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkMapEntry checks a map entry with a string key (1) and, as value (2),
// a message when messageValue is set, else a string.
func checkMapEntry(b []byte, messageValue bool) error {
	for len(b) > 0 {
		num, typ, n, err := tag(b)
		if err != nil {
			return err
		}
		b = b[n:]
		if typ != wireBytes {
			if num == 1 || num == 2 {
				return errWireType
			}
			if n, err = skip(b, typ); err != nil {
				return err
			}
			b = b[n:]
			continue
		}
		v, n, err := bytesField(b)
		if err != nil {
			return err
		}
		b = b[n:]
		switch {
		case num == 1 || (num == 2 && !messageValue):
			if !utf8.Valid(v) {
				return errUTF8
			}
		case num == 2:
			// GaugeValue.unit and Value.text are both field 1 strings.
			if err := checkMessage(v, 1<<1); err != nil {
				return err
			}
		}
	}
	return nil
}

// firstString checks a message whose field 1 is a string (Counter, Timer,
// a map entry) and returns that string.
func firstString(b []byte) ([]byte, error) {
	var s []byte
	for len(b) > 0 {
		num, typ, n, err := tag(b)
		if err != nil {
			return nil, err
		}
		b = b[n:]
		if typ != wireBytes {
			if num == 1 {
				return nil, errWireType
			}
			if n, err = skip(b, typ); err != nil {
				return nil, err
			}
			b = b[n:]
			continue
		}
		v, n, err := bytesField(b)
		if err != nil {
			return nil, err
		}
		b = b[n:]
		if num == 1 {
			if !utf8.Valid(v) {
				return nil, errUTF8
			}
			s = v
		}
	}
	return s, nil
}

// checkMessage checks that b is a sequence of well-formed fields and that
// the fields whose numbers are set in the bit mask strs are valid UTF-8
// strings. It does not look inside other length-delimited fields.
func checkMessage(b []byte, strs uint32) error {
	for len(b) > 0 {
		num, typ, n, err := tag(b)
		if err != nil {
			return err
		}
		b = b[n:]
		isStr := num < 32 && strs&(1<<num) != 0
		if typ != wireBytes {
			if isStr {
				return errWireType
			}
			if n, err = skip(b, typ); err != nil {
				return err
			}
			b = b[n:]
			continue
		}
		v, n, err := bytesField(b)
		if err != nil {
			return err
		}
		b = b[n:]
		if isStr && !utf8.Valid(v) {
			return errUTF8
		}
	}
	return nil
}

// tag reads a field key and returns its number, wire type and length.
func tag(b []byte) (num int, typ int, n int, err error) {
	v, n := varint(b)
	if n <= 0 {
		return 0, 0, 0, errVarint
	}
	num, typ = int(v>>3), int(v&7)
	if num == 0 || v>>3 > 1<<29-1 {
		return 0, 0, 0, errFieldNum
	}
	return num, typ, n, nil
}

// skip returns the length of a field value of wire type typ at the start of b.
func skip(b []byte, typ int) (int, error) {
	switch typ {
	case wireVarint:
		_, n := varint(b)
		if n <= 0 {
			return 0, errVarint
		}
		return n, nil
	case wireFixed64:
		if len(b) < 8 {
			return 0, errTruncated
		}
		return 8, nil
	case wireFixed32:
		if len(b) < 4 {
			return 0, errTruncated
		}
		return 4, nil
	case wireBytes:
		_, n, err := bytesField(b)
		return n, err
	case 3, 4:
		return 0, errGroup
	}
	return 0, errWireType
}

// bytesField reads a length-delimited value and returns it and the length
// read, prefix included.
func bytesField(b []byte) ([]byte, int, error) {
	l, n := varint(b)
	if n <= 0 {
		return nil, 0, errVarint
	}
	if l > uint64(len(b)-n) {
		return nil, 0, errTruncated
	}
	end := n + int(l)
	return b[n:end], end, nil
}

// varint decodes a base-128 varint. n is the number of bytes read, 0 when b
// ends inside the varint and -1 when it is longer than ten bytes.
func varint(b []byte) (v uint64, n int) {
	for i := 0; i < len(b) && i < 10; i++ {
		c := b[i]
		if i == 9 && c > 1 {
			return 0, -1
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return v, i + 1
		}
	}
	if len(b) >= 10 {
		return 0, -1
	}
	return 0, 0
}

// AppendBatchRecord appends env to b as one EnvelopeBatch record: field 1,
// wire type 2, its length, then its bytes.
func AppendBatchRecord(b, env []byte) []byte {
	b = append(b, 0x0a)
	b = appendVarint(b, uint64(len(env)))
	return append(b, env...)
}

// BatchRecordSize is the length AppendBatchRecord adds for env.
func BatchRecordSize(env []byte) int {
	return 1 + varintSize(uint64(len(env))) + len(env)
}

func appendVarint(b []byte, v uint64) []byte {
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
	for len(env) > 0 {
		num, typ, n, err := tag(env)
		if err != nil {
			return
		}
		env = env[n:]
		if typ != wireBytes {
			if n, err = skip(env, typ); err != nil {
				return
			}
			env = env[n:]
			continue
		}
		b, n, err := bytesField(env)
		if err != nil {
			return
		}
		env = env[n:]
		if num != fieldTags && num != fieldDeprecatedTags {
			continue
		}
		if !fn(mapKey(b)) {
			return
		}
	}
}

// mapKey returns the key (field 1) of an encoded map entry, empty when it
// has none; the last one wins, as in protobuf.
func mapKey(entry []byte) []byte {
	var key []byte
	for len(entry) > 0 {
		num, typ, n, err := tag(entry)
		if err != nil {
			return key
		}
		entry = entry[n:]
		if typ != wireBytes {
			if n, err = skip(entry, typ); err != nil {
				return key
			}
			entry = entry[n:]
			continue
		}
		v, n, err := bytesField(entry)
		if err != nil {
			return key
		}
		entry = entry[n:]
		if num == 1 {
			key = v
		}
	}
	return key
}

// EachField calls fn with every varint and length-delimited field of the
// encoded message b, in wire order, until fn returns false. A varint field
// comes with its value in v and data nil; a length-delimited field with its
// bytes in data, never nil and pointing into b. Fixed-width fields are
// skipped. It returns an error wrapping ErrMalformed at the first framing
// error, and it allocates nothing. Readers that want a few fields of a
// message build on it rather than on a protobuf decoder.
func EachField(b []byte, fn func(num int, v uint64, data []byte) bool) error {
	for len(b) > 0 {
		num, typ, n, err := tag(b)
		if err != nil {
			return err
		}
		b = b[n:]
		var v uint64
		var data []byte
		switch typ {
		case wireVarint:
			if v, n = varint(b); n <= 0 {
				return errVarint
			}
		case wireBytes:
			if data, n, err = bytesField(b); err != nil {
				return err
			}
		default:
			if n, err = skip(b, typ); err != nil {
				return err
			}
			b = b[n:]
			continue
		}
		b = b[n:]
		if !fn(num, v, data) {
			return nil
		}
	}
	return nil
}
