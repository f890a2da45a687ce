package lossprobe_test

import (
	"strconv"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/leakcheck"
	"loggregator/internal/lossprobe"
)

var _ = leakcheck.EverySpec()

var sent0 = time.Unix(1000, 0)

// probeEnvelope is envelope seq of emitter in run, sent at sent0 + seq ms.
func probeEnvelope(run string, emitter, seq int) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		Timestamp: sent0.Add(time.Duration(seq) * time.Millisecond).UnixNano(),
		Tags:      map[string]string{lossprobe.TagRunID: run, lossprobe.TagEmitter: strconv.Itoa(emitter), lossprobe.TagSeq: strconv.Itoa(seq)},
		Message:   &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{}},
	}
}

// arrive records seqs of emitter 0, each arriving 5 ms after it was sent.
func arrive(t *lossprobe.Tracker, seqs ...int) {
	for _, s := range seqs {
		t.Record(probeEnvelope("run", 0, s), sent0.Add(time.Duration(s)*time.Millisecond+5*time.Millisecond))
	}
}

var _ = Describe("Tracker", func() {
	It("counts every distinct envelope once and nothing as lost when all arrive in order", func() {
		t := lossprobe.NewTracker("run", 0)
		arrive(t, 0, 1, 2, 3)
		r := t.Report(4, sent0)
		Expect(r.Received).To(BeNumerically("==", 4))
		Expect(r.Lost).To(BeZero())
		Expect(r.LossPercent).To(BeZero())
		Expect(r.Duplicates).To(BeZero())
		Expect(r.OutOfOrder).To(BeZero())
	})

	It("counts a second arrival of the same envelope as a duplicate, not as received", func() {
		t := lossprobe.NewTracker("run", 0)
		arrive(t, 0, 1, 3, 2, 3)
		r := t.Report(4, sent0)
		Expect(r.Received).To(BeNumerically("==", 4))
		Expect(r.Duplicates).To(BeNumerically("==", 1))
	})

	It("names the ranges sent and never received, leaving out those whose Send failed", func() {
		t := lossprobe.NewTracker("run", 0)
		arrive(t, 0, 1, 5, 6, 9)
		t.Record(probeEnvelope("run", 1, 0), sent0)
		// Emitter 0 used 0-11 and its Send of 7-8 failed; emitter 1 used 0-2.
		Expect(t.Missing([]uint64{12, 3}, [][][2]uint64{{{7, 9}}})).To(Equal([]string{
			"emitter 0: 2-4", "emitter 0: 10-11", "emitter 1: 1-2",
		}))
		Expect(t.Missing([]uint64{2}, nil)).To(BeEmpty())
	})

	It("names at most eight missing ranges", func() {
		t := lossprobe.NewTracker("run", 0)
		arrive(t, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18)
		got := t.Missing([]uint64{20}, nil)
		Expect(got).To(HaveLen(9))
		Expect(got[0]).To(Equal("emitter 0: 1-1"))
		Expect(got[8]).To(Equal("…"))
	})

	It("counts an envelope below the highest sequence number seen from its emitter as out of order", func() {
		t := lossprobe.NewTracker("run", 0)
		arrive(t, 0, 1, 3, 2, 4, 5, 10, 6)
		Expect(t.Report(11, sent0).OutOfOrder).To(BeNumerically("==", 2))
	})

	It("keeps sequence numbers of different emitters apart", func() {
		t := lossprobe.NewTracker("run", 0)
		for _, e := range []int{0, 1, 2} {
			for s := range 3 {
				t.Record(probeEnvelope("run", e, s), sent0)
			}
		}
		t.Record(probeEnvelope("run", 2, 0), sent0)
		r := t.Report(9, sent0)
		Expect(r.Received).To(BeNumerically("==", 9))
		Expect(r.Duplicates).To(BeNumerically("==", 1))
		Expect(r.OutOfOrder).To(BeZero())
	})

	It("reports what never arrived as lost, with its percentage", func() {
		t := lossprobe.NewTracker("run", 0)
		arrive(t, 0, 1, 2, 5, 6, 7, 8, 9)
		r := t.Report(10, sent0)
		Expect(r.Lost).To(BeNumerically("==", 2))
		Expect(r.LossPercent).To(BeNumerically("~", 20, 1e-9))
	})

	It("reports delivered throughput from the first send to the last arrival", func() {
		t := lossprobe.NewTracker("run", 0)
		t.Record(probeEnvelope("run", 0, 0), sent0.Add(time.Second))
		t.Record(probeEnvelope("run", 0, 1), sent0.Add(2*time.Second))
		Expect(t.Report(2, sent0).Throughput).To(BeNumerically("~", 1, 1e-9))
	})

	It("measures latency from the envelope's timestamp to its arrival", func() {
		t := lossprobe.NewTracker("run", 0)
		for s := range 100 {
			e := probeEnvelope("run", 0, s)
			t.Record(e, time.Unix(0, e.Timestamp).Add(time.Duration(s+1)*time.Millisecond))
		}
		r := t.Report(100, sent0)
		Expect(r.LatencyMsP50).To(BeNumerically("==", 50))
		Expect(r.LatencyMsP90).To(BeNumerically("==", 90))
		Expect(r.LatencyMsP99).To(BeNumerically("==", 99))
		Expect(r.LatencyMsMax).To(BeNumerically("==", 100))
	})

	It("gives the p99 of the envelopes sent a second or more after the first apart from the whole run's", func() {
		t := lossprobe.NewTracker("run", 0)
		// seq is sent at seq ms: the first second's 1,000 take 50 ms, the
		// next second's 1,000 take 5 ms.
		for s := range 2000 {
			e := probeEnvelope("run", 0, s)
			latency := 5 * time.Millisecond
			if s < 1000 {
				latency = 50 * time.Millisecond
			}
			t.Record(e, time.Unix(0, e.Timestamp).Add(latency))
		}
		r := t.Report(2000, sent0)
		Expect(lossprobe.SteadyAfter).To(Equal(time.Second))
		Expect(r.LatencyMsP99).To(BeNumerically("==", 50))
		Expect(r.LatencyMsP99Steady).To(BeNumerically("==", 5))
		// Counted from a first Send a second earlier, every envelope is
		// past that first second, the slow ones too; and a report again
		// from the real start gives the same as the first.
		Expect(t.Report(2000, sent0.Add(-time.Second)).LatencyMsP99Steady).To(BeNumerically("==", 50))
		Expect(t.Report(2000, sent0)).To(Equal(r))
	})

	It("gives the p99 of each 100 ms of the first second by when the envelopes were sent", func() {
		t := lossprobe.NewTracker("run", 0)
		// seq is sent at seq ms; those of the window from 300 ms take 80 ms,
		// the rest of the first second 4 ms, and none is sent from 500 to
		// 600 ms.
		for s := range 1500 {
			if s >= 500 && s < 600 {
				continue
			}
			e := probeEnvelope("run", 0, s)
			latency := 4 * time.Millisecond
			if s >= 300 && s < 400 {
				latency = 80 * time.Millisecond
			}
			t.Record(e, time.Unix(0, e.Timestamp).Add(latency))
		}
		r := t.Report(1400, sent0)
		Expect(lossprobe.StartWindow).To(Equal(100 * time.Millisecond))
		Expect(r.LatencyMsP99Start).To(Equal([]float64{4, 4, 4, 80, 4, 0, 4, 4, 4, 4}))
		Expect(r.LatencyMsP99Steady).To(BeNumerically("==", 4))
	})

	It("ignores envelopes of other runs and counts them as foreign", func() {
		t := lossprobe.NewTracker("run", 0)
		Expect(t.Record(probeEnvelope("other", 0, 0), sent0)).To(BeFalse())
		r := t.Report(1, sent0)
		Expect(r.Received).To(BeZero())
		Expect(r.Foreign).To(BeNumerically("==", 1))
	})

	It("recognises its run's warm-up envelopes without counting them", func() {
		t := lossprobe.NewTracker("run", 0)
		w := &loggregator_v2.Envelope{Tags: map[string]string{lossprobe.TagRunID: "run", lossprobe.TagWarmup: "1"}}
		Expect(t.Record(w, sent0)).To(BeTrue())
		Expect(t.Unique()).To(BeZero())
		Expect(t.Report(0, sent0).Foreign).To(BeZero())
	})

	It("reads the tags from deprecated tags when a path delivers them that way", func() {
		t := lossprobe.NewTracker("run", 0)
		e := &loggregator_v2.Envelope{DeprecatedTags: map[string]*loggregator_v2.Value{
			lossprobe.TagRunID:   {Data: &loggregator_v2.Value_Text{Text: "run"}},
			lossprobe.TagEmitter: {Data: &loggregator_v2.Value_Text{Text: "0"}},
			lossprobe.TagSeq:     {Data: &loggregator_v2.Value_Text{Text: "7"}},
		}}
		t.Record(e, sent0)
		Expect(t.Unique()).To(BeNumerically("==", 1))
	})

	It("treats an unparsable or huge sequence number as foreign instead of growing without bound", func() {
		t := lossprobe.NewTracker("run", 0)
		e := probeEnvelope("run", 0, 0)
		e.Tags[lossprobe.TagSeq] = "99999999999999"
		t.Record(e, sent0)
		e.Tags[lossprobe.TagSeq] = "x"
		t.Record(e, sent0)
		Expect(t.Report(0, sent0).Foreign).To(BeNumerically("==", 2))
		Expect(t.Unique()).To(BeZero())
	})
})

