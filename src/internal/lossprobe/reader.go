package lossprobe

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/encoding/protojson"

	"loggregator/internal/mtls"
	"loggregator/internal/wire"
)

// reader is one reading path: it feeds what arrives to its Tracker, closes
// ready at the first warm-up envelope and done once target distinct
// envelopes have arrived (target is set when sending ends).
type reader struct {
	name    string
	tracker *Tracker
	gating  bool // its loss decides the exit status
	log     *slog.Logger
	delay   time.Duration // a deliberately slow consumer waits this after each batch
	shard   string        // a gateway reader's shard id or a firehose reader's subscription id; empty for an rlp reader
	v1      bool          // reads the traffic controller's v1 firehose

	readyOnce sync.Once
	ready     chan struct{}
	doneOnce  sync.Once
	done      chan struct{}
	target    atomic.Uint64 // 0 until sending has ended
	errs      atomic.Uint64 // stream errors, each followed by a reconnect

	// A gateway reader's events: fields is scanBatch's scratch space, and
	// fallbacks counts the events it did not expect, decoded with protojson.
	fields    []probeFields
	fallbacks atomic.Uint64
}

func newReader(name string, t *Tracker, gating bool, log *slog.Logger) *reader {
	return &reader{name: name, tracker: t, gating: gating, log: log, ready: make(chan struct{}), done: make(chan struct{})}
}

// record counts a batch that arrived at now.
func (r *reader) record(batch []*loggregator_v2.Envelope, now time.Time) {
	for _, e := range batch {
		if r.tracker.Record(e, now) {
			r.readyOnce.Do(func() { close(r.ready) })
		}
	}
	r.checkDone()
}

// recordFields counts a batch of envelopes, read as their probe fields,
// that arrived at now.
func (r *reader) recordFields(batch []probeFields, now time.Time) {
	for i := range batch {
		if r.tracker.recordFields(&batch[i], now) {
			r.readyOnce.Do(func() { close(r.ready) })
		}
	}
	r.checkDone()
}

// recordRaw counts a batch of encoded envelopes that arrived at now.
func (r *reader) recordRaw(batch [][]byte, now time.Time) {
	for _, e := range batch {
		if r.tracker.RecordRaw(e, now) {
			r.readyOnce.Do(func() { close(r.ready) })
		}
	}
	r.checkDone()
}

// finish tells the reader how many distinct envelopes to wait for.
func (r *reader) finish(sent uint64) {
	r.target.Store(sent)
	r.checkDone()
}

func (r *reader) checkDone() {
	if t := r.target.Load(); t > 0 && r.tracker.Unique() >= t {
		r.doneOnce.Do(func() { close(r.done) })
	}
}

// request selects the probe's source id and every envelope type it emits.
func request(cfg *Config) *loggregator_v2.EgressBatchRequest {
	req := &loggregator_v2.EgressBatchRequest{UsePreferredTags: true}
	for _, t := range uniqueTypes(cfg.EnvelopeTypes) {
		s := &loggregator_v2.Selector{SourceId: cfg.SourceID}
		switch t {
		case "counter":
			s.Message = &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{}}
		case "gauge":
			s.Message = &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{}}
		default:
			s.Message = &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}
		}
		req.Selectors = append(req.Selectors, s)
	}
	return req
}

// readEgress reads the rlp's BatchedReceiver stream until ctx ends,
// reconnecting after a pause when the stream breaks.
func (r *reader) readEgress(ctx context.Context, cfg *Config, tlsCfg *tls.Config) error {
	conn, err := grpc.NewClient("passthrough:///"+cfg.Egress.Addr,
		grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(16<<20)))
	if err != nil {
		return fmt.Errorf("dial rlp %s: %w", cfg.Egress.Addr, err)
	}
	defer conn.Close()
	req := request(cfg)
	for ctx.Err() == nil {
		err := r.stream(ctx, conn, req)
		if ctx.Err() != nil {
			return nil
		}
		r.errs.Add(1)
		r.log.Warn("rlp stream broke; reconnecting", "path", r.name, "error", err.Error())
		if !pause(ctx, 200*time.Millisecond) {
			return nil
		}
	}
	return nil
}

// batchedReceiver is Egress.BatchedReceiver, opened by hand so that its
// batches arrive through wire.Codec as encoded envelopes.
var batchedReceiver = grpc.StreamDesc{StreamName: "BatchedReceiver", ServerStreams: true}

