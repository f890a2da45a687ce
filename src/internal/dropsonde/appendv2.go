package dropsonde

import (
	"math"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/wire"
)

// appendV2 appends e in the v2 wire format to b. It writes the shapes ToV2
// produces (preferred tags; a log, counter, gauge or timer) directly with
// protowire, which costs about half of proto.Marshal's reflection-driven map
// encoding (BenchmarkDecode); anything else goes through proto.MarshalAppend.
// The bytes decode to an envelope proto.Equal to e (checked by the suite and
// FuzzDecode); map entries may come in any order, as with proto.Marshal.
func appendV2(b []byte, e *loggregator_v2.Envelope) ([]byte, error) {
	if len(e.DeprecatedTags) > 0 {
		return proto.MarshalOptions{}.MarshalAppend(b, e)
	}
	if _, ok := e.Message.(*loggregator_v2.Envelope_Event); ok {
		return proto.MarshalOptions{}.MarshalAppend(b, e)
	}
	if e.Timestamp != 0 {
		b = protowire.AppendTag(b, 1, protowire.VarintType)
		b = wire.AppendVarint(b, uint64(e.Timestamp))
	}
	b = appendString(b, 2, e.SourceId)
	switch m := e.Message.(type) {
	case *loggregator_v2.Envelope_Log:
		if m.Log != nil {
			b = appendMessageHeader(b, 4, logSize(m.Log))
			b = appendBytes(b, 1, m.Log.Payload)
			if m.Log.Type != 0 {
				b = protowire.AppendTag(b, 2, protowire.VarintType)
				b = wire.AppendVarint(b, uint64(m.Log.Type))
			}
		}
	case *loggregator_v2.Envelope_Counter:
		if m.Counter != nil {
			b = appendMessageHeader(b, 5, counterSize(m.Counter))
			b = appendString(b, 1, m.Counter.Name)
			b = appendUint(b, 2, m.Counter.Delta)
			b = appendUint(b, 3, m.Counter.Total)
		}
	case *loggregator_v2.Envelope_Gauge:
		if m.Gauge != nil {
			b = appendMessageHeader(b, 6, gaugeSize(m.Gauge))
			for name, v := range m.Gauge.Metrics {
				vs := gaugeValueSize(v)
				b = appendMessageHeader(b, 1, protowire.SizeTag(1)+protowire.SizeBytes(len(name))+protowire.SizeTag(2)+protowire.SizeBytes(vs))
				b = protowire.AppendTag(b, 1, protowire.BytesType)
				b = protowire.AppendString(b, name)
				b = appendMessageHeader(b, 2, vs)
				if v != nil {
					b = appendString(b, 1, v.Unit)
					if v.Value != 0 || math.Signbit(v.Value) {
						b = protowire.AppendTag(b, 2, protowire.Fixed64Type)
						b = protowire.AppendFixed64(b, math.Float64bits(v.Value))
					}
				}
			}
		}
	case *loggregator_v2.Envelope_Timer:
		if m.Timer != nil {
			b = appendMessageHeader(b, 7, timerSize(m.Timer))
			b = appendString(b, 1, m.Timer.Name)
			b = appendUint(b, 2, uint64(m.Timer.Start))
			b = appendUint(b, 3, uint64(m.Timer.Stop))
		}
	}
	b = appendString(b, 8, e.InstanceId)
	// Map entries carry key and value even when empty, as proto.Marshal writes them.
	for k, v := range e.Tags {
		b = appendMessageHeader(b, 9, protowire.SizeTag(1)+protowire.SizeBytes(len(k))+protowire.SizeTag(2)+protowire.SizeBytes(len(v)))
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendString(b, k)
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = protowire.AppendString(b, v)
	}
	return b, nil
}

func appendMessageHeader(b []byte, num protowire.Number, size int) []byte {
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return wire.AppendVarint(b, uint64(size))
}

// appendString, appendBytes and appendUint leave out zero values, as proto3 does.
func appendString(b []byte, num protowire.Number, s string) []byte {
	if s == "" {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendString(b, s)
}

func appendBytes(b []byte, num protowire.Number, p []byte) []byte {
	if len(p) == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, p)
}

func appendUint(b []byte, num protowire.Number, v uint64) []byte {
	if v == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.VarintType)
	return wire.AppendVarint(b, v)
}

func stringSize(num protowire.Number, s string) int {
	if s == "" {
		return 0
	}
	return protowire.SizeTag(num) + protowire.SizeBytes(len(s))
}

func uintSize(num protowire.Number, v uint64) int {
	if v == 0 {
		return 0
	}
	return protowire.SizeTag(num) + protowire.SizeVarint(v)
}

func logSize(l *loggregator_v2.Log) int {
	n := 0
	if len(l.Payload) > 0 {
		n += protowire.SizeTag(1) + protowire.SizeBytes(len(l.Payload))
	}
	return n + uintSize(2, uint64(l.Type))
}

func counterSize(c *loggregator_v2.Counter) int {
	return stringSize(1, c.Name) + uintSize(2, c.Delta) + uintSize(3, c.Total)
}

func timerSize(t *loggregator_v2.Timer) int {
	return stringSize(1, t.Name) + uintSize(2, uint64(t.Start)) + uintSize(3, uint64(t.Stop))
}

func gaugeValueSize(v *loggregator_v2.GaugeValue) int {
	if v == nil {
		return 0
	}
	n := stringSize(1, v.Unit)
	if v.Value != 0 || math.Signbit(v.Value) {
		n += protowire.SizeTag(2) + protowire.SizeFixed64()
	}
	return n
}

func gaugeSize(g *loggregator_v2.Gauge) int {
	n := 0
	for name, v := range g.Metrics {
		entry := protowire.SizeTag(1) + protowire.SizeBytes(len(name)) + protowire.SizeTag(2) + protowire.SizeBytes(gaugeValueSize(v))
		n += protowire.SizeTag(1) + protowire.SizeBytes(entry)
	}
	return n
}
