package gateway

import (
	"context"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("byteGate", func() {
	It("lets batches in up to its limit, then holds the receiver until the writer gives bytes back", func() {
		q := newByteGate(func() int64 { return 100 })
		Expect(q.take(context.Background(), 60)).To(BeTrue())
		Expect(q.take(context.Background(), 40)).To(BeTrue())

		took := make(chan bool, 1)
		go func() { took <- q.take(context.Background(), 10) }()
		Consistently(took, 100*time.Millisecond).ShouldNot(Receive(), "110 bytes would be over the limit")
		q.give(60)
		Eventually(took).Should(Receive(BeTrue()))
	})

	It("always lets one batch through, however large, so a big batch cannot wedge the stream", func() {
		q := newByteGate(func() int64 { return 100 })
		Expect(q.take(context.Background(), 1000)).To(BeTrue())
		q.give(1000)
		Expect(q.take(context.Background(), 1000)).To(BeTrue())
	})

	It("gives up waiting when the stream's context ends", func() {
		q := newByteGate(func() int64 { return 100 })
		Expect(q.take(context.Background(), 100)).To(BeTrue())
		ctx, cancel := context.WithCancel(context.Background())
		took := make(chan bool, 1)
		go func() { took <- q.take(ctx, 1) }()
		Consistently(took, 50*time.Millisecond).ShouldNot(Receive())
		cancel()
		Eventually(took).Should(Receive(BeFalse()))
	})

	It("keeps the process's total and gives back what a reader left queued when it ends", func() {
		var total atomic.Int64
		a, b := newByteGate(func() int64 { return 100 }), newByteGate(func() int64 { return 100 })
		a.total, b.total = &total, &total
		Expect(a.take(context.Background(), 60)).To(BeTrue())
		Expect(a.take(context.Background(), 30)).To(BeTrue())
		Expect(b.take(context.Background(), 50)).To(BeTrue())
		Expect(total.Load()).To(BeNumerically("==", 140))
		a.give(30)
		Expect(total.Load()).To(BeNumerically("==", 110))
		a.drop() // the reader went with 60 bytes received and not written
		Expect(total.Load()).To(BeNumerically("==", 50))
	})
})
