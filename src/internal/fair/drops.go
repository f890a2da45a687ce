package fair

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
)

// Other is the source_id label value under which a DropTable counts the
// drops of every source it does not name.
const Other = "_other"

// DropTable counts drops per source in at most n counters of a vector plus
// one for every other source (labelled Other), so a process that drops
// envelopes of thousands of sources still exports n+1 series. Add may be
// called from any goroutine; it is cheap for a source already named, and a
// new source takes the place of the one whose drops are the oldest, whose
// count moves to Other. The named counters and Other therefore always sum
// to every drop counted, and each named counter counts the source's drops
// since it last entered the table.
type DropTable struct {
	vec   *prometheus.CounterVec
	other prometheus.Counter

	mu      sync.Mutex
	clock   uint64      // guarded by mu; ticks once per Add
	entries []dropEntry // guarded by mu; at most cap(entries)
}

type dropEntry struct {
	source string
	count  uint64
	last   uint64 // clock of the entry's latest Add
	c      prometheus.Counter
}

// NewDropTable returns a DropTable naming at most n sources in vec, whose
// one label is the source id.
func NewDropTable(n int, vec *prometheus.CounterVec) *DropTable {
	return &DropTable{vec: vec, other: vec.WithLabelValues(Other), entries: make([]dropEntry, 0, max(n, 0))}
}

// maxLabel is the most bytes of a source id a label carries; a longer one
// is cut there, so a hostile producer cannot make a series of megabytes.
const maxLabel = 256

// Add counts n drops of source. An empty source (one that could not be
// read) is counted under Other. A source id that is not UTF-8 is named
// with its invalid bytes replaced, and one longer than 256 bytes by its
// first 256.
func (t *DropTable) Add(source []byte, n int) {
	if t == nil || n <= 0 {
		return
	}
	if len(source) > maxLabel || !utf8.Valid(source) {
		source = []byte(strings.ToValidUTF8(string(source[:min(len(source), maxLabel)]), "\uFFFD"))
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.clock++
	if len(source) == 0 || string(source) == Other || cap(t.entries) == 0 {
		t.other.Add(float64(n))
		return
	}
	oldest := 0
	for i := range t.entries {
		e := &t.entries[i]
		if e.source == string(source) {
			e.count += uint64(n)
			e.last = t.clock
			e.c.Add(float64(n))
			return
		}
		if e.last < t.entries[oldest].last {
			oldest = i
		}
	}
	e := dropEntry{source: string(source), count: uint64(n), last: t.clock}
	if len(t.entries) < cap(t.entries) {
		t.entries = append(t.entries, e)
		oldest = len(t.entries) - 1
	} else {
		gone := t.entries[oldest]
		t.vec.DeleteLabelValues(gone.source)
		t.other.Add(float64(gone.count))
		t.entries[oldest] = e
	}
	t.entries[oldest].c = t.vec.WithLabelValues(e.source)
	t.entries[oldest].c.Add(float64(n))
}

// The dropped_by_source counter vector every component registers for its
// DropTable, so that its name, help and label are the same everywhere.
const (
	MetricName  = "dropped_by_source"
	MetricHelp  = "Envelopes a full buffer dropped, charged to the source that flooded it: by source_id for the 10 sources with the latest drops, every other source under source_id=\"_other\"."
	MetricLabel = "source_id"
)

// TopSources is how many sources a component's DropTable names.
const TopSources = 10
