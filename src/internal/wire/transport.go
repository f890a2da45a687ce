package wire

import (
	"crypto/tls"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
)

// HTTP/2 settings for the envelope hops (agent, router, rlp, both ends).
//
// A batch of 1000 envelopes is 200-300 KiB. With gRPC's 64 KiB starting
// windows a sender stalls several times per batch waiting for WINDOW_UPDATE
// frames, and every stall is a pair of goroutine wake-ups on each side;
// with 32 KiB write buffers a batch is a dozen write syscalls. Fixed windows
// of a few batches and buffers of one batch remove both. The windows bound
// memory too: a stream can have at most streamWindow in flight.
const (
	streamWindow = 1 << 20 // per stream
	connWindow   = 4 << 20 // per connection, shared by its streams
	ioBuffer     = 256 << 10
)

// streamWorkers is how many goroutines of a server run its streams' handlers
// and stay for the next stream. Without them gRPC starts a goroutine per
// stream, whose stack then grows (copied) while it decodes and handles the
// message: at 1,000 unary Sends/s that was about 4 % of the agent's CPU. A
// stream that finds every worker busy (long-lived Sender, BatchSender and
// subscriber streams hold theirs) gets its own goroutine as before. An idle
// worker costs its stack and nothing else.
const streamWorkers = 16

// StreamWindow is the flow-control window of one envelope stream: at most
// this many bytes of messages (with their 5-byte gRPC prefixes) written to a
// stream to a peer using ServerOptions can be unread by the peer.
const StreamWindow = streamWindow

// ServerOptions are the options every envelope server uses: mTLS with
// tlsCfg (Credentials), the envelope codec and the transport settings above, followed by
// the server's own options, more.
func ServerOptions(tlsCfg *tls.Config, more ...grpc.ServerOption) []grpc.ServerOption {
	return append([]grpc.ServerOption{
		grpc.Creds(Credentials(tlsCfg)),
		grpc.ForceServerCodecV2(NewCodec()),
		grpc.InitialWindowSize(streamWindow),
		grpc.InitialConnWindowSize(connWindow),
		grpc.WriteBufferSize(ioBuffer),
		grpc.ReadBufferSize(0), // Credentials reads under TLS through its own
		grpc.NumStreamWorkers(streamWorkers),
	}, more...)
}

// DialOptions are the transport options every envelope client uses, with
// Credentials.
func DialOptions() []grpc.DialOption {
	return []grpc.DialOption{
		grpc.WithInitialWindowSize(streamWindow),
		grpc.WithInitialConnWindowSize(connWindow),
		grpc.WithWriteBufferSize(ioBuffer),
		grpc.WithReadBufferSize(0), // Credentials reads under TLS through its own
		Reconnect(),
	}
}

// ReconnectCap is the longest a long-lived client connection waits between
// attempts to reach a peer that went away (Reconnect).
const ReconnectCap = 250 * time.Millisecond

// Reconnect is how a long-lived client connection dials a peer that went
// away (a router, rlp, agent or collector restarting): gRPC's exponential
// backoff between attempts (×1.6, ±20 % jitter), but from 50 ms and capped
// at ReconnectCap, where gRPC's own starts at 1 s and grows to two minutes.
// With gRPC's, an rlp whose router was killed and restarted a second later
// subscribed again only at its next attempt, about 2.6 s after the break,
// while agents (their own backoff is at most 5 s) were already writing to
// the router, and its consumers lost what the router's startup replay could
// not hold; after a long outage the wait could be most of two minutes, past
// the replay's window. A peer
// that is down costs each connection to it four refused dials a second, and
// one that does not answer one dial per 20 s (gRPC's connect timeout, kept).
func Reconnect() grpc.DialOption {
	return grpc.WithConnectParams(grpc.ConnectParams{
		Backoff:           backoff.Config{BaseDelay: 50 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: ReconnectCap},
		MinConnectTimeout: 20 * time.Second,
	})
}
