package wire

import "google.golang.org/grpc/mem"

// maxFieldHeader is the longest key and length prefix of a field: two
// varints of at most ten bytes.
const maxFieldHeader = 20

// splitReceived appends to envs the envelope records of the EnvelopeBatch
// that gRPC received as data, and returns them with the number of records
// it could not frame (0 or 1), exactly as SplitBatch does on the same bytes
// joined. Every buffer of data that an envelope points into is referenced
// once more and appended to held.
//
// gRPC hands a message over as the HTTP/2 frames it arrived in, each in a
// buffer of its own that gRPC reuses once the message is freed. Copying the
// whole message into one fresh buffer, as this codec once did, cost the
// router and the rlp about 1 µs per envelope (a fresh 200-300 KiB allocation
// per batch, mostly page faults and the copy). Instead a record that lies
// within one frame is returned in place and its frame is referenced
// (mem.Buffer.Ref) without ever being freed, so gRPC never reuses it and the
// garbage collector reclaims it once no envelope points into it. Only the
// records that straddle two frames (one or two per 16 KiB frame) are copied.
// A frame that fills less than three quarters of the memory behind it (a
// small frame in a pool tier) is first copied to a buffer of its own size,
// so a kept envelope never holds much more memory alive than it and its
// neighbours use. A consumer that is done with the envelopes before the
// next receive gives the frames back to gRPC's pool with Batch.Release.
func splitReceived(envs [][]byte, held mem.BufferSlice, data mem.BufferSlice) ([][]byte, mem.BufferSlice, int) {
	after := data.Len() // bytes in the buffers after the current one
	var carry []byte    // a field begun in an earlier buffer, copied
	for _, buf := range data {
		b := buf.ReadOnlyData()
		after -= len(b)
		if len(b) == 0 {
			continue
		}
		// Complete the field that began in an earlier buffer.
		for len(carry) > 0 {
			num, typ, hdr, size, more, bad := fieldAt(carry, len(carry)+len(b)+after)
			if bad {
				return envs, held, 1
			}
			if more { // its header goes on in b: take it a byte at a time
				if len(b) == 0 {
					break
				}
				carry, b = append(carry, b[0]), b[1:]
				continue
			}
			take := min(size-len(carry), len(b))
			carry, b = append(carry, b[:take]...), b[take:]
			if len(carry) < size {
				break // it goes on in the next buffer
			}
			if num == 1 && typ == wireBytes {
				envs = append(envs, carry[hdr:size:size])
			}
			carry = nil
		}
		if len(b) == 0 {
			continue
		}
		kept := false // buf is referenced by an envelope
		if len(b) < cap(b)/4*3 {
			b = append(make([]byte, 0, len(b)), b...)
			kept = true // a private copy: nothing to reference
		}
		for len(b) > 0 {
			num, typ, hdr, size, more, bad := fieldAt(b, len(b)+after)
			if bad {
				return envs, held, 1
			}
			if more || size > len(b) {
				c := len(b) + maxFieldHeader
				if !more {
					c = size
				}
				carry = append(make([]byte, 0, c), b...)
				break
			}
			if num == 1 && typ == wireBytes {
				if !kept {
					buf.Ref()
					held = append(held, buf)
					kept = true
				}
				envs = append(envs, b[hdr:size:size])
			}
			b = b[size:]
		}
	}
	if len(carry) > 0 {
		return envs, held, 1 // the message ended inside a field
	}
	return envs, held, 0
}

// fieldAt frames the field at the start of b, whose message holds limit
// bytes from that point on (b may hold fewer): its number, wire type, where
// its value starts (hdr) and its whole size. more reports that b ends
// inside the field's key or length; bad a framing error as FieldIter.Next
// sees one (a varint over ten bytes, field number 0, a group, an unknown
// wire type, or a value past the end of the message).
func fieldAt(b []byte, limit int) (num int, typ uint64, hdr, size int, more, bad bool) {
	key, n := varint(b)
	switch {
	case n == 0 && len(b) < limit:
		return 0, 0, 0, 0, true, false
	case n <= 0:
		return 0, 0, 0, 0, false, true
	case key>>3 == 0 || key>>3 > 1<<29-1:
		return 0, 0, 0, 0, false, true
	}
	num, typ = int(key>>3), key&7
	switch typ {
	case wireVarint, wireBytes:
		v, m := varint(b[n:])
		switch {
		case m == 0 && len(b) < limit:
			return 0, 0, 0, 0, true, false
		case m <= 0:
			return 0, 0, 0, 0, false, true
		}
		hdr, size = n+m, n+m
		if typ == wireBytes {
			if v > uint64(limit-hdr) {
				return 0, 0, 0, 0, false, true
			}
			size += int(v)
		}
	case wireFixed64:
		hdr, size = n, n+8
	case wireFixed32:
		hdr, size = n, n+4
	default: // groups and unknown wire types
		return 0, 0, 0, 0, false, true
	}
	if size > limit {
		return 0, 0, 0, 0, false, true
	}
	return num, typ, hdr, size, false, false
}
