package egress

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/peer"

	"loggregator/internal/wire"
)

// Stream is one subscriber's connection, whatever carries it: a gRPC Egress
// stream (Register) or, for other servers, anything that can send encoded
// envelopes in order. Server.Serve is its only caller, from one goroutine
// at a time.
//
// Serve may return while a Send is still blocked: a slow consumer is cut
// off without waiting for its connection. The transport must then end the
// stream, so that Context is done and the blocked Send returns, as
// returning from a gRPC handler does.
type Stream interface {
	// Context ends when the subscriber has gone away.
	Context() context.Context
	// Send delivers envs in order and returns once they are written or the
	// stream has failed. It must not keep envs, or the slices in it, after
	// it returns; to keep an envelope it copies it.
	Send(envs [][]byte) error
	// Batched reports whether the subscriber takes batches: the Server then
	// gathers up to Config.BatchSize envelopes for each Send, at most one
	// Send per Config.FlushInterval. Otherwise each Send carries what was
	// buffered, up to 64 envelopes, at once.
	Batched() bool
	// Peer describes the subscriber in logs and disconnect messages.
	Peer() string
}

// queueing is a Stream whose Send may return before what it was given is
// written: queued reports how many bytes of it may then still be
// unwritten, beyond the message just sent.
type queueing interface {
	queued() int64
}

// grpcWriteQuota is gRPC's write quota per stream (its transport's
// defaultWriteQuota, not configurable): SendMsg queues a message and
// returns while less than this much of the stream is unwritten.
const grpcWriteQuota = 64 << 10

// grpcStream is a Receiver (one envelope per message) or BatchedReceiver
// (one EnvelopeBatch per Send) stream on a server that uses wire.Codec.
type grpcStream struct {
	st      grpc.ServerStream
	batched bool
	batch   wire.Batch    // reused: SendMsg encodes before it returns
	one     wire.Envelope // reused likewise
}

func (g *grpcStream) Context() context.Context { return g.st.Context() }
func (g *grpcStream) Batched() bool            { return g.batched }
func (g *grpcStream) queued() int64            { return grpcWriteQuota }

func (g *grpcStream) Send(envs [][]byte) error {
	if g.batched {
		g.batch.Envelopes = envs
		err := g.st.SendMsg(&g.batch)
		g.batch.Envelopes = nil
		return err
	}
	defer func() { g.one.Bytes = nil }()
	for _, env := range envs {
		g.one.Bytes = env
		if err := g.st.SendMsg(&g.one); err != nil {
			return err
		}
	}
	return nil
}

func (g *grpcStream) Peer() string {
	if p, ok := peer.FromContext(g.st.Context()); ok && p.Addr != nil {
		return p.Addr.String()
	}
	return "unknown"
}
