package bindingcache

import "loggregator/internal/metrics/metricstest"

// MetricsPage is the cache's /metrics page, read without a server.
func MetricsPage(c *Cache) string { return metricstest.Page(c.reg) }
