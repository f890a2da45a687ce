package lossprobe_test

import (
	"errors"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/lossprobe"
)

var _ = Describe("Reading the gateway's server-sent events", func() {
	It("hands on the data of unnamed events, skips heartbeats and ends at event: closing", func() {
		stream := "data: {\"batch\":[]}\n\n" +
			"event: heartbeat\ndata: 1764460000\n\n" +
			"data: {\"batch\":\n" + "data: []}\n\n" +
			"event: closing\ndata: the gateway is stopping\n\n" +
			"data: never read\n\n"
		var got []string
		err := lossprobe.ReadEvents(strings.NewReader(stream), func(data []byte) error {
			got = append(got, string(data))
			return nil
		})
		Expect(errors.Is(err, lossprobe.ErrClosing)).To(BeTrue())
		Expect(err).To(MatchError(ContainSubstring("the gateway is stopping")))
		Expect(got).To(Equal([]string{`{"batch":[]}`, `{"batch":[]}`}))
	})

	It("returns nil at the end of the body and the handler's error when it fails", func() {
		Expect(lossprobe.ReadEvents(strings.NewReader("data: x\n\n"), func([]byte) error { return nil })).To(Succeed())
		Expect(lossprobe.ReadEvents(strings.NewReader("data: x\n\n"), func([]byte) error { return errors.New("bad") })).To(MatchError("bad"))
	})
})
