package lossprobe_test

import (
	"fmt"
	"os"
	"os/exec"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/lossprobe"
)

var _ = Describe("Process figures", func() {
	It("adds utime and stime from a stat line whose command name holds spaces and parentheses", func() {
		line := "42 (my (odd) name) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 8 0 1000 1000000 200 18446744073709551615\n"
		secs, err := lossprobe.ParseStat([]byte(line))
		Expect(err).NotTo(HaveOccurred())
		Expect(secs).To(BeNumerically("~", 3.0, 1e-9))
	})

	It("rejects a truncated stat line", func() {
		_, err := lossprobe.ParseStat([]byte("42 (x) S 1 2"))
		Expect(err).To(MatchError(ContainSubstring("fields")))
	})

	It("reads VmHWM from a status file", func() {
		kb, err := lossprobe.ParseStatusField([]byte("Name:\tx\nVmPeak:\t  9000 kB\nVmHWM:\t    1234 kB\n"), "VmHWM")
		Expect(err).NotTo(HaveOccurred())
		Expect(kb).To(BeNumerically("==", 1234))
	})

	It("reads a process's CPU time to well under a clock tick, as /proc's 10 ms ticks give it", func() {
		cmd := exec.Command("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; sleep 60")
		Expect(cmd.Start()).To(Succeed())
		DeferCleanup(func() {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		})
		stat := func() float64 {
			data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", cmd.Process.Pid))
			Expect(err).NotTo(HaveOccurred())
			secs, err := lossprobe.ParseStat(data)
			Expect(err).NotTo(HaveOccurred())
			return secs
		}
		// The child counts (some hundreds of ms of CPU, later on a loaded
		// machine), then sleeps: wait for its CPU time to stop growing.
		secs := -1.0
		Eventually(func() bool {
			cur, err := lossprobe.CPUSeconds(cmd.Process.Pid)
			Expect(err).NotTo(HaveOccurred())
			settled := cur == secs && cur > 0.01
			secs = cur
			return settled
		}, 45*time.Second, 200*time.Millisecond).Should(BeTrue())
		Expect(secs).To(BeNumerically("~", stat(), 0.02))

		// This process, spinning: successive readings move by much less
		// than a tick (with ticks every move is 10 ms or more; other
		// threads, the garbage collector's, may add a larger one).
		smallest := 1.0
		prev, err := lossprobe.CPUSeconds(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		for i := 0; i < 2000 && smallest >= 0.002; i++ {
			for range 10_000 {
				spin++
			}
			cur, err := lossprobe.CPUSeconds(os.Getpid())
			Expect(err).NotTo(HaveOccurred())
			if d := cur - prev; d > 0 && d < smallest {
				smallest = d
			}
			prev = cur
		}
		Expect(smallest).To(BeNumerically("<", 0.002))
	})

	It("reads this process's own CPU time and peak RSS", func() {
		_, err := lossprobe.CPUSeconds(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		kb, err := lossprobe.PeakRSSKB(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(kb).To(BeNumerically(">", 0))
	})
})

// spin is what the spec's busy loop counts, kept so the loop is not removed.
var spin int
