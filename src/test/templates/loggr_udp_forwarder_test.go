package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/certgen"
)

// udpForwarderProperties are cf-deployment's loggr-udp-forwarder properties,
// with real PEM certificates.
func udpForwarderProperties() map[string]any {
	ca, err := certgen.NewCA("loggregatorCA")
	Expect(err).NotTo(HaveOccurred())
	client, err := ca.Leaf("udp-forwarder", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	metrics, err := ca.Leaf("udp_forwarder_metrics", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	return map[string]any{
		"loggregator": map[string]any{
			"tls": map[string]any{"ca": string(ca.CertPEM), "cert": string(client.CertPEM), "key": string(client.KeyPEM)},
		},
		"metrics": map[string]any{
			"ca_cert": string(ca.CertPEM), "cert": string(metrics.CertPEM), "key": string(metrics.KeyPEM),
			"server_name": "udp_forwarder_metrics",
		},
	}
}

// udpForwarderConfig renders the job and returns the directory and the decoded udp-forwarder.json.
func udpForwarderConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("loggr-udp-forwarder", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/udp-forwarder.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("loggr-udp-forwarder job", func() {
	It("renders a config the forwarder accepts from the spec defaults alone", func() {
		dir, cfg := udpForwarderConfig(boshtemplate.Context{})
		out, ok := checkConfig("udp-forwarder", filepath.Join(dir, "config/udp-forwarder.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["udp"]).To(HaveKeyWithValue("addr", "127.0.0.1:3457"))
		Expect(cfg["udp"]).To(HaveKeyWithValue("receive_buffer_bytes", BeNumerically("==", 4194304)))
		Expect(cfg["udp"]).To(HaveKeyWithValue("buffer_bytes", BeNumerically("==", 33554432)))
		Expect(cfg["agent"]).To(HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "127.0.0.1:3458"))))
		Expect(cfg["agent"]).To(HaveKeyWithValue("server_name", "metron"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14829"))
		Expect(cfg).To(HaveKeyWithValue("deployment", "local"))
		Expect(readFile(dir, "config/bpm.yml")).To(ContainSubstring("/var/vcap/packages/loggregator/bin/udp-forwarder"))
		Expect(readFile(dir, "config/bpm.yml")).To(ContainSubstring(filepath.Join(dir, "config/udp-forwarder.json")))
	})

	It("renders cf-deployment's properties: the agent's port and certificates, the UDP port, the deployment, and metrics over mutual TLS", func() {
		props := udpForwarderProperties()
		props["loggregator"].(map[string]any)["ingress_port"] = 3459
		props["udp_port"] = 3460
		props["deployment"] = "cf"
		props["udp_receive_buffer_bytes"] = 8388608
		props["metrics"].(map[string]any)["port"] = 9111
		props["metrics"].(map[string]any)["debug"] = true
		props["metrics"].(map[string]any)["pprof_port"] = 0
		props["logging"] = map[string]any{"format": map[string]any{"timestamp": "rfc3339"}}
		dir, cfg := udpForwarderConfig(boshtemplate.Context{
			Properties: props,
			Spec:       boshtemplate.Spec{Name: "diego-cell", ID: "abc-123", IP: "10.0.2.9", Deployment: "cf-123"},
		})
		out, ok := checkConfig("udp-forwarder", filepath.Join(dir, "config/udp-forwarder.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["udp"]).To(HaveKeyWithValue("addr", "127.0.0.1:3460"))
		Expect(cfg["udp"]).To(HaveKeyWithValue("receive_buffer_bytes", BeNumerically("==", 8388608)))
		Expect(cfg["agent"]).To(HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "127.0.0.1:3459"))))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":9111"))
		Expect(cfg["metrics"]).To(HaveKey("tls"))
		Expect(cfg).To(HaveKeyWithValue("deployment", "cf"))
		Expect(cfg).To(HaveKeyWithValue("job", "diego-cell"))
		Expect(cfg).To(HaveKeyWithValue("index", "abc-123"))
		Expect(cfg).To(HaveKeyWithValue("ip", "10.0.2.9"))
		Expect(readFile(dir, "config/certs/loggregator_agent.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
		Expect(readFile(dir, "config/certs/loggregator_agent.key")).To(ContainSubstring("PRIVATE KEY"))
		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
		Expect(readFile(dir, "config/certs/metrics.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
	})

	It("renders a bad buffer_size that --check-config then refuses, naming the field", func() {
		dir := render("loggr-udp-forwarder", boshtemplate.Context{Properties: map[string]any{"buffer_size": 0}})
		out, ok := checkConfig("udp-forwarder", filepath.Join(dir, "config/udp-forwarder.json"))
		Expect(ok).To(BeFalse())
		Expect(out).To(ContainSubstring("udp.buffer_size"))
	})

	It("tells prom_scraper to scrape /metrics over HTTPS under metrics.server_name, as Cloud Foundry's forwarder does", func() {
		dir := render("loggr-udp-forwarder", boshtemplate.Context{
			Properties: udpForwarderProperties(),
			Spec:       boshtemplate.Spec{ID: "abc-123"},
		})
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(Equal(`---
port: 14829
source_id: "udp_forwarder"
instance_id: "abc-123"
scheme: https
server_name: "udp_forwarder_metrics"
labels:
  origin: "loggregator.udp_forwarder"
`))
	})

	It("does not start the forwarder when enabled is false", func() {
		dir := render("loggr-udp-forwarder", boshtemplate.Context{Properties: map[string]any{"enabled": false}})
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))
		dir = render("loggr-udp-forwarder", boshtemplate.Context{})
		Expect(readFile(dir, "monit")).To(ContainSubstring("check process loggr-udp-forwarder"))
	})
})
