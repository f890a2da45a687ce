package trafficcontroller

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/gorilla/websocket"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"loggregator/internal/cfauth"
)

// Endpoints, the values of the requests metric's "endpoint" label.
const (
	endpointFirehose = "firehose"
	endpointStream   = "stream"
)

// Handler is the traffic controller's HTTP handler.
func (t *TrafficController) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /firehose/{subscription_id}", t.firehose)
	mux.HandleFunc("GET /apps/{app_guid}/stream", t.appStream)
	return mux
}

// firehose serves GET /firehose/{subscription_id}: an admin token, then
// every envelope (or the filter-type's) shared among the readers of the
// same subscription id.
func (t *TrafficController) firehose(w http.ResponseWriter, r *http.Request) {
	subID := r.PathValue("subscription_id")
	if code, msg := t.authorize(r, nil); code != 0 {
		t.refuse(w, r, endpointFirehose, code, msg)
		return
	}
	req := &loggregator_v2.EgressBatchRequest{
		ShardId:          subID,
		UsePreferredTags: true,
		Selectors:        selectors("", r.URL.Query().Get("filter-type")),
	}
	t.serveWebsocket(w, r, endpointFirehose, req)
}

// appStream serves GET /apps/{app_guid}/stream: every envelope of the app,
// when Cloud Controller says the token may read it.
func (t *TrafficController) appStream(w http.ResponseWriter, r *http.Request) {
	app := r.PathValue("app_guid")
	if code, msg := t.authorize(r, []string{app}); code != 0 {
		t.refuse(w, r, endpointStream, code, msg)
		return
	}
	req := &loggregator_v2.EgressBatchRequest{UsePreferredTags: true, Selectors: selectors(app, "")}
	t.serveWebsocket(w, r, endpointStream, req)
}

// selectors selects every envelope type of sourceID ("" for all sources),
// or, with filter "logs" or "metrics", only those, as Cloud Foundry's
// firehose filter-type does.
func selectors(sourceID, filter string) []*loggregator_v2.Selector {
	logs := &loggregator_v2.Selector{SourceId: sourceID, Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}}
	metrics := []*loggregator_v2.Selector{
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{}}},
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{}}},
		{SourceId: sourceID, Message: &loggregator_v2.Selector_Timer{Timer: &loggregator_v2.TimerSelector{}}},
	}
	switch filter {
	case "logs":
		return []*loggregator_v2.Selector{logs}
	case "metrics":
		return metrics
	}
	return append([]*loggregator_v2.Selector{logs}, metrics...)
}

// authorize returns the status to refuse r with and why, or 0 when r may
// read sourceIDs (none: the firehose). The codes are Cloud Foundry's
// traffic controller's: no token, a bad token or a firehose request
// without an admin scope is 401; an app the token may not read is 404;
// UAA or Cloud Controller failing is 503.
func (t *TrafficController) authorize(r *http.Request, sourceIDs []string) (int, string) {
	if t.auth == nil {
		return 0, ""
	}
	err := t.auth.Authorize(r.Context(), token(r), sourceIDs)
	var unavailable *cfauth.UnavailableError
	switch {
	case err == nil:
		return 0, ""
	case errors.As(err, &unavailable):
		return http.StatusServiceUnavailable, "authorization could not be checked: " + unavailable.Service +
			" did not answer in time or failed; retry later"
	case errors.Is(err, cfauth.ErrUnauthenticated), len(sourceIDs) == 0:
		return http.StatusUnauthorized, "You are not authorized. " + err.Error()
	}
	return http.StatusNotFound, "app not found"
}

// token is the request's Authorization header or, as browsers cannot set
// that on a websocket, its "authorization" cookie.
func token(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		return h
	}
	if c, err := r.Cookie("authorization"); err == nil {
		if v, err := url.QueryUnescape(c.Value); err == nil {
			return v
		}
	}
	return ""
}

func (t *TrafficController) refuse(w http.ResponseWriter, r *http.Request, endpoint string, code int, msg string) {
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", "Basic")
	}
	http.Error(w, msg, code)
	t.answered(r, endpoint, code)
}

// answered counts a request's answer and, with security event logging,
// logs it.
func (t *TrafficController) answered(r *http.Request, endpoint string, code int) {
	t.m.requests.WithLabelValues(endpoint, strconv.Itoa(code)).Inc()
	if t.cfg.SecurityEventLogging {
		t.log.Info("security event", "endpoint", endpoint, "method", r.Method, "path", r.URL.Path,
			"remote_addr", r.RemoteAddr, "x_forwarded_for", r.Header.Get("X-Forwarded-For"), "status", code)
	}
}

var upgrader = websocket.Upgrader{
	HandshakeTimeout: 10 * time.Second,
	// Nozzles are not browsers; Cloud Foundry's traffic controller accepts
	// any origin too, and the token is the credential.
	CheckOrigin: func(*http.Request) bool { return true },
}

