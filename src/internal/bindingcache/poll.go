package bindingcache

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"loggregator/internal/binding"
)

// drainURLsPath is Cloud Controller's internal list of drain bindings.
const drainURLsPath = "/internal/v5/syslog_drain_urls"

// Reasons a poll fails, the reason label of cc_poll_failures.
const (
	failTimeout     = "timeout"
	failUnavailable = "unavailable"
	failStatus      = "status"
	failGarbage     = "garbage"
	failTooLarge    = "too_large"
	failPaging      = "paging"
	failTruncated   = "truncated"
)

// pollError is a failed poll and its reason label.
type pollError struct {
	reason string
	err    error
}

func (e *pollError) Error() string { return e.err.Error() }
func (e *pollError) Unwrap() error { return e.err }

// ccClient reads every page of GET /internal/v5/syslog_drain_urls.
//
// Cloud Controller pages over distinct drain URLs in URL order: a page is
// {"results": [binding...], "next_id": N}, where next_id is the offset of
// the next page, or null with an empty results list once the URLs are
// exhausted. A poll asks from next_id=0 until then.
type ccClient struct {
	http     *http.Client
	base     string
	batch    int
	timeout  time.Duration
	maxBytes int64
}

func newCCClient(cfg CCConfig, tlsCfg *tls.Config) *ccClient {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = tlsCfg
	t.Proxy = nil
	t.DisableKeepAlives = cfg.DisableKeepAlives
	return &ccClient{
		http:     &http.Client{Transport: t},
		base:     strings.TrimRight(cfg.Addr, "/"),
		batch:    cfg.BatchSize,
		timeout:  cfg.Timeout.D(),
		maxBytes: cfg.MaxResponseBytes,
	}
}

func (c *ccClient) close() { c.http.CloseIdleConnections() }

// ccPage is one answer of Cloud Controller. Results is a pointer so that an
// answer without a results list is told from an empty one.
type ccPage struct {
	Results *[]binding.Binding `json:"results"`
	NextID  *int               `json:"next_id"`
}

// fetch reads every page and returns the bindings merged by URL, and the
// number of pages read. Any page that fails fails the whole fetch: a set
// with pages missing is never returned.
func (c *ccClient) fetch(ctx context.Context) ([]binding.Binding, int, error) {
	var all []binding.Binding
	budget := c.maxBytes
	next, pages := 0, 0
	for {
		page, n, err := c.page(ctx, next, budget)
		if err != nil {
			return nil, pages, err
		}
		pages++
		budget -= n
		all = append(all, *page.Results...)
		if page.NextID == nil || len(*page.Results) == 0 {
			return merge(all), pages, nil
		}
		if *page.NextID <= next {
			return nil, pages, &pollError{failPaging, fmt.Errorf("cloud controller: next_id %d after next_id %d does not advance", *page.NextID, next)}
		}
		next = *page.NextID
	}
}

// page reads one page, at most budget bytes of it, and returns it with its size.
func (c *ccClient) page(ctx context.Context, nextID int, budget int64) (*ccPage, int64, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := c.base + drainURLsPath + "?" + url.Values{
		"batch_size": {strconv.Itoa(c.batch)},
		"next_id":    {strconv.Itoa(nextID)},
	}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, &pollError{failUnavailable, fmt.Errorf("cloud controller: %w", err)}
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, classify(ctx, fmt.Errorf("cloud controller page next_id=%d: %w", nextID, err))
	}
	defer func() { _ = resp.Body.Close() }() // the answer is read or abandoned; a close error changes nothing
	if resp.StatusCode != http.StatusOK {
		return nil, 0, &pollError{failStatus, fmt.Errorf("cloud controller page next_id=%d: status %d", nextID, resp.StatusCode)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, budget+1))
	if err != nil {
		err = fmt.Errorf("cloud controller page next_id=%d: read: %w", nextID, err)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, 0, &pollError{failTruncated, err}
		}
		return nil, 0, classify(ctx, err)
	}
	if int64(len(body)) > budget {
		return nil, 0, &pollError{failTooLarge, fmt.Errorf("cloud controller page next_id=%d: the poll's answers exceed max_response_bytes (%d)", nextID, c.maxBytes)}
	}
	var page ccPage
	if err := json.Unmarshal(body, &page); err != nil {
		return nil, 0, &pollError{failGarbage, fmt.Errorf("cloud controller page next_id=%d: decode: %w", nextID, err)}
	}
	if page.Results == nil {
		return nil, 0, &pollError{failGarbage, fmt.Errorf("cloud controller page next_id=%d: no results list", nextID)}
	}
	return &page, int64(len(body)), nil
}

// classify tells a timeout from a Cloud Controller that cannot be reached
// or hung up.
func classify(ctx context.Context, err error) *pollError {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return &pollError{failTimeout, err}
	}
	return &pollError{failUnavailable, err}
}

// merge joins the bindings of one URL (the same URL on two pages, when
// bindings changed between them) and the credentials of one certificate,
// key and CA, keeping each app once per credentials. The result is sorted
// by URL.
func merge(bs []binding.Binding) []binding.Binding {
	type credKey struct{ cert, key, ca string }
	byURL := map[string]*binding.Binding{}
	creds := map[string]map[credKey]int{}
	apps := map[string]map[credKey]map[string]bool{}
	for _, b := range bs {
		out, ok := byURL[b.URL]
		if !ok {
			out = &binding.Binding{URL: b.URL, Credentials: []binding.Credentials{}}
			byURL[b.URL] = out
			creds[b.URL] = map[credKey]int{}
			apps[b.URL] = map[credKey]map[string]bool{}
		}
		for _, c := range b.Credentials {
			k := credKey{c.Cert, c.Key, c.CA}
			i, ok := creds[b.URL][k]
			if !ok {
				i = len(out.Credentials)
				creds[b.URL][k] = i
				apps[b.URL][k] = map[string]bool{}
				out.Credentials = append(out.Credentials, binding.Credentials{Cert: c.Cert, Key: c.Key, CA: c.CA, Apps: []binding.App{}})
			}
			for _, a := range c.Apps {
				if a.AppID == "" || apps[b.URL][k][a.AppID] {
					continue
				}
				apps[b.URL][k][a.AppID] = true
				out.Credentials[i].Apps = append(out.Credentials[i].Apps, a)
			}
		}
	}
	merged := make([]binding.Binding, 0, len(byURL))
	for _, b := range byURL {
		merged = append(merged, *b)
	}
	sort.Slice(merged, func(i, j int) bool { return merged[i].URL < merged[j].URL })
	return merged
}
