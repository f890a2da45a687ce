package gateway

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strconv"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"loggregator/internal/wire"
)

// statusWriter remembers the status code for the requests metric.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// read serves GET /v2/read: check the query, authorize, take a stream slot,
// open the upstream stream, then relay batches as server-sent events until
// the client leaves, the upstream ends, the maximum stream duration passes
// or the gateway stops.
func (g *Gateway) read(rw http.ResponseWriter, r *http.Request) {
	w := &statusWriter{ResponseWriter: rw}
	defer func() {
		if w.code == 0 {
			w.code = http.StatusOK
		}
		g.m.requests.WithLabelValues(strconv.Itoa(w.code)).Inc()
	}()

	if r.Method != http.MethodGet {
		errMethodNotAllowed.write(w)
		return
	}
	query, apiErr := parseQuery(r.URL.RawQuery, g.cfg.MaxSelectors)
	if apiErr != nil {
		apiErr.write(w)
		return
	}
	if g.auth != nil {
		if err := g.auth.Authorize(r.Context(), r.Header.Get("Authorization"), query.sourceIDs); err != nil {
			authError(err).write(w)
			return
		}
	}
	select {
	case g.slots <- struct{}{}:
		defer func() { <-g.slots }()
	default:
		g.m.rejectedStreams.Inc()
		errTooManyStreams.write(w)
		return
	}
	g.m.streams.Inc()
	defer g.m.streams.Dec()

	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	stream, err := g.open(ctx, query.req)
	if err != nil {
		g.m.streamErrors.WithLabelValues("upstream").Inc()
		g.log.Warn("open logs provider stream", "error", err.Error())
		errUpstream.write(w)
		return
	}
	g.relay(ctx, cancel, w, stream)
}

// Events carry whole upstream batches. The writer puts every batch that
// has already arrived into the event it is building, up to eventSoftLimit
// bytes, and while the event holds fewer than eventTarget envelopes it
// waits up to eventLinger after the first one for more, so a slow stream
// pays one write and one TLS record per many envelopes instead of one per
// small upstream batch (Cloud Foundry's events hold about 100). The linger
// adds at most eventLinger to an envelope's latency.
const (
	eventSoftLimit = 64 << 10
	eventTarget    = 100
	eventLinger    = 10 * time.Millisecond
	// recvQueue bounds the batches received but not yet written. The
	// reverse log proxy buffers per consumer and drops there when the
	// gateway falls behind, so it counts the loss, not the gateway.
	recvQueue = 16
)

// batchedReceiver is Egress.BatchedReceiver, opened by hand so that its
// batches arrive through wire.Codec as encoded envelopes.
var batchedReceiver = grpc.StreamDesc{StreamName: "BatchedReceiver", ServerStreams: true}

// open opens the upstream BatchedReceiver stream for req.
func (g *Gateway) open(ctx context.Context, req *loggregator_v2.EgressBatchRequest) (grpc.ClientStream, error) {
	s, err := g.conn.NewStream(ctx, &batchedReceiver, "/loggregator.v2.Egress/BatchedReceiver", grpc.ForceCodecV2(g.codec))
	if err != nil {
		return nil, err
	}
	if err := s.SendMsg(req); err != nil {
		return nil, err
	}
	if err := s.CloseSend(); err != nil {
		return nil, err
	}
	return s, nil
}

