// Package egress serves the v2 Egress API (BatchedReceiver and Receiver) to
// subscribers from any source of encoded envelopes, and serves any other
// Stream (a websocket, an HTTP response) the same way through Server.Serve.
//
// The Server validates each request, refuses it when the subscription limit
// is reached, and registers a sink with a Source (the router's subscription
// registry; the reverse log proxy's merged router streams). Each subscriber
// gets its own bounded diode of encoded envelopes and one goroutine that
// sends them: BatchedReceiver in batches of up to BatchSize envelopes and
// BatchBytes bytes, at most one message per FlushInterval (a batch that
// finds the last send older than that, or that already holds a quarter of
// either limit, goes at once; otherwise it waits out the rest of the
// interval, gathering what arrives); Receiver one envelope at a time.
// Envelopes travel as the bytes they arrived in (wire.Codec), except for
// consumers that ask for deprecated tags.
//
// With Config.Budget the slots of every subscriber's diode are charged to
// the process's buffer budget along with the envelopes in them: each gets
// BufferSize slots while they fit in half the budget, later ones fewer, down
// to a floor charged at start (slotShare). What a subscriber has taken from
// its diode stays charged until its connection has taken it: the message a
// Send is blocked on and the one before it, which gRPC may still hold
// queued (subscriber.run), so a stalled connection's messages in flight are
// within the budget too, each at most BatchBytes.
//
// A subscriber that reads too slowly loses only its own envelopes: its
// diode drops the oldest, counted as dropped{direction="egress",
// reason="slow_consumer"}. A subscriber whose selectors can match several
// sources gets a fair.Buffer instead of a diode, so there the source that
// holds the most of its buffer loses first (docs/fairness.md). One that
// stays behind for longer than SlowConsumerTimeout, losing envelopes or
// with a send blocked all that time, is disconnected with codes.Aborted and
// counted in slow_consumer_disconnects.
//
// Every outcome is a gRPC status whatever the transport (Unavailable while
// draining, ResourceExhausted at the limit, Aborted for a slow consumer), so
// a server of another transport maps one set of codes to its own.
//
// The gRPC server the Server registers on must use wire.Codec
// (grpc.ForceServerCodecV2(wire.NewCodec())).
package egress
