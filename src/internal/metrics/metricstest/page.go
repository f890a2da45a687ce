// Package metricstest reads /metrics pages, for the suites that check what
// a component reports.
package metricstest

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"

	"loggregator/internal/metrics"
)

// Page renders r's /metrics page without a server.
func Page(r *metrics.Registry) string {
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return rec.Body.String()
}

// Scrape fetches a /metrics page over plain HTTP.
func Scrape(url string) (string, error) {
	resp, err := http.Get(url) //nolint:gosec // a test's own loopback server
	if err != nil {
		return "", fmt.Errorf("scrape %s: %w", url, err)
	}
	body, err := io.ReadAll(resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("scrape %s: %w", url, err)
	}
	return string(body), nil
}

// Value returns the value of the series written exactly as series in a
// Prometheus text page (`dropped{direction="egress",reason="shutdown"}`),
// 0 when the page has no such series, or NaN when its value is malformed.
func Value(page, series string) float64 {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`).FindStringSubmatch(page)
	if m == nil {
		return 0
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return math.NaN()
	}
	return v
}