// serveWebsocket upgrades r and serves req on it through the egress server
// until the reader goes, is cut off as slow, or the traffic controller
// stops; then it closes the websocket with a frame that says why.
func (t *TrafficController) serveWebsocket(w http.ResponseWriter, r *http.Request, endpoint string, req *loggregator_v2.EgressBatchRequest) {
	if t.egress.Subscriptions() >= t.cfg.Websocket.MaxStreams {
		t.m.egress.RejectedSubscriptions.Inc()
		t.refuse(w, r, endpoint, http.StatusServiceUnavailable, "the traffic controller is serving its maximum number of streams; retry later")
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		t.answered(r, endpoint, http.StatusBadRequest) // Upgrade has answered
		return
	}
	t.answered(r, endpoint, http.StatusSwitchingProtocols)
	if !t.track(conn) {
		t.close(conn, websocket.CloseGoingAway, "traffic controller stopping; reconnect", "shutdown", closeWait)
		return
	}
	defer t.untrack(conn)
	gauge := t.m.firehoses
	if endpoint == endpointStream {
		gauge = t.m.appStreams
	}
	gauge.Inc()
	defer gauge.Dec()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.keepalive(ctx, cancel, conn)
	}()

	peer := r.RemoteAddr
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		peer += " (X-Forwarded-For " + xff + ")"
	}
	// A Send blocked for the slow consumer timeout gets the reader cut off,
	// and the close frame then waits up to that long again behind it; the
	// write deadline, a backstop, must not end the connection before.
	st := &wsStream{ctx: ctx, conn: conn, peer: peer, timeout: 3 * t.cfg.Websocket.SlowConsumerTimeout.D(), m: t.m}
	err = t.egress.Serve(st, req)
	switch code := status.Code(err); {
	case err == nil, code == codes.Unavailable:
		t.close(conn, websocket.CloseGoingAway, "traffic controller stopping; reconnect", "shutdown", closeWait)
	case code == codes.Aborted:
		// The frame queues behind what the slow reader has not taken yet.
		slow := t.cfg.Websocket.SlowConsumerTimeout.D()
		t.close(conn, websocket.ClosePolicyViolation, fmt.Sprintf("slow consumer: behind for more than %s; read faster", slow),
			"slow_consumer", slow)
	case code == codes.ResourceExhausted:
		t.close(conn, websocket.CloseTryAgainLater, "too many streams; retry later", "limit", closeWait)
	case ctx.Err() != nil:
		shut(conn) // the reader went away
	default:
		t.log.Warn("websocket stream ended", "peer", peer, "error", err.Error())
		t.close(conn, websocket.CloseInternalServerErr, "stream failed; reconnect", "error", closeWait)
	}
	cancel()
	<-done
}

// closeWait bounds the write of a close frame to a reader that is not
// slow: on shutdown, at the stream limit, after an error.
const closeWait = time.Second

// close sends a close frame with code and text (at most 123 bytes), counts
// it under reason, and closes the connection. The frame waits for what is
// already queued to the reader, for at most wait, so a reader that still
// reads learns why; one that reads nothing more is closed all the same.
func (t *TrafficController) close(conn *websocket.Conn, code int, text, reason string, wait time.Duration) {
	t.m.closes.WithLabelValues(reason).Inc()
	msg := websocket.FormatCloseMessage(code, truncate(text, 123))
	_ = conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(wait)) // best effort: closing anyway
	shut(conn)
}

// shut closes conn after writing out what a Send gathered, where a control
// frame (the close frame, or gorilla's answer to the reader's) may sit.
func shut(conn *websocket.Conn) {
	if g, ok := conn.NetConn().(*gatherConn); ok {
		_ = g.flush() // within the deadline of the last write; closing anyway
	}
	_ = conn.Close()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}

// keepalive reads (and discards) what the reader sends, so pongs and close
// frames are handled, and pings it every ping interval. It cancels the
// stream when the reader goes, closes, or answers nothing for two ping
// intervals, and returns when the connection is closed.
func (t *TrafficController) keepalive(ctx context.Context, cancel context.CancelFunc, conn *websocket.Conn) {
	interval := t.cfg.Websocket.PingInterval.D()
	alive := func() error { return conn.SetReadDeadline(time.Now().Add(2 * interval)) }
	conn.SetReadLimit(64 << 10)
	conn.SetPongHandler(func(string) error { return alive() })
	_ = alive()

	pingDone := make(chan struct{})
	go func() {
		defer close(pingDone)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(interval)); err != nil {
					cancel()
					return
				}
			}
		}
	}()
	for {
		if _, _, err := conn.NextReader(); err != nil {
			break
		}
		_ = alive()
	}
	cancel()
	<-pingDone
}
