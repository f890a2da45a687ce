package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/influxdata/go-syslog/v3/rfc5424"

	"loggregator/tools/topology"
)

// maxFrame is the longest message the receiver accepts; a longer length
// prefix ends that connection.
const maxFrame = 1 << 20

// drainAddr returns the address of the first syslog:// aggregate drain on
// 127.0.0.1 of the manifest's loggr-syslog-agent job, or "" when it has none:
// the drain run-local receives itself.
func drainAddr(m *topology.Manifest) string {
	for _, j := range m.Jobs {
		if j.JobDir() != "loggr-syslog-agent" {
			continue
		}
		drains, _ := j.Properties["aggregate_drains"].(string)
		for _, d := range strings.Split(drains, ",") {
			u, err := url.Parse(strings.TrimSpace(d))
			if err == nil && u.Scheme == "syslog" && u.Hostname() == "127.0.0.1" {
				return u.Host
			}
		}
	}
	return ""
}

// drainReceiver is a local syslog drain: a plain TCP listener reading RFC
// 6587 octet-counted frames ("LEN SP MSG"), as the syslog agent writes to a
// syslog:// drain. Every message is appended to its log file; the demo also
// reads them from Lines, which holds at most 256: when nobody reads, further
// messages are only logged and counted in Dropped.
type drainReceiver struct {
	ln   net.Listener
	log  *slog.Logger
	file *os.File

	// Lines are the received messages, each without its frame and
	// trailing newline, in arrival order per connection.
	Lines chan string
	// Dropped counts messages Lines had no room for.
	Dropped atomic.Int64

	fileMu sync.Mutex // serialises writes to file
	mu     sync.Mutex
	conns  map[net.Conn]struct{} // guarded by mu; nil once closed
	wg     sync.WaitGroup
}

// startDrainReceiver listens on addr and appends what it receives to logPath.
func startDrainReceiver(addr, logPath string, log *slog.Logger) (*drainReceiver, error) {
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("drain receiver: %w (another run?)", err)
	}
	r := &drainReceiver{ln: ln, log: log, file: f, Lines: make(chan string, 256), conns: map[net.Conn]struct{}{}}
	r.wg.Add(1)
	go r.accept()
	return r, nil
}

func (r *drainReceiver) accept() {
	defer r.wg.Done()
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return // Close closed the listener
		}
		r.mu.Lock()
		if r.conns == nil {
			r.mu.Unlock()
			c.Close()
			return
		}
		r.conns[c] = struct{}{}
		r.wg.Add(1)
		r.mu.Unlock()
		go r.read(c)
	}
}

// read reads frames from c until it closes or sends something that is not
// an octet-counted frame.
func (r *drainReceiver) read(c net.Conn) {
	defer r.wg.Done()
	defer func() {
		r.mu.Lock()
		delete(r.conns, c)
		r.mu.Unlock()
		c.Close()
	}()
	br := bufio.NewReader(c)
	parser := rfc5424.NewParser()
	for {
		msg, err := readFrame(br)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				r.log.Warn("drain receiver: connection dropped", "remote", c.RemoteAddr().String(), "error", err.Error())
			}
			return
		}
		line := strings.TrimRight(string(msg), "\n")
		if _, err := parser.Parse(msg); err != nil {
			line += "  (not RFC 5424: " + err.Error() + ")"
		}
		r.fileMu.Lock()
		_, _ = fmt.Fprintln(r.file, line)
		r.fileMu.Unlock()
		select {
		case r.Lines <- line:
		default:
			r.Dropped.Add(1)
		}
	}
}

// readFrame reads one "LEN SP MSG" frame and returns MSG.
func readFrame(br *bufio.Reader) ([]byte, error) {
	prefix, err := br.ReadString(' ')
	if err != nil {
		if errors.Is(err, io.EOF) && prefix == "" {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("read frame length: %w", err)
	}
	n, err := strconv.Atoi(strings.TrimSuffix(prefix, " "))
	if err != nil || n < 1 || n > maxFrame {
		return nil, fmt.Errorf("frame length %q is not a number from 1 to %d", prefix, maxFrame)
	}
	msg := make([]byte, n)
	if _, err := io.ReadFull(br, msg); err != nil {
		return nil, fmt.Errorf("read %d-byte frame: %w", n, err)
	}
	return msg, nil
}

// Close stops listening, ends every connection and waits for the readers.
func (r *drainReceiver) Close() {
	_ = r.ln.Close()
	r.mu.Lock()
	for c := range r.conns {
		c.Close()
	}
	r.conns = nil
	r.mu.Unlock()
	r.wg.Wait()
	r.file.Close()
}
