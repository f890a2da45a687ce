package syslog

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"time"

	"loggregator/internal/wire"
)

// Field numbers of loggregator.v2.Envelope and its messages (envelope.pb.go).
const (
	envTimestamp  = 1
	envSourceID   = 2
	envLog        = 4
	envCounter    = 5
	envGauge      = 6
	envTimer      = 7
	envInstanceID = 8
	envTags       = 9
	envEvent      = 10
)

// enterprise is the private enterprise number of the structured data IDs.
const enterprise = "@47450"

// Limits of the header fields (RFC 5424 section 6 and Cloud Foundry's agent).
const (
	maxHostname  = 255
	maxHostPart  = 63
	maxAppName   = 48
	maxProcID    = 128
	maxParamName = 32
)

// ErrInvalidEnvelope is wrapped by every error Format returns: the envelope
// cannot become a valid message (malformed, or a tag key that cannot be an
// SD-PARAM name) and is skipped.
var ErrInvalidEnvelope = errors.New("invalid envelope for syslog")

func invalid(why string) error { return invalidError(why) }

type invalidError string

func (e invalidError) Error() string   { return ErrInvalidEnvelope.Error() + ": " + string(e) }
func (e invalidError) Is(t error) bool { return t == ErrInvalidEnvelope }

// Options are the per-drain choices of a message.
type Options struct {
	// Hostname is the HOSTNAME field; empty derives it from the envelope's
	// organization_name, space_name and app_name tags ("-" without them).
	Hostname string
	// OmitTags leaves the tags block out of the structured data.
	OmitTags bool
}

type pair struct{ k, v []byte }

type gaugeMetric struct {
	name, unit []byte
	value      float64
}

// Formatter turns encoded envelopes into RFC 5424 messages. Its buffers are
// reused by every call, so a Formatter belongs to one goroutine and the
// messages it returns are valid until its next call.
type Formatter struct {
	buf    []byte
	msgs   [][]byte
	tags   []pair
	gauges []gaugeMetric
	host   []byte
}

// envelope is what Format reads from an encoded envelope; slices point into it.
type envelope struct {
	ts                   int64
	sourceID, instanceID []byte
	kind                 wire.Kind
	body                 []byte // the oneof message
}

// Format returns the messages of env: one for a log, counter, timer or
// event, one per metric for a gauge (sorted by name), none for an envelope
// without a message. Each message is the bytes RFC 5424 defines, without
// framing; logs end in one "\n", the others in " \n". The result is
// valid until the next call. An error wraps ErrInvalidEnvelope.
func (f *Formatter) Format(env []byte, opts Options) ([][]byte, error) {
	f.buf, f.msgs, f.tags, f.gauges = f.buf[:0], f.msgs[:0], f.tags[:0], f.gauges[:0]
	var e envelope
	if err := f.scan(env, &e); err != nil {
		return nil, err
	}
	hostname := f.hostname(opts.Hostname)
	switch e.kind {
	case wire.KindLog:
		return f.formatLog(&e, hostname, opts)
	case wire.KindCounter:
		return f.formatCounter(&e, hostname, opts)
	case wire.KindGauge:
		return f.formatGauge(&e, hostname, opts)
	case wire.KindTimer:
		return f.formatTimer(&e, hostname, opts)
	case wire.KindEvent:
		return f.formatEvent(&e, hostname, opts)
	}
	return f.msgs, nil
}

