package agent_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/agent"
	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
)

var _ = leakcheck.EverySpec()

const minimal = `{
  "ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}},
  "routers": {"targets": [{"addr": "doppler.service.cf.internal:8082"}],
              "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}
}`

var _ = Describe("Config", func() {
	It("fills the defaults around a minimal config", func() {
		cfg := agent.DefaultConfig()
		Expect(config.Decode([]byte(minimal), cfg)).To(Succeed())
		Expect(cfg.Ingress.Addr).To(Equal("127.0.0.1:3458"))
		Expect(cfg.Routers.ServerName).To(Equal("doppler"))
		Expect(cfg.Routers.Streams).To(Equal(5))
		Expect(cfg.Metrics.Addr).To(Equal("127.0.0.1:14824"))
		Expect(cfg.MaxProcs).To(Equal(1))
	})

	It("names the missing router targets", func() {
		err := config.Decode([]byte(`{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}}`), agent.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("routers.targets")))
	})

	It("rejects unknown fields", func() {
		err := config.Decode([]byte(`{"ingress": {"bufer_size": 1}}`), agent.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("bufer_size")))
	})

	It("names a bad batch size", func() {
		cfg := agent.DefaultConfig()
		Expect(config.Decode([]byte(minimal), cfg)).To(Succeed())
		cfg.Batch.Size = 0
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("batch.size")))
	})

	It("names a negative max_procs", func() {
		cfg := agent.DefaultConfig()
		Expect(config.Decode([]byte(minimal), cfg)).To(Succeed())
		cfg.MaxProcs = -1
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("max_procs")))
	})
})
