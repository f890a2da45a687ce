package envelopetest_test

import (
	"context"
	"crypto/tls"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/internal/leakcheck"
	"loggregator/internal/mtls"
)

var _ = leakcheck.EverySpec()

// egressFixture is a running EgressSource and a client TLS config for it.
type egressFixture struct {
	src    *envelopetest.EgressSource
	client *tls.Config
}

func newEgressFixture() *egressFixture {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "client")
	Expect(err).NotTo(HaveOccurred())
	f := func(name string) mtls.Files {
		return files[name]
	}
	src, err := envelopetest.NewEgressSource("127.0.0.1:0", f("doppler"))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(src.Stop)
	client, err := mtls.Client(f("client"), "doppler", nil)
	Expect(err).NotTo(HaveOccurred())
	return &egressFixture{src: src, client: client}
}

// egressClient opens an Egress client on the source; cancel ends its streams.
func (f *egressFixture) egressClient() (loggregator_v2.EgressClient, context.Context, context.CancelFunc) {
	conn, err := grpc.NewClient(f.src.Addr(), grpc.WithTransportCredentials(credentials.NewTLS(f.client)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	ctx, cancel := context.WithCancel(context.Background())
	DeferCleanup(cancel)
	return loggregator_v2.NewEgressClient(conn), ctx, cancel
}

func (f *egressFixture) batched(req *loggregator_v2.EgressBatchRequest) (loggregator_v2.Egress_BatchedReceiverClient, context.CancelFunc) {
	c, ctx, cancel := f.egressClient()
	stream, err := c.BatchedReceiver(ctx, req)
	Expect(err).NotTo(HaveOccurred())
	return stream, cancel
}

func payloadsOf(envs []*loggregator_v2.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, string(e.GetLog().GetPayload()))
	}
	return out
}

var appLogs = &loggregator_v2.EgressBatchRequest{Selectors: []*loggregator_v2.Selector{{
	SourceId: "app", Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}},
}}}

var _ = Describe("EgressSource", func() {
	It("records the request and streams what Send gives it as one batch", func() {
		f := newEgressFixture()
		stream, _ := f.batched(appLogs)
		Eventually(f.src.Subscriptions).Should(Equal(1))
		Expect(f.src.Requests()).To(HaveLen(1))
		Expect(f.src.Requests()[0].GetSelectors()[0].GetSourceId()).To(Equal("app"))

		f.src.Send(envelopetest.Logs("app", "a", 3)...)
		batch, err := stream.Recv()
		Expect(err).NotTo(HaveOccurred())
		Expect(payloadsOf(batch.GetBatch())).To(Equal([]string{"a-0", "a-1", "a-2"}))
	})

	It("serves Receiver one envelope per message and records its request", func() {
		f := newEgressFixture()
		c, ctx, _ := f.egressClient()
		stream, err := c.Receiver(ctx, &loggregator_v2.EgressRequest{ShardId: "g", Selectors: appLogs.Selectors})
		Expect(err).NotTo(HaveOccurred())
		Eventually(f.src.Subscriptions).Should(Equal(1))
		Expect(f.src.Requests()[0].GetShardId()).To(Equal("g"))

		f.src.Send(envelopetest.Logs("app", "r", 2)...)
		for _, want := range []string{"r-0", "r-1"} {
			e, err := stream.Recv()
			Expect(err).NotTo(HaveOccurred())
			Expect(string(e.GetLog().GetPayload())).To(Equal(want))
		}
	})

	It("gives every stream without a shard id a copy and splits a shard group", func() {
		f := newEgressFixture()
		all, _ := f.batched(appLogs)
		grouped := &loggregator_v2.EgressBatchRequest{ShardId: "g", Selectors: appLogs.Selectors}
		first, _ := f.batched(grouped)
		second, _ := f.batched(grouped)
		Eventually(f.src.Subscriptions).Should(Equal(3))

		f.src.Send(envelopetest.Logs("app", "s", 4)...)
		recv := func(s loggregator_v2.Egress_BatchedReceiverClient) []string {
			b, err := s.Recv()
			Expect(err).NotTo(HaveOccurred())
			return payloadsOf(b.GetBatch())
		}
		Expect(recv(all)).To(Equal([]string{"s-0", "s-1", "s-2", "s-3"}))
		Expect(append(recv(first), recv(second)...)).To(ConsistOf("s-0", "s-1", "s-2", "s-3"))
	})

	It("forgets a stream whose client went away", func() {
		f := newEgressFixture()
		_, cancel := f.batched(appLogs)
		Eventually(f.src.Subscriptions).Should(Equal(1))
		cancel()
		Eventually(f.src.Subscriptions).Should(BeZero())
		f.src.Send(envelopetest.Logs("app", "x", 1)...)
		Expect(f.src.Requests()).To(HaveLen(1))
	})

	It("ends every stream at once on Stop", func() {
		f := newEgressFixture()
		stream, _ := f.batched(appLogs)
		Eventually(f.src.Subscriptions).Should(Equal(1))
		f.src.Stop()
		_, err := stream.Recv()
		Expect(err).To(HaveOccurred())
		// The handler leaves the count as it returns, which may be just
		// after the client has seen the end.
		Eventually(f.src.Subscriptions).Should(BeZero())
	})
})