// scan reads env's fields, and its tags into f.tags sorted by key (the last
// of equal keys wins, as protobuf's map decoding does).
func (f *Formatter) scan(env []byte, e *envelope) error {
	it := wire.NewFieldIter(env)
	for {
		num, v, b, ok := it.Next()
		if !ok {
			break
		}
		switch {
		case num == envTimestamp && b == nil:
			e.ts = int64(v)
		case b == nil:
		case num == envSourceID:
			e.sourceID = b
		case num == envInstanceID:
			e.instanceID = b
		case num == envTags:
			k, val, err := mapEntry(b)
			if err != nil {
				return err
			}
			f.tags = append(f.tags, pair{k, val})
		case num == envLog:
			e.kind, e.body = wire.KindLog, b
		case num == envCounter:
			e.kind, e.body = wire.KindCounter, b
		case num == envGauge:
			e.kind, e.body = wire.KindGauge, b
		case num == envTimer:
			e.kind, e.body = wire.KindTimer, b
		case num == envEvent:
			e.kind, e.body = wire.KindEvent, b
		}
	}
	if err := it.Err(); err != nil {
		return invalid(err.Error())
	}
	sortTags(f.tags)
	out := f.tags[:0]
	for i, t := range f.tags {
		if i+1 < len(f.tags) && bytes.Equal(t.k, f.tags[i+1].k) {
			continue
		}
		if !validParamName(t.k) {
			return invalid("tag key " + strconv.Quote(string(t.k)) + " cannot be an SD-PARAM name")
		}
		out = append(out, t)
	}
	f.tags = out
	return nil
}

// sortTags sorts tags by key, stably. An envelope carries a handful of
// tags, so an insertion sort comparing strings does it without the
// comparison closure of slices.SortStableFunc, which with bytes.Compare was
// a sixth of formatting a log with five tags.
func sortTags(tags []pair) {
	if len(tags) > 16 {
		slices.SortStableFunc(tags, func(a, b pair) int { return bytes.Compare(a.k, b.k) })
		return
	}
	for i := 1; i < len(tags); i++ {
		for j := i; j > 0 && string(tags[j].k) < string(tags[j-1].k); j-- {
			tags[j], tags[j-1] = tags[j-1], tags[j]
		}
	}
}

// mapEntry reads a map<string,string> entry: key 1, value 2. An entry as
// protobuf encoders write one, key then value with lengths below 128
// (0x0a len key 0x12 len value), is read without the field loop; any other
// layout goes through it, with the same result.
func mapEntry(b []byte) (k, v []byte, err error) {
	if len(b) >= 4 && b[0] == 0x0a && b[1] < 0x80 {
		kEnd := 2 + int(b[1])
		if kEnd+2 <= len(b) && b[kEnd] == 0x12 && b[kEnd+1] < 0x80 && kEnd+2+int(b[kEnd+1]) == len(b) {
			return b[2:kEnd], b[kEnd+2:], nil
		}
	}
	it := wire.NewFieldIter(b)
	for {
		num, _, d, ok := it.Next()
		if !ok {
			break
		}
		switch {
		case d == nil:
		case num == 1:
			k = d
		case num == 2:
			v = d
		}
	}
	if err := it.Err(); err != nil {
		return nil, nil, invalid(err.Error())
	}
	return k, v, nil
}

// validParamName reports whether k is an RFC 5424 SD-NAME: 1 to 32
// printable US-ASCII characters other than '=', ' ', ']' and '"'.
func validParamName(k []byte) bool {
	if len(k) == 0 || len(k) > maxParamName {
		return false
	}
	for _, c := range k {
		if !paramNameByte[c] {
			return false
		}
	}
	return true
}

// paramNameByte marks the bytes an SD-NAME may hold.
var paramNameByte = func() (t [256]bool) {
	for c := 33; c <= 126; c++ {
		t[c] = c != '=' && c != ']' && c != '"'
	}
	return t
}()

func (f *Formatter) tag(key string) []byte {
	for _, t := range f.tags {
		if string(t.k) == key {
			return t.v
		}
	}
	return nil
}

// hostname returns the HOSTNAME field: the binding's, or org.space.app from
// the tags, or "-".
func (f *Formatter) hostname(given string) []byte {
	f.host = f.host[:0]
	if given != "" {
		f.host = appendPrintable(f.host, given, maxHostname)
		if len(f.host) == 0 {
			f.host = append(f.host, '-')
		}
		return f.host
	}
	org, space, app := f.tag("organization_name"), f.tag("space_name"), f.tag("app_name")
	if org == nil && space == nil && app == nil {
		return append(f.host, '-')
	}
	f.host = appendHostPart(f.host, org)
	f.host = append(f.host, '.')
	f.host = appendHostPart(f.host, space)
	f.host = append(f.host, '.')
	f.host = appendHostPart(f.host, app)
	return f.host
}

