package trafficcontroller_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/trafficcontroller"
)

var _ = leakcheck.EverySpec()

const routers = `"routers": {"targets": [{"addr": "doppler.service.cf.internal:8082"}], "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}`

const auth = `"auth": {
  "uaa": {"addr": "https://uaa:8443", "client_id": "doppler", "client_secret": "s"},
  "cc": {"internal_addr": "https://cc:9023", "server_name": "cc", "tls": {"ca_file": "ca", "cert_file": "c", "key_file": "k"}}
}`

var _ = Describe("Config", func() {
	It("takes Cloud Foundry's defaults: port 8081, plain HTTP, routers named doppler", func() {
		cfg := trafficcontroller.DefaultConfig()
		Expect(config.Decode([]byte(`{`+routers+`,`+auth+`}`), cfg)).To(Succeed())
		Expect(cfg.Websocket.Addr).To(Equal(":8081"))
		Expect(cfg.Websocket.CertFile).To(BeEmpty())
		Expect(cfg.Websocket.MaxStreams).To(Equal(1000))
		Expect(cfg.Routers.ServerName).To(Equal("doppler"))
		Expect(cfg.Metrics.Addr).To(Equal("127.0.0.1:14827"))
	})

	It("needs UAA and Cloud Controller unless access control is disabled", func() {
		err := config.Decode([]byte(`{`+routers+`}`), trafficcontroller.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("auth.uaa.addr")))
		Expect(config.Decode([]byte(`{`+routers+`, "auth": {"disabled": true}}`), trafficcontroller.DefaultConfig())).To(Succeed())
	})

	It("requires both a certificate and a key for TLS, or neither", func() {
		err := config.Decode([]byte(`{"websocket": {"cert_file": "c"},`+routers+`,`+auth+`}`), trafficcontroller.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("websocket.cert_file, websocket.key_file")))
	})

	It("names the bad websocket field", func() {
		for field, doc := range map[string]string{
			"websocket.buffer_size":           `{"websocket": {"buffer_size": 0},`,
			"websocket.slow_consumer_timeout": `{"websocket": {"slow_consumer_timeout": "0s"},`,
			"websocket.max_streams":           `{"websocket": {"max_streams": 0},`,
			"websocket.ping_interval":         `{"websocket": {"ping_interval": "0s"},`,
			"websocket.addr":                  `{"websocket": {"addr": "8081"},`,
		} {
			err := config.Decode([]byte(doc+routers+`,`+auth+`}`), trafficcontroller.DefaultConfig())
			Expect(err).To(MatchError(ContainSubstring(field)), field)
		}
	})

	It("rejects unknown fields", func() {
		err := config.Decode([]byte(`{"websocket": {"port": 8081},`+routers+`,`+auth+`}`), trafficcontroller.DefaultConfig())
		Expect(err).To(MatchError(ContainSubstring("port")))
	})
})
