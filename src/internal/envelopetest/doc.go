// Package envelopetest has stand-ins for the loggregator v2 APIs, for the
// suites and benchmarks that need the other end of a hop: an agent to send
// own metrics to, a router to forward to, a source to read from. Each is a
// real gRPC server with mutual TLS on loopback, built on the same mechanism
// package the components use (internal/ingress for the Ingress API), so a
// suite exercises the wire, the codec and the stop semantics a deployment
// does. Only tests and benchmarks import it.
//
// IngressSink serves the Ingress API (Send, Sender, BatchSender) and
// records what arrives, as encoded bytes and decoded on demand; it can
// stall like a router that stops reading, stop like a component that
// drains, or vanish like one that was killed.
//
// EgressSource serves the Egress API (Receiver, BatchedReceiver) as a router
// or reverse log proxy would: it records the requests it gets and streams
// what a test sends it.
package envelopetest
