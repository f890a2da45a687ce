package dropsonde_test

import (
	"slices"

	"code.cloudfoundry.org/go-loggregator/v10/conversion"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"
	"strings"

	"loggregator/internal/dropsonde"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

// appUUID is f47ac10b-58cc-4372-a567-0e02b2c3d479 as dropsonde carries it:
// the first eight bytes little-endian in Low, the last eight in High.
var appUUID = &events.UUID{Low: proto.Uint64(0x7243cc580bc17af4), High: proto.Uint64(0x79d4c3b2020e67a5)}

const appGUID = "f47ac10b-58cc-4372-a567-0e02b2c3d479"

func marshal(e *events.Envelope) []byte {
	b, err := proto.Marshal(e)
	Expect(err).NotTo(HaveOccurred())
	return b
}

func base(t events.Envelope_EventType) *events.Envelope {
	return &events.Envelope{
		Origin:     proto.String("gorouter"),
		EventType:  t.Enum(),
		Timestamp:  proto.Int64(1700000000000000000),
		Deployment: proto.String("cf"),
		Job:        proto.String("router"),
		Index:      proto.String("0b8a"),
		Ip:         proto.String("10.0.1.5"),
		Tags:       map[string]string{"custom": "yes"},
	}
}

var _ = Describe("Decode", func() {
	It("maps a log message to a v2 log with the app as source and the source instance as instance", func() {
		e := base(events.Envelope_LogMessage)
		e.LogMessage = &events.LogMessage{
			Message:        []byte("hello"),
			MessageType:    events.LogMessage_ERR.Enum(),
			Timestamp:      proto.Int64(1700000000000000001),
			AppId:          proto.String(appGUID),
			SourceType:     proto.String("APP/PROC/WEB"),
			SourceInstance: proto.String("3"),
		}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.SourceId).To(Equal(appGUID))
		Expect(v2.InstanceId).To(Equal("3"))
		Expect(v2.Timestamp).To(Equal(int64(1700000000000000000)))
		Expect(v2.GetLog().GetPayload()).To(Equal([]byte("hello")))
		Expect(v2.GetLog().GetType()).To(Equal(loggregator_v2.Log_ERR))
		Expect(v2.Tags).To(Equal(map[string]string{
			"custom": "yes", "origin": "gorouter", "deployment": "cf", "job": "router",
			"index": "0b8a", "ip": "10.0.1.5", "__v1_type": "LogMessage", "source_type": "APP/PROC/WEB",
		}))
	})

	It("takes the source id from the origin when the envelope has no source_id tag and no app", func() {
		e := base(events.Envelope_LogMessage)
		e.LogMessage = &events.LogMessage{
			Message: []byte("x"), MessageType: events.LogMessage_OUT.Enum(), Timestamp: proto.Int64(1),
		}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.SourceId).To(Equal("gorouter"))
		Expect(v2.GetLog().GetType()).To(Equal(loggregator_v2.Log_OUT))
	})

	It("maps a counter event to a v2 counter with the instance_id tag as instance", func() {
		e := base(events.Envelope_CounterEvent)
		e.Tags["source_id"] = "uaa"
		e.Tags["instance_id"] = "7"
		e.CounterEvent = &events.CounterEvent{Name: proto.String("requests"), Delta: proto.Uint64(2), Total: proto.Uint64(99)}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.SourceId).To(Equal("uaa"))
		Expect(v2.InstanceId).To(Equal("7"))
		Expect(v2.GetCounter().GetName()).To(Equal("requests"))
		Expect(v2.GetCounter().GetDelta()).To(Equal(uint64(2)))
		Expect(v2.GetCounter().GetTotal()).To(Equal(uint64(99)))
		Expect(v2.Tags).NotTo(HaveKey("source_id"))
		Expect(v2.Tags).NotTo(HaveKey("instance_id"))
		Expect(v2.Tags).To(HaveKeyWithValue("__v1_type", "CounterEvent"))
	})

	It("maps a value metric to a one-metric v2 gauge", func() {
		e := base(events.Envelope_ValueMetric)
		e.ValueMetric = &events.ValueMetric{Name: proto.String("latency"), Value: proto.Float64(12.5), Unit: proto.String("ms")}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.SourceId).To(Equal("gorouter"))
		Expect(v2.GetGauge().GetMetrics()).To(HaveLen(1))
		Expect(v2.GetGauge().GetMetrics()["latency"].GetValue()).To(Equal(12.5))
		Expect(v2.GetGauge().GetMetrics()["latency"].GetUnit()).To(Equal("ms"))
	})

	It("maps a container metric to a five-metric v2 gauge of the app and instance", func() {
		e := base(events.Envelope_ContainerMetric)
		e.ContainerMetric = &events.ContainerMetric{
			ApplicationId: proto.String(appGUID), InstanceIndex: proto.Int32(2),
			CpuPercentage: proto.Float64(41.5), MemoryBytes: proto.Uint64(1 << 20), DiskBytes: proto.Uint64(1 << 21),
			MemoryBytesQuota: proto.Uint64(1 << 30), DiskBytesQuota: proto.Uint64(1 << 31),
		}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.SourceId).To(Equal(appGUID))
		Expect(v2.InstanceId).To(Equal("2"))
		m := v2.GetGauge().GetMetrics()
		Expect(m).To(HaveLen(5))
		Expect(m["cpu"].GetValue()).To(Equal(41.5))
		Expect(m["cpu"].GetUnit()).To(Equal("percentage"))
		Expect(m["memory"].GetValue()).To(Equal(float64(1 << 20)))
		Expect(m["disk"].GetValue()).To(Equal(float64(1 << 21)))
		Expect(m["memory_quota"].GetValue()).To(Equal(float64(1 << 30)))
		Expect(m["disk_quota"].GetUnit()).To(Equal("bytes"))
		Expect(m["disk_quota"].GetValue()).To(Equal(float64(1 << 31)))
	})

	It("maps an HTTP start-stop to a v2 timer named http with every field as a tag", func() {
		e := base(events.Envelope_HttpStartStop)
		e.HttpStartStop = &events.HttpStartStop{
			StartTimestamp: proto.Int64(100), StopTimestamp: proto.Int64(250),
			RequestId: appUUID, PeerType: events.PeerType_Server.Enum(), Method: events.Method_PUT.Enum(),
			Uri: proto.String("https://app.example.com/x"), RemoteAddress: proto.String("10.0.0.9:5000"),
			UserAgent: proto.String("curl/8"), StatusCode: proto.Int32(201), ContentLength: proto.Int64(512),
			ApplicationId: appUUID, InstanceIndex: proto.Int32(4), InstanceId: proto.String("ab12"),
			Forwarded: []string{"1.1.1.1", "2.2.2.2"},
		}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.SourceId).To(Equal(appGUID))
		Expect(v2.InstanceId).To(Equal("4"))
		Expect(v2.GetTimer().GetName()).To(Equal("http"))
		Expect(v2.GetTimer().GetStart()).To(Equal(int64(100)))
		Expect(v2.GetTimer().GetStop()).To(Equal(int64(250)))
		Expect(v2.Tags).To(HaveKeyWithValue("request_id", appGUID))
		Expect(v2.Tags).To(HaveKeyWithValue("peer_type", "Server"))
		Expect(v2.Tags).To(HaveKeyWithValue("method", "PUT"))
		Expect(v2.Tags).To(HaveKeyWithValue("uri", "https://app.example.com/x"))
		Expect(v2.Tags).To(HaveKeyWithValue("remote_address", "10.0.0.9:5000"))
		Expect(v2.Tags).To(HaveKeyWithValue("user_agent", "curl/8"))
		Expect(v2.Tags).To(HaveKeyWithValue("status_code", "201"))
		Expect(v2.Tags).To(HaveKeyWithValue("content_length", "512"))
		Expect(v2.Tags).To(HaveKeyWithValue("routing_instance_id", "ab12"))
		Expect(v2.Tags).To(HaveKeyWithValue("forwarded", "1.1.1.1\n2.2.2.2"))
	})

	It("maps an error event to a v2 log carrying source and code as tags", func() {
		e := base(events.Envelope_Error)
		e.Error = &events.Error{Source: proto.String("cc"), Code: proto.Int32(42), Message: proto.String("boom")}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.GetLog().GetPayload()).To(Equal([]byte("boom")))
		Expect(v2.Tags).To(HaveKeyWithValue("source", "cc"))
		Expect(v2.Tags).To(HaveKeyWithValue("code", "42"))
	})

	It("fills deployment, job, index and ip from the Decoder only where the envelope has none", func() {
		e := base(events.Envelope_ValueMetric)
		e.Deployment, e.Ip = nil, nil
		e.ValueMetric = &events.ValueMetric{Name: proto.String("m"), Value: proto.Float64(1), Unit: proto.String("u")}
		d := dropsonde.Decoder{Deployment: "vm-deployment", Job: "vm-job", Index: "vm-index", IP: "10.9.9.9"}
		v2, err := d.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		Expect(v2.Tags).To(HaveKeyWithValue("deployment", "vm-deployment"))
		Expect(v2.Tags).To(HaveKeyWithValue("ip", "10.9.9.9"))
		Expect(v2.Tags).To(HaveKeyWithValue("job", "router"))
		Expect(v2.Tags).To(HaveKeyWithValue("index", "0b8a"))
	})

	DescribeTable("refuses a datagram that is not a valid v1 envelope",
		func(datagram []byte, reason string) {
			v2, err := dropsonde.Decode(datagram)
			Expect(err).To(MatchError(ContainSubstring(reason)))
			Expect(v2).To(BeNil())
		},
		Entry("empty", []byte{}, "required field"),
		Entry("garbage", []byte("not a protobuf at all \xff\xff\xff"), "decode v1 envelope"),
		Entry("truncated", func() []byte {
			e := base(events.Envelope_CounterEvent)
			e.CounterEvent = &events.CounterEvent{Name: proto.String("c"), Delta: proto.Uint64(1)}
			b := marshal(e)
			return b[:len(b)-3]
		}(), "decode v1 envelope"),
		Entry("missing origin", func() []byte {
			e := base(events.Envelope_CounterEvent)
			e.CounterEvent = &events.CounterEvent{Name: proto.String("c"), Delta: proto.Uint64(1)}
			e.Origin = nil
			b, _ := proto.MarshalOptions{AllowPartial: true}.Marshal(e)
			return b
		}(), "required field"),
		Entry("a type without its message", marshal(base(events.Envelope_LogMessage)), "without its message"),
		Entry("an unknown type", func() []byte {
			e := base(events.Envelope_EventType(99))
			return marshal(e)
		}(), "without its message"),
		Entry("a non-UTF-8 origin", func() []byte {
			e := base(events.Envelope_CounterEvent)
			e.Origin = proto.String("bad\xffname")
			e.CounterEvent = &events.CounterEvent{Name: proto.String("c"), Delta: proto.Uint64(1)}
			return marshal(e)
		}(), "not UTF-8"),
	)
})

