// Package wire works on v2 envelopes in their encoded form, so the router can
// route them without decoding and re-encoding whole envelopes.
//
// Scan reads from an encoded Envelope only what selection needs (source id,
// message type, counter or timer name, gauge names) and checks that the bytes
// are well-formed protobuf on the way, so a malformed envelope is an error,
// never a panic and never a poisoned batch for consumers. Codec is a gRPC
// codec that lets a server receive an EnvelopeBatch as raw envelope byte
// slices (Batch) and send a batch of raw envelopes (Batch, Envelope) without
// re-encoding; every other message falls back to the normal proto codec.
// Install the codec per server or per call (grpc.ForceServerCodecV2,
// grpc.ForceCodecV2), never globally. EachTagKey lists an envelope's tag
// keys, so the agent can append only the tags a producer did not set.
// FieldIter walks the fields of any encoded message without allocating; every
// reader here is built on it, and so are readers elsewhere (the loss probe)
// that want a few fields of a message without a protobuf decoder.
//
// An encoded EnvelopeBatch is the concatenation of one record per envelope,
// 0x0a varint(len) envelope, field 1 with wire type 2; AppendBatchRecord
// writes one.
package wire
