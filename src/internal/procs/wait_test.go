package procs

import (
	"os/exec"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

var _ = Describe("runQueueWait", func() {
	It("grows while the process's threads wait for a CPU the machine has none of", func() {
		before, err := runQueueWait()
		Expect(err).NotTo(HaveOccurred())

		// More runnable threads than CPUs: this process's busy Ps and as
		// many busy processes beside them.
		for range runtime.NumCPU() {
			burner := exec.Command("sh", "-c", "while :; do :; done")
			Expect(burner.Start()).To(Succeed())
			DeferCleanup(func() { _ = burner.Process.Kill(); _ = burner.Wait() })
		}
		var stop atomic.Bool
		var busy sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			busy.Go(func() {
				for !stop.Load() {
					runtime.Gosched()
				}
			})
		}
		time.Sleep(300 * time.Millisecond)
		stop.Store(true)
		busy.Wait()

		after, err := runQueueWait()
		Expect(err).NotTo(HaveOccurred())
		Expect(after - before).To(BeNumerically(">", 10*time.Millisecond))
	})
})