var _ = Describe("Encode", func() {
	It("turns a v2 log into one v1 log message, the round trip of Decode", func() {
		e := base(events.Envelope_LogMessage)
		e.LogMessage = &events.LogMessage{
			Message: []byte("hello"), MessageType: events.LogMessage_OUT.Enum(), Timestamp: proto.Int64(1700000000000000000),
			AppId: proto.String(appGUID), SourceType: proto.String("APP/PROC/WEB"), SourceInstance: proto.String("3"),
		}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())

		out, err := dropsonde.Encode(v2)
		Expect(err).NotTo(HaveOccurred())
		Expect(out).To(HaveLen(1))
		var back events.Envelope
		Expect(proto.Unmarshal(out[0], &back)).To(Succeed())
		Expect(back.GetEventType()).To(Equal(events.Envelope_LogMessage))
		Expect(back.GetOrigin()).To(Equal("gorouter"))
		Expect(back.GetDeployment()).To(Equal("cf"))
		Expect(back.GetLogMessage().GetAppId()).To(Equal(appGUID))
		Expect(back.GetLogMessage().GetMessage()).To(Equal([]byte("hello")))
		Expect(back.GetLogMessage().GetSourceType()).To(Equal("APP/PROC/WEB"))
		Expect(back.GetLogMessage().GetSourceInstance()).To(Equal("3"))
		Expect(back.Tags).To(HaveKeyWithValue("custom", "yes"))
	})

	It("turns a gauge of several metrics into one value metric each", func() {
		out, err := dropsonde.Encode(&loggregator_v2.Envelope{
			SourceId: "app", Tags: map[string]string{"origin": "o"},
			Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"a": {Unit: "ms", Value: 1}, "b": {Unit: "ms", Value: 2},
			}}},
		})
		Expect(err).NotTo(HaveOccurred())
		Expect(out).To(HaveLen(2))
		names := map[string]float64{}
		for _, b := range out {
			var v1 events.Envelope
			Expect(proto.Unmarshal(b, &v1)).To(Succeed())
			Expect(v1.GetEventType()).To(Equal(events.Envelope_ValueMetric))
			names[v1.GetValueMetric().GetName()] = v1.GetValueMetric().GetValue()
		}
		Expect(names).To(Equal(map[string]float64{"a": 1, "b": 2}))
	})

	It("turns a container metric gauge back into one container metric", func() {
		e := base(events.Envelope_ContainerMetric)
		e.ContainerMetric = &events.ContainerMetric{
			ApplicationId: proto.String(appGUID), InstanceIndex: proto.Int32(2),
			CpuPercentage: proto.Float64(41.5), MemoryBytes: proto.Uint64(1 << 20), DiskBytes: proto.Uint64(1 << 21),
			MemoryBytesQuota: proto.Uint64(1 << 30), DiskBytesQuota: proto.Uint64(1 << 31),
		}
		v2, err := dropsonde.Decode(marshal(e))
		Expect(err).NotTo(HaveOccurred())
		out, err := dropsonde.Encode(v2)
		Expect(err).NotTo(HaveOccurred())
		Expect(out).To(HaveLen(1))
		var back events.Envelope
		Expect(proto.Unmarshal(out[0], &back)).To(Succeed())
		Expect(back.GetContainerMetric().GetApplicationId()).To(Equal(appGUID))
		Expect(back.GetContainerMetric().GetInstanceIndex()).To(Equal(int32(2)))
		Expect(back.GetContainerMetric().GetDiskBytesQuota()).To(Equal(uint64(1 << 31)))
	})

	It("turns a counter and a timer into a counter event and an HTTP start-stop", func() {
		out, err := dropsonde.Encode(&loggregator_v2.Envelope{
			SourceId: "s", InstanceId: "5",
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: 3, Total: 10}},
		})
		Expect(err).NotTo(HaveOccurred())
		var c events.Envelope
		Expect(proto.Unmarshal(out[0], &c)).To(Succeed())
		Expect(c.GetCounterEvent().GetTotal()).To(Equal(uint64(10)))
		Expect(c.Tags).To(HaveKeyWithValue("instance_id", "5"))

		out, err = dropsonde.Encode(&loggregator_v2.Envelope{
			SourceId: appGUID, InstanceId: "1",
			Tags:    map[string]string{"method": "GET", "peer_type": "Client", "status_code": "200", "request_id": appGUID},
			Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 1, Stop: 9}},
		})
		Expect(err).NotTo(HaveOccurred())
		var h events.Envelope
		Expect(proto.Unmarshal(out[0], &h)).To(Succeed())
		Expect(h.GetHttpStartStop().GetMethod()).To(Equal(events.Method_GET))
		Expect(h.GetHttpStartStop().GetStatusCode()).To(Equal(int32(200)))
		Expect(h.GetHttpStartStop().GetApplicationId().GetLow()).To(Equal(appUUID.GetLow()))
		Expect(h.GetHttpStartStop().GetApplicationId().GetHigh()).To(Equal(appUUID.GetHigh()))
	})

	DescribeTable("gives ErrNoV1 for an envelope without a v1 form",
		func(e *loggregator_v2.Envelope) {
			out, err := dropsonde.Encode(e)
			Expect(err).To(MatchError(dropsonde.ErrNoV1))
			Expect(out).To(BeNil())
		},
		Entry("nil", nil),
		Entry("no message", &loggregator_v2.Envelope{SourceId: "x"}),
		Entry("an event", &loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "t"}}}),
		Entry("a nil log", &loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Log{}}),
		Entry("a nil counter", &loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Counter{}}),
		Entry("a nil gauge", &loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Gauge{}}),
		Entry("a nil timer", &loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Timer{}}),
		Entry("a gauge with a nil value", &loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Gauge{
			Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{"a": nil}},
		}}),
	)

	It("gives what Encode gives when one Encoder is reused, each call's frames intact until the next", func() {
		envs := []*loggregator_v2.Envelope{
			{SourceId: "app", Tags: map[string]string{"origin": "rep", "deployment": "cf"},
				Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(strings.Repeat("y", 300<<10))}}},
			{SourceId: "app", Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"cpu": {Unit: "percentage", Value: 1}, "memory": {Unit: "bytes", Value: 2}, "disk": {Unit: "bytes", Value: 3},
				"memory_quota": {Unit: "bytes", Value: 4}, "disk_quota": {Unit: "bytes", Value: 5}}}}},
			{SourceId: "app", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 1, Total: 9}}},
			{SourceId: "app", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("short")}}},
			{SourceId: "app", Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"a": {Unit: "ms", Value: 1}, "b": {Unit: "ms", Value: 2}}}}},
		}
		var enc dropsonde.Encoder
		for _, e := range envs {
			want, err := dropsonde.Encode(e)
			Expect(err).NotTo(HaveOccurred())
			got, err := enc.Encode(e)
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(HaveLen(len(want)))
			// Decode every frame of this call only after all were made.
			// (A gauge's frames come in map order, so compare them as a set.)
			decode := func(frames [][]byte) []string {
				var out []string
				for _, f := range frames {
					var v1 events.Envelope
					Expect(proto.Unmarshal(f, &v1)).To(Succeed())
					canonical, err := proto.MarshalOptions{Deterministic: true}.Marshal(&v1)
					Expect(err).NotTo(HaveOccurred())
					out = append(out, string(canonical))
				}
				return out
			}
			Expect(decode(got)).To(ConsistOf(decode(want)))
		}
	})
})

