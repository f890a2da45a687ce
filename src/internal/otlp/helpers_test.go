package otlp_test

import (
	"io"
	"net/http/httptest"
	"regexp"
	"strconv"

	. "github.com/onsi/gomega"

	"loggregator/internal/metrics"
)

// counter returns the value of the series written exactly as series in
// the registry's Prometheus text, or 0 if absent.
func counter(reg *metrics.Registry, series string) float64 {
	rec := httptest.NewRecorder()
	reg.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, err := io.ReadAll(rec.Body)
	Expect(err).NotTo(HaveOccurred())
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`).FindStringSubmatch(string(body))
	if m == nil {
		return 0
	}
	v, err := strconv.ParseFloat(m[1], 64)
	Expect(err).NotTo(HaveOccurred())
	return v
}
