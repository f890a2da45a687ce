package agent

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"loggregator/internal/fair"
	"loggregator/internal/metrics"
)

// Ingest runs envs through the ingress checks and tagging of an agent
// configured with cfg and returns what it would forward, with the number
// of envelopes dropped as invalid and as too large.
func Ingest(cfg *Config, envs [][]byte) (out [][]byte, invalid, tooLarge float64, err error) {
	out, im, err := ingest(cfg, envs)
	if err != nil {
		return nil, 0, 0, err
	}
	return out, value(im.invalid), value(im.tooLarge), nil
}

// IngestLogsDisabled is Ingest returning the number of envelopes dropped
// because logs are disabled.
func IngestLogsDisabled(cfg *Config, envs [][]byte) (out [][]byte, logsDisabled float64, err error) {
	out, im, err := ingest(cfg, envs)
	if err != nil {
		return nil, 0, err
	}
	return out, value(im.logsDisabled), nil
}

func ingest(cfg *Config, envs [][]byte) ([][]byte, *ingressMetrics, error) {
	tags, err := newTagger(identityTags(cfg))
	if err != nil {
		return nil, nil, err
	}
	im := newIngressMetrics(metrics.NewRegistry())
	d := fair.New(len(envs)+1, fair.Options{Lanes: 1}) // one lane: the order they were sent
	in := &sink{buf: d, maxSize: cfg.Ingress.MaxEnvelopeBytes, noLogs: cfg.Ingress.DisableLogs, tags: tags, m: im}
	in.Accept(envs, 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return d.NextBatch(ctx, make([][]byte, 0, len(envs)+1)), im, nil
}

func value(c prometheus.Counter) float64 {
	var m dto.Metric
	if c.Write(&m) != nil {
		return -1
	}
	return m.GetCounter().GetValue()
}

// IngestTimestamps is Ingest returning how many timestamps were replaced,
// by reason: missing, negative, future.
func IngestTimestamps(cfg *Config, envs [][]byte) (out [][]byte, replaced map[string]float64, err error) {
	out, im, err := ingest(cfg, envs)
	if err != nil {
		return nil, nil, err
	}
	return out, map[string]float64{
		"missing":  value(im.timestampMissing),
		"negative": value(im.timestampNegative),
		"future":   value(im.timestampFuture),
	}, nil
}

// Destination is what discovery found in one ingress_port.yml.
type Destination struct {
	Name, Addr string
	OTel       bool
}

// Discover runs the forwarder's discovery of glob, leaving out selfPort.
func Discover(glob string, selfPort int) ([]Destination, map[string]error, error) {
	found, bad, err := discover(glob, selfPort)
	out := make([]Destination, 0, len(found))
	for _, t := range found {
		out = append(out, Destination{Name: t.name, Addr: t.addr, OTel: t.otel})
	}
	return out, bad, err
}

// Accepter returns the Accept of an agent configured with cfg, storing
// into a ring of 4,096 that keeps the newest: for benchmarks.
func Accepter(cfg *Config) (func(envs [][]byte), error) {
	tags, err := newTagger(identityTags(cfg))
	if err != nil {
		return nil, err
	}
	d := fair.New(4096, fair.Options{Lanes: 1})
	in := &sink{buf: d, maxSize: cfg.Ingress.MaxEnvelopeBytes, tags: tags, m: newIngressMetrics(metrics.NewRegistry())}
	return func(envs [][]byte) { in.Accept(envs, 0) }, nil
}
