package dropsonde

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"math"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/cloudfoundry/sonde-go/events"
	"google.golang.org/protobuf/encoding/protowire"

	"loggregator/internal/wire"
)

// appendDirect is DecodeAppend's fast path: it reads the v1 envelope with
// protowire and writes the v2 envelope conversion.ToV2 would make, without
// building either message, so a datagram costs no allocation. It takes only
// datagrams it is sure about: every field it knows, at most once (tag map
// entries excepted), with its declared wire type, every required field of
// the envelope and of its event message present, enum values the v1
// protocol names, no message besides the one the event type names, no
// unknown field, and every string that lands in a v2 string field valid
// UTF-8. For anything else (merged duplicates, unknown fields, a missing
// required field, bad text, garbage) it returns ok false and dst unchanged,
// and DecodeAppend takes the reference path (proto.Unmarshal, ToV2), which
// then gives the envelope or the error. FuzzDirect holds the two paths to
// the same output.
//
// The mapping, step by step as ToV2 and Decode do it:
//  1. tags: the v1 tags (last entry of a key wins); source_id set to the
//     origin when absent or empty; then origin, deployment, job, index, ip
//     (the Decoder's where the envelope has none) and __v1_type (the event
//     type's name) set over them; source_id taken out as the source id.
//  2. per event type: a log message sets source_type, its source instance
//     as instance id, its app id (when not empty) as source id; an HTTP
//     start-stop becomes the timer "http" with ten tags, its application
//     UUID (when not zero) as source id and its instance index as instance
//     id; a value metric becomes a one-metric gauge, a counter event a
//     counter, both with the instance_id tag as instance id (the counter
//     also drops the tag); an error becomes an OUT log with source and
//     code tags; a container metric becomes the five-metric gauge of its
//     app and instance.
func (d Decoder) appendDirect(dst, datagram []byte) ([]byte, bool) {
	c := directPool.Get().(*direct)
	ok := c.parse(datagram) && c.convert(&d)
	if ok {
		dst = c.append(dst)
	}
	c.reset() // no reference to the datagram stays in the pool
	directPool.Put(c)
	return dst, ok
}

// direct is the working memory of one appendDirect call, about 5 KiB:
// what it read of the v1 envelope, the v2 envelope it writes, and the tags
// the two share. Its parts hold slices of each other and of the datagram,
// which escape analysis cannot keep on the stack, so it comes from a pool;
// reset clears only what a call used.
type direct struct {
	v1      v1Envelope
	v2      v2Envelope
	tags    tagSet
	gauge   [5]gaugeMetric
	scratch [256]byte // text the mapping formats: numbers, UUIDs, the forwarded list
}

var directPool = sync.Pool{New: func() any { return new(direct) }}

func (c *direct) reset() {
	clear(c.gauge[:c.v2.metric])
	c.v1, c.v2 = v1Envelope{}, v2Envelope{}
	c.tags.reset()
}

// text is a string from the datagram (b) or from the program (s); at most
// one of the two is non-empty, so the forwarder copies no datagram bytes
// into strings.
type text struct {
	b []byte
	s string
}

func str(s string) text { return text{s: s} }

func (t text) len() int { return len(t.b) + len(t.s) }

func (t text) validUTF8() bool {
	if len(t.s) > 0 {
		return utf8.ValidString(t.s)
	}
	return wire.ValidUTF8(t.b)
}

func (t text) appendTo(b []byte) []byte { return append(append(b, t.b...), t.s...) }

// maxTags bounds the v1 envelope's own tags on the fast path; an envelope
// with more takes the reference path. The mapping adds at most 16 of its
// own: six for every type, ten more for an HTTP start-stop.
const maxTags = 32

// tagSet is the v2 envelope's tags: first the v1 envelope's own (the first
// user entries; the last entry of a key wins), then those the mapping sets.
// The mapping's keys are distinct from each other, so setting one searches
// only the v1 envelope's tags, which most envelopes do not have.
type tagSet struct {
	n, user int
	kv      [maxTags + 16][2]text
}

func (t *tagSet) reset() {
	clear(t.kv[:t.n])
	t.n, t.user = 0, 0
}

