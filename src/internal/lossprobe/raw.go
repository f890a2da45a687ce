package lossprobe

import (
	"bytes"
	"time"

	"loggregator/internal/wire"
)

// Field numbers of loggregator.v2.Envelope and its map entries that the
// probe reads from encoded envelopes.
const (
	fieldTimestamp      = 1
	fieldDeprecatedTags = 3
	fieldTags           = 9
	fieldMapKey         = 1
	fieldMapValue       = 2
	fieldValueText      = 1
)

// probeFields are the parts of an encoded envelope the Tracker needs; the
// byte slices point into the envelope.
type probeFields struct {
	timestamp                 int64
	runID, emitter, seq, warm []byte
}

// RecordRaw counts the encoded envelope env, which arrived at now, as Record
// does, reading only its timestamp and tags. The probe's consumer reads this
// way so that it takes as little CPU as it can from the components it
// measures on the same machine. A malformed envelope counts as foreign.
func (t *Tracker) RecordRaw(env []byte, now time.Time) (warmup bool) {
	var f probeFields
	if !scanProbeFields(env, &f) {
		t.foreign++
		return false
	}
	return t.recordFields(&f, now)
}

// recordFields counts the envelope whose probe fields are f, which arrived
// at now, as Record does.
func (t *Tracker) recordFields(f *probeFields, now time.Time) (warmup bool) {
	if !bytes.Equal(f.runID, []byte(t.runID)) {
		t.foreign++
		return false
	}
	if len(f.warm) > 0 {
		return true
	}
	emitter, ok1 := parseUint(f.emitter)
	seq, ok2 := parseUint(f.seq)
	if !ok1 || !ok2 || emitter >= 1<<16 || seq >= maxSeq {
		t.foreign++
		return false
	}
	t.record(int(emitter), seq, f.timestamp, now)
	return false
}

// scanProbeFields fills f from env and reports whether env is well formed
// as far as it was read. Tags win over deprecated tags of the same name.
func scanProbeFields(env []byte, f *probeFields) bool {
	var deprecated probeFields
	it := wire.NewFieldIter(env)
	for {
		num, v, data, more := it.Next()
		if !more {
			break
		}
		switch {
		case num == fieldTimestamp && data == nil:
			f.timestamp = int64(v)
		case (num == fieldTags || num == fieldDeprecatedTags) && data != nil:
			key, value, ok := mapEntry(data)
			if !ok {
				return false
			}
			if num == fieldDeprecatedTags {
				if value, ok = textValue(value); !ok {
					return false
				}
				deprecated.set(key, value)
			} else {
				f.set(key, value)
			}
		}
	}
	if it.Err() != nil {
		return false
	}
	f.fill(&deprecated)
	return true
}

func (f *probeFields) set(key, value []byte) {
	switch string(key) {
	case TagRunID:
		f.runID = value
	case TagEmitter:
		f.emitter = value
	case TagSeq:
		f.seq = value
	case TagWarmup:
		f.warm = value
	}
}

// fill takes from d the tags f lacks.
func (f *probeFields) fill(d *probeFields) {
	if f.runID == nil {
		f.runID = d.runID
	}
	if f.emitter == nil {
		f.emitter = d.emitter
	}
	if f.seq == nil {
		f.seq = d.seq
	}
	if f.warm == nil {
		f.warm = d.warm
	}
}

// mapEntry returns the key and value of an encoded map entry.
func mapEntry(b []byte) (key, value []byte, ok bool) {
	it := wire.NewFieldIter(b)
	for {
		num, _, data, more := it.Next()
		if !more {
			return key, value, it.Err() == nil
		}
		switch {
		case num == fieldMapKey && data != nil:
			key = data
		case num == fieldMapValue && data != nil:
			value = data
		}
	}
}

// textValue returns the text of an encoded loggregator.v2.Value, or an
// empty slice for other kinds of value.
func textValue(b []byte) ([]byte, bool) {
	text := []byte{}
	it := wire.NewFieldIter(b)
	for {
		num, _, data, more := it.Next()
		if !more {
			return text, it.Err() == nil
		}
		if num == fieldValueText && data != nil {
			text = data
		}
	}
}

// parseUint parses a decimal number without allocating.
func parseUint(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}
