package lossprobe

import (
	"time"

	"loggregator/internal/wire"
)

// Field numbers of the v1 dropsonde events.Envelope (sonde-go) that the
// firehose reader needs: the timestamp and the tags map, where the v2 → v1
// mapping leaves the probe's run_id, emitter, seq and warmup tags.
const (
	fieldV1Timestamp = 6
	fieldV1Tags      = 17
)

// RecordV1 counts the marshalled v1 envelope env (one websocket frame of
// the traffic controller's firehose), which arrived at now, as RecordRaw
// counts a v2 one: only its timestamp and tags are read, without decoding
// the envelope. A malformed envelope counts as foreign.
func (t *Tracker) RecordV1(env []byte, now time.Time) (warmup bool) {
	var f probeFields
	if !scanV1Fields(env, &f) {
		t.foreign++
		return false
	}
	return t.recordFields(&f, now)
}

// scanV1Fields fills f from the v1 envelope env and reports whether env is
// well formed as far as it was read.
func scanV1Fields(env []byte, f *probeFields) bool {
	it := wire.NewFieldIter(env)
	for {
		num, v, data, more := it.Next()
		if !more {
			break
		}
		switch {
		case num == fieldV1Timestamp && data == nil:
			f.timestamp = int64(v)
		case num == fieldV1Tags && data != nil:
			key, value, ok := mapEntry(data)
			if !ok {
				return false
			}
			f.set(key, value)
		}
	}
	return it.Err() == nil
}
