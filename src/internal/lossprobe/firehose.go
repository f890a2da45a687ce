package lossprobe

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"loggregator/internal/mtls"
)

// readFirehose reads the traffic controller's v1 websocket firehose under
// the subscription id r.shard until ctx ends, reconnecting after a pause
// when the websocket closes or fails.
func (r *reader) readFirehose(ctx context.Context, cfg *Config) error {
	u, err := url.Parse(cfg.Firehose.URL)
	if err != nil {
		return fmt.Errorf("firehose.url: %w", err)
	}
	dialer := websocket.Dialer{HandshakeTimeout: 10 * time.Second, ReadBufferSize: 64 << 10}
	if u.Scheme == "wss" {
		dialer.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		if cfg.Firehose.CAFile != "" {
			if dialer.TLSClientConfig, err = mtls.ClientNoCert(cfg.Firehose.CAFile, u.Hostname(), nil); err != nil {
				return fmt.Errorf("firehose.ca_file: %w", err)
			}
		}
	}
	header := http.Header{}
	if cfg.Firehose.Token != "" {
		header.Set("Authorization", cfg.Firehose.Token)
	}
	target := strings.TrimSuffix(cfg.Firehose.URL, "/") + "/firehose/" + url.PathEscape(r.shard)
	for ctx.Err() == nil {
		err := r.websocket(ctx, &dialer, target, header)
		if ctx.Err() != nil {
			// The run is over: the connection's end is its own doing.
			return nil //nolint:nilerr
		}
		r.errs.Add(1)
		r.log.Warn("firehose websocket ended; reconnecting", "path", r.name, "error", err.Error())
		if !pause(ctx, 200*time.Millisecond) {
			return nil
		}
	}
	return nil
}

// websocket reads one firehose websocket until it ends or ctx does. Every
// binary frame is one marshalled v1 envelope, read into a reused buffer
// and counted with RecordV1.
func (r *reader) websocket(ctx context.Context, dialer *websocket.Dialer, target string, header http.Header) error {
	conn, resp, err := dialer.DialContext(ctx, target, header)
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close() // the handshake's answer; its status is in err
	}
	if err != nil {
		return fmt.Errorf("dial %s: %w", target, err)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()
	defer func() { _ = conn.Close() }()
	buf := make([]byte, 0, 4<<10)
	for {
		kind, frame, err := conn.NextReader()
		if err != nil {
			var closed *websocket.CloseError
			if errors.As(err, &closed) {
				return fmt.Errorf("closed by the traffic controller: %d %s", closed.Code, closed.Text)
			}
			return err
		}
		if kind != websocket.BinaryMessage {
			continue
		}
		if buf, err = readAll(frame, buf[:0]); err != nil {
			return err
		}
		now := time.Now()
		if r.tracker.RecordV1(buf, now) {
			r.readyOnce.Do(func() { close(r.ready) })
		}
		r.checkDone()
		if r.delay > 0 && !pause(ctx, r.delay) {
			return ctx.Err()
		}
	}
}

// readAll appends what rd holds to buf, growing it as needed.
func readAll(rd io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
