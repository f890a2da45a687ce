package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
)

func dopplerProperties() map[string]any {
	return map[string]any{
		"loggregator": map[string]any{
			"tls": map[string]any{
				"ca_cert": "CA PEM",
				"doppler": map[string]any{"cert": "CERT PEM", "key": "KEY PEM"},
			},
		},
	}
}

func dopplerConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("doppler", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/router.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("doppler job", func() {
	It("renders a config the router accepts from the defaults", func() {
		dir, cfg := dopplerConfig(boshtemplate.Context{Properties: dopplerProperties()})
		out, ok := checkConfig("router", filepath.Join(dir, "config/router.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg).To(HaveKeyWithValue("addr", ":8082"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("buffer_size", BeNumerically("==", 10000)))
		Expect(cfg["egress"]).To(HaveKeyWithValue("buffer_size", BeNumerically("==", 10000)))
		Expect(cfg["egress"]).To(HaveKeyWithValue("batch_size", BeNumerically("==", 1000)))
		Expect(cfg["egress"]).To(HaveKeyWithValue("batch_bytes", BeNumerically("==", 65536)))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 256)))
		Expect(cfg).To(HaveKeyWithValue("timer_slack", "5ms"))
		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", true))
		Expect(cfg).To(HaveKeyWithValue("startup_replay", "15s"))
		Expect(cfg).To(HaveKeyWithValue("cipher_suites", ConsistOf(
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("server_name", "metron"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14825"))
		Expect(cfg["metrics"]).NotTo(HaveKey("tls"))

		Expect(readFile(dir, "config/certs/doppler.crt")).To(ContainSubstring("CERT PEM"))
		Expect(readFile(dir, "config/certs/doppler.key")).To(ContainSubstring("KEY PEM"))
		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("CA PEM"))
		Expect(readFile(dir, "config/bpm.yml")).To(ContainSubstring("/var/vcap/packages/loggregator/bin/router"))
		Expect(readFile(dir, "bin/dns/healthy")).To(ContainSubstring("/dev/tcp/127.0.0.1/8082"))
		Expect(readFile(dir, "bin/drain")).To(ContainSubstring("timeout 15 "))
	})

	It("renders the Cloud Foundry property names and the new ones into the config", func() {
		props := dopplerProperties()
		props["doppler"] = map[string]any{
			"grpc_port": 9999, "ingress_buffer_size": 50000, "egress_buffer_size": 5000,
			"max_subscriptions": 20, "slow_consumer_timeout": "3s", "shutdown_timeout": "30s",
			"memory_limit_mib": 64, "startup_replay": "0s", "adaptive_procs": false, "timer_slack": "0s",
		}
		props["loggregator"].(map[string]any)["tls"].(map[string]any)["cipher_suites"] = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
		props["metron_endpoint"] = map[string]any{"host": "10.0.0.9", "grpc_port": 4000}
		props["metrics"] = map[string]any{"port": 9100, "ca_cert": "M CA", "cert": "M CERT", "key": "M KEY"}
		dir, cfg := dopplerConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("router", filepath.Join(dir, "config/router.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg).To(HaveKeyWithValue("addr", ":9999"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("buffer_size", BeNumerically("==", 50000)))
		Expect(cfg["egress"]).To(HaveKeyWithValue("buffer_size", BeNumerically("==", 5000)))
		Expect(cfg["egress"]).To(HaveKeyWithValue("max_subscriptions", BeNumerically("==", 20)))
		Expect(cfg["egress"]).To(HaveKeyWithValue("slow_consumer_timeout", "3s"))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 64)))
		Expect(cfg).To(HaveKeyWithValue("timer_slack", "0s"))
		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", false))
		Expect(cfg).To(HaveKeyWithValue("startup_replay", "0s"))
		Expect(cfg).To(HaveKeyWithValue("cipher_suites", ConsistOf("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "10.0.0.9:4000"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":9100"))
		Expect(cfg["metrics"]).To(HaveKey("tls"))
		Expect(readFile(dir, "bin/dns/healthy")).To(ContainSubstring("/dev/tcp/127.0.0.1/9999"))
		Expect(readFile(dir, "bin/drain")).To(ContainSubstring("timeout 35 "))
	})

	It("sends no self-metrics when metron_endpoint.host is empty", func() {
		props := dopplerProperties()
		props["metron_endpoint"] = map[string]any{"host": ""}
		dir, cfg := dopplerConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("router", filepath.Join(dir, "config/router.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", ""))
	})

	It("accepts Cloud Foundry's doppler.enabled, doppler.pprof_port and logging.format.timestamp, and with doppler.enabled false monit starts nothing", func() {
		props := dopplerProperties()
		props["doppler"] = map[string]any{"enabled": false, "pprof_port": 6060}
		props["logging"] = map[string]any{"format": map[string]any{"timestamp": "rfc3339"}}
		dir, _ := dopplerConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("router", filepath.Join(dir, "config/router.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))

		dir, _ = dopplerConfig(boshtemplate.Context{Properties: dopplerProperties()})
		Expect(readFile(dir, "monit")).To(ContainSubstring("check process doppler"))
	})
})
