package dropsonde

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"code.cloudfoundry.org/go-loggregator/v10/conversion"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	"google.golang.org/protobuf/proto"
)

// ErrNoV1 is returned by Encode for a v2 envelope that has no v1 form.
var ErrNoV1 = errors.New("envelope has no v1 form")

// Decoder decodes datagrams on behalf of one VM: an envelope that names no
// deployment, job, index or ip gets the Decoder's, as Cloud Foundry's UDP
// forwarder tags them. The zero Decoder leaves them empty.
type Decoder struct {
	Deployment string
	Job        string
	Index      string
	IP         string
}

// Decode turns one marshalled v1 events.Envelope (one UDP datagram) into v2,
// with no defaults for deployment, job, index and ip.
func Decode(datagram []byte) (*loggregator_v2.Envelope, error) {
	return Decoder{}.Decode(datagram)
}

// Decode turns one marshalled v1 events.Envelope into v2, as the package doc
// says. datagram is not retained.
func (d Decoder) Decode(datagram []byte) (*loggregator_v2.Envelope, error) {
	var v1 events.Envelope
	if err := proto.Unmarshal(datagram, &v1); err != nil {
		return nil, fmt.Errorf("decode v1 envelope: %w", err)
	}
	if !carriesItsType(&v1) {
		return nil, fmt.Errorf("decode v1 envelope: event type %s without its message", v1.GetEventType())
	}
	if v1.Tags == nil {
		v1.Tags = make(map[string]string, 1)
	}
	if v1.Tags["source_id"] == "" {
		v1.Tags["source_id"] = v1.GetOrigin()
	}
	if v1.Deployment == nil {
		v1.Deployment = &d.Deployment
	}
	if v1.Job == nil {
		v1.Job = &d.Job
	}
	if v1.Index == nil {
		v1.Index = &d.Index
	}
	if v1.Ip == nil {
		v1.Ip = &d.IP
	}
	v2 := conversion.ToV2(&v1, true)
	if field, ok := validUTF8(v2); !ok {
		return nil, fmt.Errorf("decode v1 envelope: %s is not UTF-8", field)
	}
	return v2, nil
}

// DecodeAppend decodes datagram as Decode does and appends the v2 envelope,
// in the v2 wire format, to dst: the UDP forwarder's path, which writes
// encoded envelopes and so never needs the envelope itself. Well-formed
// datagrams go from v1 to v2 bytes directly (appendDirect, no allocation);
// the rest through Decode, which gives the same envelope or the error. On
// error dst is returned unchanged.
func (d Decoder) DecodeAppend(dst, datagram []byte) ([]byte, error) {
	if out, ok := d.appendDirect(dst, datagram); ok {
		return out, nil
	}
	e, err := d.Decode(datagram)
	if err != nil {
		return dst, err
	}
	return appendV2(dst, e)
}

// carriesItsType reports whether e holds the message its event type names;
// Cloud Foundry's forwarder refuses the others too.
func carriesItsType(e *events.Envelope) bool {
	switch e.GetEventType() {
	case events.Envelope_HttpStartStop:
		return e.HttpStartStop != nil
	case events.Envelope_LogMessage:
		return e.LogMessage != nil
	case events.Envelope_ValueMetric:
		return e.ValueMetric != nil
	case events.Envelope_CounterEvent:
		return e.CounterEvent != nil
	case events.Envelope_Error:
		return e.Error != nil
	case events.Envelope_ContainerMetric:
		return e.ContainerMetric != nil
	}
	return false
}

// validUTF8 checks every string field ToV2 fills, naming the first bad one.
func validUTF8(e *loggregator_v2.Envelope) (string, bool) {
	if !utf8.ValidString(e.SourceId) {
		return "source id", false
	}
	if !utf8.ValidString(e.InstanceId) {
		return "instance id", false
	}
	for k, v := range e.Tags {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return "a tag", false
		}
	}
	switch m := e.Message.(type) {
	case *loggregator_v2.Envelope_Counter:
		if !utf8.ValidString(m.Counter.GetName()) {
			return "the counter name", false
		}
	case *loggregator_v2.Envelope_Gauge:
		for name, v := range m.Gauge.GetMetrics() {
			if !utf8.ValidString(name) || !utf8.ValidString(v.GetUnit()) {
				return "a gauge name or unit", false
			}
		}
	}
	return "", true
}

// Encode turns one v2 envelope into the marshalled v1 envelopes Cloud
// Foundry's traffic controller sends (conversion.ToV1). e is not modified.
func Encode(e *loggregator_v2.Envelope) ([][]byte, error) {
	var enc Encoder // a fresh one: its frames are never overwritten
	return enc.Encode(e)
}

// Encoder is Encode for one goroutine that writes each frame before it
// encodes the next envelope (the traffic controller's websocket writer): it
// marshals into a buffer it reuses, so steady traffic allocates no frames.
// The zero Encoder is ready to use.
type Encoder struct {
	buf    []byte
	frames [][]byte

	raw rawEnvelope             // EncodeRaw's direct path
	env loggregator_v2.Envelope // EncodeRaw's decoded path
}

// Encode is Encode, but the frames it returns are valid only until the
// next call. e is not modified.
func (enc *Encoder) Encode(e *loggregator_v2.Envelope) ([][]byte, error) {
	if !hasMessage(e) {
		return nil, ErrNoV1
	}
	v1s := conversion.ToV1(e)
	if len(v1s) == 0 {
		return nil, ErrNoV1
	}
	enc.buf, enc.frames = enc.buf[:0], enc.frames[:0]
	for _, v1 := range v1s {
		start := len(enc.buf)
		// The tags map is written by appendTags: protobuf marshals a map
		// field by reflection, two passes (size, then bytes) with a boxed
		// key and value per entry, which was a tenth of the traffic
		// controller's CPU at 5,000/s. Fields may come in any order on the
		// wire, so the frame decodes to the same envelope.
		tags := v1.Tags
		v1.Tags = nil
		var err error
		enc.buf, err = (proto.MarshalOptions{}).MarshalAppend(enc.buf, v1)
		v1.Tags = tags
		if err != nil {
			return nil, fmt.Errorf("encode v1 %s: %w", v1.GetEventType(), err)
		}
		enc.buf = appendTags(enc.buf, tags)
		// A frame made before buf grew keeps the old array, which
		// nothing writes to again.
		enc.frames = append(enc.frames, enc.buf[start:len(enc.buf):len(enc.buf)])
	}
	if cap(enc.buf) > maxKeptBuffer {
		enc.buf = nil // one huge envelope does not pin its buffer
	}
	return enc.frames, nil
}

// maxKeptBuffer is the largest buffer an Encoder keeps between calls.
const maxKeptBuffer = 256 << 10

// hasMessage reports whether e carries a message ToV1 can read without
// dereferencing nil (it reads the inner message unchecked).
func hasMessage(e *loggregator_v2.Envelope) bool {
	switch m := e.GetMessage().(type) {
	case *loggregator_v2.Envelope_Log:
		return m.Log != nil
	case *loggregator_v2.Envelope_Counter:
		return m.Counter != nil
	case *loggregator_v2.Envelope_Gauge:
		return m.Gauge != nil
	case *loggregator_v2.Envelope_Timer:
		return m.Timer != nil
	}
	return false
}

// fieldV1Tags is events.Envelope's tags field (map<string, string>).
const fieldV1Tags = 17

// appendTags appends tags as the map field events.Envelope.tags, one
// appendTag entry each.
func appendTags(b []byte, tags map[string]string) []byte {
	for k, v := range tags {
		b = appendTag(b, k, v)
	}
	return b
}
