package routerpool

import (
	"context"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/diode"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics"
)

// These specs stage an interleaving a running pool reaches only by chance:
// an acknowledged stream that breaks after send has charged the budget for
// a batch and before the batch is written.
var _ = Describe("stream", func() {
	It("gives back a batch's charge when its stream broke before the batch was written", func() {
		files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "metron")
		Expect(err).NotTo(HaveOccurred())
		sink, err := envelopetest.NewAckedIngressSink(files["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(sink.Stop)

		cfg := DefaultConfig()
		cfg.Targets = []Target{{Addr: sink.Addr()}}
		cfg.TLS = files["metron"]
		cfg.DialTimeout = config.Duration(time.Second)
		Expect(cfg.Validate("routers")).To(Succeed())
		budget := diode.NewBudget(1 << 20)
		p, err := New(cfg, NewMetrics(metrics.NewRegistry(), "router"), Options{Budget: budget})
		Expect(err).NotTo(HaveOccurred())

		s, err := p.dial(context.Background(), sink.Addr())
		Expect(err).NotTo(HaveOccurred())
		Expect(s.acked).NotTo(BeNil(), "the sink offers acknowledgements")
		DeferCleanup(func() { p.abort(s) })
		s.cancel() // the stream breaks, as when its router vanishes
		Eventually(s.broken).Should(BeClosed())

		env, err := proto.Marshal(&loggregator_v2.Envelope{
			SourceId: "app",
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("hello")}},
		})
		Expect(err).NotTo(HaveOccurred())
		Expect(p.send(context.Background(), s, [][]byte{env, env})).To(MatchError(errBroken))
		Expect(budget.Held()).To(BeZero(), "the batch was not written, so nothing stays charged for it")
		Expect(s.pending).To(BeEmpty())
	})
})