var _ = Describe("Percentiles", func() {
	It("returns nearest-rank percentiles", func() {
		ds := []time.Duration{5, 1, 4, 2, 3}
		Expect(lossprobe.Percentiles(ds, 0, 20, 50, 90, 100)).To(Equal([]time.Duration{1, 1, 3, 5, 5}))
	})

	It("returns zeros when there are no samples", func() {
		Expect(lossprobe.Percentiles(nil, 50, 99)).To(Equal([]time.Duration{0, 0}))
	})
})

var _ = Describe("Tracker reading encoded envelopes", func() {
	encode := func(e *loggregator_v2.Envelope) []byte {
		b, err := proto.Marshal(e)
		Expect(err).NotTo(HaveOccurred())
		return b
	}

	It("counts the same as with decoded envelopes: unique, duplicates, out of order and latency", func() {
		decoded, raw := lossprobe.NewTracker("run", 0), lossprobe.NewTracker("run", 0)
		for _, s := range []int{0, 1, 3, 2, 3, 5} {
			e := probeEnvelope("run", 0, s)
			e.SourceId, e.Tags["deployment"] = "lossprobe", "cf"
			e.Message = &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("xxxx")}}
			at := sent0.Add(time.Duration(s+2) * time.Millisecond)
			decoded.Record(e, at)
			raw.RecordRaw(encode(e), at)
		}
		Expect(raw.Report(6, sent0)).To(Equal(decoded.Report(6, sent0)))
		Expect(raw.Report(6, sent0).Duplicates).To(BeNumerically("==", 1))
	})

	It("reads the tags from deprecated tags", func() {
		t := lossprobe.NewTracker("run", 0)
		text := func(s string) *loggregator_v2.Value {
			return &loggregator_v2.Value{Data: &loggregator_v2.Value_Text{Text: s}}
		}
		e := &loggregator_v2.Envelope{Timestamp: sent0.UnixNano(), DeprecatedTags: map[string]*loggregator_v2.Value{
			lossprobe.TagRunID: text("run"), lossprobe.TagEmitter: text("1"), lossprobe.TagSeq: text("4"),
			"other": {Data: &loggregator_v2.Value_Integer{Integer: 7}},
		}}
		t.RecordRaw(encode(e), sent0)
		Expect(t.Unique()).To(BeNumerically("==", 1))
	})

	It("recognises warm-ups and counts other runs and malformed bytes as foreign", func() {
		t := lossprobe.NewTracker("run", 0)
		w := &loggregator_v2.Envelope{Tags: map[string]string{lossprobe.TagRunID: "run", lossprobe.TagWarmup: "1"}}
		Expect(t.RecordRaw(encode(w), sent0)).To(BeTrue())
		t.RecordRaw(encode(probeEnvelope("other", 0, 0)), sent0)
		good := encode(probeEnvelope("run", 0, 0))
		t.RecordRaw(good[:len(good)-3], sent0)
		t.RecordRaw([]byte{0xff, 0xff, 0xff}, sent0)
		Expect(t.Unique()).To(BeZero())
		Expect(t.Report(0, sent0).Foreign).To(BeNumerically("==", 3))
	})
})
