package wire

import (
	"fmt"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
)

// Batch is a loggregator.v2.EnvelopeBatch held as its encoded envelopes.
//
// Received through Codec, Envelopes point into memory that nothing will
// overwrite (the frames gRPC received, which it then no longer reuses, or
// fresh copies: see splitReceived), so they may be kept (in a diode) after
// the next receive; the Envelopes slice itself is reused by the next receive
// into the same Batch. Invalid counts records that were not well framed.
// Sent through Codec, the envelopes are framed as batch records without
// decoding them.
type Batch struct {
	Envelopes [][]byte
	Invalid   int
	// held are the received frames Envelopes point into, referenced until
	// Release; a Batch that is never released leaves them to the garbage
	// collector.
	held mem.BufferSlice
}

// Release gives the frames the envelopes of a received Batch point into
// back to gRPC for reuse, and empties the Batch. Call it only when nothing
// uses those envelopes any more (a consumer that encodes them and lets them
// go, not one that keeps them in a diode): their bytes are overwritten by
// later messages. A consumer that releases each batch before the next
// receive allocates no new memory for the envelopes it receives.
func (b *Batch) Release() {
	b.held.Free()
	clear(b.held)
	b.held = b.held[:0]
	clear(b.Envelopes)
	b.Envelopes = b.Envelopes[:0]
	b.Invalid = 0
}

// Envelope is one loggregator.v2.Envelope held encoded. Received through
// Codec, Bytes is a fresh buffer; sent, it goes on the wire as it is.
type Envelope struct {
	Bytes []byte
}

// Codec is a gRPC CodecV2 named "proto" that handles *Batch and *Envelope
// without decoding and every other message with the standard proto codec.
type Codec struct {
	fallback encoding.CodecV2
}

// NewCodec returns the codec. Install it with grpc.ForceServerCodecV2 or
// grpc.ForceCodecV2.
func NewCodec() *Codec {
	return &Codec{fallback: encoding.GetCodecV2(proto.Name)}
}

// Name is "proto": on the wire the messages are the standard protobuf ones.
func (c *Codec) Name() string { return proto.Name }

// Marshal encodes v. A *Batch becomes one EnvelopeBatch in a pooled buffer
// (not zeroed: every byte is written) that gRPC frees once written; an *Envelope is sent from its own
// bytes, which must not change afterwards.
func (c *Codec) Marshal(v any) (mem.BufferSlice, error) {
	switch m := v.(type) {
	case *Batch:
		size := 0
		for _, e := range m.Envelopes {
			size += BatchRecordSize(e)
		}
		buf := marshalPool.Get(size)
		b := (*buf)[:0]
		for _, e := range m.Envelopes {
			b = AppendBatchRecord(b, e)
		}
		*buf = b
		return mem.BufferSlice{mem.NewBuffer(buf, marshalPool)}, nil
	case *Envelope:
		return mem.BufferSlice{mem.SliceBuffer(m.Bytes)}, nil
	}
	return c.fallback.Marshal(v)
}

// Unmarshal decodes data into v. For a *Batch it splits the message into
// envelope records without decoding them, in place where it can (see
// splitReceived); records after a framing error are counted in Invalid and
// not returned.
func (c *Codec) Unmarshal(data mem.BufferSlice, v any) error {
	switch m := v.(type) {
	case *Batch:
		m.Envelopes, m.held, m.Invalid = splitReceived(m.Envelopes[:0], m.held[:0], data)
		return nil
	case *Envelope:
		m.Bytes = make([]byte, data.Len())
		data.CopyTo(m.Bytes)
		return nil
	}
	if err := c.fallback.Unmarshal(data, v); err != nil {
		return fmt.Errorf("unmarshal %T: %w", v, err)
	}
	return nil
}

// SplitBatch appends to envs the envelopes of the encoded EnvelopeBatch b
// (slices of b) and returns them with the number of records it could not
// frame: 0, or 1 when b breaks off and the rest cannot be read. Fields other
// than batch (1) are skipped, as protobuf does with unknown fields.
func SplitBatch(envs [][]byte, b []byte) ([][]byte, int) {
	it := NewFieldIter(b)
	for {
		num, _, env, ok := it.Next()
		if !ok {
			break
		}
		if num == 1 && env != nil {
			envs = append(envs, env)
		}
	}
	if it.err != nil {
		return envs, 1
	}
	return envs, 0
}
