package routerpool_test

import (
	"encoding/binary"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/config"
	"loggregator/internal/diode"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics"
	"loggregator/internal/routerpool"
)

// numbered is a producer of envelopes whose payloads are their numbers.
type numbered struct{ next uint64 }

func (n *numbered) batch(size int) [][]byte {
	out := make([][]byte, size)
	for i := range out {
		payload := binary.BigEndian.AppendUint64(nil, n.next)
		n.next++
		b, err := proto.Marshal(&loggregator_v2.Envelope{
			SourceId: "app",
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: payload}},
		})
		Expect(err).NotTo(HaveOccurred())
		out[i] = b
	}
	return out
}

// missing is how many of the numbers 0..n-1 none of sinks recorded.
func missing(n uint64, sinks ...*envelopetest.IngressSink) int {
	seen := make(map[uint64]bool, n)
	for _, s := range sinks {
		for _, e := range s.Envelopes() {
			seen[binary.BigEndian.Uint64(e.GetLog().GetPayload())] = true
		}
	}
	lost := 0
	for i := range n {
		if !seen[i] {
			lost++
		}
	}
	return lost
}

// vanishMidStream sends batches through a pool of two streams over sinks a
// and b while a stops reading and then vanishes like a killed router with
// what it had not read still in flight, then sends more. It returns how
// many envelopes it sent.
func vanishMidStream(p *runningPool, a, b *envelopetest.IngressSink) uint64 {
	var n numbered
	spread(p, &n, a, b)
	for range 50 {
		p.in <- n.batch(5)
	}
	a.Stall()
	for range 200 {
		p.in <- n.batch(5)
	}
	a.Close()
	for range 200 {
		p.in <- n.batch(5)
	}
	p.closeIn()
	Eventually(p.done, 10*time.Second).Should(BeClosed())
	return n.next
}

// spread offers numbered batches of five until both sinks have some.
func spread(p *runningPool, n *numbered, a, b *envelopetest.IngressSink) {
	GinkgoHelper()
	Eventually(func() bool {
		if !p.offer(n.batch(5)) {
			n.next -= 5 // not sent: the numbers are used again
		}
		return a.Count() > 0 && b.Count() > 0
	}, 10*time.Second).Should(BeTrue(), "the streams spread over both sinks")
}

