package otlp

import (
	"errors"
	"time"

	"loggregator/internal/config"
)

// Config is the OTLP destination's section of the agent's config.
type Config struct {
	// EmitLogs sends log and event envelopes as OTLP logs.
	EmitLogs bool `json:"emit_logs"`
	// EmitMetrics sends counters and gauges as OTLP metrics.
	EmitMetrics bool `json:"emit_metrics"`
	// EmitTraces sends timers that carry trace and span ids as OTLP spans.
	EmitTraces bool `json:"emit_traces"`
	// ServerName is the name the collector's certificate must carry.
	ServerName string `json:"server_name"`
	// MaxRetries is how many times a refused export is tried again.
	MaxRetries int `json:"max_retries"`
	// QueueSize is how many batches the destination's queue (its lane's
	// diode) holds while the collector is slow or an export is retried.
	QueueSize int `json:"queue_size"`
	// BatchSize is the most envelopes converted into one export.
	BatchSize int `json:"batch_size"`
	// ExportTimeout bounds one export call.
	ExportTimeout config.Duration `json:"export_timeout"`
	// MaxBackoff caps the wait between retries, which starts at 100ms and doubles.
	MaxBackoff config.Duration `json:"max_backoff"`
	// MaxCounterSeries bounds the running totals kept for counters that
	// arrive as deltas; past it the totals start again from zero.
	MaxCounterSeries int `json:"max_counter_series"`
}

// DefaultConfig returns Cloud Foundry's defaults: every signal on, 7
// retries, a queue of 1024 batches of 100 envelopes.
func DefaultConfig() Config {
	return Config{
		EmitLogs:         true,
		EmitMetrics:      true,
		EmitTraces:       true,
		ServerName:       "otel-collector",
		MaxRetries:       7,
		QueueSize:        1024,
		BatchSize:        100,
		ExportTimeout:    config.Duration(10 * time.Second),
		MaxBackoff:       config.Duration(5 * time.Second),
		MaxCounterSeries: 10_000,
	}
}

// Validate names the first bad field under the prefix field.
func (c Config) Validate(field string) error {
	switch {
	case c.ServerName == "":
		return errors.New(field + ".server_name: required")
	case c.MaxRetries < 0:
		return errors.New(field + ".max_retries: must not be negative")
	case c.QueueSize < 1:
		return errors.New(field + ".queue_size: must be at least 1")
	case c.BatchSize < 1:
		return errors.New(field + ".batch_size: must be at least 1")
	case c.ExportTimeout.D() <= 0:
		return errors.New(field + ".export_timeout: must be positive")
	case c.MaxBackoff.D() <= 0:
		return errors.New(field + ".max_backoff: must be positive")
	case c.MaxCounterSeries < 1:
		return errors.New(field + ".max_counter_series: must be at least 1")
	}
	return nil
}