// setV1 adds a tag of the v1 envelope, or replaces the value of an earlier
// entry of its key; false when the envelope has more than maxTags.
func (t *tagSet) setV1(k, v []byte) bool {
	for i := range t.n {
		if bytes.Equal(t.kv[i][0].b, k) {
			t.kv[i][1].b = v
			return true
		}
	}
	if t.n == maxTags {
		return false
	}
	t.kv[t.n] = [2]text{{b: k}, {b: v}}
	t.n++
	t.user = t.n
	return true
}

// v1Tag is the index of the v1 envelope's tag k, or -1.
func (t *tagSet) v1Tag(k string) int {
	for i := range t.user {
		if string(t.kv[i][0].b) == k {
			return i
		}
	}
	return -1
}

// removeV1 takes out the v1 envelope's tag at i. Order does not matter on
// the wire (a map), so the last tag takes its place; it is only called
// before set adds the mapping's tags.
func (t *tagSet) removeV1(i int) {
	t.n--
	t.user = t.n
	t.kv[i] = t.kv[t.n]
	t.kv[t.n] = [2]text{}
}

// set gives the tag k the value v, over a v1 tag of that key.
func (t *tagSet) set(k string, v text) {
	if i := t.v1Tag(k); i >= 0 {
		t.kv[i][1] = v
		return
	}
	t.kv[t.n] = [2]text{str(k), v}
	t.n++
}

// v1Envelope is what appendDirect reads of a v1 events.Envelope; its tags
// go to direct.tags.
type v1Envelope struct {
	seen       uint32 // bit n: field n was read
	origin     []byte
	eventType  events.Envelope_EventType
	timestamp  int64
	deployment []byte
	job        []byte
	index      []byte
	ip         []byte
	message    []byte // the event message's bytes
}

// Field numbers of events.Envelope.
const (
	v1Origin     = 1
	v1EventType  = 2
	v1Timestamp  = 6
	v1FirstEvent = 7 // httpStartStop; the six event messages are 7-12
	v1LastEvent  = 12
	v1Deployment = 13
	v1Job        = 14
	v1Index      = 15
	v1IP         = 16
	v1Tags       = 17
)

// parse reads the v1 envelope b; false means "take the reference path".
// Tag keys must be UTF-8 here (every one lands in the v2 envelope); tag
// values are checked once the mapping has replaced those it replaces.
func (c *direct) parse(b []byte) bool {
	v := &c.v1
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 || num > v1Tags {
			return false
		}
		b = b[n:]
		if num != v1Tags {
			if v.seen&(1<<num) != 0 {
				return false
			}
			v.seen |= 1 << num
		}
		switch num {
		case v1EventType, v1Timestamp:
			if typ != protowire.VarintType {
				return false
			}
			x, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return false
			}
			b = b[n:]
			if num == v1Timestamp {
				v.timestamp = int64(x)
				continue
			}
			if _, ok := enumName(eventTypeNames, x); !ok {
				return false
			}
			v.eventType = events.Envelope_EventType(x)
		case v1Origin, v1Deployment, v1Job, v1Index, v1IP, v1Tags,
			7, 8, 9, 10, 11, 12:
			if typ != protowire.BytesType {
				return false
			}
			data, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return false
			}
			b = b[n:]
			switch num {
			case v1Origin:
				v.origin = data
			case v1Deployment:
				v.deployment = data
			case v1Job:
				v.job = data
			case v1Index:
				v.index = data
			case v1IP:
				v.ip = data
			case v1Tags:
				k, val, ok := mapEntry(data)
				if !ok || !wire.ValidUTF8(k) || !c.tags.setV1(k, val) {
					return false
				}
			default:
				v.message = data
			}
		default:
			return false
		}
	}
	// Required: origin and eventType, and the message the type names,
	// alone (another would be decoded and checked by proto.Unmarshal too).
	if v.seen&(1<<v1Origin|1<<v1EventType) != 1<<v1Origin|1<<v1EventType {
		return false
	}
	present := v.seen & (1<<(v1LastEvent+1) - 1<<v1FirstEvent)
	want := eventField(v.eventType)
	return want != 0 && present == 1<<want
}

// eventField is the envelope field holding t's message.
func eventField(t events.Envelope_EventType) protowire.Number {
	switch t {
	case events.Envelope_HttpStartStop:
		return 7
	case events.Envelope_LogMessage:
		return 8
	case events.Envelope_ValueMetric:
		return 9
	case events.Envelope_CounterEvent:
		return 10
	case events.Envelope_Error:
		return 11
	case events.Envelope_ContainerMetric:
		return 12
	}
	return 0
}

