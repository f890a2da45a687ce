package subscription_test

import (
	"fmt"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/leakcheck"
	"loggregator/internal/subscription"
)

var _ = leakcheck.EverySpec()

func logSel(src string) *loggregator_v2.Selector {
	return &loggregator_v2.Selector{SourceId: src, Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}}
}

func counterSel(src, name string) *loggregator_v2.Selector {
	return &loggregator_v2.Selector{SourceId: src, Message: &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{Name: name}}}
}

func gaugeSel(src string, names ...string) *loggregator_v2.Selector {
	return &loggregator_v2.Selector{SourceId: src, Message: &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{Names: names}}}
}

func req(sels ...*loggregator_v2.Selector) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{Selectors: sels, UsePreferredTags: true}
}

func logEnv(src, text string) []byte {
	b, _ := proto.Marshal(&loggregator_v2.Envelope{SourceId: src, Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(text)}}})
	return b
}

func counterEnv(src, name string) []byte {
	b, _ := proto.Marshal(&loggregator_v2.Envelope{SourceId: src, Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: name, Total: 1}}})
	return b
}

func gaugeEnv(src string, names ...string) []byte {
	m := map[string]*loggregator_v2.GaugeValue{}
	for _, n := range names {
		m[n] = &loggregator_v2.GaugeValue{Value: 1}
	}
	b, _ := proto.MarshalOptions{Deterministic: true}.Marshal(&loggregator_v2.Envelope{SourceId: src, Message: &loggregator_v2.Envelope_Gauge{Gauge: &loggregator_v2.Gauge{Metrics: m}}})
	return b
}

// inbox collects what one subscription received, as strings.
type inbox struct{ got []string }

func (b *inbox) deliver(env []byte) { b.got = append(b.got, string(env)) }

func subscribe(r *subscription.Registry, rq *loggregator_v2.EgressBatchRequest) (*inbox, func()) {
	GinkgoHelper()
	b := &inbox{}
	unsub, err := r.Subscribe(rq, b.deliver)
	Expect(err).NotTo(HaveOccurred())
	return b, unsub
}

func route(r *subscription.Registry, envs ...[]byte) {
	GinkgoHelper()
	Expect(r.RouteBatch(envs)).To(BeZero())
}

var _ = Describe("Validate", func() {
	It("rejects a request without selectors, saying a selector is required", func() {
		_, err := subscription.Validate(&loggregator_v2.EgressBatchRequest{ShardId: "x"})
		Expect(status.Code(err)).To(Equal(codes.InvalidArgument))
		Expect(err).To(MatchError(ContainSubstring("at least one selector")))
	})

	It("rejects a selector without a message type, naming the selector", func() {
		_, err := subscription.Validate(req(logSel("a"), &loggregator_v2.Selector{SourceId: "b"}))
		Expect(status.Code(err)).To(Equal(codes.InvalidArgument))
		Expect(err).To(MatchError(ContainSubstring(`selector 1 (source_id "b") has no message type`)))
	})

	It("accepts a legacy selector, without a message type meaning every type", func() {
		sels, err := subscription.Validate(&loggregator_v2.EgressBatchRequest{LegacySelector: &loggregator_v2.Selector{SourceId: "a"}})
		Expect(err).NotTo(HaveOccurred())
		Expect(sels).To(HaveLen(5))
		sels, err = subscription.Validate(&loggregator_v2.EgressBatchRequest{LegacySelector: logSel("a")})
		Expect(err).NotTo(HaveOccurred())
		Expect(sels).To(HaveLen(1))
	})
})

