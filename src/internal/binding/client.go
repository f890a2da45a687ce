package binding

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// DefaultMaxBytes bounds one answer read by a Client unless SetMaxBytes says
// otherwise: room for about 20,000 drains that each carry a client
// certificate, key and CA.
const DefaultMaxBytes = 128 << 20

// Client fetches bindings from a binding cache over mutual TLS. It is safe
// for concurrent use once built; SetMaxBytes must be called before the first
// fetch. Close releases its idle connections.
type Client struct {
	base     string
	http     *http.Client
	maxBytes int64
}

// NewClient returns a Client of the cache at baseURL (such as
// "https://binding-cache.service.cf.internal:9000") that connects with
// tlsConf, typically from mtls.Client. Each fetch is bounded by its context
// only: callers give it a deadline.
func NewClient(baseURL string, tlsConf *tls.Config) *Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = tlsConf
	t.Proxy = nil
	t.MaxIdleConnsPerHost = 1
	return &Client{
		base:     strings.TrimRight(baseURL, "/"),
		http:     &http.Client{Transport: t},
		maxBytes: DefaultMaxBytes,
	}
}

// SetMaxBytes bounds the size of one answer; a larger one is an error and
// none of it is used. n must be positive.
func (c *Client) SetMaxBytes(n int64) {
	if n > 0 {
		c.maxBytes = n
	}
}

// Bindings fetches GET /v2/bindings: every app drain the cache knows.
func (c *Client) Bindings(ctx context.Context) ([]Binding, error) {
	return c.get(ctx, BindingsPath)
}

// Aggregate fetches GET /v2/aggregate: the drains every app's logs go to.
// Their Apps are empty.
func (c *Client) Aggregate(ctx context.Context) ([]Binding, error) {
	return c.get(ctx, AggregatePath)
}

// Close closes the connections kept for the next fetch.
func (c *Client) Close() {
	c.http.CloseIdleConnections()
}

func (c *Client) get(ctx context.Context, path string) ([]Binding, error) {
	u := c.base + path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("binding cache %s: %w", u, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("binding cache: %w", err)
	}
	defer func() { _ = resp.Body.Close() }() // the answer is read or abandoned; a close error changes nothing
	if resp.StatusCode != http.StatusOK {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
		return nil, fmt.Errorf("binding cache %s: status %d: %s", u, resp.StatusCode, bytes.TrimSpace(snippet))
	}
	body, err := readBounded(resp.Body, c.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("binding cache %s: %w", u, err)
	}
	bs, err := decode(body)
	if err != nil {
		return nil, fmt.Errorf("binding cache %s: %w", u, err)
	}
	return bs, nil
}

// errTooLarge is wrapped by the error of an answer over the bound.
var errTooLarge = errors.New("answer too large")

// readBounded reads all of r, or fails once more than limit bytes arrive,
// so that a runaway answer costs at most limit bytes of memory.
func readBounded(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read answer: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", errTooLarge, limit)
	}
	return body, nil
}

// decode parses one JSON list of bindings and nothing after it. Unknown
// fields are ignored so that a newer cache can add some.
func decode(body []byte) ([]Binding, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var bs []Binding
	if err := dec.Decode(&bs); err != nil {
		return nil, fmt.Errorf("decode answer: %w", err)
	}
	if rest := bytes.TrimSpace(body[dec.InputOffset():]); len(rest) > 0 {
		return nil, errors.New("decode answer: data after the list")
	}
	if bs == nil {
		if !bytes.Equal(bytes.TrimSpace(body), []byte("[]")) {
			return nil, errors.New("decode answer: not a list")
		}
		bs = []Binding{}
	}
	return bs, nil
}
