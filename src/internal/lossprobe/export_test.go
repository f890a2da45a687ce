package lossprobe

import (
	"io"
	"log/slog"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"google.golang.org/protobuf/encoding/protojson"
)

// Exported for the specs in package lossprobe_test.
var (
	ParseStat        = parseStat
	ParseStatusField = parseStatusField
	PeakRSSKB        = peakRSSKB
	ReadEvents       = readEvents
	ErrClosing       = errClosing
)

// ProbeTags is what the Tracker reads from one envelope.
type ProbeTags struct {
	Timestamp                   int64
	RunID, Emitter, Seq, Warmup string
}

// ScanEvent reads the data of a gateway event as the gateway reader's scan
// does.
func ScanEvent(data []byte) ([]ProbeTags, bool) {
	fs, ok := scanBatch(data, nil)
	if !ok {
		return nil, false
	}
	out := []ProbeTags{}
	for _, f := range fs {
		out = append(out, ProbeTags{f.timestamp, string(f.runID), string(f.emitter), string(f.seq), string(f.warm)})
	}
	return out, true
}

// DecodeEvent reads the data of a gateway event with protojson, as the
// gateway reader's fallback does.
func DecodeEvent(data []byte) ([]ProbeTags, error) {
	var b loggregator_v2.EnvelopeBatch
	if err := protojson.Unmarshal(data, &b); err != nil {
		return nil, err
	}
	out := []ProbeTags{}
	for _, e := range b.GetBatch() {
		out = append(out, ProbeTags{e.GetTimestamp(), tag(e, TagRunID), tag(e, TagEmitter), tag(e, TagSeq), tag(e, TagWarmup)})
	}
	return out, nil
}

// CountEvent hands data to a gateway reader of run runID as one event and
// returns what its Tracker counted and how many events fell back to
// protojson.
func CountEvent(runID string, data []byte) (PathReport, uint64, error) {
	r := newReader("gateway", NewTracker(runID, 0), false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	err := r.event(data, time.Now())
	return r.tracker.Report(0, time.Now()), r.fallbacks.Load(), err
}

// Missing is Tracker.missing with failed ranges given as [first, end) pairs
// per emitter.
func (t *Tracker) Missing(used []uint64, failed [][][2]uint64) []string {
	fs := make([][]seqRange, len(failed))
	for i, rs := range failed {
		for _, r := range rs {
			fs[i] = append(fs[i], r)
		}
	}
	for len(fs) < len(used) {
		fs = append(fs, nil)
	}
	return t.missing(used, fs)
}
