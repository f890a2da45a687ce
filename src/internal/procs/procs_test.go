package procs_test

import (
	"context"
	"os/exec"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/procs"
)

var _ = Describe("Next", func() {
	DescribeTable("the Ps for the CPU a process used",
		func(cur, ceiling int, used float64, want int) {
			Expect(procs.Next(cur, ceiling, used)).To(Equal(want))
		},
		Entry("nearly idle on every core: one P", 4, 4, 0.05, 1),
		Entry("idle on one P: stays", 1, 4, 0.0, 1),
		Entry("between the lines on every core: stays", 4, 4, 0.2, 4),
		Entry("between the lines on one P: stays", 1, 4, 0.2, 1),
		Entry("busy on one P: the ceiling", 1, 4, 0.9, 4),
		Entry("busy on every core: stays", 4, 4, 3.5, 4),
		Entry("a ceiling of one never grows", 1, 1, 0.99, 1),
	)
})

var _ = Describe("Adapt", func() {
	var (
		ceiling int
		cancel  context.CancelFunc
		done    chan struct{}
		mu      sync.Mutex
		changes [][2]int
	)

	BeforeEach(func() {
		ceiling = runtime.GOMAXPROCS(0)
		if ceiling < 2 {
			Skip("needs at least 2 CPUs")
		}
		changes = nil
		var ctx context.Context
		ctx, cancel = context.WithCancel(context.Background())
		done = make(chan struct{})
		go func() {
			defer close(done)
			procs.Adapt(ctx, ceiling, 100*time.Millisecond, func(from, to int, _ float64) {
				mu.Lock()
				defer mu.Unlock()
				changes = append(changes, [2]int{from, to})
			})
		}()
		DeferCleanup(func() {
			cancel()
			Eventually(done).Should(BeClosed())
			runtime.GOMAXPROCS(ceiling)
		})
	})

	It("runs an idle process on one P, a busy one on its ceiling once woken, and puts the ceiling back when it stops", func() {
		// Generous waits: on a busy machine this process's own specs and the
		// run-queue wait they meet can read as load for a while.
		Eventually(func() int { return runtime.GOMAXPROCS(0) }, 10*time.Second).Should(Equal(1))

		// A wake while idle: one sample, then a fresh wait of IdleInterval.
		parks := procs.Parks()
		procs.Wake()
		Eventually(procs.Parks, 10*time.Second).Should(BeNumerically(">", parks))
		stop := burn(ceiling)
		Consistently(func() int { return runtime.GOMAXPROCS(0) }, 2*time.Second).Should(Equal(1),
			"an idle process takes no samples until woken")
		procs.Wake()
		// On a shared machine one P may get less than a core for a while,
		// but well within IdleInterval (10 s) of the wait's start.
		Eventually(func() int { return runtime.GOMAXPROCS(0) }, 6*time.Second).Should(Equal(ceiling))
		stop()
		Eventually(func() int { return runtime.GOMAXPROCS(0) }, 10*time.Second).Should(Equal(1))

		mu.Lock()
		Expect(changes[0]).To(Equal([2]int{ceiling, 1}))
		Expect(changes).To(ContainElement([2]int{1, ceiling}))
		for i := 1; i < len(changes); i++ {
			Expect(changes[i][0]).To(Equal(changes[i-1][1]), "each change starts where the last one ended")
		}
		mu.Unlock()
		cancel()
		Eventually(done).Should(BeClosed())
		Expect(runtime.GOMAXPROCS(0)).To(Equal(ceiling))
	})
})

var _ = Describe("RunQueueWait", func() {
	It("grows while the process's threads wait for a CPU the machine has none of", func() {
		before, err := procs.RunQueueWait()
		Expect(err).NotTo(HaveOccurred())

		// More runnable threads than CPUs: this process's busy Ps and as
		// many busy processes beside them.
		for range runtime.NumCPU() {
			burner := exec.Command("sh", "-c", "while :; do :; done")
			Expect(burner.Start()).To(Succeed())
			DeferCleanup(func() { _ = burner.Process.Kill(); _ = burner.Wait() })
		}
		stop := burn(runtime.GOMAXPROCS(0))
		time.Sleep(300 * time.Millisecond)
		stop()

		after, err := procs.RunQueueWait()
		Expect(err).NotTo(HaveOccurred())
		Expect(after - before).To(BeNumerically(">", 10*time.Millisecond))
	})
})

// burn keeps n goroutines busy until the returned func is called.
func burn(n int) (stop func()) {
	var done atomic.Bool
	var busy sync.WaitGroup
	for range n {
		busy.Go(func() {
			for !done.Load() {
				runtime.Gosched()
			}
		})
	}
	return func() {
		done.Store(true)
		busy.Wait()
	}
}

var _ = Describe("Adapt with a ceiling of one", func() {
	It("returns at once and leaves GOMAXPROCS alone", func() {
		before := runtime.GOMAXPROCS(0)
		ended := make(chan struct{})
		go func() {
			defer close(ended)
			procs.Adapt(context.Background(), 1, time.Millisecond, nil)
		}()
		Eventually(ended).Should(BeClosed())
		Expect(runtime.GOMAXPROCS(0)).To(Equal(before))
	})
})
