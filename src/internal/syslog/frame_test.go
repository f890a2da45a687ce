package syslog_test

import (
	"bufio"
	"io"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/syslog"
)

var _ = Describe("SkipFrame", func() {
	It("reads octet-counted frames one at a time and ends with io.EOF at a boundary", func() {
		r := bufio.NewReader(strings.NewReader("5 hello11 hello world1 x"))
		n := 0
		var err error
		for err = syslog.SkipFrame(r); err == nil; err = syslog.SkipFrame(r) {
			n++
		}
		Expect(n).To(Equal(3))
		Expect(err).To(Equal(io.EOF))
	})

	It("refuses a length that is not digits", func() {
		Expect(syslog.SkipFrame(bufio.NewReader(strings.NewReader("<14>1 2026 ...")))).To(MatchError(ContainSubstring("bad octet count")))
		Expect(syslog.SkipFrame(bufio.NewReader(strings.NewReader(" x")))).To(MatchError(ContainSubstring("bad octet count")))
	})
})
