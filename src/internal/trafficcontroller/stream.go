package trafficcontroller

import (
	"context"
	"errors"
	"time"

	"github.com/gorilla/websocket"

	"loggregator/internal/dropsonde"
)

// wsStream is one reader's websocket as an egress.Stream: each v2 envelope
// the egress server hands it becomes its v1 form, one binary frame per v1
// envelope. Send is called only from the reader's egress goroutine, which
// is therefore the websocket's one writer of data frames; control frames
// go through WriteControl, which gorilla allows from any goroutine.
type wsStream struct {
	ctx     context.Context
	conn    *websocket.Conn
	peer    string
	timeout time.Duration // write deadline of one Send
	m       *tcMetrics

	dec dropsonde.V2Decoder // what EncodeRaw decodes with when it cannot transcode directly
	enc dropsonde.Encoder   // reused by Send for the v1 frames
}

func (s *wsStream) Context() context.Context { return s.ctx }

// Batched is false: Send gets what the reader's buffer holds at once, up
// to 64 envelopes, without waiting to fill a batch.
func (s *wsStream) Batched() bool { return false }
func (s *wsStream) Peer() string  { return s.peer }

// Send writes envs as v1 frames, gathered into one write where the
// connection allows (gatherConn). An envelope that cannot be decoded is
// counted as invalid, one without a v1 form as no_v1_form; neither ends the
// stream. A write that fails (the reader went away, or did not take the
// frame within the deadline) does.
func (s *wsStream) Send(envs [][]byte) error {
	if err := s.conn.SetWriteDeadline(time.Now().Add(s.timeout)); err != nil {
		return err
	}
	if g, ok := s.conn.NetConn().(*gatherConn); ok {
		g.gather()
		if err := s.send(envs); err != nil {
			_ = g.flush() // the stream ends with the first error anyway
			return err
		}
		return g.flush()
	}
	return s.send(envs)
}

func (s *wsStream) send(envs [][]byte) error {
	for _, raw := range envs {
		frames, err := s.enc.EncodeRaw(raw, &s.dec)
		switch {
		case errors.Is(err, dropsonde.ErrNoV1):
			s.m.noV1.Inc()
			continue
		case err != nil:
			s.m.egress.Invalid.Inc()
			continue
		}
		for _, f := range frames {
			if err := s.conn.WriteMessage(websocket.BinaryMessage, f); err != nil {
				return err
			}
		}
		s.m.frames.Add(float64(len(frames)))
	}
	return nil
}
