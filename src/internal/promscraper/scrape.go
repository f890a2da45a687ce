package promscraper

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// maxBatch is the most envelopes in one Send to the agent, which keeps
// every message far below gRPC's 4 MiB default limit.
const maxBatch = 500

// acceptHeader asks for the text format, the one format parsed here.
const acceptHeader = "text/plain;version=0.0.4;q=1,*/*;q=0.1"

// scrapeError is a failed scrape with its reason, one of scrape_failures'.
type scrapeError struct {
	reason string
	err    error
}

func (e *scrapeError) Error() string { return e.reason + ": " + e.err.Error() }

// worker scrapes one target every interval until its context ends. It is
// owned by the Scraper, which starts it in its own goroutine and stops it
// by cancelling its context and waiting for done.
type worker struct {
	t       *target
	client  *http.Client
	timeout time.Duration
	s       *Scraper
	cancel  context.CancelFunc
	done    chan struct{}

	lastReason string // the reason of the last failure, "" after a success; owned by run
}

// newWorker builds the target's HTTP client; the error names what in the
// scraper's or the file's TLS settings cannot be loaded.
func (s *Scraper) newWorker(t *target) (*worker, error) {
	transport := &http.Transport{
		MaxIdleConnsPerHost: 1,
		IdleConnTimeout:     2 * t.interval,
	}
	if t.https {
		cfg, err := s.targetTLS(t)
		if err != nil {
			return nil, err
		}
		transport.TLSClientConfig = cfg
	}
	return &worker{
		t:       t,
		client:  &http.Client{Transport: transport},
		timeout: min(s.cfg.ScrapeTimeout.D(), t.interval),
		s:       s,
		done:    make(chan struct{}),
	}, nil
}

// targetTLS is the client side of an https target: the scraper's scrape.tls
// identity, with the file's ca_path, client_cert_path and client_key_path
// in place of its parts, checking the file's server_name (127.0.0.1 when
// it names none).
func (s *Scraper) targetTLS(t *target) (*tls.Config, error) {
	var files mtls.Files
	if s.cfg.Scrape.TLS != nil {
		files = *s.cfg.Scrape.TLS
	}
	if t.caPath != "" {
		files.CA = t.caPath
	}
	if t.certPath != "" {
		files.Cert, files.Key = t.certPath, t.keyPath
	}
	name := t.serverName
	if name == "" {
		name = "127.0.0.1"
	}
	withPair := files.Cert != "" && files.Key != ""
	switch {
	case s.cfg.Scrape.SkipSSLValidation && withPair && files.CA != "":
		cfg, err := mtls.Client(files, name, nil)
		if err != nil {
			return nil, err
		}
		// skip_ssl_validation asks for exactly what the mtls contract
		// forbids: no check of the target's certificate. The identity is
		// still presented and still re-read when it changes.
		cfg.VerifyConnection = nil
		return cfg, nil
	case s.cfg.Scrape.SkipSSLValidation:
		return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}, nil //nolint:gosec // skip_ssl_validation
	case withPair && files.CA != "":
		return mtls.Client(files, name, nil)
	case files.CA != "":
		return mtls.ClientNoCert(files.CA, name, nil)
	case withPair:
		return nil, errors.New("a client certificate needs a CA to check the target against (scrape.tls.ca_file or ca_path)")
	default:
		return &tls.Config{MinVersion: tls.VersionTLS12, ServerName: name}, nil
	}
}