var _ = Describe("DecodeAppend", func() {
	It("appends the v2 wire form of what Decode returns, for every event type", func() {
		d := dropsonde.Decoder{Deployment: "dep", Job: "job", Index: "0", IP: "10.0.0.1"}
		for _, e := range everyType() {
			datagram := marshal(e)
			want, err := d.Decode(datagram)
			Expect(err).NotTo(HaveOccurred())
			prefix := []byte("kept")
			out, err := d.DecodeAppend(prefix, datagram)
			Expect(err).NotTo(HaveOccurred())
			Expect(string(out[:4])).To(Equal("kept"))
			var got loggregator_v2.Envelope
			Expect(proto.Unmarshal(out[4:], &got)).To(Succeed())
			Expect(proto.Equal(&got, want)).To(BeTrue(), "%s: got %v, want %v", e.GetEventType(), &got, want)
			std, err := proto.Marshal(want)
			Expect(err).NotTo(HaveOccurred())
			Expect(out[4:]).To(HaveLen(len(std)), e.GetEventType().String())
		}
	})

	It("leaves dst unchanged on a bad datagram", func() {
		out, err := dropsonde.Decoder{}.DecodeAppend([]byte("kept"), []byte("garbage"))
		Expect(err).To(HaveOccurred())
		Expect(string(out)).To(Equal("kept"))
	})
})