// appendHostPart appends a cleaned name: whitespace runs become one '-',
// other characters outside [-a-zA-Z0-9] go, at most 63 characters, no
// trailing dashes. "café app--" becomes "caf-app".
func appendHostPart(dst, name []byte) []byte {
	start := len(dst)
	space := false
	for _, c := range name {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = true
			continue
		case c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		default:
			continue
		}
		if space {
			dst = append(dst, '-')
			space = false
		}
		dst = append(dst, c)
	}
	if space {
		dst = append(dst, '-')
	}
	if len(dst)-start > maxHostPart {
		dst = dst[:start+maxHostPart]
	}
	for len(dst) > start && dst[len(dst)-1] == '-' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// appendPrintable appends the printable US-ASCII characters of s (33 to
// 126), at most max of them.
func appendPrintable[S string | []byte](dst []byte, s S, max int) []byte {
	n := 0
	for i := 0; i < len(s) && n < max; i++ {
		if c := s[i]; c >= 33 && c <= 126 {
			dst = append(dst, c)
			n++
		}
	}
	return dst
}

// appendHeader appends "<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID - ".
func (f *Formatter) appendHeader(dst []byte, pri string, e *envelope, host []byte, isLog bool) []byte {
	dst = append(dst, pri...)
	dst = append(dst, "1 "...)
	dst = appendTimestamp(dst, e.ts)
	dst = append(dst, ' ')
	dst = append(dst, host...)
	dst = append(dst, ' ')
	n := len(dst)
	if len(e.sourceID) > 0 {
		dst = appendPrintable(dst, e.sourceID, maxAppName)
	} else {
		dst = appendPrintable(dst, f.tag("origin"), maxAppName)
	}
	if len(dst) == n {
		dst = append(dst, '-')
	}
	dst = append(dst, ' ')
	dst = f.appendProcID(dst, e, isLog)
	return append(dst, " - "...)
}

// appendProcID appends "[SOURCE_TYPE/INSTANCE]" for logs and "[INSTANCE]"
// for the other kinds, upper-cased, spaces as '-', at most 128 characters.
func (f *Formatter) appendProcID(dst []byte, e *envelope, isLog bool) []byte {
	start := len(dst)
	dst = append(dst, '[')
	if isLog {
		for _, c := range f.tag("source_type") {
			switch {
			case c == ' ':
				c = '-'
			case c >= 'a' && c <= 'z':
				c -= 'a' - 'A'
			case c < 33 || c > 126:
				continue
			}
			dst = append(dst, c)
		}
		if len(e.instanceID) > 0 {
			dst = append(dst, '/')
		}
	}
	dst = appendPrintable(dst, e.instanceID, maxProcID)
	if len(dst)-start > maxProcID-1 {
		dst = dst[:start+maxProcID-1]
	}
	return append(dst, ']')
}

// appendTimestamp appends ns since the epoch in UTC as RFC 3339 with at
// most microseconds, trailing zeros dropped, and "+00:00". It writes the
// digits itself: time.Time.AppendFormat parses its layout on every call,
// which was a quarter of a log message's formatting.
func appendTimestamp(dst []byte, ns int64) []byte {
	t := time.Unix(0, ns).UTC()
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	if year < 0 || year > 9999 {
		dst = t.AppendFormat(dst, "2006-01-02T15:04:05.999999")
		return append(dst, "+00:00"...)
	}
	dst = append(dst,
		byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+int(month)/10), byte('0'+int(month)%10), '-',
		byte('0'+day/10), byte('0'+day%10), 'T',
		byte('0'+hour/10), byte('0'+hour%10), ':',
		byte('0'+minute/10), byte('0'+minute%10), ':',
		byte('0'+sec/10), byte('0'+sec%10))
	if us := t.Nanosecond() / 1000; us > 0 {
		var frac [7]byte
		frac[0] = '.'
		for i := 6; i > 0; i-- {
			frac[i] = byte('0' + us%10)
			us /= 10
		}
		n := 7
		for frac[n-1] == '0' {
			n--
		}
		dst = append(dst, frac[:n]...)
	}
	return append(dst, "+00:00"...)
}

