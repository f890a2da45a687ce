package udpforwarder

import (
	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/metrics"
)

// SourceID is the source_id of the envelopes carrying the forwarder's own metrics.
const SourceID = "udp-forwarder"

// Destination is the destination label of the pool metrics (router_*{destination="agent"}).
const Destination = "agent"

// forwarderMetrics are the forwarder's own metrics. The writing side's
// (egress, router_*{destination="agent"}, dropped{direction="egress"}) are
// routerpool.Metrics.
type forwarderMetrics struct {
	// received counts datagrams read from the socket (ingress).
	received prometheus.Counter
	// reads counts the reader's system calls that returned datagrams
	// (udp_reads): ingress/udp_reads is the datagrams one read took.
	reads prometheus.Counter
	// bufferFull counts datagrams the full diode overwrote, or the batcher
	// dropped while the agent did not take batches:
	// dropped{direction="ingress",reason="buffer_full"}.
	bufferFull prometheus.Counter
	// invalid counts datagrams that were not a valid v1 envelope:
	// dropped{direction="ingress",reason="invalid"}.
	invalid prometheus.Counter
	// receiveBuffer is the socket's receive buffer as the kernel granted it,
	// in bytes of payload (udp_receive_buffer_bytes).
	receiveBuffer prometheus.Gauge
	// socketDrops counts datagrams the kernel dropped at this socket
	// because its receive buffer was full, from /proc/net/udp's drops
	// column (udp_socket_drops).
	socketDrops prometheus.Counter
	// rcvbufErrors counts, since the forwarder started, the datagrams the
	// kernel dropped for a full receive buffer at any UDP socket of the
	// host (/proc/net/snmp Udp RcvbufErrors; udp_rcvbuf_errors).
	rcvbufErrors prometheus.Counter
}

func newMetrics(r *metrics.Registry) *forwarderMetrics {
	return &forwarderMetrics{
		received:      r.Ingress,
		reads:         r.Counter("udp_reads", "Reads of the UDP socket that returned datagrams (recvmmsg calls, or recvfrom on IPv6)."),
		bufferFull:    r.Dropped(metrics.Ingress, metrics.ReasonBufferFull),
		invalid:       r.Dropped(metrics.Ingress, metrics.ReasonInvalid),
		receiveBuffer: r.Gauge("udp_receive_buffer_bytes", "Receive buffer of the UDP socket as the kernel granted it, in bytes."),
		socketDrops:   r.Counter("udp_socket_drops", "Datagrams the kernel dropped at the forwarder's socket because its receive buffer was full (/proc/net/udp drops)."),
		rcvbufErrors:  r.Counter("udp_rcvbuf_errors", "Datagrams the kernel dropped at any UDP socket of the host for a full receive buffer since the forwarder started (/proc/net/snmp Udp RcvbufErrors)."),
	}
}
