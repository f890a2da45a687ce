// Package ingress serves the loggregator v2 Ingress API (Send, Sender,
// BatchSender) into a Sink, the one-method interface a component implements
// to check, tag and buffer what producers send.
//
// Envelopes stay encoded: the gRPC server's wire.Codec splits each
// EnvelopeBatch into its envelope records without decoding them, into one
// fresh buffer per message, and the Server hands the records to
// Sink.Accept with the number of records that could not be framed. The
// receive state is reused: one wire.Batch (or wire.Envelope) per stream,
// and pooled ones for unary Send, so a batch costs no allocation beyond the
// codec's buffer. Each stream is read by its own goroutine, so Accept is
// never called concurrently for one stream; a Sink needing scratch space
// per call can keep it in a sync.Pool without allocating.
//
// A client's half-close ends the RPC cleanly, with the response type the
// API names (IngressResponse for Sender, BatchSenderResponse for
// BatchSender). Stop is the drain contract both ends of a hop rely on: it
// refuses new calls, lets open streams run for Config.Grace, then ends
// them with codes.Unavailable and a message naming where to send instead
// (a plain stream in a pause of its producer, so the producer's next Send
// fails instead of vanishing on the wire), and returns once nothing more
// reaches the sink; what a stream's reader received until its stream ended
// is accepted, and records that reach Server.Accept after that are
// dropped and counted through Config.Dropped. A component stops its
// Server first, then drains what its sink buffered, then stops its gRPC
// server.
package ingress