// everyType is one envelope of each v1 event type, zero values included.
func everyType() []*events.Envelope {
	logE := base(events.Envelope_LogMessage)
	logE.LogMessage = &events.LogMessage{Message: []byte("m"), MessageType: events.LogMessage_ERR.Enum(), Timestamp: proto.Int64(2),
		AppId: proto.String(appGUID), SourceType: proto.String("APP"), SourceInstance: proto.String("0")}
	emptyLog := base(events.Envelope_LogMessage)
	emptyLog.LogMessage = &events.LogMessage{Message: []byte{}, MessageType: events.LogMessage_OUT.Enum(), Timestamp: proto.Int64(0)}
	counter := base(events.Envelope_CounterEvent)
	counter.CounterEvent = &events.CounterEvent{Name: proto.String("c"), Delta: proto.Uint64(0), Total: proto.Uint64(1 << 40)}
	value := base(events.Envelope_ValueMetric)
	value.ValueMetric = &events.ValueMetric{Name: proto.String("g"), Value: proto.Float64(-1.5), Unit: proto.String("")}
	zero := base(events.Envelope_ValueMetric)
	zero.ValueMetric = &events.ValueMetric{Name: proto.String(""), Value: proto.Float64(0), Unit: proto.String("ms")}
	container := base(events.Envelope_ContainerMetric)
	container.ContainerMetric = &events.ContainerMetric{ApplicationId: proto.String("a"), InstanceIndex: proto.Int32(-1),
		CpuPercentage: proto.Float64(0), MemoryBytes: proto.Uint64(2), DiskBytes: proto.Uint64(3), MemoryBytesQuota: proto.Uint64(4), DiskBytesQuota: proto.Uint64(5)}
	httpE := base(events.Envelope_HttpStartStop)
	httpE.HttpStartStop = &events.HttpStartStop{StartTimestamp: proto.Int64(-5), StopTimestamp: proto.Int64(2), RequestId: appUUID,
		PeerType: events.PeerType_Client.Enum(), Method: events.Method_GET.Enum(), Uri: proto.String("/"), RemoteAddress: proto.String("r"),
		UserAgent: proto.String("u"), StatusCode: proto.Int32(200), ContentLength: proto.Int64(3), ApplicationId: appUUID,
		InstanceIndex: proto.Int32(0), InstanceId: proto.String("x"), Forwarded: []string{"f"}}
	errE := base(events.Envelope_Error)
	errE.Error = &events.Error{Source: proto.String("s"), Code: proto.Int32(1), Message: proto.String("m")}
	return []*events.Envelope{logE, emptyLog, counter, value, zero, container, httpE, errE}
}

