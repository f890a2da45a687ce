package e2e_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
)

// sorted returns a sorted copy, so two sets of thousands of keys compare in
// n log n (ConsistOf matches in n²).
func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// settled waits until c has received exactly n envelopes and stays there a
// moment, so a late duplicate would show.
func settled(c *consumer, n int) {
	GinkgoHelper()
	Eventually(c.count).Should(Equal(n))
	Consistently(c.count, "200ms").Should(Equal(n))
}

var _ = Describe("Agent → routers → rlp → consumers", func() {
	It("delivers every envelope an app emits exactly once to a lone consumer, spread over both routers", func() {
		con := shared.consume(request("", logsOf("lone")))
		shared.subscribed(1)
		before := shared.routerIngress()

		em := shared.emitter()
		sent := em.logs("lone", "log", 5000)
		Expect(em.close()).To(Succeed())

		settled(con, len(sent))
		Expect(con.duplicates()).To(BeEmpty())
		Expect(sorted(con.keys())).To(Equal(sorted(sent)))
		after := shared.routerIngress()
		Expect(after[0]).To(BeNumerically(">", before[0]), "router 0 carried part of the stream")
		Expect(after[1]).To(BeNumerically(">", before[1]), "router 1 carried part of the stream")
	})

	It("delivers through the gateway to go-loggregator's RLPGatewayClient exactly what was sent for its source id", func() {
		con := shared.consumeGateway(request("", logsOf("via-gateway")))
		shared.subscribed(1)

		em := shared.emitter()
		sent := em.logs("via-gateway", "log", 1000)
		em.logs("not-via-gateway", "other", 1000)
		Expect(em.close()).To(Succeed())

		settled(con, len(sent))
		Expect(con.duplicates()).To(BeEmpty())
		Expect(sorted(con.keys())).To(Equal(sorted(sent)))
	})

	It("splits the stream between the members of a shard group with no loss and no duplicates, and gives a consumer without shard id everything", func() {
		first := shared.consume(request("group", logsOf("sharded")))
		second := shared.consume(request("group", logsOf("sharded")))
		alone := shared.consume(request("", logsOf("sharded")))
		shared.subscribed(3)

		em := shared.emitter()
		sent := em.logs("sharded", "log", 3000)
		Expect(em.close()).To(Succeed())

		settled(alone, len(sent))
		Expect(sorted(alone.keys())).To(Equal(sorted(sent)))
		group := func() int { return first.count() + second.count() }
		Eventually(group).Should(Equal(len(sent)))
		Consistently(group, "200ms").Should(Equal(len(sent)))
		Expect(first.count()).To(BeNumerically(">", 0), "the first member got a share")
		Expect(second.count()).To(BeNumerically(">", 0), "the second member got a share")
		Expect(first.duplicates()).To(BeEmpty())
		Expect(second.duplicates()).To(BeEmpty())
		Expect(sorted(append(first.keys(), second.keys()...))).To(Equal(sorted(sent)), "the union is what was sent, and no envelope went to both")
	})

	It("gives a consumer of one source none of another, and a counter selector only counters", func() {
		logsA := shared.consume(request("", logsOf("source-a")))
		countersA := shared.consume(request("", countersOf("source-a")))
		logsB := shared.consume(request("", logsOf("source-b")))
		shared.subscribed(3)

		em := shared.emitter()
		sentA := em.logs("source-a", "a", 500)
		sentCounters := em.counters("source-a", "c", 500)
		sentB := em.logs("source-b", "b", 500)
		Expect(em.close()).To(Succeed())

		settled(logsA, len(sentA))
		settled(countersA, len(sentCounters))
		settled(logsB, len(sentB))
		Expect(sorted(logsA.keys())).To(Equal(sorted(sentA)))
		Expect(sorted(logsB.keys())).To(Equal(sorted(sentB)))
		wantCounters := make([]string, len(sentCounters))
		for i, n := range sentCounters {
			wantCounters[i] = "counter:" + n
		}
		Expect(sorted(countersA.keys())).To(Equal(sorted(wantCounters)))
	})

	It("lets a consumer that stops reading lose only its own envelopes, while a fast one next to it receives everything", func() {
		fast := shared.consume(request("", logsOf("slow-and-fast")))
		// A small, fixed flow-control window, so the rlp's sends to the
		// stalled consumer block after a few hundred envelopes and its backlog
		// piles up in the rlp until the rlp cuts it off.
		stall, cancel := shared.stream(request("", logsOf("slow-and-fast")),
			grpc.WithInitialWindowSize(64<<10), grpc.WithInitialConnWindowSize(64<<10))
		DeferCleanup(cancel)
		slowGot := make(chan int, 1)
		go func() {
			defer GinkgoRecover()
			slowGot <- len(stall()) // one batch, then it never reads again
		}()
		shared.subscribed(2)
		dropsBefore, err := shared.metric("rlp_metrics", "dropped", `direction="egress"`)
		Expect(err).NotTo(HaveOccurred())
		disconnectsBefore, err := shared.metric("rlp_metrics", "slow_consumer_disconnects")
		Expect(err).NotTo(HaveOccurred())

		// Chunks keep the fast consumer well inside its own buffer, so all it
		// could lose is what the slow one takes from it.
		em := shared.emitter()
		padding := strings.Repeat("x", 200)
		var sent []string
		for chunk := range 20 {
			sent = append(sent, em.logsFrom("slow-and-fast", "log"+padding, chunk*500, 500)...)
			Eventually(fast.count).Should(Equal(len(sent)))
		}
		Expect(em.close()).To(Succeed())

		settled(fast, len(sent))
		Expect(fast.duplicates()).To(BeEmpty())
		Expect(sorted(fast.keys())).To(Equal(sorted(sent)))
		Eventually(slowGot).Should(Receive(BeNumerically("<", len(sent))))
		Eventually(shared.metricFunc("rlp_metrics", "slow_consumer_disconnects")).Should(BeNumerically(">", disconnectsBefore))
		Eventually(shared.metricFunc("rlp_metrics", "dropped", `direction="egress"`)).Should(BeNumerically(">", dropsBefore), "the slow consumer's loss is counted")
	})
})

