package syslogagent_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/config"
	"loggregator/internal/syslogagent"
)

const minimal = `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}}`

func decode(doc string) error {
	return config.Decode([]byte(doc), syslogagent.DefaultConfig())
}

var _ = Describe("Config", func() {
	It("fills the defaults around a minimal config", func() {
		cfg := syslogagent.DefaultConfig()
		Expect(config.Decode([]byte(minimal), cfg)).To(Succeed())
		Expect(cfg.Ingress.Addr).To(Equal("127.0.0.1:3460"))
		Expect(cfg.BindingCache.URL).To(BeEmpty())
		Expect(cfg.BindingCache.ServerName).To(Equal("binding-cache"))
		Expect(cfg.Drains.BufferSize).To(Equal(10_000))
		Expect(cfg.Drains.DefaultMetadata).To(BeTrue())
		Expect(cfg.Metrics.Addr).To(Equal("127.0.0.1:14822"))
	})

	It("rejects unknown fields", func() {
		Expect(decode(`{"drains": {"bufer_size": 1}}`)).To(MatchError(ContainSubstring("bufer_size")))
	})

	DescribeTable("names the bad field",
		func(doc, field string) {
			Expect(decode(doc)).To(MatchError(ContainSubstring(field)))
		},
		Entry("a cache URL that is not https", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "binding_cache": {"url": "http://x"}}`, "binding_cache.url"),
		Entry("a cache without certificates", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "binding_cache": {"url": "https://x:1"}}`, "binding_cache.tls"),
		Entry("an empty drain buffer", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "drains": {"buffer_size": 0}}`, "drains.buffer_size"),
		Entry("a backoff cap below its start", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "drains": {"max_backoff": "1ms"}}`, "drains.max_backoff"),
		Entry("no attempts", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "drains": {"max_attempts": 0}}`, "drains.max_attempts"),
		Entry("an unknown cipher suite", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "drains": {"cipher_suites": ["TLS_NOPE"]}}`, "drains.cipher_suites"),
		Entry("an aggregate drain without a URL", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "aggregate_drains": [{"ca": "x"}]}`, "aggregate_drains[0].url"),
		Entry("a blacklisted range that is not two addresses", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "blacklisted_syslog_ranges": [{"start": "10.0.0.1", "end": "::1"}]}`, "blacklisted_syslog_ranges[0]"),
		Entry("a per-app limit of zero", `{"ingress": {"tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}, "binding_cache": {"max_drains_per_app": 0}}`, "binding_cache.max_drains_per_app"),
	)
})
