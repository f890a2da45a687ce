package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
)

// gatewayProperties are what every reverse_log_proxy_gateway render needs
// with authorization on, as a Cloud Foundry deployment sets them.
func gatewayProperties() map[string]any {
	return map[string]any{
		"http":          map[string]any{"cert": "HTTP CERT PEM", "key": "HTTP KEY PEM"},
		"logs_provider": map[string]any{"ca_cert": "CA PEM", "client_cert": "CLIENT CERT PEM", "client_key": "CLIENT KEY PEM"},
		"cc":            map[string]any{"ca_cert": "CC CA PEM", "cert": "CC CERT PEM", "key": "CC KEY PEM", "common_name": "cloud-controller-ng.service.cf.internal"},
		"uaa": map[string]any{
			"client_id": "doppler", "client_secret": "secret", "ca_cert": "UAA CA PEM",
			"internal_addr": "https://uaa.service.cf.internal:8443",
		},
	}
}

func gatewayLinks() map[string]boshtemplate.Link {
	return map[string]boshtemplate.Link{
		"reverse_log_proxy": {
			Address:    "q-s0.log-api.default.cf.bosh",
			Properties: map[string]any{"reverse_log_proxy": map[string]any{"egress": map[string]any{"port": 8082}}},
			Instances:  []boshtemplate.LinkInstance{{Name: "log-api", Address: "10.0.0.5", Bootstrap: true}},
		},
		"cloud_controller": {
			Address:   "cloud-controller-ng.service.cf.internal",
			Instances: []boshtemplate.LinkInstance{{Name: "api", Address: "10.0.0.9", Bootstrap: true}},
		},
	}
}

