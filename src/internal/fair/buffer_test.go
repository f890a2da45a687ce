package fair_test

import (
	"context"
	"fmt"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/fair"
)

// env encodes a log envelope of source whose payload is seq.
func env(source string, seq int) []byte {
	b, err := proto.Marshal(&loggregator_v2.Envelope{
		SourceId: source,
		Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(fmt.Sprint(seq))}},
	})
	Expect(err).NotTo(HaveOccurred())
	return b
}

// decoded is what a spec reads back of an envelope.
type decoded struct {
	source string
	seq    string
}

func decode(b []byte) decoded {
	var e loggregator_v2.Envelope
	Expect(proto.Unmarshal(b, &e)).To(Succeed())
	return decoded{e.SourceId, string(e.GetLog().GetPayload())}
}

// drain reads everything the buffer holds.
func drain(b *fair.Buffer) []decoded {
	var out []decoded
	for {
		v, ok := b.TryNext()
		if !ok {
			return out
		}
		out = append(out, decode(v))
	}
}

// collidingSource returns a source id other than source in source's lane,
// and one in another lane.
func collidingSource(b *fair.Buffer, source string) (same, other string) {
	lane := b.LaneOf([]byte(source))
	for i := 0; same == "" || other == ""; i++ {
		s := fmt.Sprintf("app-%d", i)
		switch {
		case s == source:
		case b.LaneOf([]byte(s)) == lane:
			if same == "" {
				same = s
			}
		default:
			if other == "" {
				other = s
			}
		}
	}
	return same, other
}

// dropLog records what a buffer reports lost.
type dropLog struct {
	mu       sync.Mutex
	total    int
	bySource map[string]int
}

func newDropLog() *dropLog { return &dropLog{bySource: map[string]int{}} }

func (d *dropLog) onDrop(n int) {
	d.mu.Lock()
	d.total += n
	d.mu.Unlock()
}

func (d *dropLog) onSource(source []byte, n int) {
	d.mu.Lock()
	d.bySource[string(source)] += n
	d.mu.Unlock()
}

