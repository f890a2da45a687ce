package dropsonde

import (
	"google.golang.org/protobuf/encoding/protowire"

	"loggregator/internal/wire"
)

// Field numbers of the loggregator v2 messages read by EncodeRaw.
const (
	v2Timestamp      = 1
	v2SourceID       = 2
	v2DeprecatedTags = 3
	v2Log            = 4
	v2Counter        = 5
	v2Gauge          = 6
	v2Timer          = 7
	v2InstanceID     = 8
	v2Event          = 10
)

// Field numbers and values of the v1 messages EncodeRaw writes (the
// envelope's own are in direct.go).
const (
	v1LogMessage   = 8
	v1CounterEvent = 10

	v1TypeLogMessage   = 5
	v1TypeCounterEvent = 7
	v1LogOut           = 1
	v1LogErr           = 2
)

// rawEnvelope is what EncodeRaw read of one v2 envelope: slices of the
// encoded bytes, nothing copied.
type rawEnvelope struct {
	timestamp            uint64
	sourceID, instanceID []byte
	tags                 [][2][]byte // key, value; in wire order, so the last of a key counts
	kind                 int         // v2Log or v2Counter
	payload              []byte
	logType              uint64
	name                 []byte
	delta, total         uint64
}

// EncodeRaw is Encode for an encoded v2 envelope. Logs and counters, which
// are nearly all of a firehose, go from v2 bytes to v1 bytes directly, as
// conversion.ToV1 maps them and without decoding into either message;
// anything else (gauges, timers, events, deprecated tags, v1 errors carried
// as logs, an empty payload, bytes proto.Unmarshal would refuse) takes
// Encode's path through dec, which gives the same frames or the error. The
// frames are valid until the next call.
func (enc *Encoder) EncodeRaw(raw []byte, dec *V2Decoder) ([][]byte, error) {
	if frames, ok := enc.encodeDirect(raw); ok {
		return frames, nil
	}
	e := &enc.env
	if err := dec.Decode(raw, e); err != nil {
		return nil, err
	}
	return enc.Encode(e)
}

func (enc *Encoder) encodeDirect(raw []byte) ([][]byte, bool) {
	r := &enc.raw
	r.tags = r.tags[:0]
	if !r.read(raw) {
		return nil, false
	}
	var origin, deployment, job, index, ip, sourceType []byte
	for _, t := range r.tags {
		switch string(t[0]) {
		case "__v1_type":
			if string(t[1]) == "Error" {
				return nil, false // ToV1 makes it a v1 Error
			}
		case "origin":
			origin = t[1]
		case "deployment":
			deployment = t[1]
		case "job":
			job = t[1]
		case "index":
			index = t[1]
		case "ip":
			ip = t[1]
		case "source_type":
			sourceType = t[1]
		}
	}

	b := enc.buf[:0]
	b = appendField(b, v1Origin, origin)
	b = protowire.AppendTag(b, v1EventType, protowire.VarintType)
	if r.kind == v2Log {
		b = wire.AppendVarint(b, v1TypeLogMessage)
	} else {
		b = wire.AppendVarint(b, v1TypeCounterEvent)
	}
	b = protowire.AppendTag(b, v1Timestamp, protowire.VarintType)
	b = wire.AppendVarint(b, r.timestamp)
	b = appendField(b, v1Deployment, deployment)
	b = appendField(b, v1Job, job)
	b = appendField(b, v1Index, index)
	b = appendField(b, v1IP, ip)

	if r.kind == v2Log {
		msgType := uint64(v1LogErr)
		if r.logType == 0 { // loggregator_v2.Log_OUT
			msgType = v1LogOut
		}
		n := sizeField(len(r.payload)) +
			2*(protowire.SizeTag(2)) + protowire.SizeVarint(msgType) + protowire.SizeVarint(r.timestamp) +
			sizeField(len(r.sourceID)) + sizeField(len(sourceType)) + sizeField(len(r.instanceID))
		b = protowire.AppendTag(b, v1LogMessage, protowire.BytesType)
		b = wire.AppendVarint(b, uint64(n))
		b = appendField(b, 1, r.payload)
		b = protowire.AppendTag(b, 2, protowire.VarintType)
		b = wire.AppendVarint(b, msgType)
		b = protowire.AppendTag(b, 3, protowire.VarintType)
		b = wire.AppendVarint(b, r.timestamp)
		b = appendField(b, 4, r.sourceID)
		b = appendField(b, 5, sourceType)
		b = appendField(b, 6, r.instanceID)
	} else {
		n := sizeField(len(r.name)) + 2*protowire.SizeTag(2) + protowire.SizeVarint(r.delta) + protowire.SizeVarint(r.total)
		b = protowire.AppendTag(b, v1CounterEvent, protowire.BytesType)
		b = wire.AppendVarint(b, uint64(n))
		b = appendField(b, 1, r.name)
		b = protowire.AppendTag(b, 2, protowire.VarintType)
		b = wire.AppendVarint(b, r.delta)
		b = protowire.AppendTag(b, 3, protowire.VarintType)
		b = wire.AppendVarint(b, r.total)
	}

	// The v1 tags are the v2 ones less those that became fields, with
	// source_id from the envelope (and, for a counter, instance_id) over
	// a tag of that name, as ToV1 writes them.
	for _, t := range r.tags {
		switch k := string(t[0]); k {
		case "__v1_type", "origin", "deployment", "job", "index", "ip":
			continue
		case "source_type":
			if r.kind == v2Log {
				continue
			}
		case "source_id":
			if len(r.sourceID) > 0 {
				continue
			}
		case "instance_id":
			if r.kind == v2Counter && len(r.instanceID) > 0 {
				continue
			}
		}
		b = appendTag(b, t[0], t[1])
	}
	if len(r.sourceID) > 0 {
		b = appendTag(b, []byte("source_id"), r.sourceID)
	}
	if r.kind == v2Counter && len(r.instanceID) > 0 {
		b = appendTag(b, []byte("instance_id"), r.instanceID)
	}

	enc.buf = b
	enc.frames = append(enc.frames[:0], b[:len(b):len(b)])
	if cap(enc.buf) > maxKeptBuffer {
		enc.buf = nil // one huge envelope does not pin its buffer
	}
	return enc.frames, true
}

