package ingress_test

import (
	"context"
	"errors"
	"io"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/ingress"
	"loggregator/internal/wire"
)

// ackedStream opens an acknowledged BatchSender stream to h.
func (h *harness) ackedStream() grpc.ClientStream {
	conn, err := grpc.NewClient("passthrough:///"+h.addr, grpc.WithTransportCredentials(credentials.NewTLS(h.clientTLS)))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	ctx, cancel := context.WithCancel(context.Background())
	DeferCleanup(cancel)
	st, err := conn.NewStream(ctx, &ingress.AckStreamDesc, ingress.AckMethod, grpc.ForceCodecV2(wire.NewCodec()))
	Expect(err).NotTo(HaveOccurred())
	return st
}

// ack reads the next acknowledgement from st.
func ack(st grpc.ClientStream) uint64 {
	GinkgoHelper()
	var v wrapperspb.UInt64Value
	Expect(st.RecvMsg(&v)).To(Succeed())
	return v.GetValue()
}

var _ = Describe("Acknowledged BatchSender", func() {
	It("answers 0 at once, then how many batches the sink has taken, and the total on half-close", func() {
		h := newHarness(ingress.Config{})
		st := h.ackedStream()
		Expect(ack(st)).To(Equal(uint64(0)), "the service announces itself before any batch")

		Expect(st.SendMsg(&wire.Batch{Envelopes: [][]byte{encode(logEnv("a", "1")), encode(logEnv("a", "2"))}})).To(Succeed())
		Expect(ack(st)).To(Equal(uint64(1)))
		Expect(payloads(h.sink.Envelopes())).To(Equal([]string{"1", "2"}), "acknowledged only once the sink has it")

		for i := range 3 {
			Expect(st.SendMsg(&wire.Batch{Envelopes: [][]byte{encode(logEnv("a", string(rune('3'+i))))}})).To(Succeed())
		}
		Expect(st.CloseSend()).To(Succeed())
		var last uint64
		for {
			var v wrapperspb.UInt64Value
			err := st.RecvMsg(&v)
			if errors.Is(err, io.EOF) {
				break
			}
			Expect(err).NotTo(HaveOccurred())
			Expect(v.GetValue()).To(BeNumerically(">=", last), "acknowledgements never go back")
			last = v.GetValue()
		}
		Expect(last).To(Equal(uint64(4)), "the last acknowledgement covers every batch")
		Expect(h.sink.Envelopes()).To(HaveLen(5))
	})

	It("ends open streams on Stop with a last acknowledgement and refuses new ones", func() {
		h := newHarness(ingress.Config{Stopping: "router is stopping"})
		st := h.ackedStream()
		Expect(ack(st)).To(Equal(uint64(0)))
		Expect(st.SendMsg(&wire.Batch{Envelopes: [][]byte{encode(logEnv("a", "1"))}})).To(Succeed())
		Eventually(func() int { return len(h.sink.Calls()) }).Should(Equal(1))

		h.server.Stop()
		var v wrapperspb.UInt64Value
		var err error
		for err == nil {
			if err = st.RecvMsg(&v); err == nil {
				Expect(v.GetValue()).To(Equal(uint64(1)), "what the sink took is acknowledged before the end")
			}
		}
		Expect(err).To(isUnavailable("router is stopping"))

		refused := h.ackedStream()
		Expect(refused.RecvMsg(&v)).To(isUnavailable("router is stopping"))
	})
})
