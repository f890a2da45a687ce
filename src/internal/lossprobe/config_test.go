package lossprobe_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/lossprobe"

	"loggregator/internal/config"
)

const validConfig = `{
  "ingress": {"addr": "127.0.0.1:3458", "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}},
  "egress": {"addr": "10.0.0.1:8082", "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}
}`

var _ = Describe("Config", func() {
	It("applies the defaults to a file that names only the endpoints", func() {
		cfg := lossprobe.DefaultConfig()
		Expect(config.Decode([]byte(validConfig), cfg)).To(Succeed())
		Expect(cfg.Ingress.ServerName).To(Equal("metron"))
		Expect(cfg.Egress.ServerName).To(Equal("reverselogproxy"))
		Expect(cfg.Rate).To(Equal(1000))
		Expect(cfg.Emitters).To(Equal(1))
		Expect(cfg.IngressMode).To(Equal("batch"))
		Expect(cfg.FlushInterval.D()).To(Equal(100 * time.Millisecond))
		Expect(cfg.EnvelopeTypes).To(Equal([]string{"log"}))
	})

	DescribeTable("names the bad field",
		func(mutate func(*lossprobe.Config), field string) {
			cfg := lossprobe.DefaultConfig()
			Expect(config.Decode([]byte(validConfig), cfg)).To(Succeed())
			mutate(cfg)
			Expect(cfg.Validate()).To(MatchError(ContainSubstring(field)))
		},
		Entry("no egress address", func(c *lossprobe.Config) { c.Egress.Addr = "" }, "egress.addr"),
		Entry("no ingress key", func(c *lossprobe.Config) { c.Ingress.TLS.Key = "" }, "ingress.tls.key_file"),
		Entry("neither a duration nor a count", func(c *lossprobe.Config) { c.Duration, c.Count = 0, 0 }, "duration"),
		Entry("no emitters", func(c *lossprobe.Config) { c.Emitters = 0 }, "emitters"),
		Entry("a rate below one per emitter", func(c *lossprobe.Config) { c.Rate, c.Emitters = 2, 4 }, "rate"),
		Entry("no flush interval", func(c *lossprobe.Config) { c.FlushInterval = 0 }, "flush_interval"),
		Entry("an unknown envelope type", func(c *lossprobe.Config) { c.EnvelopeTypes = []string{"event"} }, "envelope_types[0]"),
		Entry("a loss threshold over 100", func(c *lossprobe.Config) { c.MaxLossPercent = 101 }, "max_loss_percent"),
		Entry("a gateway URL that is not http(s)", func(c *lossprobe.Config) { c.Gateway.URL = "grpc://x" }, "gateway.url"),
		Entry("a firehose URL that is not ws(s)", func(c *lossprobe.Config) { c.Firehose.URL = "http://x:8081" }, "firehose.url"),
		Entry("a negative slow firehose reader delay", func(c *lossprobe.Config) { c.Firehose.SlowReaderDelay = -1 }, "firehose.slow_reader_delay"),
		Entry("an unknown ingress mode", func(c *lossprobe.Config) { c.IngressMode = "stream" }, "ingress_mode"),
		Entry("a negative number of gateway readers", func(c *lossprobe.Config) { c.Gateway.Readers = -1 }, "gateway.readers"),
		Entry("a pid of 0", func(c *lossprobe.Config) { c.PIDs = map[string]int{"agent": 0} }, "pids"),
	)
})