// twoAckedSinks starts two routers of this release (acknowledged sinks); a
// is closed at cleanup (it may be stalled), b stopped.
func twoAckedSinks(c certs) (a, b *envelopetest.IngressSink) {
	GinkgoHelper()
	a, err := envelopetest.NewAckedIngressSink(c["doppler"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(a.Close)
	b, err = envelopetest.NewAckedIngressSink(c["doppler"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(b.Stop)
	return a, b
}

// leaveStalled runs a pool with an ack_timeout of 2 s over two routers of
// this release, a and b, until both have batches and every one arrived;
// after quiet, a stops acknowledging while staying connected (a stopped
// router) and 100 more batches go out. Every envelope must arrive within
// 10 s, the pool counting a timeout and dropping nothing.
func leaveStalled(c certs, quiet time.Duration) *metrics.Registry {
	GinkgoHelper()
	a, b := twoAckedSinks(c)
	reg := metrics.NewRegistry()
	cfg := c.poolConfig(a.Addr(), b.Addr())
	cfg.AckTimeout = config.Duration(2 * time.Second)
	p := startPool(cfg, routerpool.NewMetrics(reg, "router"), 0)

	var n numbered
	spread(p, &n, a, b)
	Eventually(func() int { return missing(n.next, a, b) }, 10*time.Second).Should(BeZero())
	time.Sleep(quiet)
	a.Stall()
	for range 100 {
		p.in <- n.batch(5)
	}
	Eventually(func() int { return missing(n.next, a, b) }, 10*time.Second).Should(BeZero())
	Expect(value(reg, `router_ack_timeouts{destination="router"}`)).To(BeNumerically(">=", 1))
	Expect(value(reg, `dropped{direction="egress",reason="unacknowledged"}`)).To(Equal(0.0))
	return reg
}

var _ = Describe("Pool with acknowledgements", func() {
	var c certs

	BeforeEach(func() {
		c = newCerts()
	})

	It("uses acknowledged streams to routers of this release", func() {
		r := c.startRouter("127.0.0.1:0")
		reg := metrics.NewRegistry()
		p := startPool(c.poolConfig(r.Addr()), routerpool.NewMetrics(reg, "router"), 0)
		for range 20 {
			p.in <- batch(5)
		}
		Eventually(r.ingress).Should(Equal(100.0))
		Eventually(p.released.Load).Should(Equal(int64(20)), "each batch goes back once acknowledged")
		// The second worker may still be dialling: the first can take all 20.
		Eventually(func() float64 {
			return value(reg, `router_acked_streams{destination="router"}`)
		}).Should(Equal(2.0))
		Expect(value(reg, `router_resent_envelopes{destination="router"}`)).To(Equal(0.0))
	})

	It("falls back to plain BatchSender with a router that offers no acknowledgements, beside one that does", func() {
		plain, err := envelopetest.NewIngressSink(c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(plain.Stop)
		r := c.startRouter("127.0.0.1:0")
		reg := metrics.NewRegistry()
		cfg := c.poolConfig(plain.Addr(), r.Addr())
		p := startPool(cfg, routerpool.NewMetrics(reg, "router"), 0)
		sent := 0
		Eventually(func() bool {
			if p.offer(batch(1)) {
				sent++
			}
			return plain.Count() > 0 && r.ingress() > 0
		}, 10*time.Second).Should(BeTrue(), "both routers get envelopes")
		Expect(value(reg, `router_acked_streams{destination="router"}`)).To(Equal(1.0))
		Expect(value(reg, `router_streams{destination="router"}`)).To(Equal(2.0))
		p.closeIn()
		Eventually(p.done, 10*time.Second).Should(BeClosed())
		Expect(float64(plain.Count()) + r.ingress()).To(Equal(float64(sent)))
	})

	It("sends what a vanished router had not acknowledged to another, so every envelope arrives at least once", func() {
		a, b := twoAckedSinks(c)
		reg := metrics.NewRegistry()
		p := startPool(c.poolConfig(a.Addr(), b.Addr()), routerpool.NewMetrics(reg, "router"), 0)

		sent := vanishMidStream(p, a, b)
		Expect(missing(sent, a, b)).To(Equal(0))
		Expect(value(reg, `router_resent_envelopes{destination="router"}`)).To(BeNumerically(">=", 5),
			"what the stalled sink held was sent again")
		Expect(value(reg, `dropped{direction="egress",reason="unacknowledged"}`)).To(Equal(0.0))
		Expect(value(reg, "egress")).To(Equal(float64(sent)))
	})

	It("leaves a router that keeps its connection but stops acknowledging within ack_timeout, and sends what it held to another", func() {
		// Keepalive would notice after 70 s; the pool must within 2 s
		// of a's last acknowledgement.
		reg := leaveStalled(c, 0)
		Expect(value(reg, `router_resent_envelopes{destination="router"}`)).To(BeNumerically(">", 0))
	})

	It("leaves a router that stops acknowledging during a quiet spell once batches come again, though an idle stream is not checked", func() {
		// Every batch acknowledged, the checks pause; the first write after
		// the spell wakes them.
		leaveStalled(c, 3*time.Second)
	})

	It("keeps what its only router had not acknowledged when it vanished, and writes it once the router is back", func() {
		addr := freeAddr()
		a, err := envelopetest.NewAckedIngressSinkOn(addr, c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(a.Close)
		reg := metrics.NewRegistry()
		budget := diode.NewBudget(1 << 20)
		p := startPoolOn(c.poolConfig(addr), routerpool.NewMetrics(reg, "router"), 0, routerpool.Options{Budget: budget})

		var n numbered
		for range 20 {
			p.in <- n.batch(5)
		}
		Eventually(func() int { return missing(n.next, a) }, 10*time.Second).Should(BeZero())
		a.Stall()
		for range 20 {
			p.in <- n.batch(5)
		}
		a.Close()
		Eventually(func() float64 {
			return value(reg, `router_connection_failures{destination="router"}`)
		}, 10*time.Second).Should(BeNumerically(">=", 2), "the router stays away for a few attempts")
		Expect(value(reg, `router_held_envelopes{destination="router"}`)).To(BeNumerically(">", 0))
		Expect(budget.Held()).To(BeNumerically(">", 0), "what is held is charged to the budget")

		b, err := envelopetest.NewAckedIngressSinkOn(addr, c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(b.Stop)
		Eventually(func() int { return missing(n.next, a, b) }, 10*time.Second).Should(BeZero())
		Expect(value(reg, `dropped{direction="egress",reason="unacknowledged"}`)).To(Equal(0.0))
		Expect(value(reg, `dropped{direction="egress",reason="router_unavailable"}`)).To(Equal(0.0))
		Eventually(func() float64 {
			return value(reg, `router_held_envelopes{destination="router"}`)
		}).Should(BeZero())
		Eventually(budget.Held).Should(BeZero(), "every batch acknowledged and uncharged")
	})

	It("counts what a plain stream to a vanished router may have lost as unconfirmed", func() {
		a, err := envelopetest.NewIngressSink(c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(a.Close)
		b, err := envelopetest.NewIngressSink(c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(b.Stop)
		reg := metrics.NewRegistry()
		p := startPool(c.poolConfig(a.Addr(), b.Addr()), routerpool.NewMetrics(reg, "router"), 0)

		sent := vanishMidStream(p, a, b)
		lost := missing(sent, a, b)
		Expect(lost).To(BeNumerically(">", 0), "a plain stream cannot get back what it wrote")
		unconfirmed := value(reg, `dropped{direction="egress",reason="unconfirmed"}`)
		Expect(unconfirmed).To(BeNumerically(">=", lost), "the count covers the loss")
		Expect(unconfirmed).To(BeNumerically("<=", sent), "and is bounded by what was written")
	})

	It("keeps what an acknowledged stream holds for its router within the buffer budget, and gives it back once acknowledged", func() {
		a, err := envelopetest.NewAckedIngressSink(c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(a.Stop)
		budget := diode.NewBudget(1000) // about ten batches of five small envelopes
		rp := startPoolOn(c.poolConfig(a.Addr()), routerpool.NewMetrics(metrics.NewRegistry(), "router"), 0, routerpool.Options{Budget: budget})

		a.Stall()
		offered := 0
		Eventually(func() int64 {
			if rp.offer(batch(5)) {
				offered++
			}
			return budget.Held()
		}, 10*time.Second).Should(BeNumerically(">=", 500), "unacknowledged batches are charged")
		Consistently(func() int64 {
			if rp.offer(batch(5)) {
				offered++
			}
			return budget.Held()
		}, 500*time.Millisecond).Should(BeNumerically("<=", 1000), "and held within the budget")

		a.Resume()
		Eventually(func() int64 { return rp.released.Load() }, 10*time.Second).Should(BeEquivalentTo(offered))
		Eventually(budget.Held).Should(BeZero())
	})
})
