package otlp

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"time"

	collogspb "go.opentelemetry.io/proto/otlp/collector/logs/v1"
	colmetricspb "go.opentelemetry.io/proto/otlp/collector/metrics/v1"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	logspb "go.opentelemetry.io/proto/otlp/logs/v1"
	metricspb "go.opentelemetry.io/proto/otlp/metrics/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"

	"loggregator/internal/wire"
)

// firstBackoff is the wait before the first retry; it doubles up to Config.MaxBackoff.
const firstBackoff = 100 * time.Millisecond

// Scope is the instrumentation scope every exported record, point and span is under.
const Scope = "loggregator-agent"

// Exporter sends batches of encoded envelopes to one OpenTelemetry
// Collector. It is a fanout.Writer: Write is called by one goroutine at a
// time. Close it once its lane has stopped.
type Exporter struct {
	cfg     Config
	addr    string
	conn    *grpc.ClientConn
	logs    collogspb.LogsServiceClient
	metrics colmetricspb.MetricsServiceClient
	traces  coltracepb.TraceServiceClient
	conv    *converter
	m       *Metrics
	log     *slog.Logger
	failing bool // the last export failed; logged once until one succeeds
}

// NewExporter returns an exporter to the collector at addr (host:port)
// with the client identity in tlsCfg. It connects lazily.
func NewExporter(addr string, tlsCfg *tls.Config, cfg Config, m *Metrics, log *slog.Logger) (*Exporter, error) {
	conn, err := grpc.NewClient("passthrough:///"+addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)), wire.Reconnect())
	if err != nil {
		return nil, fmt.Errorf("otlp client %s: %w", addr, err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Exporter{
		cfg:     cfg,
		addr:    addr,
		conn:    conn,
		logs:    collogspb.NewLogsServiceClient(conn),
		metrics: colmetricspb.NewMetricsServiceClient(conn),
		traces:  coltracepb.NewTraceServiceClient(conn),
		conv:    newConverter(cfg),
		m:       m,
		log:     log,
	}, nil
}

// Close closes the connection.
func (x *Exporter) Close() error { return x.conn.Close() }

// Write converts batch and exports each signal in it with one request,
// retrying as the package doc says. It returns an error if any signal's
// export was given up on; ctx ends further retries.
func (x *Exporter) Write(ctx context.Context, batch [][]byte) error {
	c := x.conv.convert(batch)
	if c.invalid > 0 {
		x.m.invalid.Add(float64(c.invalid))
	}
	if c.unmapped > 0 {
		x.m.unmapped.Add(float64(c.unmapped))
	}
	var errs []error
	if len(c.logs) > 0 {
		req := &collogspb.ExportLogsServiceRequest{ResourceLogs: []*logspb.ResourceLogs{{
			ScopeLogs: []*logspb.ScopeLogs{{Scope: scope(), LogRecords: c.logs}},
		}}}
		errs = append(errs, x.export(ctx, SignalLogs, len(c.logs), func(ctx context.Context) (int64, error) {
			resp, err := x.logs.Export(ctx, req)
			return resp.GetPartialSuccess().GetRejectedLogRecords(), err
		}))
	}
	if len(c.metrics) > 0 {
		req := &colmetricspb.ExportMetricsServiceRequest{ResourceMetrics: []*metricspb.ResourceMetrics{{
			ScopeMetrics: []*metricspb.ScopeMetrics{{Scope: scope(), Metrics: c.metrics}},
		}}}
		errs = append(errs, x.export(ctx, SignalMetrics, len(c.metrics), func(ctx context.Context) (int64, error) {
			resp, err := x.metrics.Export(ctx, req)
			return resp.GetPartialSuccess().GetRejectedDataPoints(), err
		}))
	}
	if len(c.spans) > 0 {
		req := &coltracepb.ExportTraceServiceRequest{ResourceSpans: []*tracepb.ResourceSpans{{
			ScopeSpans: []*tracepb.ScopeSpans{{Scope: scope(), Spans: c.spans}},
		}}}
		errs = append(errs, x.export(ctx, SignalTraces, len(c.spans), func(ctx context.Context) (int64, error) {
			resp, err := x.traces.Export(ctx, req)
			return resp.GetPartialSuccess().GetRejectedSpans(), err
		}))
	}
	return errors.Join(errs...)
}

// export makes one call, and retries it while the status is retryable, at
// most MaxRetries times and while ctx lives.
func (x *Exporter) export(ctx context.Context, signal string, n int, call func(context.Context) (rejected int64, err error)) error {
	wait := firstBackoff
	for attempt := 0; ; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, x.cfg.ExportTimeout.D())
		rejected, err := call(callCtx)
		cancel()
		if err == nil {
			if x.failing {
				x.log.Info("otlp export restored", "collector", x.addr)
				x.failing = false
			}
			x.m.exported[signal].Add(float64(int64(n) - rejected))
			if rejected > 0 {
				x.m.rejected[signal].Add(float64(rejected))
			}
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("export %s to %s: %w", signal, x.addr, ctx.Err())
		}
		if !retryable(err) || attempt >= x.cfg.MaxRetries {
			if !x.failing {
				x.log.Warn("otlp export failed; dropping the batch", "collector", x.addr, "signal", signal, "attempts", attempt+1, "error", err.Error())
				x.failing = true
			}
			return fmt.Errorf("export %s to %s: %w", signal, x.addr, err)
		}
		x.m.retries.Inc()
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("export %s to %s: %w", signal, x.addr, ctx.Err())
		}
		wait = min(2*wait, x.cfg.MaxBackoff.D())
	}
}

// retryable reports whether OTLP says a call that failed with err may be
// tried again.
func retryable(err error) bool {
	switch status.Code(err) {
	case codes.Unavailable, codes.ResourceExhausted, codes.DeadlineExceeded, codes.Aborted, codes.OutOfRange, codes.DataLoss:
		return true
	}
	return false
}

func scope() *commonpb.InstrumentationScope {
	return &commonpb.InstrumentationScope{Name: Scope}
}
