package lossprobe

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// emitter is one producer: its own connection and ingress stream to the
// agent (or unary calls), numbering its envelopes 0, 1, 2, …
type emitter struct {
	id     int
	cfg    *Config
	runID  string
	client loggregator_v2.IngressClient
	log    *slog.Logger

	// rate is this emitter's envelopes per second (0: flat out) and quota its
	// share of cfg.Count (0: none).
	rate, quota int

	// Results, read once run has returned: counts, the sequence numbers
	// used (0 to seq-1), and those of failed Sends.
	sent, failed uint64
	seq          uint64
	failedSeqs   []seqRange
	sendTimes    []time.Duration // one per Send call
	first        time.Time
}

func dialIngress(cfg *Config, tlsCfg *tls.Config) (*grpc.ClientConn, error) {
	conn, err := grpc.NewClient("passthrough:///"+cfg.Ingress.Addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	if err != nil {
		return nil, fmt.Errorf("dial agent %s: %w", cfg.Ingress.Addr, err)
	}
	return conn, nil
}

// run sends until ctx ends, the quota is sent or the deadline passes. A
// broken stream is reopened; the envelopes of a failed Send count as failed,
// not sent.
func (m *emitter) run(ctx context.Context, deadline time.Time) {
	slots := m.newSlots()
	out := make([]*loggregator_v2.Envelope, m.cfg.BatchSize)
	in := &ingress{mode: m.cfg.IngressMode, client: m.client}
	defer in.close()
	m.first = time.Now()
	var wait *time.Timer
	seq := uint64(0)
	lastSend := m.first
	for ctx.Err() == nil {
		now := time.Now()
		if !deadline.IsZero() && !now.Before(deadline) {
			return
		}
		n := m.cfg.BatchSize
		if m.quota != 0 {
			n = min(n, m.quota-int(seq))
			if n <= 0 {
				return
			}
		}
		if m.rate > 0 {
			// Send n once they are due, or what is due once the flush
			// interval has passed, as a batching client does.
			due := int(now.Sub(m.first).Seconds()*float64(m.rate)) - int(seq)
			flushAt := lastSend.Add(m.cfg.FlushInterval.D())
			if due <= 0 || (due < n && now.Before(flushAt)) {
				next := m.dueAt(seq + 1)
				if next.Before(flushAt) {
					next = flushAt
				}
				if full := m.dueAt(seq + uint64(n)); full.Before(next) {
					next = full
				}
				if wait == nil {
					wait = time.NewTimer(time.Until(next))
					defer wait.Stop()
				} else {
					wait.Reset(time.Until(next))
				}
				select {
				case <-ctx.Done():
					return
				case <-wait.C:
				}
				continue
			}
			n = min(n, due)
		}
		if err := in.open(ctx); err != nil {
			m.log.Warn("open ingress stream", "emitter", m.id, "error", err.Error())
			if !pause(ctx, 100*time.Millisecond) {
				return
			}
			continue
		}
		b := out[:n]
		ts := time.Now().UnixNano()
		for i := range b {
			s := seq + uint64(i)
			e := slots[i][s%uint64(len(slots[i]))]
			e.Timestamp = ts
			e.Tags[TagSeq] = strconv.FormatUint(s, 10)
			setValue(e, s)
			b[i] = e
		}
		start := time.Now()
		lastSend = start
		err := in.send(ctx, b)
		m.sendTimes = append(m.sendTimes, time.Since(start))
		seq += uint64(n)
		m.seq = seq
		if err != nil {
			m.failed += uint64(n)
			m.failedSeqs = append(m.failedSeqs, seqRange{seq - uint64(n), seq})
			m.log.Warn("send to agent", "emitter", m.id, "seq", seq-uint64(n), "count", n, "error", err.Error())
			continue
		}
		m.sent += uint64(n)
	}
}

// seqRange is the sequence numbers from first up to, not including, end.
// It is an array so that an emitter process reports it as [first, end].
type seqRange [2]uint64

// dueAt is when envelope count reaches what the rate allows.
func (m *emitter) dueAt(count uint64) time.Time {
	return m.first.Add(time.Duration(float64(count) * float64(time.Second) / float64(m.rate)))
}

// newSlots builds the envelopes an emitter reuses for every Send: for each
// position in a batch, one envelope of each configured type, so envelope seq
// has type EnvelopeTypes[seq % len]. gRPC has encoded a message when SendMsg
// returns, and no stats handler is installed that could read it later, so
// reuse is safe and keeps the probe's own cost out of the components' way.
func (m *emitter) newSlots() [][]*loggregator_v2.Envelope {
	payload := []byte(strings.Repeat("x", m.cfg.PayloadBytes))
	slots := make([][]*loggregator_v2.Envelope, m.cfg.BatchSize)
	for i := range slots {
		for _, t := range m.cfg.EnvelopeTypes {
			e := &loggregator_v2.Envelope{
				SourceId:   m.cfg.SourceID,
				InstanceId: strconv.Itoa(m.id),
				Tags:       map[string]string{TagRunID: m.runID, TagEmitter: strconv.Itoa(m.id), TagSeq: ""},
			}
			switch t {
			case "counter":
				e.Message = &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "lossprobe", Delta: 1}}
			case "gauge":
				e.Message = &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
					"lossprobe": {Unit: "count"},
				}}}
			default:
				e.Message = &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: payload, Type: loggregator_v2.Log_OUT}}
			}
			slots[i] = append(slots[i], e)
		}
	}
	return slots
}

// setValue writes seq into a counter's total or a gauge's value, so metric
// envelopes differ from each other as real ones do.
func setValue(e *loggregator_v2.Envelope, seq uint64) {
	switch m := e.Message.(type) {
	case *loggregator_v2.Envelope_Counter:
		m.Counter.Total = seq
	case *loggregator_v2.Envelope_Gauge:
		m.Gauge.Metrics["lossprobe"].Value = float64(seq)
	}
}

// warmup sends one warm-up envelope with the unary Send.
func warmup(ctx context.Context, client loggregator_v2.IngressClient, cfg *Config, runID string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	tags := map[string]string{TagRunID: runID, TagWarmup: "1"}
	var batch []*loggregator_v2.Envelope
	for _, t := range uniqueTypes(cfg.EnvelopeTypes) {
		e := &loggregator_v2.Envelope{SourceId: cfg.SourceID, Timestamp: time.Now().UnixNano(), Tags: tags}
		switch t {
		case "counter":
			e.Message = &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "lossprobe_warmup"}}
		case "gauge":
			e.Message = &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"lossprobe_warmup": {}}}}
		default:
			e.Message = &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("warm-up")}}
		}
		batch = append(batch, e)
	}
	_, err := client.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: batch})
	return err
}

func uniqueTypes(types []string) []string {
	var out []string
	for _, t := range types {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// pause waits d or until ctx ends, and reports whether ctx is still live.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
