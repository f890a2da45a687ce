package lossprobe

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
)

// Tag names every probe envelope carries.
const (
	TagRunID   = "run_id"
	TagEmitter = "emitter"
	TagSeq     = "seq"
	// TagWarmup marks warm-up envelopes, which are never counted.
	TagWarmup = "warmup"
)

// maxSeq bounds the sequence numbers a Tracker accepts, so a stray envelope
// with a huge seq cannot make it allocate a huge bitmap.
const maxSeq = 1 << 32

// Tracker counts what one reading path received of one run: unique
// envelopes per emitter, duplicates, out-of-order arrivals and end-to-end
// latencies. Record is called by one goroutine; Unique may be read by any.
//
// Worked example, one emitter: arrivals 0 1 3 2 3 give unique 4 (0 1 2 3),
// one duplicate (the second 3) and one out-of-order arrival (2, after 3).
type Tracker struct {
	runID    string
	emitters []seen

	unique     atomic.Uint64
	received   uint64 // every counted arrival, duplicates included
	duplicates uint64
	outOfOrder uint64
	foreign    uint64 // envelopes of other runs, warm-ups excluded
	latencies  []time.Duration
	sentAt     []int64   // each latency's envelope's timestamp (Unix ns), in step with latencies
	first      time.Time // first counted arrival
	last       time.Time // last counted arrival
}

// seen is one emitter's bitmap of sequence numbers and the highest one seen.
type seen struct {
	bits []uint64
	max  uint64
	any  bool
}

// NewTracker returns a Tracker for the envelopes of runID. sizeHint is the
// expected number of envelopes, to size the latency record up front.
func NewTracker(runID string, sizeHint int) *Tracker {
	return &Tracker{runID: runID, latencies: make([]time.Duration, 0, sizeHint), sentAt: make([]int64, 0, sizeHint)}
}

// Record counts e, which arrived at now. It reports whether e was a warm-up
// envelope of this run.
func (t *Tracker) Record(e *loggregator_v2.Envelope, now time.Time) (warmup bool) {
	if tag(e, TagRunID) != t.runID {
		t.foreign++
		return false
	}
	if tag(e, TagWarmup) != "" {
		return true
	}
	emitter, err1 := strconv.ParseUint(tag(e, TagEmitter), 10, 16)
	seq, err2 := strconv.ParseUint(tag(e, TagSeq), 10, 64)
	if err1 != nil || err2 != nil || seq >= maxSeq {
		t.foreign++
		return false
	}
	t.record(int(emitter), seq, e.GetTimestamp(), now)
	return false
}

func (t *Tracker) record(emitter int, seq uint64, sentAt int64, now time.Time) {
	for len(t.emitters) <= emitter {
		t.emitters = append(t.emitters, seen{})
	}
	s := &t.emitters[emitter]
	word, bit := seq/64, uint64(1)<<(seq%64)
	if need := int(word) + 1; need > len(s.bits) {
		s.bits = slices.Grow(s.bits, need-len(s.bits))[:need]
	}
	t.received++
	if t.first.IsZero() {
		t.first = now
	}
	t.last = now
	if s.bits[word]&bit != 0 {
		t.duplicates++
		return
	}
	s.bits[word] |= bit
	t.unique.Add(1)
	t.latencies = append(t.latencies, now.Sub(time.Unix(0, sentAt)))
	t.sentAt = append(t.sentAt, sentAt)
	switch {
	case !s.any:
		s.any, s.max = true, seq
	case seq < s.max:
		t.outOfOrder++
	default:
		s.max = seq
	}
}

// tag returns e's tag name, from the deprecated tags when a consumer path
// did not ask for preferred tags (the gateway may not).
func tag(e *loggregator_v2.Envelope, name string) string {
	if v, ok := e.GetTags()[name]; ok {
		return v
	}
	return e.GetDeprecatedTags()[name].GetText()
}

// Unique is the number of distinct envelopes of the run received so far.
func (t *Tracker) Unique() uint64 { return t.unique.Load() }

