package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"go.yaml.in/yaml/v3"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/certgen"
)

// forwarderProperties are the loggr-forwarder-agent properties
// cf-deployment sets, with real PEM certificates.
func forwarderProperties() map[string]any {
	ca, err := certgen.NewCA("loggregatorCA")
	Expect(err).NotTo(HaveOccurred())
	metron, err := ca.Leaf("metron", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	metricsCA, err := certgen.NewCA("metricsCA")
	Expect(err).NotTo(HaveOccurred())
	metricsLeaf, err := metricsCA.Leaf("forwarder_agent_metrics", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	return map[string]any{
		"tls": map[string]any{
			"ca_cert": string(ca.CertPEM),
			"cert":    string(metron.CertPEM),
			"key":     string(metron.KeyPEM),
		},
		"metrics": map[string]any{
			"ca_cert":     string(metricsCA.CertPEM),
			"cert":        string(metricsLeaf.CertPEM),
			"key":         string(metricsLeaf.KeyPEM),
			"server_name": "forwarder_agent_metrics",
		},
	}
}

func forwarderConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("loggr-forwarder-agent", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/agent.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("loggr-forwarder-agent job", func() {
	It("renders a forwarder config the agent accepts from cf-deployment's properties", func() {
		dir, cfg := forwarderConfig(boshtemplate.Context{
			Properties: forwarderProperties(),
			Spec:       boshtemplate.Spec{Name: "diego-cell", ID: "abc-123", IP: "10.0.2.9", Deployment: "cf"},
		})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg).To(HaveKeyWithValue("role", "forwarder"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg).NotTo(HaveKey("routers"))
		fwd := cfg["forwarder"].(map[string]any)
		Expect(fwd).To(HaveKeyWithValue("downstream_ingress_port_glob", "/var/vcap/jobs/*/config/ingress_port.yml"))
		Expect(fwd).To(HaveKeyWithValue("server_name", "metron"))
		Expect(fwd["otel"]).To(Equal(map[string]any{
			"emit_logs": true, "emit_metrics": true, "emit_traces": true,
			"max_retries": float64(7), "queue_size": float64(1024),
		}))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":14823"))
		Expect(cfg).To(HaveKeyWithValue("deployment", "cf"))
		Expect(cfg).To(HaveKeyWithValue("job", "diego-cell"))
		Expect(cfg).To(HaveKeyWithValue("index", "abc-123"))

		Expect(readFile(dir, "config/certs/forwarder.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
		Expect(readFile(dir, "config/certs/forwarder.key")).To(ContainSubstring("PRIVATE KEY"))
		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
		Expect(readFile(dir, "monit")).To(ContainSubstring("check process loggr-forwarder-agent"))
		Expect(readFile(dir, "bin/drain")).To(ContainSubstring("loggr-forwarder-agent.pid"))

		var bpm struct {
			Processes []struct {
				Name       string   `yaml:"name"`
				Executable string   `yaml:"executable"`
				Args       []string `yaml:"args"`
				Unsafe     struct {
					UnrestrictedVolumes []struct {
						Path      string `yaml:"path"`
						MountOnly bool   `yaml:"mount_only"`
					} `yaml:"unrestricted_volumes"`
				} `yaml:"unsafe"`
			} `yaml:"processes"`
		}
		Expect(yaml.Unmarshal([]byte(readFile(dir, "config/bpm.yml")), &bpm)).To(Succeed())
		Expect(bpm.Processes).To(HaveLen(1))
		Expect(bpm.Processes[0].Name).To(Equal("loggr-forwarder-agent"))
		Expect(bpm.Processes[0].Executable).To(Equal("/var/vcap/packages/loggregator/bin/agent"))
		Expect(bpm.Processes[0].Unsafe.UnrestrictedVolumes).To(HaveLen(1))
		Expect(bpm.Processes[0].Unsafe.UnrestrictedVolumes[0].Path).To(Equal("/var/vcap/jobs/*/config/ingress_port.yml"))
		Expect(bpm.Processes[0].Unsafe.UnrestrictedVolumes[0].MountOnly).To(BeTrue())

		var scrape map[string]any
		Expect(yaml.Unmarshal([]byte(readFile(dir, "config/prom_scraper_config.yml")), &scrape)).To(Succeed())
		Expect(scrape).To(HaveKeyWithValue("port", 14823))
		Expect(scrape).To(HaveKeyWithValue("source_id", "forwarder_agent"))
		Expect(scrape).To(HaveKeyWithValue("scheme", "https"))
		Expect(scrape).To(HaveKeyWithValue("server_name", "forwarder_agent_metrics"))
		Expect(scrape).To(HaveKeyWithValue("instance_id", "abc-123"))
	})

	It("renders every property of Cloud Foundry's job into the config", func() {
		props := forwarderProperties()
		delete(props, "metrics")
		props["host"] = "0.0.0.0"
		props["port"] = 3460
		props["downstream_ingress_port_glob"] = "/var/vcap/jobs/*/config/other.yml"
		props["deployment"] = "cf-x"
		props["tags"] = map[string]any{"product": "PAS"}
		props["emit_otel_traces"] = false
		props["emit_otel_metrics"] = false
		props["emit_otel_logs"] = true
		props["otel_retry"] = map[string]any{"max_retries": 3, "queue_size": 64}
		props["logging"] = map[string]any{"format": map[string]any{"timestamp": "rfc3339"}}
		dir, cfg := forwarderConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "0.0.0.0:3460"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("cipher_suites", ConsistOf(
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")))
		fwd := cfg["forwarder"].(map[string]any)
		Expect(fwd).To(HaveKeyWithValue("downstream_ingress_port_glob", "/var/vcap/jobs/*/config/other.yml"))
		Expect(fwd["otel"]).To(Equal(map[string]any{
			"emit_logs": true, "emit_metrics": false, "emit_traces": false,
			"max_retries": float64(3), "queue_size": float64(64),
		}))
		Expect(cfg).To(HaveKeyWithValue("deployment", "cf-x"))
		Expect(cfg).To(HaveKeyWithValue("tags", Equal(map[string]any{"product": "PAS"})))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14823"))
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(ContainSubstring("scheme: http\n"))
	})

	It("renders a config the agent accepts from the spec defaults alone", func() {
		dir, cfg := forwarderConfig(boshtemplate.Context{})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14823"))
	})
})
