package cfauth_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/cfauth"
	"loggregator/internal/mtls"
)

var _ = Describe("Config", func() {
	valid := func() cfauth.Config {
		c := cfauth.DefaultConfig()
		c.UAA.Addr, c.UAA.ClientID, c.UAA.ClientSecret = "https://uaa:8443", "id", "secret"
		c.CC.InternalAddr, c.CC.ServerName = "https://cc:9023", "cc"
		c.CC.TLS = mtls.Files{CA: "ca", Cert: "cert", Key: "key"}
		return c
	}

	It("accepts the defaults once UAA and Cloud Controller are named", func() {
		Expect(valid().Validate("auth")).To(Succeed())
	})

	DescribeTable("names the first bad field under the prefix",
		func(mutate func(*cfauth.Config), msg string) {
			c := valid()
			mutate(&c)
			Expect(c.Validate("auth")).To(MatchError(msg))
		},
		Entry(nil, func(c *cfauth.Config) { c.CacheTTL = -1 }, "auth.cache_ttl: must not be negative"),
		Entry(nil, func(c *cfauth.Config) { c.CacheSize = 0 }, "auth.cache_size: must be positive"),
		Entry(nil, func(c *cfauth.Config) { c.UAA.Addr = "" }, "auth.uaa.addr: required"),
		Entry(nil, func(c *cfauth.Config) { c.UAA.Addr = "uaa:8443" }, `auth.uaa.addr: "uaa:8443" is not an http(s) URL`),
		Entry(nil, func(c *cfauth.Config) { c.UAA.ClientSecret = "" }, "auth.uaa.client_secret: required"),
		Entry(nil, func(c *cfauth.Config) { c.UAA.Timeout = 0 }, "auth.uaa.timeout: must be positive"),
		Entry(nil, func(c *cfauth.Config) { c.CC.ExternalAddr = "ftp://cc" }, `auth.cc.external_addr: "ftp://cc" is not an http(s) URL`),
		Entry(nil, func(c *cfauth.Config) { c.CC.ServerName = "" }, "auth.cc.server_name: required"),
		Entry(nil, func(c *cfauth.Config) { c.CC.TLS.Key = "" }, "auth.cc.tls.key_file: required"),
	)

	It("names fields without a prefix when given none", func() {
		c := valid()
		c.UAA.ClientID = ""
		Expect(c.Validate("")).To(MatchError("uaa.client_id: required"))
	})
})