// mapEntry reads one map<string,string> entry: key 1, value 2, each at
// most once, either absent meaning "".
func mapEntry(b []byte) (k, v []byte, ok bool) {
	var f fields
	if !f.parse(b, 2, 1<<1|1<<2, 0, 0) {
		return nil, nil, false
	}
	return f.b[1], f.b[2], true
}

// fields is one nested v1 message read by parse: each field's varint or
// fixed64 (x) or bytes (b), and which were present.
type fields struct {
	seen uint32
	x    [16]uint64
	b    [16][]byte
}

// parse reads a message whose fields are numbered 1 to maxField (at most
// 15): a field whose bit is set in bytesFields must be length-delimited, one
// in fixed64Fields fixed64, any other a varint. repeated marks
// length-delimited fields that may occur more than once; f.b then keeps the
// first occurrence. Unknown fields or wrong wire types give false.
func (f *fields) parse(b []byte, maxField protowire.Number, bytesFields, fixed64Fields, repeated uint32) bool {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 || num > maxField {
			return false
		}
		b = b[n:]
		bit := uint32(1) << num
		first := f.seen&bit == 0
		if !first && repeated&bit == 0 {
			return false
		}
		f.seen |= bit
		switch {
		case bytesFields&bit != 0:
			if typ != protowire.BytesType {
				return false
			}
			data, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return false
			}
			if first {
				f.b[num] = data
			}
			b = b[n:]
		case fixed64Fields&bit != 0:
			if typ != protowire.Fixed64Type {
				return false
			}
			x, n := protowire.ConsumeFixed64(b)
			if n < 0 {
				return false
			}
			f.x[num], b = x, b[n:]
		default:
			if typ != protowire.VarintType {
				return false
			}
			x, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return false
			}
			f.x[num], b = x, b[n:]
		}
	}
	return true
}

// has reports whether every field in mask was present.
func (f *fields) has(mask uint32) bool { return f.seen&mask == mask }

// The names of the v1 enums' values by number, "" where the enum names
// none: a table lookup where protobuf's String would go through its
// reflection on every datagram.
var (
	eventTypeNames = enumNames(events.Envelope_EventType_name)
	logTypeNames   = enumNames(events.LogMessage_MessageType_name)
	peerTypeNames  = enumNames(events.PeerType_name)
	methodNames    = enumNames(events.Method_name)
)

func enumNames(byNumber map[int32]string) []string {
	var names []string
	for x, name := range byNumber {
		if x < 0 || x > 1<<10 {
			continue // none in the v1 protocol; such values take the reference path
		}
		if int(x) >= len(names) {
			names = append(names, make([]string, int(x)+1-len(names))...)
		}
		names[x] = name
	}
	return names
}

// enumName is the name of an enum value the v1 protocol declares, ok false
// for any other (proto.Unmarshal keeps those as unknown fields).
func enumName(names []string, x uint64) (string, bool) {
	if x >= uint64(len(names)) || names[x] == "" {
		return "", false
	}
	return names[x], true
}

// v2Envelope is the v2 envelope appendDirect writes; its tags are
// direct.tags, its gauge's metrics direct.gauge[:metric].
type v2Envelope struct {
	timestamp  int64
	sourceID   text
	instanceID text
	kind       protowire.Number // 4 log, 5 counter, 6 gauge, 7 timer
	// log
	payload []byte
	logType uint64
	// counter and timer
	name          text
	first, second uint64 // delta and total, or start and stop
	// gauge
	metric int
	// notUTF8 is set by take when a string it took is not UTF-8.
	notUTF8 bool
}

// take is a string of the datagram that lands in the v2 envelope whatever
// follows, checked for UTF-8 now.
func (e *v2Envelope) take(b []byte) text {
	if !wire.ValidUTF8(b) {
		e.notUTF8 = true
	}
	return text{b: b}
}

type gaugeMetric struct {
	name, unit text
	value      float64
}

var containerUnits = [5][2]string{{"cpu", "percentage"}, {"memory", "bytes"}, {"disk", "bytes"}, {"memory_quota", "bytes"}, {"disk_quota", "bytes"}}

