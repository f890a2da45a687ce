package lossprobe_test

import (
	"os"

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

	It("reads this process's own CPU time and peak RSS", func() {
		_, err := lossprobe.CPUSeconds(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		kb, err := lossprobe.PeakRSSKB(os.Getpid())
		Expect(err).NotTo(HaveOccurred())
		Expect(kb).To(BeNumerically(">", 0))
	})
})
