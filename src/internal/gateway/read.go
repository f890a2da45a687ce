package gateway

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strconv"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
)

var jsonOptions = protojson.MarshalOptions{EmitUnpopulated: true}

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
	stream, err := g.egress.BatchedReceiver(ctx, query.req)
	if err != nil {
		g.m.streamErrors.WithLabelValues("upstream").Inc()
		g.log.Warn("open logs provider stream", "error", err.Error())
		errUpstream.write(w)
		return
	}
	g.relay(ctx, cancel, w, stream)
}

// relay owns one receiving goroutine and returns only after it has ended.
func (g *Gateway) relay(ctx context.Context, cancel context.CancelFunc, w http.ResponseWriter, stream loggregator_v2.Egress_BatchedReceiverClient) {
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

	batches := make(chan *loggregator_v2.EnvelopeBatch)
	recvErr := make(chan error, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			b, err := stream.Recv()
			if err != nil {
				recvErr <- err
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
	}()

	maxStream := time.NewTimer(g.cfg.MaxStreamDuration.D())
	defer maxStream.Stop()
	heartbeat := time.NewTicker(g.cfg.HeartbeatInterval.D())
	defer heartbeat.Stop()
	quiet := true // nothing written since the last heartbeat tick

	buf := make([]byte, 0, 4096)
	for {
		select {
		case <-ctx.Done():
			// Only the client ends ctx while the loop runs: it went away.
			g.m.streamErrors.WithLabelValues("closed").Inc()
			return
		case <-g.stopping.Done():
			g.send(rc, w, append(buf[:0], "event: closing\ndata: the gateway is stopping\n\n"...))
			return
		case <-maxStream.C:
			g.send(rc, w, append(buf[:0], "event: closing\ndata: closing due to stream timeout\n\n"...))
			return
		case now := <-heartbeat.C:
			if quiet {
				buf = append(buf[:0], "event: heartbeat\ndata: "...)
				buf = strconv.AppendInt(buf, now.Unix(), 10)
				buf = append(buf, "\n\n"...)
				if !g.send(rc, w, buf) {
					return
				}
			}
			quiet = true
		case err := <-recvErr:
			if s, ok := status.FromError(err); !errors.Is(err, context.Canceled) && (!ok || s.Code() != codes.Canceled) {
				g.m.streamErrors.WithLabelValues("upstream").Inc()
				g.log.Warn("logs provider stream ended", "error", err.Error())
			}
			return
		case b := <-batches:
			g.reg.Ingress.Add(float64(len(b.GetBatch())))
			buf = append(buf[:0], "data: "...)
			var err error
			if buf, err = jsonOptions.MarshalAppend(buf, b); err != nil {
				g.log.Error("encode envelope batch", "error", err.Error())
				return
			}
			buf = append(buf, "\n\n"...)
			if !g.send(rc, w, buf) {
				return
			}
			g.reg.Egress.Add(float64(len(b.GetBatch())))
			quiet = false
		}
	}
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
