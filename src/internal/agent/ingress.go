package agent

import (
	"slices"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/fair"
	"loggregator/internal/wire"
)

// sink is the agent's ingress.Sink: it checks what producers send with
// wire.Scan, copies the accepted envelopes with the agent's tags appended
// into one buffer per batch, puts them in the fair buffer (a lane per
// source) and returns; it never waits on the forwarding side.
type sink struct {
	buf     *fair.Buffer
	maxSize int
	noLogs  bool // drop log envelopes (Config.Ingress.DisableLogs)
	tags    *tagger
	m       *ingressMetrics
	scratch sync.Pool // *scratch, one per Accept in progress
}

// scratch is the reusable state of one Accept.
type scratch struct {
	fields  wire.Fields
	kept    [][]byte // accepted envelopes, untagged
	stamp   []bool   // stamp[i]: kept[i] gets the receive time as its timestamp
	sources [][]byte // sources[i]: kept[i]'s source_id
	keys    [][]byte // the tag keys of every kept envelope, in turn
	keyEnd  []int    // keys[keyEnd[i-1]:keyEnd[i]] are kept[i]'s
	now     int64    // the receive time, in nanoseconds since the epoch
	out     [][]byte // the same, tagged, in the batch buffer
}

// keep adds env, scanned into sc.fields, whose tag keys are the last ones
// appended to sc.keys.
func (sc *scratch) keep(env []byte, stamp bool) {
	sc.kept = append(sc.kept, env)
	sc.stamp = append(sc.stamp, stamp)
	sc.sources = append(sc.sources, sc.fields.SourceID)
	sc.keyEnd = append(sc.keyEnd, len(sc.keys))
}

// reset empties sc for the next batch, letting go of what it pointed to;
// store calls it once the batch is stored (with nothing kept, sc is empty).
func (sc *scratch) reset() {
	clear(sc.kept)
	clear(sc.sources)
	clear(sc.keys)
	clear(sc.out)
	sc.kept, sc.stamp, sc.sources, sc.keys, sc.keyEnd, sc.out = sc.kept[:0], sc.stamp[:0], sc.sources[:0], sc.keys[:0], sc.keyEnd[:0], sc.out[:0]
}

// maxFutureSkew is how far ahead of the agent's clock a timestamp may be.
// Clocks of one platform drift by seconds, not hours; a timestamp further
// ahead is a producer's bug and would sort the envelope into the future of
// every store downstream.
const maxFutureSkew = time.Hour

// timestampFieldBytes is the most a timestamp field takes: a one-byte key
// and a ten-byte varint.
const timestampFieldBytes = 11

// Accept runs accept with pooled scratch space: the pool hands each
// concurrent stream its own and allocates nothing once warm.
func (s *sink) Accept(envs [][]byte, invalid int) {
	sc, _ := s.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	s.accept(sc, envs, invalid)
	s.scratch.Put(sc)
}

// accept validates envs, copies the good ones with the agent's tags into
// one new buffer and stores them. The buffer holds only stored envelopes,
// and the diode drops oldest first, so what it pins stays close to what
// the diode holds; the received batch itself is garbage once accept
// returns. invalid is the number of records the codec could not frame.
// The buffer is the only allocation on the common path; an envelope whose
// source_id must be filled from its origin tag is re-encoded first.
func (s *sink) accept(sc *scratch, envs [][]byte, invalid int) {
	sc.now = time.Now().UnixNano()
	size, tooLarge, logs := 0, 0, 0
	for _, e := range envs {
		from := len(sc.keys)
		var err error
		sc.keys, err = wire.ScanTagKeys(e, &sc.fields, sc.keys)
		ok := false
		switch {
		case err != nil || sc.fields.Kind == wire.KindNone:
			invalid++
		case s.noLogs && sc.fields.Kind == wire.KindLog:
			logs++
		case len(e) > s.maxSize:
			tooLarge++
		default:
			ok = true
		}
		if !ok {
			clear(sc.keys[from:])
			sc.keys = sc.keys[:from]
			continue
		}
		if len(sc.fields.SourceID) == 0 && slices.ContainsFunc(sc.keys[from:], isOrigin) {
			e = fillSourceID(e)
			sc.fields.SourceID = fair.SourceID(e)
		}
		stamp := s.checkTimestamp(sc.fields.Timestamp, sc.now)
		sc.keep(e, stamp)
		size += len(e) + s.tags.size
		if stamp {
			size += timestampFieldBytes
		}
	}
	if invalid > 0 {
		s.m.invalid.Add(float64(invalid))
	}
	if tooLarge > 0 {
		s.m.tooLarge.Add(float64(tooLarge))
	}
	if logs > 0 {
		s.m.logsDisabled.Add(float64(logs))
	}
	if n := s.store(sc, size); n > 0 {
		s.m.accepted.Add(float64(n))
	}
}

// store copies sc.kept, tagged, into one new buffer of size bytes (enough
// for every envelope with every tag) and puts them in the diode. It returns
// how many it stored.
func (s *sink) store(sc *scratch, size int) int {
	if len(sc.kept) == 0 {
		return 0
	}
	buf := make([]byte, 0, size)
	sc.out = sc.out[:0]
	keysFrom := 0
	for i, e := range sc.kept {
		start := len(buf)
		buf = append(buf, e...)
		buf = s.tags.appendMissing(buf, sc.keys[keysFrom:sc.keyEnd[i]])
		keysFrom = sc.keyEnd[i]
		if sc.stamp[i] {
			// A scalar field that appears again replaces the earlier
			// value, so appending one sets the timestamp without
			// re-encoding the envelope.
			buf = protowire.AppendTag(buf, 1, protowire.VarintType)
			buf = protowire.AppendVarint(buf, uint64(sc.now))
		}
		sc.out = append(sc.out, buf[start:len(buf):len(buf)])
	}
	for i, e := range sc.out {
		s.buf.SetSource(sc.sources[i], e)
	}
	n := len(sc.out)
	sc.reset()
	return n
}

// checkTimestamp applies the timestamp rule to an accepted envelope
// stamped ts: a missing (0) or negative timestamp, or one more than
// maxFutureSkew ahead of now, is replaced by the receive time, now, and
// counted by reason. It reports whether ts must be replaced.
func (s *sink) checkTimestamp(ts, now int64) bool {
	switch {
	case ts == 0:
		s.m.timestampMissing.Inc()
	case ts < 0:
		s.m.timestampNegative.Inc()
	case ts > now+int64(maxFutureSkew):
		s.m.timestampFuture.Inc()
	default:
		return false
	}
	return true
}

// isOrigin reports whether a tag key is "origin".
func isOrigin(key []byte) bool { return string(key) == "origin" }

// fillSourceID returns env with its empty source_id set from the origin
// tag, preferring tags over deprecated_tags, as existing emitters expect.
// Few producers rely on it, so it decodes and re-encodes; on any error it
// returns env as it was.
func fillSourceID(env []byte) []byte {
	var e loggregator_v2.Envelope
	if proto.Unmarshal(env, &e) != nil {
		return env
	}
	e.SourceId = e.Tags["origin"]
	if e.SourceId == "" {
		e.SourceId = e.DeprecatedTags["origin"].GetText()
	}
	if e.SourceId == "" {
		return env
	}
	out, err := proto.Marshal(&e)
	if err != nil {
		return env
	}
	return out
}
