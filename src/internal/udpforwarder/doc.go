// Package udpforwarder is the v1 ingress of a VM: it reads the dropsonde
// envelopes older platform components emit over UDP and writes them, as v2
// envelopes, to the local agent.
//
// Data flow: one goroutine reads datagrams from the UDP socket (127.0.0.1:3457
// by default; up to 64 per recvmmsg call, pausing 1 ms after a call that
// emptied the socket so the next finds many), copies each into a slab block
// (reused once every datagram in it is converted) and puts it in a
// drop-oldest OneToOne diode; it never waits on anything but the socket and
// its own pause. A batcher reads the diode into batches; one converter goroutine
// decodes each datagram as a v1 events.Envelope and converts it to v2
// (internal/dropsonde, which wraps go-loggregator's conversion package, so
// fields map as in Cloud Foundry) and encodes it into a slab, leaving out and
// counting datagrams that are not valid envelopes
// (dropped{direction="ingress",reason="invalid"}); a routerpool.Pool keeps a
// BatchSender stream to the agent's v2 Ingress API over mutual TLS (server
// name "metron", 127.0.0.1:3458) and writes each batch of encoded envelopes.
// While the agent is away nothing upstream waits: the batcher drops the oldest
// batches and the diode its oldest datagrams, counted as
// dropped{direction="ingress",reason="buffer_full"}. The bytes held between
// the reader and the converter are bounded by udp.buffer_bytes: the reader
// drops (and counts the same way) a datagram that would exceed it.
//
// The kernel's receive buffer holds datagrams while the reader is not
// scheduled; at 100,000 datagrams/s the kernel default (about 208 KiB) fills
// in milliseconds. udp.receive_buffer_bytes sets it (SO_RCVBUF). The kernel
// silently caps the request at net.core.rmem_max, so New reads back what it
// got, serves it as udp_receive_buffer_bytes, and when it is less than asked
// logs a loud warning naming the configured size, the effective size and the
// limit. It does not refuse to start: a smaller buffer loses bursts, a
// forwarder that is down loses everything. The kernel's own drops are served
// beside the forwarder's: udp_socket_drops for this socket (/proc/net/udp)
// and udp_rcvbuf_errors for the whole host (/proc/net/snmp Udp RcvbufErrors).
//
// On stop (SIGTERM) the forwarder closes the socket, converts and writes what
// the diode and batcher hold, and after shutdown_timeout cuts the stream,
// counting what is left as dropped{direction="egress",reason="shutdown"}.
// Its own metrics are served at /metrics (port 14829 by default) and sent to
// the agent as envelopes with source_id "udp-forwarder".
package udpforwarder