var _ = Describe("Encode's frames against go-loggregator's mapping", func() {
	It("decode to exactly the envelopes conversion.ToV1 gives, tags included", func() {
		tags := map[string]string{
			"origin": "rep", "deployment": "cf", "job": "diego-cell", "index": "0", "ip": "10.0.0.1",
			"custom": "yes", "empty": "", "unicode": "ünïcödé ✓", "long": strings.Repeat("t", 300),
		}
		envs := []*loggregator_v2.Envelope{
			{SourceId: appGUID, InstanceId: "2", Timestamp: 17, Tags: tags,
				Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello"), Type: loggregator_v2.Log_ERR}}},
			{SourceId: "app", Tags: tags, Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: map[string]*loggregator_v2.GaugeValue{
				"a": {Unit: "ms", Value: 1}, "b": {Unit: "ms", Value: 2}, "c": {Unit: "", Value: 3}}}}},
			{SourceId: "s", InstanceId: "5", Tags: tags, Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Delta: 3, Total: 10}}},
			{SourceId: appGUID, InstanceId: "1",
				Tags:    map[string]string{"method": "GET", "peer_type": "Client", "status_code": "200", "request_id": appGUID, "x": "y"},
				Message: &loggregator_v2.Envelope_Timer{Timer: &loggregator_v2.Timer{Name: "http", Start: 1, Stop: 9}}},
			{SourceId: "no-tags", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}},
		}
		var enc dropsonde.Encoder
		for _, e := range append(envs, rawCases()...) {
			want := conversion.ToV1(proto.Clone(e).(*loggregator_v2.Envelope))
			got, err := enc.Encode(e)
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(HaveLen(len(want)))
			for _, f := range got {
				var v1 events.Envelope
				Expect(proto.Unmarshal(f, &v1)).To(Succeed())
				Expect(slices.ContainsFunc(want, func(w *events.Envelope) bool { return proto.Equal(w, &v1) })).To(BeTrue(),
					"%v is not among what ToV1 gives: %v", &v1, want)
			}
		}
	})
})