// convert maps what parse read as the doc of appendDirect says.
func (c *direct) convert(d *Decoder) bool {
	v, e, t := &c.v1, &c.v2, &c.tags
	e.timestamp = v.timestamp
	e.sourceID = text{b: v.origin}
	if i := t.v1Tag("source_id"); i >= 0 {
		if len(t.kv[i][1].b) > 0 {
			e.sourceID = t.kv[i][1]
		}
		t.removeV1(i)
	}
	var v1InstanceID text
	if i := t.v1Tag("instance_id"); i >= 0 {
		v1InstanceID = t.kv[i][1]
		if v.eventType == events.Envelope_CounterEvent {
			t.removeV1(i)
		}
	}
	t.set("origin", e.take(v.origin))
	t.set("deployment", e.orDefault(v, v1Deployment, v.deployment, d.Deployment))
	t.set("job", e.orDefault(v, v1Job, v.job, d.Job))
	t.set("index", e.orDefault(v, v1Index, v.index, d.Index))
	t.set("ip", e.orDefault(v, v1IP, v.ip, d.IP))
	t.set("__v1_type", str(eventTypeNames[v.eventType]))

	scratch := c.scratch[:0]
	var f fields
	switch v.eventType {
	case events.Envelope_LogMessage:
		// message, message_type, timestamp (required), app_id,
		// source_type, source_instance
		if !f.parse(v.message, 6, 1<<1|1<<4|1<<5|1<<6, 0, 0) || !f.has(1<<1|1<<2|1<<3) {
			return false
		}
		name, ok := enumName(logTypeNames, f.x[2])
		if !ok {
			return false
		}
		t.set("source_type", e.take(f.b[5]))
		e.instanceID = text{b: f.b[6]}
		if len(f.b[4]) > 0 {
			e.sourceID = text{b: f.b[4]}
		}
		e.kind, e.payload = 4, f.b[1]
		if name == "ERR" {
			e.logType = 1
		}
	case events.Envelope_HttpStartStop:
		if !c.fromHTTP(v.message) {
			return false
		}
	case events.Envelope_ValueMetric:
		// name, value, unit, all required
		if !f.parse(v.message, 3, 1<<1|1<<3, 1<<2, 0) || !f.has(1<<1|1<<2|1<<3) {
			return false
		}
		e.instanceID = v1InstanceID
		e.kind, e.metric = 6, 1
		c.gauge[0] = gaugeMetric{name: e.take(f.b[1]), unit: e.take(f.b[3]), value: math.Float64frombits(f.x[2])}
	case events.Envelope_CounterEvent:
		// name, delta (required), total
		if !f.parse(v.message, 3, 1<<1, 0, 0) || !f.has(1<<1|1<<2) {
			return false
		}
		e.instanceID = v1InstanceID
		e.kind, e.name, e.first, e.second = 5, e.take(f.b[1]), f.x[2], f.x[3]
	case events.Envelope_Error:
		// source, code, message, all required
		if !f.parse(v.message, 3, 1<<1|1<<3, 0, 0) || !f.has(1<<1|1<<2|1<<3) {
			return false
		}
		scratch = strconv.AppendInt(scratch, int64(int32(f.x[2])), 10)
		t.set("source", e.take(f.b[1]))
		t.set("code", text{b: scratch})
		e.kind, e.payload, e.logType = 4, f.b[3], 0
	case events.Envelope_ContainerMetric:
		// applicationId, instanceIndex, cpuPercentage, memoryBytes,
		// diskBytes (required), memoryBytesQuota, diskBytesQuota
		if !f.parse(v.message, 7, 1<<1, 1<<3, 0) || !f.has(1<<1|1<<2|1<<3|1<<4|1<<5) {
			return false
		}
		if len(f.b[1]) > 0 {
			e.sourceID = text{b: f.b[1]}
		}
		e.instanceID = text{b: strconv.AppendInt(scratch, int64(int32(f.x[2])), 10)}
		e.kind, e.metric = 6, 5
		values := [5]float64{math.Float64frombits(f.x[3]), float64(f.x[4]), float64(f.x[5]), float64(f.x[6]), float64(f.x[7])}
		for i, nu := range containerUnits {
			c.gauge[i] = gaugeMetric{name: str(nu[0]), unit: str(nu[1]), value: values[i]}
		}
	default:
		return false
	}
	return c.validUTF8()
}