var _ = Describe("Buffer", func() {
	It("keeps each source's envelopes in the order they were written", func() {
		b := fair.New(16_000, fair.Options{Lanes: 8}) // room for all even if the four share a lane
		var wg sync.WaitGroup
		for _, s := range []string{"a", "b", "c", "d"} {
			wg.Go(func() {
				for i := range 500 {
					b.Set(env(s, i))
				}
			})
		}
		var got []decoded
		for len(got) < 2000 {
			got = append(got, drain(b)...)
		}
		wg.Wait()
		next := map[string]int{}
		for _, d := range got {
			Expect(d.seq).To(Equal(fmt.Sprint(next[d.source])), "source %s", d.source)
			next[d.source]++
		}
		Expect(next).To(Equal(map[string]int{"a": 500, "b": 500, "c": 500, "d": 500}))
	})

	It("drops the oldest envelopes of the source that floods its lane and none of a quiet source", func() {
		drops := newDropLog()
		b := fair.New(64, fair.Options{Lanes: 4, OnDrop: drops.onDrop, OnSource: drops.onSource})
		_, quiet := collidingSource(b, "noisy")
		for i := range 10 {
			b.Set(env(quiet, i))
		}
		for i := range 1000 {
			b.Set(env("noisy", i))
		}
		got := drain(b)
		var noisy, calm []string
		for _, d := range got {
			if d.source == "noisy" {
				noisy = append(noisy, d.seq)
			} else {
				calm = append(calm, d.seq)
			}
		}
		Expect(calm).To(Equal([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}))
		Expect(noisy).To(HaveLen(16), "one lane of 64/4")
		Expect(noisy[0]).To(Equal("984"), "the newest 16 survive")
		Expect(drops.total).To(Equal(1000 - 16))
		Expect(drops.bySource).To(Equal(map[string]int{"noisy": 1000 - 16}))
	})

	It("makes a source that shares the noisy source's lane share its losses", func() {
		drops := newDropLog()
		b := fair.New(64, fair.Options{Lanes: 4, OnDrop: drops.onDrop, OnSource: drops.onSource})
		neighbour, _ := collidingSource(b, "noisy")
		for i := range 10 {
			b.Set(env(neighbour, i))
		}
		for i := range 1000 {
			b.Set(env("noisy", i))
		}
		for _, d := range drain(b) {
			Expect(d.source).To(Equal("noisy"))
		}
		Expect(drops.total).To(Equal(1010-16), "a collision is the one case a quiet source loses")
	})

	It("takes from the lanes in turn, so a quiet source's envelopes do not wait behind a noisy source's backlog", func() {
		b := fair.New(4000, fair.Options{Lanes: 4})
		_, quiet := collidingSource(b, "noisy")
		for i := range 900 {
			b.Set(env("noisy", i))
		}
		for i := range 5 {
			b.Set(env(quiet, i))
		}
		batch := b.NextBatch(context.Background(), make([][]byte, 0, 40))
		Expect(batch).To(HaveLen(40))
		quietSeen := 0
		for _, e := range batch {
			if decode(e).source == quiet {
				quietSeen++
			}
		}
		Expect(quietSeen).To(Equal(5), "in the first batch of 40 behind 900 noisy envelopes")
	})

	It("takes a quantum at a time from each lane through TryNext too, as batchers that read by bytes do", func() {
		b := fair.New(4000, fair.Options{Lanes: 4})
		_, other := collidingSource(b, "noisy")
		for i := range 900 {
			b.Set(env("noisy", i))
		}
		for i := range 20 {
			b.Set(env(other, i))
		}
		var runs []int // lengths of the runs of one source, in the order read
		last := ""
		for _, e := range drain(b) {
			if e.source != last {
				runs = append(runs, 0)
				last = e.source
			}
			runs[len(runs)-1]++
		}
		// Turns of a quantum, whichever lane comes first: the other
		// source's 20 are not behind the 900, and the noisy lane's rest
		// comes in one run once it is alone.
		Expect(runs).To(SatisfyAny(
			Equal([]int{16, 16, 16, 4, 900 - 32}),
			Equal([]int{16, 16, 4, 900 - 16})))
	})

	It("fills a batch from one busy lane", func() {
		b := fair.New(1600, fair.Options{Lanes: 16})
		for i := range 100 {
			b.Set(env("one", i))
		}
		batch := b.NextBatch(context.Background(), make([][]byte, 0, 64))
		Expect(batch).To(HaveLen(64))
		Expect(decode(batch[63]).seq).To(Equal("63"))
	})

	It("parks an empty reader until a writer sets an envelope", func() {
		b := fair.New(100, fair.Options{Lanes: 4})
		got := make(chan decoded, 1)
		go func() {
			defer GinkgoRecover()
			v, ok := b.Next(context.Background())
			Expect(ok).To(BeTrue())
			got <- decode(v)
		}()
		Consistently(got, 50*time.Millisecond).ShouldNot(Receive())
		b.Set(env("late", 7))
		Eventually(got).Should(Receive(Equal(decoded{"late", "7"})))
	})

	It("wakes a reader parked in NextBatch for a write to any lane", func() {
		b := fair.New(100, fair.Options{Lanes: 4})
		for _, s := range []string{"a", "b", "c", "d", "e", "f"} {
			got := make(chan int, 1)
			go func() {
				got <- len(b.NextBatch(context.Background(), make([][]byte, 0, 8)))
			}()
			Consistently(got, 20*time.Millisecond).ShouldNot(Receive())
			b.Set(env(s, 0))
			Eventually(got).Should(Receive(Equal(1)), s)
		}
	})

	It("returns what it holds after the context ends, then false", func() {
		b := fair.New(100, fair.Options{Lanes: 4})
		b.Set(env("a", 0))
		b.Set(env("b", 0))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		Expect(b.NextBatch(ctx, make([][]byte, 0, 8))).To(HaveLen(2))
		Expect(b.NextBatch(ctx, make([][]byte, 0, 8))).To(BeEmpty())
		_, ok := b.Next(ctx)
		Expect(ok).To(BeFalse())
	})

	It("loses nothing to a race between writers and a parking reader", func() {
		b := fair.New(100_000, fair.Options{Lanes: 16})
		const writers, each = 4, 5000
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					b.Set(env(fmt.Sprint("w", w), i))
					if i%100 == 0 {
						time.Sleep(time.Microsecond)
					}
				}
			})
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int)
		go func() {
			n := 0
			buf := make([][]byte, 0, 64)
			for {
				buf = b.NextBatch(ctx, buf[:0])
				if len(buf) == 0 {
					done <- n
					return
				}
				n += len(buf)
			}
		}()
		wg.Wait()
		cancel()
		Eventually(done).Should(Receive(Equal(writers * each)))
	})

	It("pairs sources in a lane by its salt, so processes with other salts pair them otherwise", func() {
		together, apart := 0, 0
		for i := range 1000 {
			salt := fair.Salt("cf", "diego-cell", fmt.Sprint(i))
			if fair.Lane(salt, 16, []byte("noisy")) == fair.Lane(salt, 16, []byte("quiet")) {
				together++
			} else {
				apart++
			}
		}
		Expect(together).To(BeNumerically("~", 1000/16, 30))
		Expect(fair.Salt("ab", "c")).NotTo(Equal(fair.Salt("a", "bc")))
		b := fair.New(160, fair.Options{Salt: 7})
		Expect(b.LaneOf([]byte("app"))).To(Equal(fair.Lane(7, 16, []byte("app"))))
	})

	It("uses fewer lanes than asked when the buffer is smaller", func() {
		Expect(fair.New(3, fair.Options{Lanes: 16}).Lanes()).To(Equal(3))
		Expect(func() { fair.New(0, fair.Options{}) }).To(Panic())
	})

	It("reads the source id without decoding, and nil when there is none", func() {
		Expect(string(fair.SourceID(env("app-1", 3)))).To(Equal("app-1"))
		Expect(fair.SourceID(env("", 3))).To(BeNil())
		Expect(fair.SourceID([]byte{0xff})).To(BeNil())
	})
})