// rawCases are envelopes whose tags collide with what EncodeRaw's direct
// path writes itself, beside the ones it hands to Encode.
func rawCases() []*loggregator_v2.Envelope {
	log := func(p string) *loggregator_v2.Envelope_Log {
		return &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(p)}}
	}
	return []*loggregator_v2.Envelope{
		{SourceId: "app", InstanceId: "0", Timestamp: -5, Message: log("out"),
			Tags: map[string]string{"source_id": "tag", "source_type": "APP/PROC/WEB/0", "instance_id": "9"}},
		{Timestamp: 1 << 62, Message: log("no source id"), Tags: map[string]string{"source_id": "from-tag", "origin": ""}},
		{SourceId: "s", InstanceId: "7", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "n"}},
			Tags: map[string]string{"source_id": "tag", "instance_id": "tag", "source_type": "kept for a counter"}},
		{SourceId: "s", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "ü", Delta: 1 << 63, Total: 1}},
			Tags: map[string]string{"instance_id": "kept: no instance id"}},
		{SourceId: "s", Message: log("an error"), Tags: map[string]string{"__v1_type": "Error", "source": "x", "code": "3"}},
		{SourceId: "s", Message: log("not an error"), Tags: map[string]string{"__v1_type": "LogMessage"}},
		{SourceId: "s", Message: log("deprecated"), DeprecatedTags: map[string]*loggregator_v2.Value{
			"origin": {Data: &loggregator_v2.Value_Text{Text: "o"}}, "n": {Data: &loggregator_v2.Value_Integer{Integer: 4}}}},
	}
}

