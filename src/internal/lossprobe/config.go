package lossprobe

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"loggregator/internal/config"
	"loggregator/internal/mtls"
)

// Config is lossprobe.json. Flags may override rate, duration, count and
// emitters for a run by hand; the file stays the source of truth for BOSH.
type Config struct {
	// SourceID is the source id of every envelope the probe emits and the one
	// its readers select.
	SourceID string `json:"source_id"`
	// Ingress is the agent's v2 ingress the emitters send to.
	Ingress Endpoint `json:"ingress"`
	// Egress is the reverse log proxy's v2 egress the main reader reads from.
	Egress Endpoint `json:"egress"`
	// Gateway, when its URL is set, adds a reader over the gateway's
	// server-sent events; its loss gates the run like the rlp's.
	Gateway GatewayConfig `json:"gateway"`
	// Firehose, when its URL is set, adds a reader of the traffic
	// controller's v1 websocket firehose; its loss gates the run like the
	// rlp's.
	Firehose FirehoseConfig `json:"firehose"`

	// Rate is envelopes per second over all emitters; 0 sends flat out.
	Rate int `json:"rate"`
	// Duration is how long emitters send. With Count set, the first of the two
	// to be reached ends the sending; 0 means no time limit (Count required).
	Duration config.Duration `json:"duration"`
	// Count is the total number of envelopes to send over all emitters; 0
	// means no count limit (Duration required).
	Count int `json:"count"`
	// Emitters is the number of concurrent producers, each with its own
	// connection and ingress stream.
	Emitters int `json:"emitters"`
	// EmitterProcess runs the emitters in a process of their own (this
	// binary again) instead of as goroutines beside the readers. Flat-out
	// emitters then no longer take the readers' turns on the probe's
	// threads, so the readers measure what the system delivers rather than
	// what the probe could read while it also sent; the machine's cores are
	// still shared. Its CPU is reported as "lossprobe_emitters".
	EmitterProcess bool `json:"emitter_process"`
	// IngressMode is how emitters hand envelopes to the agent: "batch" (a
	// BatchSender stream, as go-loggregator's IngressClient does), "sender"
	// (a Sender stream, one envelope per message) or "unary" (one Send call
	// per batch; with batch_size 1, one envelope per call).
	IngressMode string `json:"ingress_mode"`
	// BatchSize is the most envelopes an emitter hands over in one Send.
	BatchSize int `json:"batch_size"`
	// FlushInterval is, at a fixed rate, the longest an emitter holds a
	// partial batch: it sends when BatchSize envelopes are due or this long
	// after its last Send, as go-loggregator's IngressClient batches (100
	// envelopes or 100 ms by default).
	FlushInterval config.Duration `json:"flush_interval"`
	// PayloadBytes is the size of a log envelope's payload.
	PayloadBytes int `json:"payload_bytes"`
	// EnvelopeTypes are the kinds emitted in turn: "log", "counter", "gauge".
	EnvelopeTypes []string `json:"envelope_types"`

	// WarmupTimeout bounds the wait for the readers to see a warm-up
	// envelope; when it passes the run goes on and the loss shows it.
	WarmupTimeout config.Duration `json:"warmup_timeout"`
	// DrainTimeout is the longest wait, after the last send, for envelopes
	// still on their way; the wait ends early once all have arrived.
	DrainTimeout config.Duration `json:"drain_timeout"`
	// MaxLossPercent is the loss (0–100) above which the run fails.
	MaxLossPercent float64 `json:"max_loss_percent"`

	// SlowConsumerDelay, when positive, adds a second rlp reader that waits
	// this long after each batch: a consumer that cannot keep up, beside the
	// main one. Its loss is reported and never gates the run.
	SlowConsumerDelay config.Duration `json:"slow_consumer_delay"`

	// PIDs names local component processes whose CPU time and peak memory
	// over the run go into the report ("agent": 1234); the probe's own
	// figures are then reported too, as "lossprobe".
	PIDs map[string]int `json:"pids,omitempty"`
}

// Endpoint is a gRPC server the probe connects to over mutual TLS.
type Endpoint struct {
	Addr       string     `json:"addr"`
	ServerName string     `json:"server_name"`
	TLS        mtls.Files `json:"tls"`
}

// GatewayConfig locates the gateway. URL is its base ("https://host:8088");
// the probe reads /v2/read under it.
type GatewayConfig struct {
	URL string `json:"url"`
	// CAFile verifies the gateway's certificate; empty uses the system roots.
	CAFile string `json:"ca_file"`
	// Token is sent as the Authorization header when set.
	Token string `json:"token"`
	// Readers is how many SSE readers read the gateway at once, each with
	// its own shard id, so each gets every envelope; 0 means 1.
	Readers int `json:"readers"`
}

