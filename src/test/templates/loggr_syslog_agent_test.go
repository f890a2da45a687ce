package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/certgen"
)

// syslogAgentProperties are cf-deployment's loggr-syslog-agent properties,
// with real PEM certificates in place of its CredHub variables.
func syslogAgentProperties() map[string]any {
	ca, err := certgen.NewCA("loggregatorCA")
	Expect(err).NotTo(HaveOccurred())
	metron, err := ca.Leaf("metron", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	client, err := ca.Leaf("syslog-agent", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	metrics, err := ca.Leaf("syslog_agent_metrics", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	return map[string]any{
		"port": 3460,
		"tls": map[string]any{
			"ca_cert": string(ca.CertPEM), "cert": string(metron.CertPEM), "key": string(metron.KeyPEM),
		},
		"cache": map[string]any{
			"tls": map[string]any{
				"ca_cert": string(ca.CertPEM), "cert": string(client.CertPEM), "key": string(client.KeyPEM), "cn": "binding-cache",
			},
		},
		"metrics": map[string]any{
			"ca_cert": string(ca.CertPEM), "cert": string(metrics.CertPEM), "key": string(metrics.KeyPEM),
			"server_name": "syslog_agent_metrics",
		},
	}
}

func syslogAgentConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("loggr-syslog-agent", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/syslog-agent.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var bindingCacheLink = boshtemplate.Link{
	Properties: map[string]any{"external_port": 9000, "default_drain_metadata": true},
	Address:    "binding-cache.service.cf.internal",
	Instances:  []boshtemplate.LinkInstance{{Name: "scheduler", Index: 0, AZ: "z1", Address: "10.0.1.5", Bootstrap: true}},
}

var _ = Describe("loggr-syslog-agent job", func() {
	It("renders a config the syslog agent accepts from the spec defaults alone", func() {
		dir, cfg := syslogAgentConfig(boshtemplate.Context{})
		out, ok := checkConfig("syslog-agent", filepath.Join(dir, "config/syslog-agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["binding_cache"]).To(HaveKeyWithValue("url", ""))
		Expect(cfg["aggregate_drains"]).To(BeEmpty())
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14822"))
	})

	It("renders cf-deployment's properties and the binding_cache link", func() {
		dir, cfg := syslogAgentConfig(boshtemplate.Context{
			Properties: syslogAgentProperties(),
			Links:      map[string]boshtemplate.Link{"binding_cache": bindingCacheLink},
		})
		out, ok := checkConfig("syslog-agent", filepath.Join(dir, "config/syslog-agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3460"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("cipher_suites", ConsistOf(
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")))
		Expect(cfg["binding_cache"]).To(HaveKeyWithValue("url", "https://binding-cache.service.cf.internal:9000"))
		Expect(cfg["binding_cache"]).To(HaveKeyWithValue("server_name", "binding-cache"))
		Expect(cfg["binding_cache"]).To(HaveKeyWithValue("polling_interval", "15s"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":14822"))
		Expect(cfg["drains"]).To(HaveKeyWithValue("default_metadata", true))
		Expect(cfg["drains"]).NotTo(HaveKey("ca_file"))

		Expect(readFile(dir, "config/ingress_port.yml")).To(Equal("---\ningress: 3460\n"))
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(ContainSubstring("scheme: https\nserver_name: \"syslog_agent_metrics\"\n"))
		Expect(readFile(dir, "config/certs/cache_client.key")).To(ContainSubstring("PRIVATE KEY"))
		Expect(readFile(dir, "config/certs/syslog_agent.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
		Expect(readFile(dir, "config/bpm.yml")).To(ContainSubstring("/var/vcap/packages/loggregator/bin/syslog-agent"))
		Expect(readFile(dir, "monit")).To(ContainSubstring("check process loggr-syslog-agent"))
		Expect(readFile(dir, "bin/drain")).To(ContainSubstring("loggr-syslog-agent.pid"))
	})

	It("prefers binding_cache_override_url and renders the drain settings", func() {
		props := syslogAgentProperties()
		props["binding_cache_override_url"] = "https://cache.example.com:9443"
		props["drain_ca_cert"] = props["tls"].(map[string]any)["ca_cert"]
		props["drain_skip_cert_verify"] = true
		props["default_drain_metadata"] = false
		props["drain_cipher_suites"] = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
		props["blacklisted_syslog_ranges"] = []any{map[string]any{"start": "10.0.0.0", "end": "10.255.255.255"}}
		dir, cfg := syslogAgentConfig(boshtemplate.Context{
			Properties: props,
			Links:      map[string]boshtemplate.Link{"binding_cache": bindingCacheLink},
		})
		out, ok := checkConfig("syslog-agent", filepath.Join(dir, "config/syslog-agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["binding_cache"]).To(HaveKeyWithValue("url", "https://cache.example.com:9443"))
		Expect(cfg["drains"]).To(HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/drain_ca.crt")))
		Expect(cfg["drains"]).To(HaveKeyWithValue("skip_cert_verify", true))
		Expect(cfg["drains"]).To(HaveKeyWithValue("default_metadata", false))
		Expect(cfg["drains"]).To(HaveKeyWithValue("cipher_suites", ConsistOf("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")))
		Expect(cfg["blacklisted_syslog_ranges"]).To(Equal([]any{map[string]any{"start": "10.0.0.0", "end": "10.255.255.255"}}))
		Expect(readFile(dir, "config/certs/drain_ca.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
	})

	It("accepts aggregate_drains as a comma-separated string and as a list of URLs or credentials", func() {
		props := syslogAgentProperties()
		props["aggregate_drains"] = "syslog-tls://logs.example.com:6514, https://user:pass@splunk.example.com/drain?drain-type=all"
		dir, cfg := syslogAgentConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("syslog-agent", filepath.Join(dir, "config/syslog-agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["aggregate_drains"]).To(Equal([]any{
			map[string]any{"url": "syslog-tls://logs.example.com:6514"},
			map[string]any{"url": "https://user:pass@splunk.example.com/drain?drain-type=all"},
		}))

		props["aggregate_drains"] = []any{"syslog://a.example.com:514", map[string]any{"url": "syslog-tls://b.example.com:6514", "ca": "CA", "cert": "CERT", "key": "KEY"}}
		dir, cfg = syslogAgentConfig(boshtemplate.Context{Properties: props})
		out, ok = checkConfig("syslog-agent", filepath.Join(dir, "config/syslog-agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["aggregate_drains"]).To(Equal([]any{
			map[string]any{"url": "syslog://a.example.com:514"},
			map[string]any{"url": "syslog-tls://b.example.com:6514", "ca": "CA", "cert": "CERT", "key": "KEY"},
		}))
	})

	It("renders an unset metrics TLS as plain HTTP on loopback for the scraper", func() {
		dir := render("loggr-syslog-agent", boshtemplate.Context{})
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(ContainSubstring("port: 14822\nsource_id: \"syslog_agent\""))
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(ContainSubstring("scheme: http\n"))
	})
})
