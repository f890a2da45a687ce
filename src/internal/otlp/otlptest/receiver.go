// Package otlptest is a real OTLP receiver for tests: a gRPC server over
// mutual TLS on loopback implementing the OpenTelemetry Collector's logs,
// metrics and trace services from their official definitions, recording
// what it is sent.
package otlptest

import (
	"context"
	"fmt"
	"net"
	"sync"

	collogspb "go.opentelemetry.io/proto/otlp/collector/logs/v1"
	colmetricspb "go.opentelemetry.io/proto/otlp/collector/metrics/v1"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	logspb "go.opentelemetry.io/proto/otlp/logs/v1"
	metricspb "go.opentelemetry.io/proto/otlp/metrics/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"

	"loggregator/internal/mtls"
)

// Receiver records every export it accepts. Make one with NewReceiver and
// Close it when done; its methods are safe for concurrent use.
type Receiver struct {
	ln   net.Listener
	grpc *grpc.Server
	done chan struct{}

	mu      sync.Mutex
	logs    []*logspb.LogRecord // guarded by mu
	metrics []*metricspb.Metric // guarded by mu
	spans   []*tracepb.Span     // guarded by mu
	calls   int                 // guarded by mu: every call, refused or not
	refuse  int                 // guarded by mu: calls still to refuse
	code    codes.Code          // guarded by mu: the status refused calls get
	discard bool                // guarded by mu: count calls, keep nothing
}

// NewReceiver serves on 127.0.0.1:0 with the identity in files (a
// certificate for the name its clients check, "otel-collector").
func NewReceiver(files mtls.Files) (*Receiver, error) {
	tlsCfg, err := mtls.Server(files, nil)
	if err != nil {
		return nil, fmt.Errorf("otlp receiver tls: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("otlp receiver listen: %w", err)
	}
	r := &Receiver{ln: ln, grpc: grpc.NewServer(grpc.Creds(credentials.NewTLS(tlsCfg))), done: make(chan struct{})}
	collogspb.RegisterLogsServiceServer(r.grpc, logsService{r: r})
	colmetricspb.RegisterMetricsServiceServer(r.grpc, metricsService{r: r})
	coltracepb.RegisterTraceServiceServer(r.grpc, traceService{r: r})
	go func() {
		defer close(r.done)
		_ = r.grpc.Serve(ln) // returns when Close stops it
	}()
	return r, nil
}

// Addr is the receiver's host:port.
func (r *Receiver) Addr() string { return r.ln.Addr().String() }

// Close stops the server and waits for it.
func (r *Receiver) Close() {
	r.grpc.Stop()
	<-r.done
}

// Refuse makes the next n calls fail with code, as a collector under
// pressure does, without recording them.
func (r *Receiver) Refuse(n int, code codes.Code) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refuse, r.code = n, code
}

// Discard makes the receiver count calls from then on without keeping
// what they carry, as a benchmark's stand-in must.
func (r *Receiver) Discard() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.discard = true
}

// Calls is the number of export calls received, refused ones included.
func (r *Receiver) Calls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls
}

// Logs returns the log records received so far.
func (r *Receiver) Logs() []*logspb.LogRecord {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*logspb.LogRecord(nil), r.logs...)
}

// Metrics returns the metrics received so far.
func (r *Receiver) Metrics() []*metricspb.Metric {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*metricspb.Metric(nil), r.metrics...)
}

// Spans returns the spans received so far.
func (r *Receiver) Spans() []*tracepb.Span {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*tracepb.Span(nil), r.spans...)
}

// admit counts a call and reports the status it is refused with, if any.
func (r *Receiver) admit() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if r.refuse > 0 {
		r.refuse--
		return status.Error(r.code, "receiver refuses this call")
	}
	return nil
}

// logsService, metricsService and traceService are the three collector
// services, each recording into the receiver.
type (
	logsService struct {
		collogspb.UnimplementedLogsServiceServer
		r *Receiver
	}
	metricsService struct {
		colmetricspb.UnimplementedMetricsServiceServer
		r *Receiver
	}
	traceService struct {
		coltracepb.UnimplementedTraceServiceServer
		r *Receiver
	}
)

func (s logsService) Export(_ context.Context, req *collogspb.ExportLogsServiceRequest) (*collogspb.ExportLogsServiceResponse, error) {
	if err := s.r.admit(); err != nil {
		return nil, err
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.discard {
		return &collogspb.ExportLogsServiceResponse{}, nil
	}
	for _, rl := range req.GetResourceLogs() {
		for _, sl := range rl.GetScopeLogs() {
			s.r.logs = append(s.r.logs, sl.GetLogRecords()...)
		}
	}
	return &collogspb.ExportLogsServiceResponse{}, nil
}

func (s metricsService) Export(_ context.Context, req *colmetricspb.ExportMetricsServiceRequest) (*colmetricspb.ExportMetricsServiceResponse, error) {
	if err := s.r.admit(); err != nil {
		return nil, err
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.discard {
		return &colmetricspb.ExportMetricsServiceResponse{}, nil
	}
	for _, rm := range req.GetResourceMetrics() {
		for _, sm := range rm.GetScopeMetrics() {
			s.r.metrics = append(s.r.metrics, sm.GetMetrics()...)
		}
	}
	return &colmetricspb.ExportMetricsServiceResponse{}, nil
}

func (s traceService) Export(_ context.Context, req *coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error) {
	if err := s.r.admit(); err != nil {
		return nil, err
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	if s.r.discard {
		return &coltracepb.ExportTraceServiceResponse{}, nil
	}
	for _, rs := range req.GetResourceSpans() {
		for _, ss := range rs.GetScopeSpans() {
			s.r.spans = append(s.r.spans, ss.GetSpans()...)
		}
	}
	return &coltracepb.ExportTraceServiceResponse{}, nil
}
