package cfauthtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"loggregator/internal/mtls"
)

// Failures only SyslogDrains knows, beside Status500 and Hang.
const (
	// Garbage answers 200 with a body that is not JSON.
	Garbage Failure = iota + 100
	// Truncated answers 200 with a Content-Length the body falls short of,
	// then closes the connection: a page cut off halfway.
	Truncated
)

// DrainBinding is one service binding of an app to a syslog drain as Cloud
// Controller stores it: the URL, the app, and the credentials of the
// service instance (PEM, each may be empty).
type DrainBinding struct {
	URL      string
	AppID    string
	Hostname string
	Cert     string
	Key      string
	CA       string
}

// DrainsRequest is the paging of one request SyslogDrains answered.
type DrainsRequest struct {
	BatchSize int
	NextID    int
}

// SyslogDrains stands in for Cloud Controller's internal
// GET /internal/v5/syslog_drain_urls?batch_size=N&next_id=M, served with
// mutual TLS as Cloud Controller's internal API is.
//
// It pages as Cloud Controller does: the distinct drain URLs of the
// bindings set with SetBindings, in URL order, batch_size of them from
// offset next_id; each result is {"url", "credentials": [{"cert", "key",
// "ca", "apps": [{"hostname", "app_id"}]}]}, one credentials entry per
// distinct certificate, key and CA. The answer is {"results": [...],
// "next_id": next_id+batch_size}, or, once the URLs are exhausted, an empty
// results list and "next_id": null. A missing or malformed batch_size or
// next_id is answered 400.
//
// Fail, FailFromPage and SetDelay make it misbehave: fail (Status500, Hang,
// Garbage, Truncated) or answer late.
type SyslogDrains struct {
	*server

	mu       sync.Mutex
	bindings []DrainBinding  // guarded by mu
	failure  Failure         // guarded by mu
	failFrom int             // first page (next_id / batch_size) failure applies to; guarded by mu
	delay    time.Duration   // guarded by mu
	requests []DrainsRequest // guarded by mu
}

// NewSyslogDrains starts the API on 127.0.0.1 with the identity in files,
// requiring client certificates signed by files.CA.
func NewSyslogDrains(files mtls.Files) (*SyslogDrains, error) {
	tlsCfg, err := mtls.Server(files, nil)
	if err != nil {
		return nil, fmt.Errorf("cloud controller internal tls: %w", err)
	}
	d := &SyslogDrains{}
	d.server = startServer(tlsCfg, d.serve)
	return d, nil
}

// URL is the internal API's base URL.
func (d *SyslogDrains) URL() string { return d.srv.URL }

// SetBindings replaces every binding.
func (d *SyslogDrains) SetBindings(bs []DrainBinding) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.bindings = append([]DrainBinding(nil), bs...)
}

// Fail sets how every page is answered from now on; Healthy undoes it.
func (d *SyslogDrains) Fail(f Failure) { d.FailFromPage(0, f) }

// FailFromPage answers the pages before page (counted from 0) healthily and
// the others as f says: a poll that breaks halfway.
func (d *SyslogDrains) FailFromPage(page int, f Failure) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.failure, d.failFrom = f, page
}

// SetDelay makes every answer wait delay first (0, the default, does not wait).
func (d *SyslogDrains) SetDelay(delay time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.delay = delay
}

// Requests returns the paging of every request answered or failed so far.
func (d *SyslogDrains) Requests() []DrainsRequest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]DrainsRequest(nil), d.requests...)
}

// Calls is the number of requests to the drains path, failed ones included.
func (d *SyslogDrains) Calls() int { return int(d.calls.Load()) }

// Close stops the server, releasing hanging requests first.
func (d *SyslogDrains) Close() { d.close() }

type drainApp struct {
	Hostname string `json:"hostname"`
	AppID    string `json:"app_id"`
}

type drainCredentials struct {
	Cert string     `json:"cert"`
	Key  string     `json:"key"`
	CA   string     `json:"ca"`
	Apps []drainApp `json:"apps"`
}

type drainResult struct {
	URL         string             `json:"url"`
	Credentials []drainCredentials `json:"credentials"`
}

type drainsPage struct {
	Results []drainResult `json:"results"`
	NextID  *int          `json:"next_id"`
}

func (d *SyslogDrains) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/internal/v5/syslog_drain_urls" || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	d.calls.Add(1)
	q := r.URL.Query()
	batch, errB := strconv.Atoi(q.Get("batch_size"))
	next, errN := strconv.Atoi(q.Get("next_id"))
	if errB != nil || errN != nil || batch <= 0 || next < 0 {
		writeJSON(w, http.StatusBadRequest, ccError(1001, "CF-MessageParseError", "Request invalid due to parse error: batch_size and next_id"))
		return
	}

	d.mu.Lock()
	d.requests = append(d.requests, DrainsRequest{BatchSize: batch, NextID: next})
	failure, delay := Healthy, d.delay
	if next/batch >= d.failFrom {
		failure = d.failure
	}
	page := d.page(batch, next)
	d.mu.Unlock()

	if delay > 0 && !d.wait(r, delay) {
		return
	}
	body, err := json.Marshal(page)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	switch failure {
	case Status500:
		w.WriteHeader(http.StatusInternalServerError)
		return
	case Hang:
		d.wait(r, 0)
		return
	case Garbage:
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body>502 Bad Gateway</body></html>"))
		return
	case Truncated:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body[:len(body)/2])
		return // net/http closes a response that falls short of its Content-Length
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// wait waits delay (forever when 0) and reports whether it elapsed before
// the client went away or the stand-in closed.
func (d *SyslogDrains) wait(r *http.Request, delay time.Duration) bool {
	var elapsed <-chan time.Time
	if delay > 0 {
		t := time.NewTimer(delay)
		defer t.Stop()
		elapsed = t.C
	}
	select {
	case <-elapsed:
		return true
	case <-r.Context().Done():
	case <-d.done:
	}
	return false
}

// page builds the answer for batch URLs from offset next. Called with mu held.
func (d *SyslogDrains) page(batch, next int) drainsPage {
	var urls []string
	byURL := map[string][]DrainBinding{}
	for _, b := range d.bindings {
		if _, ok := byURL[b.URL]; !ok {
			urls = append(urls, b.URL)
		}
		byURL[b.URL] = append(byURL[b.URL], b)
	}
	sort.Strings(urls)
	p := drainsPage{Results: []drainResult{}}
	if next >= len(urls) {
		return p
	}
	for _, u := range urls[next:min(next+batch, len(urls))] {
		res := drainResult{URL: u}
		index := map[[3]string]int{}
		for _, b := range byURL[u] {
			k := [3]string{b.Cert, b.Key, b.CA}
			i, ok := index[k]
			if !ok {
				i = len(res.Credentials)
				index[k] = i
				res.Credentials = append(res.Credentials, drainCredentials{Cert: b.Cert, Key: b.Key, CA: b.CA})
			}
			res.Credentials[i].Apps = append(res.Credentials[i].Apps, drainApp{Hostname: b.Hostname, AppID: b.AppID})
		}
		p.Results = append(p.Results, res)
	}
	nextID := next + batch
	p.NextID = &nextID
	return p
}