// read fills r from an encoded v2 envelope, reporting false for anything
// the direct path does not take: a malformed or non-UTF-8 envelope (for
// Decode to refuse), deprecated tags, a message other than one log with a
// payload or one counter.
func (r *rawEnvelope) read(raw []byte) bool {
	r.timestamp, r.sourceID, r.instanceID, r.kind = 0, nil, nil, 0
	ok := walk(raw, func(num protowire.Number, typ protowire.Type, v []byte, x uint64) bool {
		switch num {
		case v2Timestamp:
			r.timestamp = x
			return typ == protowire.VarintType
		case v2SourceID, v2InstanceID:
			// Every occurrence is checked, as proto.Unmarshal does.
			if typ != protowire.BytesType || !wire.ValidUTF8(v) {
				return false
			}
			if num == v2SourceID {
				r.sourceID = v
			} else {
				r.instanceID = v
			}
			return true
		case 9: // tags
			return typ == protowire.BytesType && r.readTag(v)
		case v2Log:
			ok := typ == protowire.BytesType && r.kind == 0 && r.readLog(v)
			r.kind = v2Log
			return ok
		case v2Counter:
			ok := typ == protowire.BytesType && r.kind == 0 && r.readCounter(v)
			r.kind = v2Counter
			return ok
		case v2DeprecatedTags, v2Gauge, v2Timer, v2Event:
			return false
		}
		return true
	})
	if !ok || r.kind == 0 {
		return false
	}
	return r.kind != v2Log || len(r.payload) > 0
}

func (r *rawEnvelope) readTag(entry []byte) bool {
	if key, value, ok := wire.ASCIIEntry(entry); ok { // nearly every tag
		r.tags = append(r.tags, [2][]byte{key, value})
		return true
	}
	var key, value []byte
	ok := walk(entry, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) bool {
		switch num {
		case 1:
			key = v
		case 2:
			value = v
		default:
			return true
		}
		return typ == protowire.BytesType
	})
	if !ok || !wire.ValidUTF8(key) || !wire.ValidUTF8(value) {
		return false
	}
	r.tags = append(r.tags, [2][]byte{key, value})
	return true
}

func (r *rawEnvelope) readLog(msg []byte) bool {
	r.payload, r.logType = nil, 0
	return walk(msg, func(num protowire.Number, typ protowire.Type, v []byte, x uint64) bool {
		switch num {
		case 1:
			r.payload = v
			return typ == protowire.BytesType
		case 2:
			r.logType = x
			return typ == protowire.VarintType
		}
		return true
	})
}

func (r *rawEnvelope) readCounter(msg []byte) bool {
	r.name, r.delta, r.total = nil, 0, 0
	return walk(msg, func(num protowire.Number, typ protowire.Type, v []byte, x uint64) bool {
		switch num {
		case 1:
			r.name = v
			return typ == protowire.BytesType && wire.ValidUTF8(v)
		case 2:
			r.delta = x
			return typ == protowire.VarintType
		case 3:
			r.total = x
			return typ == protowire.VarintType
		}
		return true
	})
}

// walk calls f with each field of msg: a length-delimited one's bytes as
// v, a varint's value as x (the other wire types with neither). It reports
// false if msg is malformed or f returns false.
func walk(msg []byte, f func(num protowire.Number, typ protowire.Type, v []byte, x uint64) bool) bool {
	for b := msg; len(b) > 0; {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 || !num.IsValid() { // ConsumeTag takes numbers up to 2^31-1
			return false
		}
		b = b[n:]
		var v []byte
		var x uint64
		switch typ {
		case protowire.BytesType:
			v, n = protowire.ConsumeBytes(b)
		case protowire.VarintType:
			x, n = protowire.ConsumeVarint(b)
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
		}
		if n < 0 || !f(num, typ, v, x) {
			return false
		}
		b = b[n:]
	}
	return true
}

// appendField appends v as length-delimited field num, present even when
// empty, as protobuf writes a set proto2 string.
func appendField[T string | []byte](b []byte, num protowire.Number, v T) []byte {
	b = protowire.AppendTag(b, num, protowire.BytesType)
	b = wire.AppendVarint(b, uint64(len(v)))
	return append(b, v...)
}

// sizeField is the size of a length-delimited field of a one-byte tag.
func sizeField(n int) int { return 1 + protowire.SizeBytes(n) }

// appendTag appends one entry of events.Envelope's tags map: its key as
// field 1 and its value as field 2, as protobuf writes a map entry.
func appendTag[T string | []byte](b []byte, k, v T) []byte {
	n := 2 + protowire.SizeBytes(len(k)) + protowire.SizeBytes(len(v))
	b = protowire.AppendTag(b, fieldV1Tags, protowire.BytesType)
	b = wire.AppendVarint(b, uint64(n))
	b = appendField(b, 1, k)
	return appendField(b, 2, v)
}
