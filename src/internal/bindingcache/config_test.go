package bindingcache_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/bindingcache"
	"loggregator/internal/config"
)

const validConfig = `{
	"server": {"addr": ":9000", "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}},
	"cc": {"addr": "https://cc.internal:9023", "server_name": "cc.internal", "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}
}`

func decode(doc string) (*bindingcache.Config, error) {
	cfg := bindingcache.DefaultConfig()
	return cfg, config.Decode([]byte(doc), cfg)
}

var _ = Describe("Config", func() {
	It("keeps Cloud Foundry's defaults for what the file leaves out", func() {
		cfg, err := decode(validConfig)
		Expect(err).NotTo(HaveOccurred())
		Expect(cfg.CC.PollingInterval.D().String()).To(Equal("1m0s"))
		Expect(cfg.CC.BatchSize).To(Equal(1000))
		Expect(cfg.CC.DisableKeepAlives).To(BeTrue())
		Expect(cfg.WarnOnInvalidDrains).To(BeTrue())
		Expect(cfg.Metrics.Addr).To(Equal("127.0.0.1:14828"))
	})

	DescribeTable("names the bad field",
		func(patch, want string) {
			doc := validConfig[:len(validConfig)-2] + "," + patch + "\n}"
			_, err := decode(doc)
			Expect(err).To(MatchError(ContainSubstring(want)))
		},
		Entry("a CC address that is not https", `"cc": {"addr": "http://cc:9022", "server_name": "cc", "tls": {"ca_file": "a", "cert_file": "b", "key_file": "c"}}`, "cc.addr"),
		Entry("a zero batch size", `"cc": {"addr": "https://cc:9023", "server_name": "cc", "batch_size": 0, "tls": {"ca_file": "a", "cert_file": "b", "key_file": "c"}}`, "cc.batch_size: must be positive"),
		Entry("an empty CC server name", `"cc": {"addr": "https://cc:9023", "server_name": "", "tls": {"ca_file": "a", "cert_file": "b", "key_file": "c"}}`, "cc.server_name: required"),
		Entry("an aggregate drain of another scheme", `"aggregate_drains": [{"url": "syslog://ok:514"}, {"url": "ftp://bad:21"}]`, `aggregate_drains[1].url: scheme "ftp"`),
		Entry("a range start that is no IP", `"blacklisted_syslog_ranges": [{"start": "10.0.0.x", "end": "10.0.0.9"}]`, "blacklisted_syslog_ranges[0].start"),
		Entry("a range backwards", `"blacklisted_syslog_ranges": [{"start": "10.0.0.9", "end": "10.0.0.1"}]`, "blacklisted_syslog_ranges[0]: start 10.0.0.9 is after end 10.0.0.1"),
		Entry("a range across families", `"blacklisted_syslog_ranges": [{"start": "10.0.0.1", "end": "::1"}]`, "different families"),
		Entry("an unknown field", `"polling_interval": "1m"`, `unknown field "polling_interval"`),
	)
})