// orDefault is a deployment, job, index or ip field of v, or the Decoder's
// value when the envelope lacks the field.
func (e *v2Envelope) orDefault(v *v1Envelope, num int, b []byte, def string) text {
	if v.seen&(1<<num) == 0 {
		if !utf8.ValidString(def) {
			e.notUTF8 = true
		}
		return str(def)
	}
	return e.take(b)
}

// fromHTTP maps an HttpStartStop message.
func (c *direct) fromHTTP(msg []byte) bool {
	// startTimestamp 1, stopTimestamp 2, requestId 3, peerType 4, method 5,
	// uri 6, remoteAddress 7, userAgent 8, statusCode 9, contentLength 10
	// (all required); applicationId 12, instanceIndex 13, instanceId 14,
	// forwarded 15 (repeated). Field 11 is not in the protocol.
	e, t := &c.v2, &c.tags
	var f fields
	const required = 1<<1 | 1<<2 | 1<<3 | 1<<4 | 1<<5 | 1<<6 | 1<<7 | 1<<8 | 1<<9 | 1<<10
	if !f.parse(msg, 15, 1<<3|1<<6|1<<7|1<<8|1<<12|1<<14|1<<15, 0, 1<<15) || f.seen&(1<<11) != 0 || !f.has(required) {
		return false
	}
	peer, ok1 := enumName(peerTypeNames, f.x[4])
	method, ok2 := enumName(methodNames, f.x[5])
	scratch, ok3 := uuid(f.b[3], c.scratch[:0])
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	requestID := scratch
	if f.seen&(1<<12) != 0 {
		app := len(scratch)
		var ok bool
		if scratch, ok = uuid(f.b[12], scratch); !ok {
			return false
		}
		if string(scratch[app:]) != "00000000-0000-0000-0000-000000000000" {
			e.sourceID = text{b: scratch[app:]}
		}
	}
	instance := len(scratch)
	scratch = strconv.AppendInt(scratch, int64(int32(f.x[13])), 10)
	e.instanceID = text{b: scratch[instance:]}
	e.kind, e.name, e.first, e.second = 7, str("http"), f.x[1], f.x[2]

	status := len(scratch)
	scratch = strconv.AppendInt(scratch, int64(int32(f.x[9])), 10)
	length := len(scratch)
	scratch = strconv.AppendInt(scratch, int64(f.x[10]), 10)
	forwarded := len(scratch)
	if f.seen&(1<<15) != 0 {
		var ok bool
		if scratch, ok = joinForwarded(scratch, msg); !ok {
			return false
		}
	}
	t.set("request_id", text{b: requestID})
	t.set("peer_type", str(peer))
	t.set("method", str(method))
	t.set("uri", e.take(f.b[6]))
	t.set("remote_address", e.take(f.b[7]))
	t.set("user_agent", e.take(f.b[8]))
	t.set("status_code", text{b: scratch[status:length]})
	t.set("content_length", text{b: scratch[length:forwarded]})
	t.set("routing_instance_id", e.take(f.b[14]))
	t.set("forwarded", e.take(scratch[forwarded:]))
	return true
}

// joinForwarded appends the forwarded fields (15) of an HttpStartStop,
// joined by newlines, as ToV2 joins them.
func joinForwarded(dst, msg []byte) ([]byte, bool) {
	first := true
	for len(msg) > 0 {
		num, typ, n := protowire.ConsumeTag(msg)
		if n < 0 {
			return dst, false
		}
		msg = msg[n:]
		n = protowire.ConsumeFieldValue(num, typ, msg)
		if n < 0 {
			return dst, false
		}
		if num == 15 {
			data, _ := protowire.ConsumeBytes(msg)
			if !first {
				dst = append(dst, '\n')
			}
			dst, first = append(dst, data...), false
		}
		msg = msg[n:]
	}
	return dst, true
}

