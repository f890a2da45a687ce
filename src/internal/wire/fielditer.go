package wire

// FieldIter walks the fields of an encoded protobuf message in wire order
// without allocating; every field loop in this package is one. Use it as
//
//	it := wire.NewFieldIter(b)
//	for {
//		num, v, data, ok := it.Next()
//		if !ok {
//			break
//		}
//		...
//	}
//	if err := it.Err(); err != nil { ... }
//
// A FieldIter is a small value meant to live on the caller's stack; it is
// not safe for concurrent use.
type FieldIter struct {
	b   []byte
	err error
	// bytesOnly has bit n set when field n (below 32) must be
	// length-delimited: another wire type on it is errWireType, found
	// before its value is read, as the checks in scan.go want.
	bytesOnly uint32
}

// NewFieldIter returns an iterator over the fields of the encoded message b.
func NewFieldIter(b []byte) FieldIter {
	return FieldIter{b: b}
}

// Next returns the next varint or length-delimited field: its number, and
// for a varint its value in v with data nil, for a length-delimited field
// its bytes in data, never nil and pointing into the message. Fixed-width
// fields are skipped. Next returns ok false at the end of the message and at
// the first framing error (a bad or truncated varint, field number 0, a
// value past the end, a group or an unknown wire type), and from then on.
func (it *FieldIter) Next() (num int, v uint64, data []byte, ok bool) {
	for len(it.b) > 0 {
		// Keys of fields 1-15 and lengths below 128 are one byte; they
		// skip the varint loop, which pays in every benchmark.
		key, n := uint64(it.b[0]), 1
		if key >= 0x80 {
			if key, n = varint(it.b); n <= 0 {
				return it.fail(errVarint)
			}
		}
		if key>>3 == 0 || key>>3 > 1<<29-1 {
			return it.fail(errFieldNum)
		}
		num, typ := int(key>>3), key&7
		b := it.b[n:]
		if typ != wireBytes && it.bytesOnly&(1<<(key>>3)) != 0 {
			return it.fail(errWireType)
		}
		switch typ {
		case wireVarint:
			if v, n = varint(b); n <= 0 {
				return it.fail(errVarint)
			}
			it.b = b[n:]
			return num, v, nil, true
		case wireBytes:
			var l uint64
			if len(b) > 0 && b[0] < 0x80 {
				l, n = uint64(b[0]), 1
			} else if l, n = varint(b); n <= 0 {
				return it.fail(errVarint)
			}
			if l > uint64(len(b)-n) {
				return it.fail(errTruncated)
			}
			end := n + int(l)
			it.b = b[end:]
			return num, 0, b[n:end], true
		case wireFixed64:
			if len(b) < 8 {
				return it.fail(errTruncated)
			}
			it.b = b[8:]
		case wireFixed32:
			if len(b) < 4 {
				return it.fail(errTruncated)
			}
			it.b = b[4:]
		case 3, 4:
			return it.fail(errGroup)
		default:
			return it.fail(errWireType)
		}
	}
	return 0, 0, nil, false
}

// Err returns the framing error that ended the walk, wrapping ErrMalformed,
// or nil when the message was read to its end or not yet.
func (it *FieldIter) Err() error {
	return it.err
}

func (it *FieldIter) fail(err error) (int, uint64, []byte, bool) {
	it.b, it.err = nil, err
	return 0, 0, nil, false
}

// EachField calls fn with every varint and length-delimited field of the
// encoded message b, in wire order, until fn returns false. A varint field
// comes with its value in v and data nil; a length-delimited field with its
// bytes in data, never nil and pointing into b. Fixed-width fields are
// skipped. It returns an error wrapping ErrMalformed at the first framing
// error, and it allocates nothing. It is FieldIter in callback form.
func EachField(b []byte, fn func(num int, v uint64, data []byte) bool) error {
	it := NewFieldIter(b)
	for {
		num, v, data, ok := it.Next()
		if !ok || !fn(num, v, data) {
			return it.err
		}
	}
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