var _ = Describe("Registry", func() {
	var r *subscription.Registry

	BeforeEach(func() {
		r = subscription.NewRegistry()
	})

	It("delivers each envelope to the subscriptions whose selectors match it", func() {
		logsA, _ := subscribe(r, req(logSel("a")))
		everyLog, _ := subscribe(r, req(logSel("")))
		requests, _ := subscribe(r, req(counterSel("", "requests")))
		cpu, _ := subscribe(r, req(gaugeSel("a", "cpu", "mem")))
		route(r, logEnv("a", "1"), logEnv("b", "2"), counterEnv("a", "requests"), counterEnv("a", "errors"),
			gaugeEnv("a", "cpu"), gaugeEnv("a", "cpu", "mem", "disk"), gaugeEnv("b", "cpu", "mem"))

		Expect(logsA.got).To(Equal([]string{string(logEnv("a", "1"))}))
		Expect(everyLog.got).To(Equal([]string{string(logEnv("a", "1")), string(logEnv("b", "2"))}))
		Expect(requests.got).To(Equal([]string{string(counterEnv("a", "requests"))}))
		Expect(cpu.got).To(Equal([]string{string(gaugeEnv("a", "cpu", "mem", "disk"))}))
	})

	It("delivers an envelope once to a subscription that selects it several ways", func() {
		b, _ := subscribe(r, req(logSel("a"), logSel(""), logSel("a")))
		route(r, logEnv("a", "x"))
		Expect(b.got).To(HaveLen(1))
	})

	It("stops delivering once unsubscribed, and unsubscribing twice is harmless", func() {
		b, unsub := subscribe(r, req(logSel("a")))
		Expect(r.Len()).To(Equal(1))
		unsub()
		unsub()
		route(r, logEnv("a", "x"))
		Expect(b.got).To(BeEmpty())
		Expect(r.Len()).To(BeZero())
	})

	It("counts malformed envelopes and routes the rest", func() {
		b, _ := subscribe(r, req(logSel("")))
		Expect(r.RouteBatch([][]byte{{0x12, 0x09, 'x'}, logEnv("a", "x")})).To(Equal(1))
		Expect(b.got).To(HaveLen(1))
	})

	It("splits a shard group's stream so each envelope reaches exactly one member", func() {
		shard := req(logSel("a"), counterSel("", ""))
		shard.ShardId = "group"
		members := make([]*inbox, 3)
		for i := range members {
			members[i], _ = subscribe(r, shard)
		}
		loner, _ := subscribe(r, req(logSel("a"), counterSel("", "")))
		var envs [][]byte
		for i := range 300 {
			envs = append(envs, logEnv("a", fmt.Sprint(i)))
		}
		route(r, envs...)

		seen := map[string]int{}
		for _, m := range members {
			Expect(len(m.got)).To(BeNumerically(">", 50), "the group splits the load")
			for _, g := range m.got {
				seen[g]++
			}
		}
		Expect(seen).To(HaveLen(300))
		for _, n := range seen {
			Expect(n).To(Equal(1))
		}
		Expect(loner.got).To(HaveLen(300))
	})

	It("treats the same shard id with other selectors as another group", func() {
		a := req(logSel("a"))
		a.ShardId = "s"
		b := req(logSel(""))
		b.ShardId = "s"
		inA, _ := subscribe(r, a)
		inB, _ := subscribe(r, b)
		route(r, logEnv("a", "1"))
		Expect(inA.got).To(HaveLen(1))
		Expect(inB.got).To(HaveLen(1))
	})

	It("keeps counters and gauges of one name on one member with deterministic_name", func() {
		rq := req(counterSel("", ""), gaugeSel(""))
		rq.ShardId, rq.DeterministicName = "s", "yes"
		members := make([]*inbox, 4)
		for i := range members {
			members[i], _ = subscribe(r, rq)
		}
		for range 20 {
			for n := range 10 {
				route(r, counterEnv("a", fmt.Sprint("c", n)), gaugeEnv("b", fmt.Sprint("g", n), "x"))
			}
		}
		owner := map[string]int{}
		for i, m := range members {
			for _, g := range m.got {
				if o, ok := owner[g]; ok {
					Expect(o).To(Equal(i), "a name went to two members")
				}
				owner[g] = i
			}
		}
		Expect(owner).To(HaveLen(20))
	})
})
