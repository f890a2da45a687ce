package ingress_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"loggregator/internal/fair"
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

// acks reads every acknowledgement of st into the returned channel until
// the stream ends, then closes it.
func acks(st grpc.ClientStream) <-chan uint64 {
	out := make(chan uint64, 100)
	go func() {
		defer GinkgoRecover()
		defer close(out)
		for {
			var v wrapperspb.UInt64Value
			if err := st.RecvMsg(&v); err != nil {
				return
			}
			out <- v.GetValue()
		}
	}()
	return out
}

// buffered is a sink that only buffers, as a router's does: a fair.Buffer
// whose reader is the spec, and its Tracker as the HandOff.
func buffered() (*fair.Buffer, *fair.Tracker, ingress.Sink) {
	buf := fair.New(64, fair.Options{})
	return buf, fair.NewTracker(buf), ingress.SinkFunc(func(envs [][]byte, _ int) {
		for _, e := range envs {
			buf.Set(e)
		}
	})
}

// take reads n envelopes from buf as its reader, failing if it holds fewer.
func take(buf *fair.Buffer, n int) {
	GinkgoHelper()
	for range n {
		_, ok := buf.TryNext()
		Expect(ok).To(BeTrue())
	}
}

var _ = Describe("Acknowledged BatchSender", func() {
	It("acknowledges a batch only once the sink's buffer has handed it on", func() {
		buf, tracker, sink := buffered()
		h := newHarnessOn(sink, ingress.Config{HandOff: tracker})
		st := h.ackedStream()
		got := acks(st)
		Eventually(got).Should(Receive(Equal(uint64(0))))

		Expect(st.SendMsg(&wire.Batch{Envelopes: [][]byte{encode(logEnv("a", "1")), encode(logEnv("a", "2"))}})).To(Succeed())
		Expect(st.SendMsg(&wire.Batch{Envelopes: [][]byte{encode(logEnv("a", "3"))}})).To(Succeed())
		Eventually(func() []uint64 { return tracker.Mark(nil) }).Should(ContainElement(uint64(3)), "the sink has all three")
		Consistently(got, "200ms").ShouldNot(Receive(), "buffered is not handed on")

		take(buf, 2)
		Consistently(got, "200ms").ShouldNot(Receive(), "taken is not handed on until the reader says so")
		tracker.Published()
		Eventually(got).Should(Receive(Equal(uint64(1))))

		take(buf, 1)
		tracker.Published()
		Eventually(got).Should(Receive(Equal(uint64(2))))
		Expect(st.CloseSend()).To(Succeed())
		Eventually(got).Should(BeClosed())
	})

	It("on Stop, acknowledges what the sink hands on meanwhile before it ends the stream", func() {
		buf, tracker, sink := buffered()
		DeferCleanup(ingress.SetStopHandOff(time.Minute)) // the spec decides when it is handed on
		h := newHarnessOn(sink, ingress.Config{HandOff: tracker, Stopping: "router is stopping"})
		st := h.ackedStream()
		got := acks(st)
		Eventually(got).Should(Receive(Equal(uint64(0))))
		Expect(st.SendMsg(&wire.Batch{Envelopes: [][]byte{encode(logEnv("a", "1"))}})).To(Succeed())
		Eventually(func() []uint64 { return tracker.Mark(nil) }).Should(ContainElement(uint64(1)))

		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			h.server.Stop()
		}()
		Consistently(stopped, "100ms").ShouldNot(BeClosed(), "the stream waits for its batch to be handed on")
		take(buf, 1)
		tracker.Published()
		Eventually(got).Should(Receive(Equal(uint64(1))))
		Eventually(got).Should(BeClosed())
		Eventually(stopped).Should(BeClosed())
		var v wrapperspb.UInt64Value
		Expect(st.RecvMsg(&v)).To(isUnavailable("router is stopping"))
	})

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

var _ = Describe("Acknowledged BatchSender with Room", func() {
	// roomy is a sink as a router's: a fair.Buffer of 64 in 4 lanes of 16
	// (Room's mark at 12), its Tracker as HandOff and Room, and its drops
	// counted.
	roomy := func() (*fair.Buffer, *fair.Tracker, ingress.Sink, *atomic.Int64) {
		dropped := &atomic.Int64{}
		buf := fair.New(64, fair.Options{Lanes: 4, OnDrop: func(n int) { dropped.Add(int64(n)) }})
		return buf, fair.NewTracker(buf), ingress.SinkFunc(func(envs [][]byte, _ int) {
			for _, e := range envs {
				buf.Set(e)
			}
		}), dropped
	}
	// burst is 10 batches of 8 envelopes of one source, 80 in all: five
	// times the source's lane.
	burst := func() [][][]byte {
		out := make([][][]byte, 10)
		for i := range out {
			for j := range 8 {
				out[i] = append(out[i], encode(logEnv("app", fmt.Sprint(i*8+j))))
			}
		}
		return out
	}
	// route reads buf as a router's routing goroutine does, publishing
	// after each batch, into the returned channel until ctx ends.
	route := func(ctx context.Context, buf *fair.Buffer, t *fair.Tracker) <-chan []byte {
		out := make(chan []byte, 100)
		go func() {
			defer GinkgoRecover()
			b := make([][]byte, 0, 4)
			for {
				if b = buf.NextBatch(ctx, b[:0]); len(b) == 0 {
					return
				}
				for _, e := range b {
					out <- e
				}
				t.Published()
			}
		}()
		return out
	}

	It("stops reading a fast producer's burst while the buffer is above its mark, and loses none of it", func() {
		buf, tracker, sink, dropped := roomy()
		var held atomic.Int64
		h := newHarnessOn(sink, ingress.Config{HandOff: tracker, Room: tracker, RoomWait: time.Minute,
			Held: func(time.Duration) { held.Add(1) }})
		st := h.ackedStream()
		got := acks(st)
		Eventually(got).Should(Receive(Equal(uint64(0))))
		for _, b := range burst() {
			Expect(st.SendMsg(&wire.Batch{Envelopes: b})).To(Succeed())
		}
		Eventually(func() []uint64 { return tracker.Mark(nil) }).Should(ContainElement(uint64(8)))
		Consistently(func() []uint64 { return tracker.Mark(nil) }, "300ms").Should(ContainElement(uint64(8)),
			"the second batch would take the lane past its mark: it waits, unread")

		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		routed := route(ctx, buf, tracker)
		var seqs []string
		for range 80 {
			var e []byte
			Eventually(routed).Should(Receive(&e))
			seqs = append(seqs, payloads([]*loggregator_v2.Envelope{decode(e)})...)
		}
		Expect(seqs).To(HaveExactElements(seqNames(80)), "every envelope, in order")
		Expect(dropped.Load()).To(BeZero())
		Expect(held.Load()).To(BeNumerically(">=", 1))
		Expect(st.CloseSend()).To(Succeed())
		Eventually(got).Should(BeClosed())
	})

	It("accepts a held batch all the same once RoomWait has passed, and counts the drops", func() {
		_, tracker, sink, dropped := roomy()
		var held atomic.Int64
		h := newHarnessOn(sink, ingress.Config{HandOff: tracker, Room: tracker, RoomWait: 50 * time.Millisecond,
			Held: func(time.Duration) { held.Add(1) }})
		st := h.ackedStream()
		Expect(ack(st)).To(Equal(uint64(0)))
		for _, b := range burst() {
			Expect(st.SendMsg(&wire.Batch{Envelopes: b})).To(Succeed())
		}
		Eventually(func() []uint64 { return tracker.Mark(nil) }).Should(ContainElement(uint64(80)), "nothing routes, yet all is taken in time")
		Eventually(held.Load).Should(Equal(int64(9)), "every batch after the first waited")
		Expect(dropped.Load()).To(BeZero(), "the reader has not counted the overwritten yet")
	})

	It("never holds back a plain BatchSender: the same burst goes in at once and the lane drops the oldest", func() {
		buf, tracker, sink, dropped := roomy()
		h := newHarnessOn(sink, ingress.Config{HandOff: tracker, Room: tracker, RoomWait: time.Minute})
		s, err := h.client().BatchSender(context.Background())
		Expect(err).NotTo(HaveOccurred())
		for _, b := range burst() {
			batch := &loggregator_v2.EnvelopeBatch{}
			for _, e := range b {
				batch.Batch = append(batch.Batch, decode(e))
			}
			Expect(s.Send(batch)).To(Succeed())
		}
		_, err = s.CloseAndRecv()
		Expect(err).NotTo(HaveOccurred(), "the stream ends while nothing has been routed")
		Expect(tracker.Mark(nil)).To(ContainElement(uint64(80)))

		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		Expect(buf.NextBatch(ctx, make([][]byte, 0, 64))).To(HaveLen(16), "the lane keeps its newest 16")
		Expect(dropped.Load()).To(Equal(int64(64)))
	})
})

// decode decodes one encoded envelope.
func decode(b []byte) *loggregator_v2.Envelope {
	GinkgoHelper()
	var e loggregator_v2.Envelope
	Expect(proto.Unmarshal(b, &e)).To(Succeed())
	return &e
}

// seqNames is "0", "1", ... up to n-1.
func seqNames(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(i)
	}
	return out
}
