package otlp_test

import (
	"loggregator/internal/metrics"
	"loggregator/internal/metrics/metricstest"
)

// counter returns the value of the series written exactly as series on
// reg's /metrics page, or 0 if absent.
func counter(reg *metrics.Registry, series string) float64 {
	return metricstest.Value(metricstest.Page(reg), series)
}