var _ = Describe("Components stopping", func() {
	It("resumes delivery after a router is killed and restarted mid-stream, losing at most what was sent during the outage", func() {
		sys := startSystem()
		DeferCleanup(sys.Stop)
		con := sys.consume(request("", logsOf("restart")))
		sys.subscribed(1)
		em := sys.emitter()

		before := em.logs("restart", "before", 1000)
		Eventually(con.count).Should(Equal(len(before)))

		router := sys.Proc("doppler-0")
		router.Kill()
		during := em.logs("restart", "during", 1000)
		Eventually(sys.metricFunc("rlp_metrics", "router_stream_errors")).Should(BeNumerically(">=", 1))

		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		Expect(router.Start(ctx)).To(Succeed())
		sys.subscribed(1)
		// The agent reconnects to the restarted router on its own schedule;
		// delivery must not depend on when.
		after := em.logs("restart", "after", 1000)
		Expect(em.close()).To(Succeed())

		Eventually(func() []string {
			var missing []string
			for _, k := range append(before, after...) {
				if !con.has(k) {
					missing = append(missing, k)
				}
			}
			return missing
		}).Should(BeEmpty(), "every envelope sent before the kill and after the restart arrives")
		Expect(con.duplicates()).To(BeEmpty())
		lost := 0
		for _, k := range during {
			if !con.has(k) {
				lost++
			}
		}
		dropped, err := sys.metric("agent_metrics", "dropped", `direction="egress"`)
		Expect(err).NotTo(HaveOccurred())
		fmt.Fprintf(GinkgoWriter, "during the outage %d of %d envelopes were lost; the agent counted %v drops\n", lost, len(during), dropped)
		Expect(dropped).To(BeNumerically(">=", lost), "what the outage cost is counted where it was dropped")
	})

	It("loses nothing the agent accepted when the agent, the routers and the rlp stop gracefully in turn", func() {
		sys := startSystem()
		DeferCleanup(sys.Stop)
		con := sys.consume(request("", logsOf("graceful")))
		sys.subscribed(1)

		em := sys.emitter()
		sent := em.logs("graceful", "log", 5000)
		Expect(em.close()).To(Succeed(), "the agent accepted every envelope")

		for _, name := range []string{"loggregator_agent", "doppler-0", "doppler-1", "reverse_log_proxy"} {
			sys.Proc(name).Stop()
		}
		Eventually(con.count).Should(Equal(len(sent)))
		Expect(con.duplicates()).To(BeEmpty())
		Expect(sorted(con.keys())).To(Equal(sorted(sent)))
	})
})
