package syslog

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"loggregator/internal/resolve"
)

// MaxBatchBody is the most an https-batch POST carries; a larger batch is
// split.
const MaxBatchBody = 512 << 10

// Entry is what a drain's lane holds: an encoded envelope and the HOSTNAME
// its binding gives it ("" derives one from the tags).
type Entry struct {
	Envelope []byte
	Hostname string
}

// Config is how a drain connects and retries.
type Config struct {
	// DialTimeout bounds a connection and its TLS handshake.
	DialTimeout time.Duration
	// WriteTimeout bounds one write of a batch, or one POST; a drain that
	// accepts the connection and never reads fails after it.
	WriteTimeout time.Duration
	// MinBackoff and MaxBackoff bound the exponential backoff between
	// attempts at one batch.
	MinBackoff, MaxBackoff time.Duration
	// MaxAttempts is how often a batch is tried before it is given up.
	MaxAttempts int
	// RootCAs verify the drains' certificates: the system's and the job's
	// drain_ca_cert; nil means the system's. A binding's CA is added per drain.
	RootCAs *x509.CertPool
	// SkipVerify accepts any drain certificate (drain_skip_cert_verify).
	SkipVerify bool
	// CipherSuites are the TLS 1.2 suites offered to drains; nil means Go's.
	CipherSuites []uint16
	// Invalid, which may be nil, is told of each envelope skipped because it
	// cannot become a message (ErrInvalidEnvelope).
	Invalid func(err error)
	// Failed, which may be nil, is told of each failed attempt.
	Failed func(err error)
}

// DefaultConfig returns the settings the syslog agent starts from.
func DefaultConfig() Config {
	return Config{
		DialTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
		MinBackoff:   100 * time.Millisecond,
		MaxBackoff:   30 * time.Second,
		MaxAttempts:  3,
	}
}

// Credentials are a binding's PEM client certificate, key and CA, for
// drains that want mutual TLS or a private CA; each may be empty.
type Credentials struct {
	Cert, Key, CA string
}

// Drain writes batches of entries to one drain URL. It implements
// fanout.Writer[Entry]: Write is called from one goroutine at a time.
// Close it once its lane has stopped.
type Drain struct {
	url     URL
	cfg     Config
	tls     *tls.Config
	backoff *resolve.Backoff
	fmt     Formatter
	buf     []byte // the framed piece of a batch (the POST body for https), reused

	conn net.Conn // syslog and syslog-tls; nil until dialled

	client *http.Client // https and https-batch
}

// NewDrain returns a Drain for u. It dials nothing until the first Write.
func NewDrain(u URL, creds Credentials, cfg Config) (*Drain, error) {
	d := &Drain{url: u, cfg: cfg, backoff: resolve.NewBackoff(cfg.MinBackoff, cfg.MaxBackoff)}
	if u.Scheme != SchemeSyslog {
		t, err := tlsConfig(u, creds, cfg)
		if err != nil {
			return nil, err
		}
		d.tls = t
	}
	if u.Scheme == SchemeHTTPS || u.Scheme == SchemeHTTPSBatch {
		d.client = &http.Client{
			Timeout: cfg.WriteTimeout,
			Transport: &http.Transport{
				TLSClientConfig:     d.tls,
				TLSHandshakeTimeout: cfg.DialTimeout,
				DialContext:         (&net.Dialer{Timeout: cfg.DialTimeout}).DialContext,
				MaxIdleConnsPerHost: 2,
				IdleConnTimeout:     90 * time.Second,
			},
		}
	}
	return d, nil
}

func tlsConfig(u URL, creds Credentials, cfg Config) (*tls.Config, error) {
	t := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		ServerName:         u.Host,
		RootCAs:            cfg.RootCAs,
		InsecureSkipVerify: cfg.SkipVerify, //nolint:gosec // the operator's drain_skip_cert_verify
		CipherSuites:       cfg.CipherSuites,
	}
	if creds.CA != "" {
		pool := cfg.RootCAs
		if pool == nil {
			var err error
			if pool, err = x509.SystemCertPool(); err != nil {
				pool = x509.NewCertPool()
			}
		} else {
			pool = pool.Clone()
		}
		if !pool.AppendCertsFromPEM([]byte(creds.CA)) {
			return nil, fmt.Errorf("drain %s: the binding's CA holds no PEM certificate", u.Anonymous)
		}
		t.RootCAs = pool
	}
	if creds.Cert != "" || creds.Key != "" {
		pair, err := tls.X509KeyPair([]byte(creds.Cert), []byte(creds.Key))
		if err != nil {
			return nil, fmt.Errorf("drain %s: the binding's client certificate: %w", u.Anonymous, err)
		}
		t.Certificates = []tls.Certificate{pair}
	}
	return t, nil
}

// URL is the drain's parsed URL.
func (d *Drain) URL() URL { return d.url }

