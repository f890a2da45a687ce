package lossprobe_test

import (
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/dropsonde"
	"loggregator/internal/lossprobe"
)

var _ = Describe("Tracker reading v1 firehose frames", func() {
	// frame is e as the traffic controller writes it: its one v1 form,
	// marshalled (conversion.ToV1 through internal/dropsonde).
	frame := func(e *loggregator_v2.Envelope) []byte {
		e.Message = &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("xxxx")}}
		frames, err := dropsonde.Encode(e)
		Expect(err).NotTo(HaveOccurred())
		Expect(frames).To(HaveLen(1))
		return frames[0]
	}

	It("counts the v1 form of each probe envelope as the v2 one: unique, duplicates, out of order and latency", func() {
		v2, v1 := lossprobe.NewTracker("run", 0), lossprobe.NewTracker("run", 0)
		for _, s := range []int{0, 1, 3, 2, 3, 5} {
			e := probeEnvelope("run", 0, s)
			e.SourceId, e.InstanceId = "lossprobe", "0"
			e.Tags["deployment"], e.Tags["job"] = "cf", "bench" // become v1 fields, not tags
			at := sent0.Add(time.Duration(s+2) * time.Millisecond)
			v2.Record(e, at)
			v1.RecordV1(frame(e), at)
		}
		Expect(v1.Report(6, sent0)).To(Equal(v2.Report(6, sent0)))
		Expect(v1.Report(6, sent0).Duplicates).To(BeNumerically("==", 1))
		Expect(v1.Report(6, sent0).OutOfOrder).To(BeNumerically("==", 1))
	})

	It("reads the timestamp and tags of an envelope marshalled from sonde-go's events.Envelope", func() {
		t := lossprobe.NewTracker("run", 0)
		e := &events.Envelope{
			Origin: proto.String("o"), EventType: events.Envelope_ValueMetric.Enum(),
			Timestamp:   proto.Int64(sent0.UnixNano()),
			ValueMetric: &events.ValueMetric{Name: proto.String("m"), Value: proto.Float64(1), Unit: proto.String("u")},
			Tags:        map[string]string{lossprobe.TagRunID: "run", lossprobe.TagEmitter: "2", lossprobe.TagSeq: "9", "other": "x"},
		}
		b, err := proto.Marshal(e)
		Expect(err).NotTo(HaveOccurred())
		Expect(t.RecordV1(b, sent0.Add(7*time.Millisecond))).To(BeFalse())
		r := t.Report(1, sent0)
		Expect(r.Received).To(BeNumerically("==", 1))
		Expect(r.LatencyMsP50).To(Equal(7.0))
	})

	It("recognises warm-ups and counts other runs and malformed bytes as foreign", func() {
		t := lossprobe.NewTracker("run", 0)
		w := probeEnvelope("run", 0, 0)
		w.Tags[lossprobe.TagWarmup] = "1"
		Expect(t.RecordV1(frame(w), sent0)).To(BeTrue())
		t.RecordV1(frame(probeEnvelope("other", 0, 0)), sent0)
		good := frame(probeEnvelope("run", 0, 0))
		t.RecordV1(good[:len(good)-3], sent0)
		t.RecordV1([]byte{0xff, 0xff, 0xff}, sent0)
		Expect(t.Unique()).To(BeZero())
		Expect(t.Report(0, sent0).Foreign).To(BeNumerically("==", 3))
	})
})