// PathReport is what one reading path received.
type PathReport struct {
	Received     uint64  `json:"received"`
	Lost         uint64  `json:"lost"`
	LossPercent  float64 `json:"loss_percent"`
	Duplicates   uint64  `json:"duplicates"`
	OutOfOrder   uint64  `json:"out_of_order"`
	Foreign      uint64  `json:"foreign"`
	Throughput   float64 `json:"throughput_per_s"`
	LatencyMsP50 float64 `json:"latency_ms_p50"`
	LatencyMsP90 float64 `json:"latency_ms_p90"`
	LatencyMsP99 float64 `json:"latency_ms_p99"`
	LatencyMsMax float64 `json:"latency_ms_max"`
	// LatencyMsP99Steady is the p99 of the envelopes sent SteadyAfter or
	// more after the run's first Send: the tail without the run's start,
	// when every hop ramps up from idle at once.
	LatencyMsP99Steady float64 `json:"latency_ms_p99_steady"`
	// LatencyMsP99Start is the p99 of each StartWindow of the run's first
	// SteadyAfter, by when its envelopes were sent (0 for a window with
	// none): where in the start the tail is, which decides the whole
	// run's p99 when a flood starts from idle.
	LatencyMsP99Start []float64 `json:"latency_ms_p99_start"`
	// Missing names the first ranges of sequence numbers sent but never
	// received ("emitter 0: 1230-1259"), so a loss can be placed in the
	// run and next to the producer's and components' logs.
	Missing []string `json:"missing,omitempty"`
}

// SteadyAfter is how long after a run's first Send its envelopes count
// towards LatencyMsP99Steady.
const SteadyAfter = time.Second

// StartWindow is the width of each window of LatencyMsP99Start.
const StartWindow = 100 * time.Millisecond

// maxMissing bounds the ranges a report names.
const maxMissing = 8

// missing returns up to maxMissing ranges of sequence numbers that each
// emitter sent (0 to used[i]-1, less the failed ranges) and t did not see.
func (t *Tracker) missing(used []uint64, failed [][]seqRange) []string {
	var out []string
	for e, end := range used {
		var s *seen
		if e < len(t.emitters) {
			s = &t.emitters[e]
		}
		have := func(seq uint64) bool {
			if s == nil || seq/64 >= uint64(len(s.bits)) {
				return false
			}
			return s.bits[seq/64]&(1<<(seq%64)) != 0
		}
		isFailed := func(seq uint64) bool {
			for _, r := range failed[e] {
				if seq >= r[0] && seq < r[1] {
					return true
				}
			}
			return false
		}
		for seq := uint64(0); seq < end; seq++ {
			if have(seq) || isFailed(seq) {
				continue
			}
			first := seq
			for seq+1 < end && !have(seq+1) && !isFailed(seq+1) {
				seq++
			}
			if len(out) == maxMissing {
				return append(out, "…")
			}
			out = append(out, fmt.Sprintf("emitter %d: %d-%d", e, first, seq))
		}
	}
	return out
}

// Report summarises the path against sent envelopes, the first of which was
// sent at start. Received counts distinct envelopes; Throughput is those per
// second from start to the last arrival. Call it once Record has stopped.
func (t *Tracker) Report(sent uint64, start time.Time) PathReport {
	unique := t.unique.Load()
	r := PathReport{Received: unique, Duplicates: t.duplicates, OutOfOrder: t.outOfOrder, Foreign: t.foreign}
	if sent > unique {
		r.Lost = sent - unique
	}
	if sent > 0 {
		r.LossPercent = 100 * float64(r.Lost) / float64(sent)
	}
	if unique > 0 && t.last.After(start) {
		r.Throughput = float64(unique) / t.last.Sub(start).Seconds()
	}
	steadyFrom := start.Add(SteadyAfter).UnixNano()
	var steady []time.Duration
	windows := make([][]time.Duration, SteadyAfter/StartWindow)
	for i, at := range t.sentAt {
		if at >= steadyFrom {
			steady = append(steady, t.latencies[i])
		} else if since := at - start.UnixNano(); since >= 0 {
			w := since / int64(StartWindow)
			windows[w] = append(windows[w], t.latencies[i])
		}
	}
	r.LatencyMsP99Steady = ms(Percentiles(steady, 99)[0])
	r.LatencyMsP99Start = make([]float64, len(windows))
	for w, ds := range windows {
		r.LatencyMsP99Start[w] = ms(Percentiles(ds, 99)[0])
	}
	// A copy sorted, so latencies stays in step with sentAt for the next
	// Report.
	p := Percentiles(slices.Clone(t.latencies), 50, 90, 99, 100)
	r.LatencyMsP50, r.LatencyMsP90, r.LatencyMsP99, r.LatencyMsMax = ms(p[0]), ms(p[1]), ms(p[2]), ms(p[3])
	return r
}

// Percentiles returns the nearest-rank percentiles ps (0–100) of ds, sorting
// ds in place. With no samples every percentile is 0.
func Percentiles(ds []time.Duration, ps ...float64) []time.Duration {
	out := make([]time.Duration, len(ps))
	if len(ds) == 0 {
		return out
	}
	slices.Sort(ds)
	for i, p := range ps {
		// Nearest rank: the smallest value with at least p % of samples at or below it.
		rank := int(math.Ceil(float64(len(ds))*p/100)) - 1
		out[i] = ds[max(0, min(rank, len(ds)-1))]
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
