package metrics_test

import (
	"context"
	"errors"
	"net"
	"net/http"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/metrics"
)

var _ = Describe("Side", func() {
	It("serves /metrics and runs its loops until Stop, which returns nil", func() {
		srv, err := metrics.NewRegistry().NewServer("127.0.0.1:0", nil)
		Expect(err).NotTo(HaveOccurred())
		running := make(chan struct{})
		side := metrics.StartSide(srv, func(ctx context.Context) error {
			close(running)
			<-ctx.Done()
			return nil
		})
		Eventually(running).Should(BeClosed())
		Eventually(func() error {
			resp, err := http.Get("http://" + srv.Addr() + "/metrics")
			if err == nil {
				resp.Body.Close()
			}
			return err
		}).Should(Succeed())

		Expect(side.Stop()).To(Succeed())
		Expect(side.Failed()).NotTo(BeClosed())
		_, err = net.Dial("tcp", srv.Addr())
		Expect(err).To(HaveOccurred(), "the /metrics listener is closed once Stop returns")
	})

	It("reports the first failure, ends the other loops and returns it from Stop", func() {
		other := make(chan struct{})
		side := metrics.StartSide(nil,
			func(ctx context.Context) error {
				<-ctx.Done()
				close(other)
				return nil
			},
			func(context.Context) error { return errors.New("agent tls: no such file") },
		)
		Eventually(side.Failed()).Should(BeClosed())
		Eventually(other).Should(BeClosed())
		Expect(side.Stop()).To(MatchError("agent tls: no such file"))
		Expect(side.Stop()).To(MatchError("agent tls: no such file"), "Stop may be called again")
	})

	It("fails when the /metrics server stops serving", func() {
		srv, err := metrics.NewRegistry().NewServer("127.0.0.1:0", nil)
		Expect(err).NotTo(HaveOccurred())
		side := metrics.StartSide(srv)
		Expect(metrics.CloseListener(srv)).To(Succeed())
		Eventually(side.Failed()).Should(BeClosed())
		Expect(side.Stop()).To(MatchError(ContainSubstring("metrics server")))
	})
})
