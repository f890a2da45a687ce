package main_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/config"
	"loggregator/internal/udpforwarder"
)

// appUUID is f47ac10b-58cc-4372-a567-0e02b2c3d479 as dropsonde carries it.
var appUUID = &events.UUID{Low: proto.Uint64(0x7243cc580bc17af4), High: proto.Uint64(0x79d4c3b2020e67a5)}

const appGUID = "f47ac10b-58cc-4372-a567-0e02b2c3d479"

// v1 is an envelope of type t from the origin "gorouter" that names no
// deployment, job, index or ip, so the forwarder fills them.
func v1(t events.Envelope_EventType) *events.Envelope {
	return &events.Envelope{
		Origin:    proto.String("gorouter"),
		EventType: t.Enum(),
		Timestamp: proto.Int64(1700000000000000000),
		Tags:      map[string]string{"custom": "yes"},
	}
}

func logV1(payload string) *events.Envelope {
	e := v1(events.Envelope_LogMessage)
	e.LogMessage = &events.LogMessage{
		Message: []byte(payload), MessageType: events.LogMessage_ERR.Enum(), Timestamp: proto.Int64(1700000000000000001),
		AppId: proto.String(appGUID), SourceType: proto.String("APP/PROC/WEB"), SourceInstance: proto.String("3"),
	}
	return e
}

func byV1Type(envs []*loggregator_v2.Envelope) map[string]*loggregator_v2.Envelope {
	out := map[string]*loggregator_v2.Envelope{}
	for _, e := range envs {
		out[e.Tags["__v1_type"]] = e
	}
	return out
}