// Write formats batch and writes it, retrying as Config says. It returns
// an error only for messages it gave up on.
func (d *Drain) Write(ctx context.Context, batch []Entry) error {
	switch d.url.Scheme {
	case SchemeSyslog, SchemeSyslogTLS:
		// Written in pieces of about streamPiece bytes, so what a drain
		// holds formatted stays that small however large its batches: a
		// thousand drains stuck in writes to drains that never read would
		// otherwise pin a formatted batch each. A piece that fails fails
		// the batch, with the pieces before it delivered.
		d.buf = d.buf[:0]
		for _, e := range batch {
			d.buf = d.appendFramed(d.buf, e)
			if len(d.buf) >= streamPiece {
				if err := d.retry(ctx, d.writeStream); err != nil {
					return err
				}
				d.buf = d.buf[:0]
			}
		}
		if len(d.buf) == 0 {
			return nil
		}
		return d.retry(ctx, d.writeStream)
	case SchemeHTTPS:
		for _, e := range batch {
			msgs := d.format(e)
			for _, m := range msgs {
				d.buf = append(d.buf[:0], m...)
				if err := d.retry(ctx, d.post); err != nil {
					return err
				}
			}
		}
		return nil
	default:
		return d.writeBatches(ctx, batch)
	}
}

// format returns e's messages; an invalid envelope is reported and skipped.
func (d *Drain) format(e Entry) [][]byte {
	msgs, err := d.fmt.Format(e.Envelope, Options{Hostname: e.Hostname, OmitTags: d.url.OmitTags})
	if err != nil {
		if d.cfg.Invalid != nil {
			d.cfg.Invalid(err)
		}
		return nil
	}
	return msgs
}

// streamPiece is about the most formatted bytes a syslog or syslog-tls
// drain writes at once (one message more at most): two TLS records.
const streamPiece = 32 << 10

// appendFramed appends every message of e with RFC 6587 octet counting:
// "LEN SP MSG".
func (d *Drain) appendFramed(dst []byte, e Entry) []byte {
	for _, m := range d.format(e) {
		dst = strconv.AppendInt(dst, int64(len(m)), 10)
		dst = append(dst, ' ')
		dst = append(dst, m...)
	}
	return dst
}

func (d *Drain) writeBatches(ctx context.Context, batch []Entry) error {
	var firstErr error
	d.buf = d.buf[:0]
	flush := func() {
		if len(d.buf) == 0 {
			return
		}
		if err := d.retry(ctx, d.post); err != nil && firstErr == nil {
			firstErr = err
		}
		d.buf = d.buf[:0]
	}
	for _, e := range batch {
		for _, m := range d.format(e) {
			if len(d.buf)+len(m) > MaxBatchBody {
				flush()
			}
			d.buf = append(d.buf, m...)
		}
	}
	flush()
	return firstErr
}

// retry runs op until it succeeds, ctx ends or MaxAttempts have failed,
// waiting the backoff between attempts.
func (d *Drain) retry(ctx context.Context, op func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		err := op(ctx)
		if err == nil {
			d.backoff.Reset()
			return nil
		}
		if d.cfg.Failed != nil {
			d.cfg.Failed(err)
		}
		if attempt >= d.cfg.MaxAttempts || !d.backoff.Wait(ctx) {
			return err
		}
	}
}

// writeStream writes d.buf on the connection, dialling one first; a failed
// write closes the connection so the next attempt dials again.
func (d *Drain) writeStream(ctx context.Context) error {
	if d.conn == nil {
		c, err := d.dial(ctx)
		if err != nil {
			return err
		}
		d.conn = c
	}
	if err := d.conn.SetWriteDeadline(time.Now().Add(d.cfg.WriteTimeout)); err != nil {
		d.closeConn()
		return fmt.Errorf("drain %s: %w", d.url.Anonymous, err)
	}
	// A stop must not wait out the write timeout on a drain that never reads.
	conn := d.conn
	stop := context.AfterFunc(ctx, func() { _ = conn.SetWriteDeadline(time.Unix(1, 0)) })
	_, err := conn.Write(d.buf)
	stop()
	if err != nil {
		d.closeConn()
		return fmt.Errorf("write to drain %s: %w", d.url.Anonymous, err)
	}
	return nil
}

func (d *Drain) dial(ctx context.Context) (net.Conn, error) {
	dialer := &net.Dialer{Timeout: d.cfg.DialTimeout, KeepAlive: 30 * time.Second}
	var c net.Conn
	var err error
	if d.tls != nil {
		td := &tls.Dialer{NetDialer: dialer, Config: d.tls}
		c, err = td.DialContext(ctx, "tcp", d.url.Addr)
	} else {
		c, err = dialer.DialContext(ctx, "tcp", d.url.Addr)
	}
	if err != nil {
		return nil, fmt.Errorf("dial drain %s: %w", d.url.Anonymous, err)
	}
	return c, nil
}

func (d *Drain) closeConn() {
	if d.conn != nil {
		_ = d.conn.Close() // the connection has already failed
		d.conn = nil
	}
}

// errStatus is a drain's answer other than 2xx.
var errStatus = errors.New("drain answered")

// post sends d.buf as one POST.
func (d *Drain) post(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.url.HTTPS, bytes.NewReader(d.buf))
	if err != nil {
		return fmt.Errorf("drain %s: %w", d.url.Anonymous, err)
	}
	req.Header.Set("Content-Type", "text/plain")
	if d.url.HasUser {
		req.SetBasicAuth(d.url.User, d.url.Password)
	}
	resp, err := d.client.Do(req)
	if err != nil {
		// The client's error quotes the URL, which may hold credentials.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("post to drain %s: %w", d.url.Anonymous, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096)) // lets the connection be reused
	_ = resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("post to drain %s: %w %d", d.url.Anonymous, errStatus, resp.StatusCode)
	}
	return nil
}

// Close closes the drain's connections.
func (d *Drain) Close() error {
	d.closeConn()
	if d.client != nil {
		d.client.CloseIdleConnections()
	}
	return nil
}