// FirehoseConfig locates the traffic controller. URL is its base
// ("ws://host:8081" or "wss://host:8081"); the probe reads
// /firehose/{subscription_id} under it, each reader with its own
// subscription id so each gets every envelope.
type FirehoseConfig struct {
	URL string `json:"url"`
	// CAFile verifies the traffic controller's certificate (wss); empty
	// uses the system roots.
	CAFile string `json:"ca_file"`
	// Token is sent as the Authorization header when set.
	Token string `json:"token"`
	// SlowReaderDelay, when positive, adds a second firehose reader that
	// waits this long after each frame: a reader that cannot keep up,
	// beside the main one. Its loss is reported and never gates the run.
	SlowReaderDelay config.Duration `json:"slow_reader_delay"`
}

// DefaultConfig returns a probe of one emitter sending 1,000 envelopes/s for
// 10 s through the local agent.
func DefaultConfig() *Config {
	return &Config{
		SourceID:      "lossprobe",
		Ingress:       Endpoint{Addr: "127.0.0.1:3458", ServerName: "metron"},
		Egress:        Endpoint{ServerName: "reverselogproxy"},
		Rate:          1000,
		Duration:      config.Duration(10 * time.Second),
		Emitters:      1,
		IngressMode:   "batch",
		BatchSize:     100,
		FlushInterval: config.Duration(100 * time.Millisecond),
		PayloadBytes:  64,
		EnvelopeTypes: []string{"log"},
		WarmupTimeout: config.Duration(10 * time.Second),
		DrainTimeout:  config.Duration(5 * time.Second),
		// 1 % fails a deployment whose logging is plainly broken without
		// failing it over a handful of envelopes lost to a rolling router.
		MaxLossPercent: 1,
	}
}

// Validate returns an error naming the first bad field.
func (c *Config) Validate() error {
	if c.SourceID == "" {
		return errors.New("source_id: required")
	}
	if err := c.Ingress.validate("ingress"); err != nil {
		return err
	}
	if err := c.Egress.validate("egress"); err != nil {
		return err
	}
	if c.Gateway.URL != "" {
		u, err := url.Parse(c.Gateway.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("gateway.url: %q is not an http(s) URL", c.Gateway.URL)
		}
	}
	if c.Firehose.URL != "" {
		u, err := url.Parse(c.Firehose.URL)
		if err != nil || (u.Scheme != "wss" && u.Scheme != "ws") || u.Host == "" {
			return fmt.Errorf("firehose.url: %q is not a ws(s) URL", c.Firehose.URL)
		}
	}
	switch {
	case c.Firehose.SlowReaderDelay.D() < 0:
		return errors.New("firehose.slow_reader_delay: must not be negative")
	case c.Rate < 0:
		return errors.New("rate: must not be negative (0 sends flat out)")
	case c.Duration.D() < 0:
		return errors.New("duration: must not be negative")
	case c.Count < 0:
		return errors.New("count: must not be negative")
	case c.Duration.D() == 0 && c.Count == 0:
		return errors.New("duration: set a duration, a count or both")
	case c.Emitters < 1:
		return errors.New("emitters: must be at least 1")
	case c.IngressMode != "batch" && c.IngressMode != "sender" && c.IngressMode != "unary":
		return fmt.Errorf("ingress_mode: %q is not batch, sender or unary", c.IngressMode)
	case c.Gateway.Readers < 0:
		return errors.New("gateway.readers: must not be negative")
	case c.Rate > 0 && c.Rate < c.Emitters:
		return errors.New("rate: must be at least one envelope per second per emitter")
	case c.BatchSize < 1:
		return errors.New("batch_size: must be at least 1")
	case c.FlushInterval.D() <= 0:
		return errors.New("flush_interval: must be positive")
	case c.PayloadBytes < 0:
		return errors.New("payload_bytes: must not be negative")
	case len(c.EnvelopeTypes) == 0:
		return errors.New("envelope_types: at least one of log, counter, gauge")
	case c.WarmupTimeout.D() <= 0:
		return errors.New("warmup_timeout: must be positive")
	case c.DrainTimeout.D() <= 0:
		return errors.New("drain_timeout: must be positive")
	case c.MaxLossPercent < 0 || c.MaxLossPercent > 100:
		return errors.New("max_loss_percent: must be between 0 and 100")
	case c.SlowConsumerDelay.D() < 0:
		return errors.New("slow_consumer_delay: must not be negative")
	}
	for i, t := range c.EnvelopeTypes {
		if t != "log" && t != "counter" && t != "gauge" {
			return fmt.Errorf("envelope_types[%d]: %q is not log, counter or gauge", i, t)
		}
	}
	for name, pid := range c.PIDs {
		if name == "" || pid < 1 {
			return fmt.Errorf("pids: %q: needs a name and a positive pid", name)
		}
	}
	return nil
}

func (e Endpoint) validate(field string) error {
	if _, _, err := net.SplitHostPort(e.Addr); err != nil {
		return fmt.Errorf("%s.addr: %w", field, err)
	}
	if e.ServerName == "" {
		return fmt.Errorf("%s.server_name: required", field)
	}
	return e.TLS.Validate(field + ".tls")
}