func (r *reader) stream(ctx context.Context, conn *grpc.ClientConn, req *loggregator_v2.EgressBatchRequest) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s, err := conn.NewStream(ctx, &batchedReceiver, "/loggregator.v2.Egress/BatchedReceiver", grpc.ForceCodecV2(wire.NewCodec()))
	if err != nil {
		return err
	}
	if err := s.SendMsg(req); err != nil {
		return err
	}
	if err := s.CloseSend(); err != nil {
		return err
	}
	var b wire.Batch
	for {
		if err := s.RecvMsg(&b); err != nil {
			return err
		}
		r.recordRaw(b.Envelopes, time.Now())
		b.Release() // counted: the frames go back to gRPC's pool
		if r.delay > 0 && !pause(ctx, r.delay) {
			return ctx.Err()
		}
	}
}

// readGateway reads the gateway's server-sent events until ctx ends,
// reconnecting after a pause when the response ends or fails.
func (r *reader) readGateway(ctx context.Context, cfg *Config) error {
	tlsCfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.Gateway.CAFile != "" {
		u, err := url.Parse(cfg.Gateway.URL)
		if err != nil {
			return fmt.Errorf("gateway.url: %w", err)
		}
		if tlsCfg, err = mtls.ClientNoCert(cfg.Gateway.CAFile, u.Hostname(), nil); err != nil {
			return fmt.Errorf("gateway.ca_file: %w", err)
		}
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsCfg, ForceAttemptHTTP2: true}}
	defer client.CloseIdleConnections()
	u := gatewayURL(cfg, r.shard)
	defer func() {
		if n := r.fallbacks.Load(); n > 0 {
			r.log.Warn("gateway events decoded with protojson, not scanned", "path", r.name, "events", n)
		}
	}()
	for ctx.Err() == nil {
		err := r.sse(ctx, client, u, cfg.Gateway.Token)
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, errClosing) {
			r.log.Info("gateway ended the stream; reconnecting", "path", r.name, "reason", err.Error())
		} else {
			r.errs.Add(1)
			r.log.Warn("gateway stream ended; reconnecting", "path", r.name, "error", err.Error())
		}
		if !pause(ctx, 200*time.Millisecond) {
			return nil
		}
	}
	return nil
}

// gatewayURL is /v2/read under the gateway's base URL, selecting the probe's
// source id and envelope types, for the reader of shard id shard.
func gatewayURL(cfg *Config, shard string) string {
	q := url.Values{"source_id": {cfg.SourceID}, "shard_id": {shard}}
	kinds := uniqueTypes(cfg.EnvelopeTypes)
	slices.Sort(kinds)
	return strings.TrimSuffix(cfg.Gateway.URL, "/") + "/v2/read?" + strings.Join(kinds, "&") + "&" + q.Encode()
}

func (r *reader) sse(ctx context.Context, client *http.Client, u, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "text/event-stream")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }() // a read-only body; nothing to lose on close
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	err = readEvents(resp.Body, func(data []byte) error { return r.event(data, time.Now()) })
	if err != nil {
		return err
	}
	return fmt.Errorf("GET %s: stream ended", u)
}

// event counts the envelopes of one event's data, which arrived at now:
// scanned for the probe's fields when it reads as the gateway writes, else
// decoded whole with protojson and counted in fallbacks.
func (r *reader) event(data []byte, now time.Time) error {
	if fs, ok := scanBatch(data, r.fields[:0]); ok {
		r.fields = fs
		r.recordFields(fs, now)
		return nil
	}
	r.fallbacks.Add(1)
	return r.decodeEvent(data, now)
}

// decodeEvent counts the envelopes of one event's data, decoded with
// protojson.
func (r *reader) decodeEvent(data []byte, now time.Time) error {
	var b loggregator_v2.EnvelopeBatch
	if err := protojson.Unmarshal(data, &b); err != nil {
		return fmt.Errorf("decode event: %w", err)
	}
	r.record(b.GetBatch(), now)
	return nil
}

// errClosing is the end of a stream the gateway announced with `event:
// closing` (it is stopping, or the stream reached its maximum duration):
// the reader reconnects without counting an error.
var errClosing = errors.New("the gateway closed the stream")

// readEvents reads server-sent events from body and hands the data of each
// unnamed event (an envelope batch) to batch. Named events are the gateway's
// own: `heartbeat` is skipped and `closing` ends the read with errClosing.
func readEvents(body io.Reader, batch func(data []byte) error) error {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var data []byte
	event := ""
	for sc.Scan() {
		line := sc.Bytes()
		switch {
		case bytes.HasPrefix(line, []byte("event:")):
			event = string(bytes.TrimSpace(line[len("event:"):]))
		case bytes.HasPrefix(line, []byte("data:")):
			data = append(data, bytes.TrimSpace(line[len("data:"):])...)
		case len(line) == 0:
			switch {
			case event == "closing":
				return fmt.Errorf("%w: %s", errClosing, data)
			case event == "" && len(data) > 0:
				if err := batch(data); err != nil {
					return err
				}
			}
			data, event = data[:0], ""
		}
	}
	return sc.Err()
}
