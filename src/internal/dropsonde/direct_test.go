package dropsonde_test

import (
	"math"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/dropsonde"
)

// vmDecoder is a Decoder with every default set, so the specs see where
// each one lands.
var vmDecoder = dropsonde.Decoder{Deployment: "vm-dep", Job: "vm-job", Index: "vm-index", IP: "10.9.9.9"}

// sameAsDecode expects out, past prefix, to be the v2 wire form of what
// d.Decode gives for datagram.
func sameAsDecode(d dropsonde.Decoder, datagram, out []byte, prefix string) {
	GinkgoHelper()
	want, err := d.Decode(datagram)
	Expect(err).NotTo(HaveOccurred())
	Expect(string(out[:len(prefix)])).To(Equal(prefix))
	var got loggregator_v2.Envelope
	Expect(proto.Unmarshal(out[len(prefix):], &got)).To(Succeed())
	Expect(proto.Equal(&got, want)).To(BeTrue(), "got %v, want %v", &got, want)
}

var _ = Describe("DecodeAppend's direct path", func() {
	It("takes every v1 event type straight to v2 bytes, giving what Decode gives", func() {
		for _, d := range []dropsonde.Decoder{{}, vmDecoder} {
			for _, e := range directCases() {
				datagram := marshal(e)
				out, ok := d.AppendDirect([]byte("kept"), datagram)
				Expect(ok).To(BeTrue(), "%v", e)
				sameAsDecode(d, datagram, out, "kept")
			}
		}
	})

	DescribeTable("leaves what it is not sure of to Decode, and DecodeAppend still gives Decode's result",
		func(datagram []byte) {
			out, ok := vmDecoder.AppendDirect([]byte("kept"), datagram)
			Expect(ok).To(BeFalse())
			Expect(string(out)).To(Equal("kept"))

			out, err := vmDecoder.DecodeAppend([]byte("kept"), datagram)
			if _, decodeErr := vmDecoder.Decode(datagram); decodeErr != nil {
				Expect(err).To(MatchError(decodeErr.Error()))
				Expect(string(out)).To(Equal("kept"))
				return
			}
			Expect(err).NotTo(HaveOccurred())
			sameAsDecode(vmDecoder, datagram, out, "kept")
		},
		Entry("two envelopes in one datagram (proto merges them)", func() []byte {
			a, b := directCases()[0], directCases()[1]
			return append(marshal(a), marshal(b)...)
		}()),
		Entry("an unknown field", protowire.AppendVarint(protowire.AppendTag(marshal(directCases()[0]), 99, protowire.VarintType), 1)),
		Entry("a log type the protocol does not name", func() []byte {
			e := directCases()[0]
			e.LogMessage.MessageType = events.LogMessage_MessageType(7).Enum()
			return marshal(e)
		}()),
		Entry("a nested required field missing", func() []byte {
			e := base(events.Envelope_CounterEvent)
			e.CounterEvent = &events.CounterEvent{Name: proto.String("c")}
			b, err := proto.MarshalOptions{AllowPartial: true}.Marshal(e)
			Expect(err).NotTo(HaveOccurred())
			return b
		}()),
		Entry("a second event message beside the one the type names", func() []byte {
			e := directCases()[0]
			e.ValueMetric = &events.ValueMetric{Name: proto.String("m"), Value: proto.Float64(1), Unit: proto.String("u")}
			return marshal(e)
		}()),
		Entry("a tag that is not UTF-8", func() []byte {
			e := directCases()[0]
			e.Tags["bad"] = "\xff"
			return marshal(e)
		}()),
		Entry("more tags than the direct path holds", func() []byte {
			e := directCases()[0]
			for i := range 40 {
				e.Tags[string(rune('a'+i%26))+string(rune('a'+i/26))] = "v"
			}
			return marshal(e)
		}()),
	)
})

// directCases are envelopes of every v1 event type in the shapes emitters
// send, and the corners of the mapping: tags the mapping overwrites or
// removes, fields the Decoder fills, zero and negative values.
func directCases() []*events.Envelope {
	cases := everyType()

	bare := &events.Envelope{Origin: proto.String(""), EventType: events.Envelope_LogMessage.Enum(),
		LogMessage: &events.LogMessage{Message: []byte("x"), MessageType: events.LogMessage_OUT.Enum(), Timestamp: proto.Int64(1)}}

	overriding := base(events.Envelope_LogMessage)
	overriding.Deployment = proto.String("")
	overriding.Tags = map[string]string{"origin": "o", "__v1_type": "t", "source_type": "st", "instance_id": "9", "source_id": ""}
	overriding.LogMessage = &events.LogMessage{Message: []byte("x"), MessageType: events.LogMessage_OUT.Enum(), Timestamp: proto.Int64(1),
		SourceType: proto.String("APP/PROC/WEB")}

	counter := base(events.Envelope_CounterEvent)
	counter.Tags = map[string]string{"source_id": "uaa", "instance_id": "7"}
	counter.CounterEvent = &events.CounterEvent{Name: proto.String("requests"), Delta: proto.Uint64(1)}

	value := base(events.Envelope_ValueMetric)
	value.Tags = map[string]string{"instance_id": "3"}
	value.Deployment, value.Job, value.Index, value.Ip = nil, nil, nil, nil
	value.ValueMetric = &events.ValueMetric{Name: proto.String("latency"), Value: proto.Float64(12.5), Unit: proto.String("ms")}

	noApp := base(events.Envelope_HttpStartStop)
	noApp.HttpStartStop = &events.HttpStartStop{StartTimestamp: proto.Int64(1), StopTimestamp: proto.Int64(2),
		RequestId: &events.UUID{Low: proto.Uint64(0), High: proto.Uint64(0)}, PeerType: events.PeerType_Server.Enum(),
		Method: events.Method_VERSION_CONTROL.Enum(), Uri: proto.String(""), RemoteAddress: proto.String(""), UserAgent: proto.String(""),
		StatusCode: proto.Int32(-1), ContentLength: proto.Int64(-1 << 40)}
	zeroApp := base(events.Envelope_HttpStartStop)
	zeroApp.HttpStartStop = proto.Clone(noApp.HttpStartStop).(*events.HttpStartStop)
	zeroApp.HttpStartStop.ApplicationId = &events.UUID{Low: proto.Uint64(0), High: proto.Uint64(0)}
	zeroApp.HttpStartStop.Forwarded = []string{"1.1.1.1", "", "2.2.2.2"}

	// Not UTF-8, but replaced by the app id: Decode takes it.
	badSourceID := everyType()[0]
	badSourceID.Tags["source_id"] = "\xff"

	errE := base(events.Envelope_Error)
	errE.Tags = nil
	errE.Error = &events.Error{Source: proto.String(""), Code: proto.Int32(-7), Message: proto.String("")}

	container := base(events.Envelope_ContainerMetric)
	container.ContainerMetric = &events.ContainerMetric{ApplicationId: proto.String(""), InstanceIndex: proto.Int32(3),
		CpuPercentage: proto.Float64(math.Copysign(0, -1)), MemoryBytes: proto.Uint64(1 << 63), DiskBytes: proto.Uint64(0)}

	return append(cases, bare, overriding, badSourceID, counter, value, noApp, zeroApp, errE, container)
}
