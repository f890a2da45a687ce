package trafficcontroller

import (
	"net"
	"sync"
)

// flushLimit is the most bytes a connection gathers before it writes
// anyway, which bounds its buffer.
const flushLimit = 64 << 10

// listener hands out connections that can gather writes, so the frames of
// one Send go out in one write instead of one system call (and, over TLS,
// one record) each.
type listener struct{ net.Listener }

func (l listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &gatherConn{Conn: c}, nil
}

// gatherConn passes writes through, except between gather and flush, when
// it keeps them (up to flushLimit) and flush writes them at once. gorilla
// writes one frame at a time, so a control frame (ping, close) written
// during a Send lands between whole data frames in the buffer; whoever
// closes the connection must flush first, which may be done from any
// goroutine: mu keeps the bytes in order, and the writes after it pass
// through.
type gatherConn struct {
	net.Conn

	mu        sync.Mutex
	gathering bool   // guarded by mu
	buf       []byte // guarded by mu
}

// gather starts keeping writes.
func (c *gatherConn) gather() {
	c.mu.Lock()
	c.gathering = true
	c.mu.Unlock()
}

// flush writes what was kept and passes writes through again.
func (c *gatherConn) flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gathering = false
	return c.writeBuf()
}

func (c *gatherConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.gathering {
		return c.Conn.Write(p)
	}
	c.buf = append(c.buf, p...)
	if len(c.buf) >= flushLimit {
		if err := c.writeBuf(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// writeBuf must be called with mu held.
func (c *gatherConn) writeBuf() error {
	if len(c.buf) == 0 {
		return nil
	}
	_, err := c.Conn.Write(c.buf)
	c.buf = c.buf[:0]
	return err
}
