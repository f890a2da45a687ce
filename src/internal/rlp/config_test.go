package rlp_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/rlp"
)

var _ = leakcheck.EverySpec()

const minimalConfig = `{
  "egress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}},
  "routers": {"targets": [{"addr": "doppler.service.cf.internal:8082"}], "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}
}`

var _ = Describe("Config", func() {
	It("takes Cloud Foundry's defaults: port 8082, 1000 streams, routers named doppler", func() {
		cfg := rlp.DefaultConfig()
		Expect(config.Decode([]byte(minimalConfig), cfg)).To(Succeed())
		Expect(cfg.Egress.Addr).To(Equal(":8082"))
		Expect(cfg.Egress.MaxSubscriptions).To(Equal(1000))
		Expect(cfg.Routers.ServerName).To(Equal("doppler"))
	})

	It("names a router address without a port", func() {
		err := config.Decode([]byte(`{
		  "egress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}},
		  "routers": {"targets": [{"addr": "doppler"}], "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}
		}`), rlp.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("routers.targets[0].addr")))
	})

	It("requires routers", func() {
		err := config.Decode([]byte(`{"egress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}}`), rlp.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("routers.targets")))
	})

	It("names a missing certificate file", func() {
		err := config.Decode([]byte(`{"routers": {"targets": [{"addr": "a:1"}], "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}}`), rlp.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("egress.tls.ca_file")))
	})

	It("rejects a stream limit below one", func() {
		cfg := rlp.DefaultConfig()
		Expect(config.Decode([]byte(minimalConfig), cfg)).To(Succeed())
		cfg.Egress.MaxSubscriptions = 0
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("egress.max_subscriptions")))
	})

	It("needs the agent's certificates only when self-metrics go to an agent", func() {
		cfg := rlp.DefaultConfig()
		Expect(config.Decode([]byte(minimalConfig), cfg)).To(Succeed())
		cfg.Agent.Addr = "127.0.0.1:3458"
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("agent.tls")))
	})
})