var _ = Describe("Encoder.EncodeRaw", func() {
	It("gives, from the encoded envelope, what Encode gives for the envelope V2Decoder decodes from it", func() {
		var enc dropsonde.Encoder
		var dec dropsonde.V2Decoder
		cases := append(rawCases(), everyV2()...)
		for _, e := range cases {
			raw, err := proto.Marshal(e)
			Expect(err).NotTo(HaveOccurred())
			var decoded loggregator_v2.Envelope
			Expect((&dropsonde.V2Decoder{}).Decode(raw, &decoded)).To(Succeed())
			want, wantErr := dropsonde.Encode(&decoded)
			got, err := enc.EncodeRaw(raw, &dec)
			if wantErr != nil {
				Expect(err).To(MatchError(wantErr), "%v", e)
				continue
			}
			Expect(err).NotTo(HaveOccurred(), "%v", e)
			Expect(decodeFrames(got)).To(ConsistOf(decodeFrames(want)), "%v", e)
		}
	})

	It("takes its direct path for logs and counters, and Encode's for the rest", func() {
		var enc dropsonde.Encoder
		direct := func(e *loggregator_v2.Envelope) bool {
			raw, err := proto.Marshal(e)
			Expect(err).NotTo(HaveOccurred())
			return enc.Direct(raw)
		}
		cases := rawCases()
		for _, e := range cases[:4] {
			Expect(direct(e)).To(BeTrue(), "%v", e)
		}
		for _, e := range cases[4:] {
			if e.GetTags()["__v1_type"] == "LogMessage" {
				Expect(direct(e)).To(BeTrue(), "%v", e)
				continue
			}
			Expect(direct(e)).To(BeFalse(), "%v", e)
		}
		Expect(direct(&loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{}}})).To(BeFalse())
		Expect(direct(&loggregator_v2.Envelope{SourceId: "empty payload", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{}}})).To(BeFalse())
	})

	It("refuses what the decoder refuses: bad bytes, a non-UTF-8 source id, tag or counter name", func() {
		var enc dropsonde.Encoder
		var dec dropsonde.V2Decoder
		good, err := proto.Marshal(&loggregator_v2.Envelope{SourceId: "s", Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("x")}}})
		Expect(err).NotTo(HaveOccurred())
		for _, raw := range [][]byte{
			good[:len(good)-1],
			{0x12, 0x01, 0xff, 0x22, 0x03, 0x0a, 0x01, 'x'},                              // source_id "\xff", a log
			{0x4a, 0x06, 0x0a, 0x01, 0xff, 0x12, 0x01, 'v', 0x22, 0x03, 0x0a, 0x01, 'x'}, // tag key "\xff"
			{0x2a, 0x03, 0x0a, 0x01, 0xff},                                               // counter name "\xff"
		} {
			_, err := enc.EncodeRaw(raw, &dec)
			Expect(err).To(HaveOccurred(), "%x", raw)
		}
	})
})

// everyV2 is one envelope of every v2 type, as Decode gives them.
func everyV2() []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for _, v1 := range everyType() {
		if e, err := dropsonde.Decode(marshal(v1)); err == nil {
			out = append(out, e)
		}
	}
	return append(out, &loggregator_v2.Envelope{SourceId: "no message"},
		&loggregator_v2.Envelope{Message: &loggregator_v2.Envelope_Event{Event: &loggregator_v2.Event{Title: "t"}}})
}

// decodeFrames decodes v1 frames for comparison.
func decodeFrames(frames [][]byte) []*events.Envelope {
	var out []*events.Envelope
	for _, f := range frames {
		var e events.Envelope
		Expect(proto.Unmarshal(f, &e)).To(Succeed())
		out = append(out, &e)
	}
	return out
}
