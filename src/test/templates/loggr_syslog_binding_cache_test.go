package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
)

// bindingCacheManifest is the job's properties as cf-deployment writes them
// (certificates shortened to placeholders), with the cloud_controller link.
const bindingCacheManifest = `
external_port: 9000
tls:
  ca_cert: "LOGGREGATOR CA PEM"
  cert: "BINDING CACHE CERT PEM"
  key: "BINDING CACHE KEY PEM"
  cn: binding-cache
api:
  tls:
    ca_cert: "SERVICE CF INTERNAL CA PEM"
    cert: "BINDING CACHE API CERT PEM"
    key: "BINDING CACHE API KEY PEM"
    cn: cloud-controller-ng.service.cf.internal
metrics:
  ca_cert: "METRICS CA PEM"
  cert: "METRICS CERT PEM"
  key: "METRICS KEY PEM"
  server_name: binding_cache_metrics
`

// bindingCacheProperties reads manifests, each a YAML mapping of properties;
// a top-level property of a later one replaces that of an earlier one.
func bindingCacheProperties(manifests ...string) map[string]any {
	props := map[string]any{}
	for _, m := range manifests {
		var n yaml.Node
		Expect(yaml.Unmarshal([]byte(m), &n)).To(Succeed())
		v, err := boshtemplate.FromYAML(&n)
		Expect(err).NotTo(HaveOccurred())
		for _, item := range v.(boshtemplate.Map) {
			props[item.Key] = item.Value
		}
	}
	return props
}

func bindingCacheLinks() map[string]boshtemplate.Link {
	return map[string]boshtemplate.Link{
		"cloud_controller": {
			Address:   "cloud-controller-ng.service.cf.internal",
			Instances: []boshtemplate.LinkInstance{{Name: "api", Address: "10.0.0.9", Bootstrap: true}},
		},
	}
}