// uuid appends the text of the encoded events.UUID b (low and high, both
// required) to dst as ToV2 writes it: the sixteen bytes, low then high,
// little-endian, in hex as 8-4-4-4-12.
func uuid(b, dst []byte) ([]byte, bool) {
	var f fields
	if !f.parse(b, 2, 0, 0, 0) || !f.has(1<<1|1<<2) {
		return dst, false
	}
	var raw [16]byte
	binary.LittleEndian.PutUint64(raw[:8], f.x[1])
	binary.LittleEndian.PutUint64(raw[8:], f.x[2])
	for i, group := range [...][2]int{{0, 4}, {4, 6}, {6, 8}, {8, 10}, {10, 16}} {
		if i > 0 {
			dst = append(dst, '-')
		}
		dst = hex.AppendEncode(dst, raw[group[0]:group[1]])
	}
	return dst, true
}

// validUTF8 completes what take checked to what Decode's validUTF8 checks,
// every v2 string field: the source and instance ids (which may come from
// v1 tags), and the values of the v1 envelope's tags the mapping kept.
func (c *direct) validUTF8() bool {
	e := &c.v2
	if e.notUTF8 || !e.sourceID.validUTF8() || !e.instanceID.validUTF8() {
		return false
	}
	for _, kv := range c.tags.kv[:c.tags.user] {
		if !kv[1].validUTF8() {
			return false
		}
	}
	return true
}

// append writes the envelope in the v2 wire format, field for field as
// appendV2 does.
func (c *direct) append(b []byte) []byte {
	e := &c.v2
	b = appendUint(b, 1, uint64(e.timestamp))
	b = appendText(b, 2, e.sourceID)
	switch e.kind {
	case 4:
		b = appendMessageHeader(b, 4, bytesFieldSize(1, len(e.payload))+uintSize(2, e.logType))
		b = appendBytes(b, 1, e.payload)
		b = appendUint(b, 2, e.logType)
	case 5, 7:
		b = appendMessageHeader(b, e.kind, bytesFieldSize(1, e.name.len())+uintSize(2, e.first)+uintSize(3, e.second))
		b = appendText(b, 1, e.name)
		b = appendUint(b, 2, e.first)
		b = appendUint(b, 3, e.second)
	case 6:
		gauge := c.gauge[:e.metric]
		size := 0
		for _, m := range gauge {
			size += protowire.SizeTag(1) + protowire.SizeBytes(m.entrySize())
		}
		b = appendMessageHeader(b, 6, size)
		for _, m := range gauge {
			b = appendMessageHeader(b, 1, m.entrySize())
			b = protowire.AppendTag(b, 1, protowire.BytesType)
			b = wire.AppendVarint(b, uint64(m.name.len()))
			b = m.name.appendTo(b)
			b = appendMessageHeader(b, 2, m.valueSize())
			b = appendText(b, 1, m.unit)
			if m.value != 0 || math.Signbit(m.value) {
				b = protowire.AppendTag(b, 2, protowire.Fixed64Type)
				b = protowire.AppendFixed64(b, math.Float64bits(m.value))
			}
		}
	}
	b = appendText(b, 8, e.instanceID)
	for _, kv := range c.tags.kv[:c.tags.n] {
		k, v := kv[0], kv[1]
		b = appendMessageHeader(b, 9, protowire.SizeTag(1)+protowire.SizeBytes(k.len())+protowire.SizeTag(2)+protowire.SizeBytes(v.len()))
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = wire.AppendVarint(b, uint64(k.len()))
		b = k.appendTo(b)
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = wire.AppendVarint(b, uint64(v.len()))
		b = v.appendTo(b)
	}
	return b
}

func (m gaugeMetric) valueSize() int {
	n := bytesFieldSize(1, m.unit.len())
	if m.value != 0 || math.Signbit(m.value) {
		n += protowire.SizeTag(2) + protowire.SizeFixed64()
	}
	return n
}

func (m gaugeMetric) entrySize() int {
	return protowire.SizeTag(1) + protowire.SizeBytes(m.name.len()) + protowire.SizeTag(2) + protowire.SizeBytes(m.valueSize())
}

// appendText is appendString for text; empty text is left out.
func appendText(b []byte, num protowire.Number, t text) []byte {
	if t.len() == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	b = wire.AppendVarint(b, uint64(t.len()))
	return t.appendTo(b)
}

// bytesFieldSize is the size of a length-delimited field of n bytes, 0 when
// n is 0 (left out).
func bytesFieldSize(num protowire.Number, n int) int {
	if n == 0 {
		return 0
	}
	return protowire.SizeTag(num) + protowire.SizeBytes(n)
}
