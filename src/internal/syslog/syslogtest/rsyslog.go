// Package syslogtest runs a real rsyslogd (Debian's rsyslog and
// rsyslog-gnutls, which scripts/test installs) as a syslog drain for suites:
// over TCP, TLS, or mutual TLS, on 127.0.0.1 and a free port, writing
// every message it receives, with rsyslog's own reading of its fields, as
// one JSON object per message. Only tests may import it.
package syslogtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
)

// Mode is how the drain receives.
type Mode int

// The modes.
const (
	TCP       Mode = iota // plain TCP, octet counting
	TLS                   // TLS, any client
	MutualTLS             // TLS, clients need a certificate signed by the CA
)

// Message is one received message: Raw as it arrived (without the
// octet-counting frame), and rsyslog's reading of its fields.
type Message struct {
	Raw       string `json:"raw"`
	Pri       string `json:"pri"`
	Timestamp string `json:"timestamp"`
	Hostname  string `json:"hostname"`
	AppName   string `json:"appname"`
	ProcID    string `json:"procid"`
	MsgID     string `json:"msgid"`
	SD        string `json:"sd"`
	Msg       string `json:"msg"`
}

// Rsyslog is a running rsyslogd.
type Rsyslog struct {
	// Addr is host:port of its listener.
	Addr string
	dir  string
	cmd  *exec.Cmd
	done chan struct{} // closed when rsyslogd has exited
	err  error         // its exit status, set before done is closed
	log  string        // rsyslogd's own output file
}

// Start runs rsyslogd in dir (which it must own). For TLS and MutualTLS,
// certs are its certificate, key and the CA it trusts for clients.
func Start(dir string, mode Mode, certs mtls.Files) (*Rsyslog, error) {
	bin, err := exec.LookPath("rsyslogd")
	if err != nil {
		if _, statErr := os.Stat("/usr/sbin/rsyslogd"); statErr != nil {
			return nil, errors.New("rsyslogd is not installed: apt-get install -y rsyslog rsyslog-gnutls (scripts/test installs it)")
		}
		bin = "/usr/sbin/rsyslogd"
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	r := &Rsyslog{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), dir: dir, done: make(chan struct{})}
	conf := filepath.Join(dir, "rsyslog.conf")
	if err := os.WriteFile(conf, []byte(config(dir, port, mode, certs)), 0o600); err != nil {
		return nil, fmt.Errorf("write %s: %w", conf, err)
	}
	r.cmd = exec.Command(bin, "-n", "-f", conf, "-i", filepath.Join(dir, "rsyslogd.pid"))
	r.log = filepath.Join(dir, "rsyslogd.out")
	out, err := os.Create(r.log)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", r.log, err)
	}
	defer out.Close() // the child has its own descriptor
	r.cmd.Stdout, r.cmd.Stderr = out, out
	if err := r.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start rsyslogd: %w", err)
	}
	go func() {
		r.err = r.cmd.Wait()
		close(r.done)
	}()
	if err := r.waitListening(10 * time.Second); err != nil {
		r.Stop()
		return nil, err
	}
	return r, nil
}

func freePort() (int, error) {
	port, err := envelopetest.FreePort()
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	return port, nil
}

func (r *Rsyslog) waitListening(within time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		c, err := net.DialTimeout("tcp", r.Addr, time.Second)
		if err == nil {
			return c.Close()
		}
		select {
		case <-r.done:
			return fmt.Errorf("rsyslogd exited: %w: %s", r.err, r.output())
		case <-ctx.Done():
			return fmt.Errorf("rsyslogd is not listening on %s after %s: %s", r.Addr, within, r.output())
		case <-tick.C:
		}
	}
}

// output is what rsyslogd printed, for errors.
func (r *Rsyslog) output() string {
	b, err := os.ReadFile(r.log)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// Messages returns what rsyslogd has written so far.
func (r *Rsyslog) Messages() ([]Message, error) {
	b, err := os.ReadFile(filepath.Join(r.dir, "messages.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Message
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		var m Message
		switch err := dec.Decode(&m); {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return out, nil // a record still being written
		case err != nil:
			return out, fmt.Errorf("read rsyslog's output: %w", err)
		}
		out = append(out, m)
	}
}

// Stop ends rsyslogd and waits for it.
func (r *Rsyslog) Stop() {
	if r.cmd.Process == nil {
		return
	}
	_ = r.cmd.Process.Signal(os.Interrupt)
	// Its exit status after a signal is not news; the wait is the point.
	select {
	case <-r.done:
	case <-time.After(5 * time.Second):
		_ = r.cmd.Process.Kill()
		<-r.done
	}
}

func config(dir string, port int, mode Mode, certs mtls.Files) string {
	var b strings.Builder
	q := strconv.Quote
	fmt.Fprintf(&b, "global(workDirectory=%s parser.escapeControlCharactersOnReceive=\"off\" parser.dropTrailingLFOnReception=\"off\"", q(dir))
	if mode != TCP {
		fmt.Fprintf(&b, " defaultNetstreamDriver=\"gtls\" defaultNetstreamDriverCAFile=%s defaultNetstreamDriverCertFile=%s defaultNetstreamDriverKeyFile=%s",
			q(certs.CA), q(certs.Cert), q(certs.Key))
	}
	b.WriteString(")\n")
	switch mode {
	case TCP:
		b.WriteString("module(load=\"imtcp\")\n")
	case TLS:
		b.WriteString("module(load=\"imtcp\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\")\n")
	case MutualTLS:
		b.WriteString("module(load=\"imtcp\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"x509/certvalid\")\n")
	}
	b.WriteString(`template(name="fields" type="list" option.jsonf="on") {
  property(outname="raw" name="rawmsg" format="jsonf")
  property(outname="pri" name="pri" format="jsonf")
  property(outname="timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
  property(outname="hostname" name="hostname" format="jsonf")
  property(outname="appname" name="app-name" format="jsonf")
  property(outname="procid" name="procid" format="jsonf")
  property(outname="msgid" name="msgid" format="jsonf")
  property(outname="sd" name="structured-data" format="jsonf")
  property(outname="msg" name="msg" format="jsonf")
}
`)
	fmt.Fprintf(&b, "ruleset(name=\"drain\") { action(type=\"omfile\" file=%s template=\"fields\") }\n", q(filepath.Join(dir, "messages.json")))
	fmt.Fprintf(&b, "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"%d\" ruleset=\"drain\")\n", port)
	return b.String()
}