// bindingCacheConfig renders the job and returns the directory and the decoded binding-cache.json.
func bindingCacheConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("loggr-syslog-binding-cache", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/binding-cache.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("loggr-syslog-binding-cache job", func() {
	It("renders cf-deployment's properties into a config the binding cache accepts", func() {
		dir, cfg := bindingCacheConfig(boshtemplate.Context{Properties: bindingCacheProperties(bindingCacheManifest), Links: bindingCacheLinks()})
		out, ok := checkConfig("binding-cache", filepath.Join(dir, "config/binding-cache.json"))
		Expect(ok).To(BeTrue(), out)

		certs := filepath.Join(dir, "config/certs")
		Expect(cfg["server"]).To(HaveKeyWithValue("addr", ":9000"))
		Expect(cfg["server"]).To(HaveKeyWithValue("tls", map[string]any{
			"ca_file": certs + "/loggregator_ca.crt", "cert_file": certs + "/binding_cache.crt", "key_file": certs + "/binding_cache.key",
		}))
		Expect(cfg["server"]).To(HaveKeyWithValue("cipher_suites", []any{"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"}))
		cc := cfg["cc"].(map[string]any)
		Expect(cc).To(HaveKeyWithValue("addr", "https://cloud-controller-ng.service.cf.internal:9023"))
		Expect(cc).To(HaveKeyWithValue("server_name", "cloud-controller-ng.service.cf.internal"))
		Expect(cc).To(HaveKeyWithValue("polling_interval", "1m"))
		Expect(cc).To(HaveKeyWithValue("batch_size", BeNumerically("==", 1000)))
		Expect(cc).To(HaveKeyWithValue("disable_keep_alives", true))
		Expect(cc["tls"]).To(HaveKeyWithValue("cert_file", certs+"/api_client.crt"))
		Expect(cfg).To(HaveKeyWithValue("aggregate_drains", BeEmpty()))
		Expect(cfg).To(HaveKeyWithValue("blacklisted_syslog_ranges", BeEmpty()))
		Expect(cfg).To(HaveKeyWithValue("warn_on_invalid_drains", true))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":14828"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("tls", HaveKeyWithValue("ca_file", certs+"/metrics_ca.crt")))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", ""))

		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("LOGGREGATOR CA PEM"))
		Expect(readFile(dir, "config/certs/binding_cache.key")).To(ContainSubstring("BINDING CACHE KEY PEM"))
		Expect(readFile(dir, "config/certs/api_ca.crt")).To(ContainSubstring("SERVICE CF INTERNAL CA PEM"))
		Expect(readFile(dir, "config/certs/api_client.crt")).To(ContainSubstring("BINDING CACHE API CERT PEM"))
		Expect(readFile(dir, "config/certs/metrics.crt")).To(ContainSubstring("METRICS CERT PEM"))
		Expect(readFile(dir, "config/aggregate_drains.yml")).To(Equal("--- []\n\n"))

		prom := readFile(dir, "config/prom_scraper_config.yml")
		Expect(prom).To(ContainSubstring("port: 14828\n"))
		Expect(prom).To(ContainSubstring(`source_id: "loggr-syslog-binding-cache"`))
		Expect(prom).To(ContainSubstring("scheme: https\n"))
		Expect(prom).To(ContainSubstring(`server_name: "binding_cache_metrics"`))
	})

	It("runs the binding-cache binary under bpm with the rendered config, and monit through bpm", func() {
		dir, _ := bindingCacheConfig(boshtemplate.Context{Properties: bindingCacheProperties(bindingCacheManifest), Links: bindingCacheLinks()})
		bpm := readFile(dir, "config/bpm.yml")
		Expect(bpm).To(ContainSubstring("name: loggr-syslog-binding-cache"))
		Expect(bpm).To(ContainSubstring("executable: /var/vcap/packages/loggregator/bin/binding-cache"))
		Expect(bpm).To(ContainSubstring(filepath.Join(dir, "config/binding-cache.json")))
		monit := readFile(dir, "monit")
		Expect(monit).To(ContainSubstring("check process loggr-syslog-binding-cache"))
		Expect(monit).To(ContainSubstring(`start program "/var/vcap/jobs/bpm/bin/bpm start loggr-syslog-binding-cache"`))
	})

	It("takes aggregate drains as Cloud Foundry's older comma-separated string", func() {
		props := bindingCacheProperties(bindingCacheManifest)
		props["aggregate_drains"] = "syslog-tls://a.example.com:6514, https://b.example.com/logs"
		dir, cfg := bindingCacheConfig(boshtemplate.Context{Properties: props, Links: bindingCacheLinks()})
		out, ok := checkConfig("binding-cache", filepath.Join(dir, "config/binding-cache.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["aggregate_drains"]).To(Equal([]any{
			map[string]any{"url": "syslog-tls://a.example.com:6514"},
			map[string]any{"url": "https://b.example.com/logs"},
		}))
		Expect(readFile(dir, "config/aggregate_drains.yml")).To(Equal("---\n- url: syslog-tls://a.example.com:6514\n- url: https://b.example.com/logs\n\n"))
	})

	It("takes aggregate drains as a list of url, cert, key and ca (or CA), as newer Cloud Foundry does", func() {
		props := bindingCacheProperties(bindingCacheManifest, `
aggregate_drains:
- url: syslog-tls://a.example.com:6514
  cert: "A CERT"
  key: "A KEY"
  CA: "A CA"
- url: syslog://b.example.com:514
`)
		dir, cfg := bindingCacheConfig(boshtemplate.Context{Properties: props, Links: bindingCacheLinks()})
		out, ok := checkConfig("binding-cache", filepath.Join(dir, "config/binding-cache.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["aggregate_drains"]).To(Equal([]any{
			map[string]any{"url": "syslog-tls://a.example.com:6514", "cert": "A CERT", "key": "A KEY", "ca": "A CA"},
			map[string]any{"url": "syslog://b.example.com:514", "cert": "", "key": "", "ca": ""},
		}))
		Expect(readFile(dir, "config/aggregate_drains.yml")).To(ContainSubstring("ca: A CA"))
	})

	It("renders representative properties: override URL, polling, blacklisted ranges, the local agent and plain metrics", func() {
		props := bindingCacheProperties(bindingCacheManifest, `
api:
  override_url: cc.internal.example.com
  polling_interval: 30s
  batch_size: 500
  disable_keep_alives: false
  timeout: 10s
  tls:
    ca_cert: "CC CA"
    cert: "CC CERT"
    key: "CC KEY"
    cn: cc.internal.example.com
blacklisted_syslog_ranges:
- start: 10.0.0.0
  end: 10.255.255.255
warn_on_invalid_drains: false
loggregator:
  tls:
    ca_cert: "AGENT CA"
    cert: "AGENT CERT"
    key: "AGENT KEY"
metrics:
  port: 9100
`)
		dir, cfg := bindingCacheConfig(boshtemplate.Context{Properties: props, Links: bindingCacheLinks()})
		out, ok := checkConfig("binding-cache", filepath.Join(dir, "config/binding-cache.json"))
		Expect(ok).To(BeTrue(), out)
		cc := cfg["cc"].(map[string]any)
		Expect(cc).To(HaveKeyWithValue("addr", "https://cc.internal.example.com:9023"))
		Expect(cc).To(HaveKeyWithValue("polling_interval", "30s"))
		Expect(cc).To(HaveKeyWithValue("batch_size", BeNumerically("==", 500)))
		Expect(cc).To(HaveKeyWithValue("timeout", "10s"))
		Expect(cc).To(HaveKeyWithValue("disable_keep_alives", false))
		Expect(cfg["blacklisted_syslog_ranges"]).To(Equal([]any{map[string]any{"start": "10.0.0.0", "end": "10.255.255.255"}}))
		Expect(cfg).To(HaveKeyWithValue("warn_on_invalid_drains", false))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("tls", HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/loggregator_agent.crt"))))
		Expect(readFile(dir, "config/certs/loggregator_agent.key")).To(ContainSubstring("AGENT KEY"))
		Expect(cfg["metrics"]).To(Equal(map[string]any{"addr": "127.0.0.1:9100"}))
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(ContainSubstring("scheme: http\n"))
	})

	It("uses an override URL with a scheme as the whole base URL", func() {
		props := bindingCacheProperties(bindingCacheManifest, `
api:
  override_url: https://10.0.0.20:9024
  tls: {ca_cert: "CC CA", cert: "CC CERT", key: "CC KEY", cn: cc.internal}
`)
		dir, cfg := bindingCacheConfig(boshtemplate.Context{Properties: props, Links: bindingCacheLinks()})
		out, ok := checkConfig("binding-cache", filepath.Join(dir, "config/binding-cache.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["cc"]).To(HaveKeyWithValue("addr", "https://10.0.0.20:9024"))
	})

	It("renders a blacklisted range the binary refuses, and --check-config names it", func() {
		props := bindingCacheProperties(bindingCacheManifest, `
blacklisted_syslog_ranges:
- start: 10.0.0.9
  end: 10.0.0.1
`)
		dir, _ := bindingCacheConfig(boshtemplate.Context{Properties: props, Links: bindingCacheLinks()})
		out, ok := checkConfig("binding-cache", filepath.Join(dir, "config/binding-cache.json"))
		Expect(ok).To(BeFalse())
		Expect(out).To(ContainSubstring("blacklisted_syslog_ranges[0]: start 10.0.0.9 is after end 10.0.0.1"))
	})

	It("does not start the cache when enabled is false", func() {
		props := bindingCacheProperties(bindingCacheManifest)
		props["enabled"] = false
		dir := render("loggr-syslog-binding-cache", boshtemplate.Context{Properties: props, Links: bindingCacheLinks()})
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))
	})
})
