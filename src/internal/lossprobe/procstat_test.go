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
		cmd := exec.Command("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; sleep 30")
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
		// The child counts (some hundreds of ms of CPU), then sleeps.
		var secs float64
		Eventually(func() float64 {
			before := secs
			var err error
			secs, err = lossprobe.CPUSeconds(cmd.Process.Pid)
			Expect(err).NotTo(HaveOccurred())
			return secs - before
		}, 20*time.Second, 200*time.Millisecond).Should(BeZero())
		Expect(secs).To(BeNumerically(">", 0.01))
		Expect(secs).To(BeNumerically("~", stat(), 0.02))

		// This process, spinning: the reading moves by less than a tick.
		start, err := lossprobe.CPUSeconds(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		now := start
		for now-start < 0.001 {
			for i := 0; i < 10_000; i++ {
				spin++
			}
			now, err = lossprobe.CPUSeconds(os.Getpid())
			Expect(err).NotTo(HaveOccurred())
		}
		Expect(now - start).To(BeNumerically("<", 0.005))
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
