// Package udpforwarder is the v1 ingress of a VM: it reads the dropsonde
// envelopes older platform components emit over UDP and writes them, as v2
// envelopes, to the local agent.
//
// Data flow: one goroutine reads datagrams from the UDP socket (127.0.0.1:3457
// by default; up to 64 per recvmmsg call, pausing 1 ms after a call that
// emptied the socket so the next finds many), decodes each as a v1
// events.Envelope and converts it to an encoded v2 envelope
// (internal/dropsonde, which maps fields as go-loggregator's conversion
// package does, so they land where Cloud Foundry puts them) carved from a
// shared arena block, and puts it in a drop-oldest OneToOne diode; datagrams
// that are not valid envelopes are counted
// (dropped{direction="ingress",reason="invalid"}) and left out. The reader
// never waits on anything but the socket and its own pause. A batcher reads
// the diode into batches of at most batch.size envelopes and 1 MiB, and a
// routerpool.Pool keeps a BatchSender stream to the agent's v2 Ingress API
// over mutual TLS (server name "metron", 127.0.0.1:3458) and writes each
// batch. While the agent is away nothing upstream waits: the batcher drops
// the oldest batches and the diode its oldest envelopes, counted as
// dropped{direction="ingress",reason="buffer_full"}. The bytes of the
// envelopes held between the reader and the agent (in the diode, in
// batches, in a write) are bounded by udp.buffer_bytes: when a new one does
// not fit, the diode drops its oldest to make room, counted the same way.
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
// On stop (SIGTERM) the forwarder closes the socket, writes what the diode
// and batcher hold, and after shutdown_timeout cuts the stream,
// counting what is left as dropped{direction="egress",reason="shutdown"}.
// Its own metrics are served at /metrics (port 14829 by default) and sent to
// the agent as envelopes with source_id "udp-forwarder".
package udpforwarder
