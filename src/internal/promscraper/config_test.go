package promscraper_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/config"
	"loggregator/internal/promscraper"
)

var _ = Describe("Config", func() {
	decode := func(json string) error {
		return config.Decode([]byte(json), promscraper.DefaultConfig())
	}
	agent := `"agent": {"addr": "127.0.0.1:3458", "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}`

	It("accepts the defaults with the agent set", func() {
		Expect(decode(`{` + agent + `}`)).To(Succeed())
	})

	It("requires the agent's address", func() {
		Expect(decode(`{}`)).To(MatchError(ContainSubstring("agent.addr: required")))
	})

	It("names a bad glob, interval, timeout and body limit", func() {
		Expect(decode(`{"config_globs": ["/a/[x"], ` + agent + `}`)).To(MatchError(ContainSubstring("config_globs[0]")))
		Expect(decode(`{"scrape_interval": "0s", ` + agent + `}`)).To(MatchError(ContainSubstring("scrape_interval")))
		Expect(decode(`{"scrape_timeout": "0s", ` + agent + `}`)).To(MatchError(ContainSubstring("scrape_timeout")))
		Expect(decode(`{"max_body_bytes": 0, ` + agent + `}`)).To(MatchError(ContainSubstring("max_body_bytes")))
	})

	It("names a missing scrape.tls file", func() {
		Expect(decode(`{"scrape": {"tls": {"ca_file": "ca", "cert_file": "c"}}, ` + agent + `}`)).
			To(MatchError(ContainSubstring("scrape.tls.key_file")))
	})

	It("refuses unknown fields", func() {
		Expect(decode(`{"scrape_intervall": "1s", ` + agent + `}`)).To(MatchError(ContainSubstring("scrape_intervall")))
	})
})
