package wire

import (
	"bufio"
	"context"
	"crypto/tls"
	"net"
	"sync"

	"google.golang.org/grpc/credentials"

	"loggregator/internal/procs"
)

// Credentials is mutual TLS with tlsCfg for the envelope hops, with one
// syscall per batch instead of one per TLS record. gRPC hands TLS up to
// ioBuffer bytes at once (a batch of envelopes is tens to hundreds of KiB),
// and crypto/tls writes each 16 KiB record to the connection on its own,
// and reads each from it on its own: a syscall, a TCP segment and a wake-up
// per record on each side. Here the records of one write are gathered and
// go together, and reads come from a buffer of ioBuffer filled by as much as
// the socket holds. The handshake, and any record TLS writes outside a write
// (an alert, a key update answered while reading), go straight out.
//
// The read buffer takes the place of gRPC's own (ServerOptions and
// DialOptions turn that off), which sat above TLS and so saved no syscalls.
func Credentials(tlsCfg *tls.Config) credentials.TransportCredentials {
	return recordCreds{credentials.NewTLS(tlsCfg)}
}

type recordCreds struct {
	credentials.TransportCredentials
}

func (c recordCreds) ClientHandshake(ctx context.Context, authority string, raw net.Conn) (net.Conn, credentials.AuthInfo, error) {
	rc := &recordConn{Conn: raw}
	conn, info, err := c.TransportCredentials.ClientHandshake(ctx, authority, rc)
	if err != nil {
		return nil, nil, err
	}
	return rc.handshaken(conn), info, nil
}

func (c recordCreds) ServerHandshake(raw net.Conn) (net.Conn, credentials.AuthInfo, error) {
	rc := &recordConn{Conn: raw}
	conn, info, err := c.TransportCredentials.ServerHandshake(rc)
	if err != nil {
		return nil, nil, err
	}
	return rc.handshaken(conn), info, nil
}

func (c recordCreds) Clone() credentials.TransportCredentials {
	return recordCreds{c.TransportCredentials.Clone()}
}

// gatherConn is the TLS connection gRPC writes to: each Write's records are
// gathered under it and written at the end.
type gatherConn struct {
	net.Conn // the TLS connection
	raw      *recordConn
}

func (c *gatherConn) Write(p []byte) (int, error) {
	c.raw.hold()
	n, err := c.Conn.Write(p)
	if ferr := c.raw.release(); err == nil {
		err = ferr
	}
	return n, err
}

// recordConn is the socket under TLS. While held, what TLS writes is kept;
// release writes it in one call. TLS serializes its own writes, so records
// written while held (the held Write's, and any the reader side adds
// meanwhile) are kept in their order. Reads are buffered once the handshake
// is done, so a peer that connects and never finishes a handshake costs no
// buffer.
type recordConn struct {
	net.Conn
	r       *bufio.Reader // nil until handshaken
	mu      sync.Mutex
	holding bool
	buf     *[]byte // from gathered while holding
}

// handshaken starts the read buffer and returns the connection gRPC uses.
// TLS has read exactly what the handshake needed (anything further is in its
// own buffer), so nothing is skipped.
func (c *recordConn) handshaken(tlsConn net.Conn) net.Conn {
	c.r = bufio.NewReaderSize(c.Conn, ioBuffer)
	return &gatherConn{Conn: tlsConn, raw: c}
}

// Read is also where work arrives, so it wakes procs.Adapt from its idle
// wait (an atomic load when it is not waiting).
func (c *recordConn) Read(p []byte) (int, error) {
	if c.r == nil {
		return c.Conn.Read(p)
	}
	n, err := c.r.Read(p)
	if n > 0 {
		procs.Wake()
	}
	return n, err
}

// gathered keeps the buffers of released writes for the next; a buffer
// grown past maxGathered (a write larger than ioBuffer) is dropped instead.
var gathered = sync.Pool{New: func() any { b := make([]byte, 0, ioBuffer+ioBuffer/16); return &b }}

const maxGathered = 2 * ioBuffer

func (c *recordConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.holding {
		return c.Conn.Write(p)
	}
	*c.buf = append(*c.buf, p...)
	return len(p), nil
}

func (c *recordConn) hold() {
	c.mu.Lock()
	c.holding = true
	c.buf = gathered.Get().(*[]byte)
	c.mu.Unlock()
}

// release writes what was kept and stops keeping.
func (c *recordConn) release() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.holding = false
	buf := c.buf
	c.buf = nil
	var err error
	if len(*buf) > 0 {
		_, err = c.Conn.Write(*buf)
	}
	if cap(*buf) <= maxGathered {
		*buf = (*buf)[:0]
		gathered.Put(buf)
	}
	return err
}
