package egress_test

import (
	"time"

	"loggregator/internal/egress"
)

// benchConfig is the router's default egress configuration.
func benchConfig() egress.Config {
	return egress.Config{BufferSize: 10000, BatchSize: 1000, BatchBytes: egress.DefaultBatchBytes,
		FlushInterval: 2 * time.Millisecond, SlowConsumerTimeout: 10 * time.Second, MaxSubscriptions: 1000}
}
