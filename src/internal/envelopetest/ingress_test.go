package envelopetest_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
)

// The helpers of this file are prefixed with ingress: the package's other
// stand-ins have specs of their own beside these.

// ingressCerts writes a CA with a "metron" server identity and a client one.
func ingressCerts() (server mtls.Files, client *tls.Config) {
	files, err := certgen.Identities(GinkgoT().TempDir(), "metron", "client")
	Expect(err).NotTo(HaveOccurred())
	client, err = mtls.Client(files["client"], "metron", nil)
	Expect(err).NotTo(HaveOccurred())
	return files["metron"], client
}

// ingressClient is a generated Ingress client connected to addr until the spec ends.
func ingressClient(addr string, tlsCfg *tls.Config) loggregator_v2.IngressClient {
	conn, err := grpc.NewClient("passthrough:///"+addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	return loggregator_v2.NewIngressClient(conn)
}

func ingressLog(payload string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: "app",
		Message: &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(payload)}}}
}

func ingressCounter(sourceID, name string, total uint64, tags map[string]string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{SourceId: sourceID, Tags: tags,
		Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: name, Total: total}}}
}

func ingressSend(c loggregator_v2.IngressClient, envs ...*loggregator_v2.Envelope) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := c.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: envs})
	return err
}

func ingressPayloads(envs []*loggregator_v2.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, string(e.GetLog().GetPayload()))
	}
	return out
}

var _ = Describe("IngressSink", func() {
	var (
		serverFiles mtls.Files
		clientTLS   *tls.Config
		sink        *envelopetest.IngressSink
	)

	BeforeEach(func() {
		serverFiles, clientTLS = ingressCerts()
		var err error
		sink, err = envelopetest.NewIngressSink(serverFiles)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(sink.Close)
	})

	It("records what arrives by Send, Sender and BatchSender, raw and decoded, in order", func() {
		c := ingressClient(sink.Addr(), clientTLS)
		Expect(ingressSend(c, ingressLog("send-1"), ingressLog("send-2"))).To(Succeed())
		single, err := c.Sender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(single.Send(ingressLog("sender"))).To(Succeed())
		_, err = single.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())
		batch, err := c.BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(batch.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{ingressLog("batch")}})).To(Succeed())
		_, err = batch.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())

		Expect(ingressPayloads(sink.Envelopes())).To(Equal([]string{"send-1", "send-2", "sender", "batch"}))
		Expect(sink.Count()).To(Equal(4))
		Expect(sink.Batches()).To(Equal(3))
		Expect(sink.Invalid()).To(BeZero())
		raw := sink.Raw()
		Expect(raw).To(HaveLen(4))
		want, err := proto.Marshal(ingressLog("send-1"))
		Expect(err).NotTo(HaveOccurred())
		Expect(raw[0]).To(Equal(want))
	})

	It("finds the newest total of a counter by source id, name and tags", func() {
		c := ingressClient(sink.Addr(), clientTLS)
		Expect(sink.Counter("router", "ingress", nil)).To(BeZero())
		Expect(ingressSend(c,
			ingressCounter("router", "ingress", 3, nil),
			ingressCounter("router", "dropped", 1, map[string]string{"reason": "invalid"}),
			ingressCounter("router", "dropped", 2, map[string]string{"reason": "buffer_full"}),
			ingressCounter("rlp", "ingress", 9, nil),
			ingressCounter("router", "ingress", 5, nil),
		)).To(Succeed())

		Expect(sink.Counter("router", "ingress", nil)).To(BeEquivalentTo(5))
		Expect(sink.Counter("router", "dropped", map[string]string{"reason": "invalid"})).To(BeEquivalentTo(1))
		Expect(sink.Counter("rlp", "dropped", nil)).To(BeZero())
	})

	It("counts without keeping after Discard", func() {
		c := ingressClient(sink.Addr(), clientTLS)
		Expect(ingressSend(c, ingressLog("kept"))).To(Succeed())
		sink.Discard()
		Expect(ingressSend(c, ingressLog("counted"), ingressLog("counted"))).To(Succeed())

		Expect(sink.Count()).To(Equal(3))
		Expect(sink.Batches()).To(Equal(2))
		Expect(ingressPayloads(sink.Envelopes())).To(Equal([]string{"kept"}))
	})

	It("holds a stream's messages unrecorded while stalled and records them after Resume", func() {
		batch, err := ingressClient(sink.Addr(), clientTLS).BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		sink.Stall()
		for i := range 3 {
			Expect(batch.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{ingressLog(fmt.Sprint(i))}})).To(Succeed())
		}
		Consistently(sink.Count, 200*time.Millisecond).Should(BeZero())

		sink.Resume()
		Eventually(sink.Count).Should(Equal(3))
		Expect(ingressPayloads(sink.Envelopes())).To(Equal([]string{"0", "1", "2"}))
		_, err = batch.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred())
	})

	It("stops like a component: open streams end with Unavailable, what it recorded stays readable", func() {
		c := ingressClient(sink.Addr(), clientTLS)
		batch, err := c.BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(batch.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{ingressLog("before")}})).To(Succeed())
		Eventually(sink.Count).Should(Equal(1))

		sink.Stop()
		_, err = batch.CloseAndRecv()
		Expect(status.Code(err)).To(Equal(codes.Unavailable))
		Expect(ingressSend(c, ingressLog("after"))).NotTo(Succeed())
		Expect(ingressPayloads(sink.Envelopes())).To(Equal([]string{"before"}))
	})

	It("stops even while stalled, dropping what it held", func() {
		batch, err := ingressClient(sink.Addr(), clientTLS).BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		sink.Stall()
		Expect(batch.Send(&loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{ingressLog("held")}})).To(Succeed())

		sink.Stop()
		Expect(sink.Count()).To(BeZero())
	})

	It("vanishes on Close, and a new sink can listen where it was", func() {
		c := ingressClient(sink.Addr(), clientTLS)
		Expect(ingressSend(c, ingressLog("first"))).To(Succeed())
		addr := sink.Addr()

		sink.Close()
		Expect(ingressSend(c, ingressLog("lost"))).NotTo(Succeed())
		Expect(ingressPayloads(sink.Envelopes())).To(Equal([]string{"first"}))

		again, err := envelopetest.NewIngressSinkOn(addr, serverFiles)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(again.Stop)
		// gRPC waits about a second (with jitter) before it dials a vanished server again.
		Eventually(func() error { return ingressSend(c, ingressLog("second")) }, 10*time.Second).Should(Succeed())
		Expect(ingressPayloads(again.Envelopes())).To(Equal([]string{"second"}))
	})

	It("names what it cannot load or bind", func() {
		_, err := envelopetest.NewIngressSinkOn(sink.Addr(), serverFiles)
		Expect(err).To(MatchError(ContainSubstring("listen " + sink.Addr())))
		_, err = envelopetest.NewIngressSink(mtls.Files{CA: "missing-ca.crt", Cert: "c.crt", Key: "c.key"})
		Expect(err).To(MatchError(ContainSubstring("ingress sink tls")))
	})
})