// gatewayConfig renders the job and returns the directory and the decoded gateway.json.
func gatewayConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("reverse_log_proxy_gateway", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/gateway.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("reverse_log_proxy_gateway job", func() {
	It("renders a config the gateway accepts from the defaults, the rlp link and the cloud_controller link", func() {
		dir, cfg := gatewayConfig(boshtemplate.Context{Properties: gatewayProperties(), Links: gatewayLinks()})
		out, ok := checkConfig("gateway", filepath.Join(dir, "config/gateway.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["http"]).To(HaveKeyWithValue("addr", ":8088"))
		Expect(cfg["http"]).To(HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/reverse_log_proxy_gateway.crt")))
		Expect(cfg["logs_provider"]).To(HaveKeyWithValue("addr", "q-s0.log-api.default.cf.bosh:8082"))
		Expect(cfg["logs_provider"]).To(HaveKeyWithValue("server_name", "reverselogproxy"))
		auth := cfg["auth"].(map[string]any)
		Expect(auth).To(HaveKeyWithValue("disabled", false))
		Expect(auth).To(HaveKeyWithValue("cache_ttl", "10s"))
		Expect(auth["uaa"]).To(HaveKeyWithValue("addr", "https://uaa.service.cf.internal:8443"))
		Expect(auth["uaa"]).To(HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/uaa_ca.crt")))
		Expect(auth["cc"]).To(HaveKeyWithValue("internal_addr", "https://cloud-controller-ng.service.cf.internal:9023"))
		Expect(auth["cc"]).To(HaveKeyWithValue("external_addr", "http://cloud-controller-ng.service.cf.internal:9022"))
		Expect(auth["cc"]).To(HaveKeyWithValue("server_name", "cloud-controller-ng.service.cf.internal"))
		Expect(cfg).To(HaveKeyWithValue("heartbeat_interval", "5s"))
		Expect(cfg).To(HaveKeyWithValue("max_stream_duration", "14m"))
		Expect(cfg).To(HaveKeyWithValue("max_streams", BeNumerically("==", 500)))
		Expect(cfg).To(HaveKeyWithValue("max_selectors", BeNumerically("==", 100)))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 256)))
		Expect(cfg).To(HaveKeyWithValue("max_procs", BeNumerically("==", 0)))
		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", true))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:8089"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("emit_interval", "1m"))
		Expect(cfg["metrics"]).NotTo(HaveKey("tls"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("server_name", "metron"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("tls", cfg["logs_provider"].(map[string]any)["tls"]))
		Expect(cfg["logs_provider"]).To(HaveKeyWithValue("tls", HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/reverse_log_proxy.crt"))))

		Expect(readFile(dir, "config/certs/reverse_log_proxy_gateway.crt")).To(ContainSubstring("HTTP CERT PEM"))
		Expect(readFile(dir, "config/certs/reverse_log_proxy.key")).To(ContainSubstring("CLIENT KEY PEM"))
		Expect(readFile(dir, "config/certs/mutual_tls_ca.crt")).To(ContainSubstring("CA PEM"))
		Expect(readFile(dir, "config/certs/cc.crt")).To(ContainSubstring("CC CERT PEM"))
		Expect(readFile(dir, "config/certs/uaa_ca.crt")).To(ContainSubstring("UAA CA PEM"))
	})

	It("runs the gateway binary under bpm with the rendered config, and monit through bpm", func() {
		dir, _ := gatewayConfig(boshtemplate.Context{Properties: gatewayProperties(), Links: gatewayLinks()})
		bpm := readFile(dir, "config/bpm.yml")
		Expect(bpm).To(ContainSubstring("name: reverse_log_proxy_gateway"))
		Expect(bpm).To(ContainSubstring("executable: /var/vcap/packages/loggregator/bin/gateway"))
		Expect(bpm).To(ContainSubstring(filepath.Join(dir, "config/gateway.json")))
		monit := readFile(dir, "monit")
		Expect(monit).To(ContainSubstring("check process reverse_log_proxy_gateway"))
		Expect(monit).To(ContainSubstring(`start program "/var/vcap/jobs/bpm/bin/bpm start reverse_log_proxy_gateway"`))
	})

	It("renders representative properties: override addresses, stream limits, cache TTL and mutual-TLS metrics", func() {
		props := gatewayProperties()
		props["http"].(map[string]any)["address"] = "127.0.0.1:9443"
		props["http"].(map[string]any)["heartbeat_interval"] = "2s"
		props["http"].(map[string]any)["max_stream_duration"] = "5m"
		props["http"].(map[string]any)["max_streams"] = 50
		props["http"].(map[string]any)["max_selectors"] = 20
		props["logs_provider"].(map[string]any)["common_name"] = "rlp.internal"
		props["cc"].(map[string]any)["override_address"] = "10.0.0.20"
		props["cc"].(map[string]any)["timeout"] = "2s"
		props["uaa"].(map[string]any)["timeout"] = "3s"
		props["skip_cert_verify"] = true
		props["auth"] = map[string]any{"cache_ttl": "30s"}
		props["metrics"] = map[string]any{"port": 9100, "ca_cert": "M CA", "cert": "M CERT", "key": "M KEY", "server_name": "metrics"}
		links := gatewayLinks()
		delete(links, "cloud_controller")

		dir, cfg := gatewayConfig(boshtemplate.Context{Properties: props, Links: links})
		out, ok := checkConfig("gateway", filepath.Join(dir, "config/gateway.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["http"]).To(HaveKeyWithValue("addr", "127.0.0.1:9443"))
		Expect(cfg).To(HaveKeyWithValue("heartbeat_interval", "2s"))
		Expect(cfg).To(HaveKeyWithValue("max_stream_duration", "5m"))
		Expect(cfg).To(HaveKeyWithValue("max_streams", BeNumerically("==", 50)))
		Expect(cfg).To(HaveKeyWithValue("max_selectors", BeNumerically("==", 20)))
		Expect(cfg["logs_provider"]).To(HaveKeyWithValue("server_name", "rlp.internal"))
		auth := cfg["auth"].(map[string]any)
		Expect(auth).To(HaveKeyWithValue("cache_ttl", "30s"))
		Expect(auth["cc"]).To(HaveKeyWithValue("internal_addr", "https://10.0.0.20:9023"))
		Expect(auth["cc"]).To(HaveKeyWithValue("timeout", "2s"))
		Expect(auth["uaa"]).To(HaveKeyWithValue("skip_cert_verify", true))
		Expect(auth["uaa"]).To(HaveKeyWithValue("timeout", "3s"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":9100"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("tls", HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/metrics_ca.crt"))))
		Expect(readFile(dir, "config/certs/metrics.crt")).To(ContainSubstring("M CERT"))
	})

	It("sends its own metrics to the agent named by metron_endpoint, with the loggregator.tls identity when it is set", func() {
		props := gatewayProperties()
		props["metron_endpoint"] = map[string]any{"host": "10.0.0.9", "grpc_port": 4000}
		props["metric_emitter"] = map[string]any{"interval": "30s"}
		props["loggregator"] = map[string]any{"tls": map[string]any{
			"ca_cert":                   "AGENT CA PEM",
			"reverse_log_proxy_gateway": map[string]any{"cert": "AGENT CERT PEM", "key": "AGENT KEY PEM"},
		}}
		dir, cfg := gatewayConfig(boshtemplate.Context{Properties: props, Links: gatewayLinks()})
		out, ok := checkConfig("gateway", filepath.Join(dir, "config/gateway.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "10.0.0.9:4000"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("tls", map[string]any{
			"ca_file":   filepath.Join(dir, "config/certs/agent_ca.crt"),
			"cert_file": filepath.Join(dir, "config/certs/agent.crt"),
			"key_file":  filepath.Join(dir, "config/certs/agent.key"),
		}))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("emit_interval", "30s"))
		Expect(readFile(dir, "config/certs/agent_ca.crt")).To(ContainSubstring("AGENT CA PEM"))
		Expect(readFile(dir, "config/certs/agent.crt")).To(ContainSubstring("AGENT CERT PEM"))
		Expect(readFile(dir, "config/certs/agent.key")).To(ContainSubstring("AGENT KEY PEM"))
	})

	It("sends no self-metrics when metron_endpoint.host is empty", func() {
		props := gatewayProperties()
		props["metron_endpoint"] = map[string]any{"host": ""}
		dir, cfg := gatewayConfig(boshtemplate.Context{Properties: props, Links: gatewayLinks()})
		out, ok := checkConfig("gateway", filepath.Join(dir, "config/gateway.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", ""))
	})

	It("renders a config without UAA or Cloud Controller when auth.disabled is set", func() {
		props := map[string]any{
			"http":          map[string]any{"cert": "HTTP CERT PEM", "key": "HTTP KEY PEM"},
			"logs_provider": map[string]any{"ca_cert": "CA PEM", "client_cert": "C", "client_key": "K"},
			"auth":          map[string]any{"disabled": true},
		}
		links := gatewayLinks()
		delete(links, "cloud_controller")
		dir, cfg := gatewayConfig(boshtemplate.Context{Properties: props, Links: links})
		out, ok := checkConfig("gateway", filepath.Join(dir, "config/gateway.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["auth"]).To(HaveKeyWithValue("disabled", true))
		Expect(cfg["auth"]).NotTo(HaveKey("uaa"))
	})

	It("refuses to render with authorization on but no Cloud Controller", func() {
		links := gatewayLinks()
		delete(links, "cloud_controller")
		err := boshtemplate.Render(filepath.Join(repoRoot, "jobs", "reverse_log_proxy_gateway"),
			boshtemplate.Context{Properties: gatewayProperties(), Links: links}, GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("set cc.override_address")))
	})
})