var _ = Describe("UDP forwarder", func() {
	It("forwards logs, counters, value metrics, container metrics and HTTP start-stops with every field mapped as Cloud Foundry maps them", func() {
		agent := startAgent("")
		f := startForwarder(agent.Addr(), nil)

		f.sendV1(logV1("hello"))
		counter := v1(events.Envelope_CounterEvent)
		counter.Tags["source_id"] = "uaa"
		counter.Tags["instance_id"] = "7"
		counter.CounterEvent = &events.CounterEvent{Name: proto.String("requests"), Delta: proto.Uint64(2), Total: proto.Uint64(99)}
		f.sendV1(counter)
		value := v1(events.Envelope_ValueMetric)
		value.Deployment, value.Job = proto.String("own-deployment"), proto.String("own-job")
		value.ValueMetric = &events.ValueMetric{Name: proto.String("latency"), Value: proto.Float64(12.5), Unit: proto.String("ms")}
		f.sendV1(value)
		container := v1(events.Envelope_ContainerMetric)
		container.ContainerMetric = &events.ContainerMetric{
			ApplicationId: proto.String(appGUID), InstanceIndex: proto.Int32(2), CpuPercentage: proto.Float64(41.5),
			MemoryBytes: proto.Uint64(1 << 20), DiskBytes: proto.Uint64(1 << 21),
			MemoryBytesQuota: proto.Uint64(1 << 30), DiskBytesQuota: proto.Uint64(1 << 31),
		}
		f.sendV1(container)
		http := v1(events.Envelope_HttpStartStop)
		http.HttpStartStop = &events.HttpStartStop{
			StartTimestamp: proto.Int64(100), StopTimestamp: proto.Int64(250), RequestId: appUUID,
			PeerType: events.PeerType_Server.Enum(), Method: events.Method_PUT.Enum(),
			Uri: proto.String("https://app.example.com/x"), RemoteAddress: proto.String("10.0.0.9:5000"),
			UserAgent: proto.String("curl/8"), StatusCode: proto.Int32(201), ContentLength: proto.Int64(512),
			ApplicationId: appUUID, InstanceIndex: proto.Int32(4), InstanceId: proto.String("ab12"),
			Forwarded: []string{"1.1.1.1", "2.2.2.2"},
		}
		f.sendV1(http)

		Eventually(func() []*loggregator_v2.Envelope { return forwarded(agent) }).Should(HaveLen(5))
		got := byV1Type(forwarded(agent))
		vm := map[string]string{"origin": "gorouter", "deployment": "cf", "job": "router", "index": "idx-7", "ip": "10.0.0.7", "custom": "yes"}
		for typ, e := range got {
			Expect(e.Timestamp).To(Equal(int64(1700000000000000000)), typ)
			for k, v := range vm {
				if typ == "ValueMetric" && (k == "deployment" || k == "job") {
					continue
				}
				Expect(e.Tags).To(HaveKeyWithValue(k, v), typ)
			}
		}

		log := got["LogMessage"]
		Expect(log.SourceId).To(Equal(appGUID))
		Expect(log.InstanceId).To(Equal("3"))
		Expect(log.GetLog().GetPayload()).To(Equal([]byte("hello")))
		Expect(log.GetLog().GetType()).To(Equal(loggregator_v2.Log_ERR))
		Expect(log.Tags).To(HaveKeyWithValue("source_type", "APP/PROC/WEB"))

		c := got["CounterEvent"]
		Expect(c.SourceId).To(Equal("uaa"))
		Expect(c.InstanceId).To(Equal("7"))
		Expect(c.GetCounter()).To(SatisfyAll(
			WithTransform((*loggregator_v2.Counter).GetName, Equal("requests")),
			WithTransform((*loggregator_v2.Counter).GetDelta, Equal(uint64(2))),
			WithTransform((*loggregator_v2.Counter).GetTotal, Equal(uint64(99)))))
		Expect(c.Tags).NotTo(HaveKey("source_id"))

		v := got["ValueMetric"]
		Expect(v.SourceId).To(Equal("gorouter"))
		Expect(v.Tags).To(HaveKeyWithValue("deployment", "own-deployment"))
		Expect(v.Tags).To(HaveKeyWithValue("job", "own-job"))
		Expect(v.GetGauge().GetMetrics()).To(HaveLen(1))
		Expect(v.GetGauge().GetMetrics()["latency"].GetValue()).To(Equal(12.5))
		Expect(v.GetGauge().GetMetrics()["latency"].GetUnit()).To(Equal("ms"))

		cm := got["ContainerMetric"]
		Expect(cm.SourceId).To(Equal(appGUID))
		Expect(cm.InstanceId).To(Equal("2"))
		m := cm.GetGauge().GetMetrics()
		Expect(m).To(HaveLen(5))
		Expect([]any{m["cpu"].GetValue(), m["cpu"].GetUnit()}).To(Equal([]any{41.5, "percentage"}))
		Expect([]any{m["memory"].GetValue(), m["memory"].GetUnit()}).To(Equal([]any{float64(1 << 20), "bytes"}))
		Expect([]any{m["disk"].GetValue(), m["disk"].GetUnit()}).To(Equal([]any{float64(1 << 21), "bytes"}))
		Expect([]any{m["memory_quota"].GetValue(), m["memory_quota"].GetUnit()}).To(Equal([]any{float64(1 << 30), "bytes"}))
		Expect([]any{m["disk_quota"].GetValue(), m["disk_quota"].GetUnit()}).To(Equal([]any{float64(1 << 31), "bytes"}))

		h := got["HttpStartStop"]
		Expect(h.SourceId).To(Equal(appGUID))
		Expect(h.InstanceId).To(Equal("4"))
		Expect(h.GetTimer().GetName()).To(Equal("http"))
		Expect(h.GetTimer().GetStart()).To(Equal(int64(100)))
		Expect(h.GetTimer().GetStop()).To(Equal(int64(250)))
		for k, want := range map[string]string{
			"request_id": appGUID, "peer_type": "Server", "method": "PUT", "uri": "https://app.example.com/x",
			"remote_address": "10.0.0.9:5000", "user_agent": "curl/8", "status_code": "201",
			"content_length": "512", "routing_instance_id": "ab12", "forwarded": "1.1.1.1\n2.2.2.2",
		} {
			Expect(h.Tags).To(HaveKeyWithValue(k, want))
		}

		Expect(f.metric("ingress")).To(BeNumerically("==", 5))
		Eventually(func() float64 { return f.metric("egress") }).Should(BeNumerically("==", 5))
	})

	It("counts and skips malformed datagrams, forwarding the good ones around them", func() {
		agent := startAgent("")
		f := startForwarder(agent.Addr(), nil)

		f.sendV1(logV1("before"))
		f.send([]byte("definitely not protobuf \xff\xff"))
		f.send([]byte{})
		noMessage := v1(events.Envelope_CounterEvent)
		f.sendV1(noMessage)
		f.sendV1(logV1("after"))

		Eventually(func() float64 { return f.metric(`dropped{direction="ingress",reason="invalid"}`) }).Should(BeNumerically("==", 3))
		Eventually(func() []*loggregator_v2.Envelope { return forwarded(agent) }).Should(HaveLen(2))
		var payloads []string
		for _, e := range forwarded(agent) {
			payloads = append(payloads, string(e.GetLog().GetPayload()))
		}
		Expect(payloads).To(ConsistOf("before", "after"))
		Expect(f.metric("ingress")).To(BeNumerically("==", 5))
		Consistently(f.session).ShouldNot(gexec.Exit())
	})

	It("keeps reading while the agent is gone, counts the drops, and delivers again once it is back", func() {
		agent := startAgent("")
		addr := agent.Addr()
		f := startForwarder(addr, func(c *udpforwarder.Config) {
			c.UDP.BufferSize = 100
			c.Batch.Size = 10
		})
		f.sendV1(logV1("first"))
		Eventually(func() []*loggregator_v2.Envelope { return forwarded(agent) }).Should(HaveLen(1))

		agent.Close()
		const n = 5000
		for i := range n {
			f.sendV1(logV1(fmt.Sprintf("while-down-%d", i)))
			if i%500 == 499 {
				// Pace the writes so the kernel's socket buffer never overflows:
				// every datagram must reach the reader for the count below.
				Eventually(func() float64 { return f.metric("ingress") }).Should(BeNumerically(">=", i+2))
			}
		}
		Eventually(func() float64 { return f.metric("ingress") }).Should(BeNumerically("==", n+1))
		Eventually(func() float64 { return f.metric(`dropped{direction="ingress",reason="buffer_full"}`) }).Should(BeNumerically(">", 0))

		back := startAgent(addr)
		Eventually(func() []*loggregator_v2.Envelope {
			f.sendV1(logV1("after"))
			return forwarded(back)
		}).Should(ContainElement(WithTransform(func(e *loggregator_v2.Envelope) string { return string(e.GetLog().GetPayload()) }, Equal("after"))))
	})

	It("holds at most udp.buffer_bytes of envelopes while the agent does not read, dropping and counting the rest", func() {
		agent := startAgent("")
		f := startForwarder(agent.Addr(), func(c *udpforwarder.Config) {
			c.UDP.BufferBytes = 256 << 10
			c.Batch.Size = 1
		})
		f.sendV1(logV1("first"))
		Eventually(func() []*loggregator_v2.Envelope { return forwarded(agent) }).Should(HaveLen(1))
		agent.Stall()

		big := strings.Repeat("x", 60<<10)
		const n = 200
		for i := range n {
			f.sendV1(logV1(fmt.Sprintf("%d-%s", i, big)))
			if i%10 == 9 {
				Eventually(func() float64 { return f.metric("ingress") }).Should(BeNumerically("==", i+2))
			}
		}
		// 256 KiB holds four of them (the one in the stalled write
		// included) and the stream's 1 MiB window about sixteen more; the
		// diode drops its oldest as each new one arrives
		// (without the byte bound it would hold them all, and the stalled
		// batcher would drop one a second).
		Eventually(func() float64 { return f.metric(`dropped{direction="ingress",reason="buffer_full"}`) }).Should(BeNumerically(">=", 150))
		Expect(f.metric(`dropped{direction="ingress",reason="buffer_full"}`)).To(BeNumerically("<=", n))
	})

	It("delivers everything it read before SIGTERM, then exits cleanly", func() {
		agent := startAgent("")
		f := startForwarder(agent.Addr(), nil)
		for i := range 200 {
			f.sendV1(logV1(fmt.Sprintf("log-%d", i)))
		}
		Eventually(func() float64 { return f.metric("ingress") }).Should(BeNumerically("==", 200))
		f.session.Signal(syscall.SIGTERM)
		Eventually(f.session).Should(gexec.Exit(0))
		Expect(forwarded(agent)).To(HaveLen(200))
	})

	It("warns, naming the effective size, when the kernel grants a smaller receive buffer than configured", func() {
		limit := rmemMax()
		agent := startAgent("")
		f := startForwarder(agent.Addr(), func(c *udpforwarder.Config) { c.UDP.ReceiveBufferBytes = 2 * limit })
		Eventually(f.session.Err).Should(gbytes.Say("UDP RECEIVE BUFFER SMALLER THAN CONFIGURED"))
		Expect(string(f.session.Err.Contents())).To(ContainSubstring(fmt.Sprintf(`"net.core.rmem_max":%d`, limit)))
		Expect(f.metric("udp_receive_buffer_bytes")).To(BeNumerically("==", limit))
	})

	It("sets the configured receive buffer and serves the kernel's drop counters beside its own", func() {
		agent := startAgent("")
		f := startForwarder(agent.Addr(), func(c *udpforwarder.Config) { c.UDP.ReceiveBufferBytes = 1 << 20 })
		Expect(f.metric("udp_receive_buffer_bytes")).To(BeNumerically("==", 1<<20))
		Eventually(func() bool { return f.hasMetric("udp_socket_drops") && f.hasMetric("udp_rcvbuf_errors") }).Should(BeTrue())
		Expect(string(f.session.Err.Contents())).NotTo(ContainSubstring("SMALLER THAN CONFIGURED"))
	})

	It("sends its own metrics to the agent with its source id", func() {
		agent := startAgent("")
		f := startForwarder(agent.Addr(), func(c *udpforwarder.Config) { c.Metrics.EmitInterval = config.Duration(100 * time.Millisecond) })
		f.sendV1(logV1("x"))
		Eventually(func() uint64 { return agent.Counter(udpforwarder.SourceID, "ingress", nil) }).Should(BeNumerically("==", 1))
	})
})

// rmemMax is the kernel's cap on receive buffers that a process may set.
func rmemMax() int {
	b, err := os.ReadFile("/proc/sys/net/core/rmem_max")
	Expect(err).NotTo(HaveOccurred())
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	Expect(err).NotTo(HaveOccurred())
	return n
}