// run scrapes at once, then every interval, until ctx ends.
func (w *worker) run(ctx context.Context) {
	defer close(w.done)
	defer w.client.CloseIdleConnections()
	tick := time.NewTicker(w.t.interval)
	defer tick.Stop()
	for {
		w.scrape(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// scrape reads the page once and sends what it holds. A failure is counted
// and logged when it starts or its reason changes, not at every interval.
func (w *worker) scrape(ctx context.Context) {
	m := w.s.m
	m.scrapes.Inc()
	families, err := w.fetch(ctx)
	if ctx.Err() != nil {
		return // stopping; an interrupted scrape is not the target's failure
	}
	if err != nil {
		var se *scrapeError
		if !errors.As(err, &se) {
			se = &scrapeError{reason: reasonUnreachable, err: err}
		}
		m.failures.WithLabelValues(se.reason).Inc()
		if se.reason != w.lastReason {
			w.s.log.Warn("scrape failed; retrying every interval", "target", w.t.url, "file", w.t.file,
				"reason", se.reason, "error", se.err.Error())
		}
		w.lastReason = se.reason
		return
	}
	if w.lastReason != "" {
		w.s.log.Info("scraping again", "target", w.t.url, "file", w.t.file)
		w.lastReason = ""
	}
	origin := metrics.Origin{SourceID: w.t.sourceID, InstanceID: w.t.instanceID, Tags: w.t.labels}
	envs, skipped := metrics.FromFamilies(families, origin, time.Now().UnixNano())
	m.unsupported.Add(float64(skipped))
	m.ingress.Add(float64(len(envs)))
	w.s.send(ctx, envs, w.timeout)
}

// fetch GETs the page within the timeout and parses it.
func (w *worker) fetch(ctx context.Context) ([]*dto.MetricFamily, error) {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.t.url, nil)
	if err != nil {
		return nil, &scrapeError{reasonUnreachable, err}
	}
	for k, v := range w.t.headers {
		req.Header.Set(k, v)
	}
	req.Header.Set("Accept", acceptHeader)
	resp, err := w.client.Do(req)
	if err != nil {
		return nil, transportError(ctx, err)
	}
	defer func() { _ = resp.Body.Close() }() // read-only; a failed close loses nothing
	if resp.StatusCode != http.StatusOK {
		return nil, &scrapeError{reasonStatus, fmt.Errorf("GET %s: %s", w.t.url, resp.Status)}
	}
	limit := w.s.cfg.MaxBodyBytes
	page, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, transportError(ctx, err)
	}
	if int64(len(page)) > limit {
		return nil, &scrapeError{reasonTooLarge, fmt.Errorf("page larger than %d bytes", limit)}
	}
	return parse(page)
}

func transportError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return &scrapeError{reasonTimeout, err}
	}
	return &scrapeError{reasonUnreachable, err}
}

// parse reads a page in the Prometheus text format with the Prometheus
// project's parser, families in name order.
func parse(page []byte) ([]*dto.MetricFamily, error) {
	p := expfmt.NewTextParser(model.UTF8Validation)
	byName, err := p.TextToMetricFamilies(bytes.NewReader(page))
	if err != nil {
		return nil, &scrapeError{reasonInvalid, err}
	}
	families := make([]*dto.MetricFamily, 0, len(byName))
	for _, f := range byName {
		families = append(families, f)
	}
	slices.SortFunc(families, func(a, b *dto.MetricFamily) int { return strings.Compare(a.GetName(), b.GetName()) })
	return families, nil
}

// send writes envs to the agent in batches of maxBatch, each Send bounded
// by timeout. When one fails the rest are not tried: all that did not go
// are counted as dropped, and the agent's failure is logged when it starts.
func (s *Scraper) send(ctx context.Context, envs []*loggregator_v2.Envelope, timeout time.Duration) {
	for batch := range slices.Chunk(envs, maxBatch) {
		sendCtx, cancel := context.WithTimeout(ctx, timeout)
		_, err := s.agent.Send(sendCtx, &loggregator_v2.EnvelopeBatch{Batch: batch})
		cancel()
		if err != nil {
			rest := float64(len(envs))
			if ctx.Err() != nil {
				s.m.shutdown.Add(rest)
				return
			}
			s.m.agentFailed.Add(rest)
			if !s.agentFailing.Swap(true) {
				s.log.Warn("cannot send scraped metrics to the agent; dropping them until it takes them again",
					"agent", s.cfg.Agent.Addr, "error", err.Error())
			}
			return
		}
		envs = envs[len(batch):]
		s.m.egress.Add(float64(len(batch)))
		if s.agentFailing.Swap(false) {
			s.log.Info("sending scraped metrics to the agent again", "agent", s.cfg.Agent.Addr)
		}
	}
}