// relay owns one receiving goroutine and returns only after it has ended.
//
// The receiver takes encoded batches off the upstream stream (wire.Codec:
// the envelopes are never decoded) and hands them to this goroutine, which
// writes them as JSON with a wire.JSONEncoder straight from the wire bytes.
// Spent batches go back to the receiver through free, so a steady stream
// reuses its Batch values.
func (g *Gateway) relay(ctx context.Context, cancel context.CancelFunc, w http.ResponseWriter, stream grpc.ClientStream) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if err := rc.Flush(); err != nil {
		errStreamingUnsupported.write(w)
		return
	}

	batches := make(chan *wire.Batch, recvQueue)
	free := make(chan *wire.Batch, recvQueue+1)
	queued := newByteGate(g.queueShare)
	queued.total = &g.queued
	recvErr := make(chan error, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			var b *wire.Batch
			select {
			case b = <-free:
			default:
				b = &wire.Batch{}
			}
			if err := stream.RecvMsg(b); err != nil {
				recvErr <- err
				return
			}
			if !queued.take(ctx, batchBytes(b)) {
				return
			}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel()
		<-done
		queued.drop() // batches received and never written
	}()

	maxStream := time.NewTimer(g.cfg.MaxStreamDuration.D())
	defer maxStream.Stop()
	heartbeat := time.NewTicker(g.cfg.HeartbeatInterval.D())
	defer heartbeat.Stop()
	linger := time.NewTimer(time.Hour)
	linger.Stop()
	defer linger.Stop()
	quiet := true // nothing written since the last heartbeat tick

	ev := event{enc: &wire.JSONEncoder{}, buf: make([]byte, 0, 4096)}
	lingering := false // linger runs for the event being built
	lingered := false  // and has fired
	for {
		select {
		case <-ctx.Done():
			// Only the client ends ctx while the loop runs: it went away.
			g.m.streamErrors.WithLabelValues("closed").Inc()
			return
		case <-g.stopping.Done():
			g.send(rc, w, ev.closing("the gateway is stopping"))
			return
		case <-maxStream.C:
			g.send(rc, w, ev.closing("closing due to stream timeout"))
			return
		case now := <-heartbeat.C:
			if quiet && ev.envelopes == 0 {
				buf := append(ev.buf[:0], "event: heartbeat\ndata: "...)
				buf = strconv.AppendInt(buf, now.Unix(), 10)
				buf = append(buf, "\n\n"...)
				if !g.send(rc, w, buf) {
					return
				}
			}
			quiet = true
			continue
		case err := <-recvErr:
			if s, ok := status.FromError(err); !errors.Is(err, context.Canceled) && (!ok || s.Code() != codes.Canceled) {
				g.m.streamErrors.WithLabelValues("upstream").Inc()
				g.log.Warn("logs provider stream ended", "error", err.Error())
			}
			// The receiver queued every batch before it failed: write them.
			for {
				select {
				case b := <-batches:
					g.add(&ev, b, free, queued)
					continue
				default:
				}
				break
			}
			if ev.envelopes > 0 && g.send(rc, w, ev.finish()) {
				g.reg.Egress.Add(float64(ev.envelopes))
			}
			return
		case b := <-batches:
			g.add(&ev, b, free, queued)
		drain:
			for len(ev.buf) < eventSoftLimit {
				select {
				case b := <-batches:
					g.add(&ev, b, free, queued)
				default:
					break drain
				}
			}
		case <-linger.C:
			lingered = true
		}
		if ev.envelopes == 0 {
			continue
		}
		if ev.envelopes < eventTarget && len(ev.buf) < eventSoftLimit && !lingered {
			if !lingering {
				linger.Reset(eventLinger)
				lingering = true
			}
			continue
		}
		if lingering && !lingered {
			linger.Stop()
		}
		lingering, lingered = false, false
		if !g.send(rc, w, ev.finish()) {
			return
		}
		g.reg.Egress.Add(float64(ev.envelopes))
		ev.reset()
		quiet = false
	}
}

// event is the server-sent event being built: `data: {"batch":[` and the
// JSON of each envelope added so far.
type event struct {
	enc       *wire.JSONEncoder
	buf       []byte
	envelopes int
}

// add writes the envelopes of b into the event, drops and counts those that
// cannot be written as JSON, gives b's bytes back to queued and returns b
// to free.
func (g *Gateway) add(ev *event, b *wire.Batch, free chan<- *wire.Batch, queued *byteGate) {
	defer queued.give(batchBytes(b))
	g.reg.Ingress.Add(float64(len(b.Envelopes)))
	if b.Invalid > 0 {
		g.m.invalid.Add(float64(b.Invalid))
	}
	for _, env := range b.Envelopes {
		if ev.envelopes == 0 {
			ev.buf = append(ev.buf[:0], `data: {"batch":[`...)
		} else {
			ev.buf = append(ev.buf, ',')
		}
		var err error
		if ev.buf, err = ev.enc.AppendEnvelope(ev.buf, env); err != nil {
			if ev.envelopes == 0 {
				ev.buf = ev.buf[:0]
			} else {
				ev.buf = ev.buf[:len(ev.buf)-1]
			}
			g.m.invalid.Inc()
			continue
		}
		ev.envelopes++
	}
	b.Release() // the JSON is written: the frames go back to gRPC's pool
	select {
	case free <- b:
	default:
	}
}

// finish closes the event and returns it.
func (ev *event) finish() []byte {
	ev.buf = append(ev.buf, "]}\n\n"...)
	return ev.buf
}

// closing ends the stream: the event being built, if any, then `event:
// closing` with the reason.
func (ev *event) closing(reason string) []byte {
	var b []byte
	if ev.envelopes > 0 {
		b = ev.finish()
	} else {
		b = ev.buf[:0]
	}
	b = append(b, "event: closing\ndata: "...)
	b = append(b, reason...)
	return append(b, "\n\n"...)
}

func (ev *event) reset() {
	ev.buf = ev.buf[:0]
	ev.envelopes = 0
}

// send writes and flushes one event within the write timeout and reports
// whether the client took it.
func (g *Gateway) send(rc *http.ResponseController, w http.ResponseWriter, event []byte) bool {
	_ = rc.SetWriteDeadline(time.Now().Add(g.cfg.WriteTimeout.D()))
	_, err := w.Write(event)
	if err == nil {
		err = rc.Flush()
	}
	if err != nil {
		g.m.streamErrors.WithLabelValues(endReason(err)).Inc()
		return false
	}
	return true
}

// endReason tells a client that could not take an event within the write
// timeout (slow_consumer) from one that went away (closed).
func endReason(err error) string {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return "slow_consumer"
	}
	return "closed"
}