// appendTags appends the tags block unless there are no tags or omit.
func (f *Formatter) appendTags(dst []byte, omit bool) []byte {
	if omit || len(f.tags) == 0 {
		return dst
	}
	dst = append(dst, "[tags"+enterprise...)
	for _, t := range f.tags {
		dst = appendParam(dst, t.k, t.v)
	}
	return append(dst, ']')
}

// appendParam appends ` name="value"` with '"', '\' and ']' escaped.
func appendParam[S string | []byte](dst []byte, name S, value []byte) []byte {
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, '=', '"')
	for _, c := range value {
		if c == '"' || c == '\\' || c == ']' {
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// finish records the message that began at start and ends dst.
func (f *Formatter) finish(dst []byte, start int) {
	f.buf = dst
	f.msgs = append(f.msgs, dst[start:len(dst):len(dst)])
}

func (f *Formatter) formatLog(e *envelope, host []byte, opts Options) ([][]byte, error) {
	var payload []byte
	var typ uint64
	it := wire.NewFieldIter(e.body)
	for {
		num, v, b, ok := it.Next()
		if !ok {
			break
		}
		switch {
		case num == 1 && b != nil:
			payload = b
		case num == 2 && b == nil:
			typ = v
		}
	}
	if err := it.Err(); err != nil {
		return nil, invalid(err.Error())
	}
	pri := "<14>"
	if typ == 1 {
		pri = "<11>"
	}
	dst := f.appendHeader(f.buf, pri, e, host, true)
	sd := len(dst)
	if dst = f.appendTags(dst, opts.OmitTags); len(dst) == sd {
		dst = append(dst, '-')
	}
	dst = append(dst, ' ')
	for len(payload) > 0 {
		i := bytes.IndexByte(payload, 0)
		if i < 0 {
			dst = append(dst, payload...)
			break
		}
		dst = append(dst, payload[:i]...)
		payload = payload[i+1:]
	}
	if dst[len(dst)-1] != '\n' {
		dst = append(dst, '\n')
	}
	f.finish(dst, 0)
	return f.msgs, nil
}

// appendMetricEnd appends the kind's block (already in dst), the tags block
// and the empty MSG.
func (f *Formatter) appendMetricEnd(dst []byte, opts Options) []byte {
	dst = f.appendTags(dst, opts.OmitTags)
	return append(dst, " \n"...)
}

func (f *Formatter) formatCounter(e *envelope, host []byte, opts Options) ([][]byte, error) {
	name, delta, total, err := readNamed(e.body)
	if err != nil {
		return nil, err
	}
	dst := f.appendHeader(f.buf, "<14>", e, host, false)
	dst = append(dst, "[counter"+enterprise...)
	dst = appendParam(dst, "name", name)
	dst = append(dst, ` total="`...)
	dst = strconv.AppendUint(dst, total, 10)
	dst = append(dst, `" delta="`...)
	dst = strconv.AppendUint(dst, delta, 10)
	dst = append(dst, `"]`...)
	f.finish(f.appendMetricEnd(dst, opts), 0)
	return f.msgs, nil
}

// readNamed reads a Counter (name, delta, total) or a Timer (name, start,
// stop): the string field 1 and the varint fields 2 and 3.
func readNamed(body []byte) (name []byte, two, three uint64, err error) {
	it := wire.NewFieldIter(body)
	for {
		num, v, b, ok := it.Next()
		if !ok {
			break
		}
		switch {
		case num == 1 && b != nil:
			name = b
		case num == 2 && b == nil:
			two = v
		case num == 3 && b == nil:
			three = v
		}
	}
	if err := it.Err(); err != nil {
		return nil, 0, 0, invalid(err.Error())
	}
	return name, two, three, nil
}

func (f *Formatter) formatTimer(e *envelope, host []byte, opts Options) ([][]byte, error) {
	name, start, stop, err := readNamed(e.body)
	if err != nil {
		return nil, err
	}
	dst := f.appendHeader(f.buf, "<14>", e, host, false)
	dst = append(dst, "[timer"+enterprise...)
	dst = appendParam(dst, "name", name)
	dst = append(dst, ` start="`...)
	dst = strconv.AppendInt(dst, int64(start), 10)
	dst = append(dst, `" stop="`...)
	dst = strconv.AppendInt(dst, int64(stop), 10)
	dst = append(dst, `"]`...)
	f.finish(f.appendMetricEnd(dst, opts), 0)
	return f.msgs, nil
}

func (f *Formatter) formatEvent(e *envelope, host []byte, opts Options) ([][]byte, error) {
	var title, body []byte
	it := wire.NewFieldIter(e.body)
	for {
		num, _, b, ok := it.Next()
		if !ok {
			break
		}
		switch {
		case num == 1 && b != nil:
			title = b
		case num == 2 && b != nil:
			body = b
		}
	}
	if err := it.Err(); err != nil {
		return nil, invalid(err.Error())
	}
	dst := f.appendHeader(f.buf, "<14>", e, host, false)
	dst = append(dst, "[event"+enterprise...)
	dst = appendParam(dst, "title", title)
	dst = appendParam(dst, "body", body)
	dst = append(dst, ']')
	f.finish(f.appendMetricEnd(dst, opts), 0)
	return f.msgs, nil
}

func (f *Formatter) formatGauge(e *envelope, host []byte, opts Options) ([][]byte, error) {
	it := wire.NewFieldIter(e.body)
	for {
		num, _, b, ok := it.Next()
		if !ok {
			break
		}
		if num != 1 || b == nil {
			continue
		}
		m, err := gaugeEntry(b)
		if err != nil {
			return nil, err
		}
		f.gauges = append(f.gauges, m)
	}
	if err := it.Err(); err != nil {
		return nil, invalid(err.Error())
	}
	slices.SortStableFunc(f.gauges, func(a, b gaugeMetric) int { return bytes.Compare(a.name, b.name) })
	dst := f.buf
	for i, m := range f.gauges {
		if i+1 < len(f.gauges) && bytes.Equal(m.name, f.gauges[i+1].name) {
			continue // a repeated map key: the last one wins
		}
		start := len(dst)
		dst = f.appendHeader(dst, "<14>", e, host, false)
		dst = append(dst, "[gauge"+enterprise...)
		dst = appendParam(dst, "name", m.name)
		dst = append(dst, ` value="`...)
		dst = strconv.AppendFloat(dst, m.value, 'g', -1, 64)
		dst = append(dst, '"')
		dst = appendParam(dst, "unit", m.unit)
		dst = append(dst, ']')
		dst = f.appendMetricEnd(dst, opts)
		// An append that moves dst leaves the earlier messages in the old
		// array, which they keep alive and which nothing writes again.
		f.finish(dst, start)
	}
	return f.msgs, nil
}

// gaugeEntry reads a map<string,GaugeValue> entry; GaugeValue's value is a
// fixed64 double, which FieldIter skips, so the value message is read here.
func gaugeEntry(b []byte) (gaugeMetric, error) {
	var m gaugeMetric
	var value []byte
	it := wire.NewFieldIter(b)
	for {
		num, _, d, ok := it.Next()
		if !ok {
			break
		}
		switch {
		case d == nil:
		case num == 1:
			m.name = d
		case num == 2:
			value = d
		}
	}
	if err := it.Err(); err != nil {
		return m, invalid(err.Error())
	}
	for len(value) > 0 {
		key, n := binary.Uvarint(value)
		if n <= 0 {
			return m, invalid("bad gauge value")
		}
		value = value[n:]
		switch key & 7 {
		case 0:
			if _, n = binary.Uvarint(value); n <= 0 {
				return m, invalid("bad gauge value")
			}
			value = value[n:]
		case 1:
			if len(value) < 8 {
				return m, invalid("truncated gauge value")
			}
			if key>>3 == 2 {
				m.value = math.Float64frombits(binary.LittleEndian.Uint64(value))
			}
			value = value[8:]
		case 2:
			l, n := binary.Uvarint(value)
			if n <= 0 || l > uint64(len(value)-n) {
				return m, invalid("truncated gauge value")
			}
			if key>>3 == 1 {
				m.unit = value[n : n+int(l)]
			}
			value = value[n+int(l):]
		case 5:
			if len(value) < 4 {
				return m, invalid("truncated gauge value")
			}
			value = value[4:]
		default:
			return m, invalid("bad wire type in gauge value")
		}
	}
	return m, nil
}
