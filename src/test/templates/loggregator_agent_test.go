package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
	"loggregator/internal/certgen"
)

// agentProperties are representative loggregator_agent properties, with
// real PEM certificates.
func agentProperties() map[string]any {
	ca, err := certgen.NewCA("loggregatorCA")
	Expect(err).NotTo(HaveOccurred())
	metron, err := ca.Leaf("metron", certgen.LeafOptions{})
	Expect(err).NotTo(HaveOccurred())
	return map[string]any{
		"deployment": "cf",
		"tags":       map[string]any{"product": "PAS", "team": "logging"},
		"loggregator": map[string]any{
			"tls": map[string]any{
				"ca_cert": string(ca.CertPEM),
				"agent":   map[string]any{"cert": string(metron.CertPEM), "key": string(metron.KeyPEM)},
			},
		},
	}
}

// agentConfig renders the job and returns the directory and the decoded agent.json.
func agentConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("loggregator_agent", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/agent.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("loggregator_agent job", func() {
	It("renders a config the agent accepts from the spec defaults alone", func() {
		dir, cfg := agentConfig(boshtemplate.Context{})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("disable_logs", false))
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(
			HaveKeyWithValue("addr", "doppler.service.cf.internal:8082"))))
		Expect(cfg["routers"]).To(HaveKeyWithValue("streams", BeNumerically("==", 5)))
		Expect(cfg["routers"]).To(HaveKeyWithValue("acknowledgements", true))
		Expect(cfg["routers"]).To(HaveKeyWithValue("ack_timeout", "5s"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14824"))
		Expect(cfg).To(HaveKeyWithValue("deployment", "local"))
		Expect(cfg).To(HaveKeyWithValue("zone", "z1"))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 128)))
		Expect(cfg).To(HaveKeyWithValue("timer_slack", "5ms"))
		Expect(cfg).To(HaveKeyWithValue("max_procs", BeNumerically("==", 1)))
	})

	It("renders the doppler link's address and instances, with their zones, and the properties", func() {
		props := agentProperties()
		props["grpc_port"] = 3459
		props["zone"] = "z2"
		props["doppler"] = map[string]any{"streams": 8, "acknowledgements": false, "ack_timeout": "3s"}
		props["batch"] = map[string]any{"size": 500, "flush_interval": "20ms"}
		props["memory_limit_mib"] = 96
		props["timer_slack"] = "2ms"
		props["max_procs"] = 0
		link := boshtemplate.Link{
			Properties: map[string]any{"doppler": map[string]any{"grpc_port": 8443}},
			Address:    "q-s0.doppler.default.cf.bosh",
			Instances: []boshtemplate.LinkInstance{
				{Name: "doppler", Index: 0, AZ: "z1", Address: "10.0.1.1", Bootstrap: true},
				{Name: "doppler", Index: 1, AZ: "z2", Address: "10.0.2.1"},
			},
		}
		dir, cfg := agentConfig(boshtemplate.Context{
			Properties: props,
			Links:      map[string]boshtemplate.Link{"doppler": link},
			Spec:       boshtemplate.Spec{Name: "diego-cell", ID: "abc-123", IP: "10.0.2.9", Deployment: "cf-123"},
		})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3459"))
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(
			Equal(map[string]any{"addr": "q-s0.doppler.default.cf.bosh:8443"}),
			Equal(map[string]any{"addr": "10.0.1.1:8443", "az": "z1"}),
			Equal(map[string]any{"addr": "10.0.2.1:8443", "az": "z2"}),
		)))
		Expect(cfg["routers"]).To(HaveKeyWithValue("server_name", "doppler"))
		Expect(cfg["routers"]).To(HaveKeyWithValue("streams", BeNumerically("==", 8)))
		Expect(cfg["routers"]).To(HaveKeyWithValue("acknowledgements", false))
		Expect(cfg["routers"]).To(HaveKeyWithValue("ack_timeout", "3s"))
		Expect(cfg["batch"]).To(Equal(map[string]any{"size": float64(500), "flush_interval": "20ms", "linger": "15ms"}))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 96)))
		Expect(cfg).To(HaveKeyWithValue("timer_slack", "2ms"))
		Expect(cfg).To(HaveKeyWithValue("max_procs", BeNumerically("==", 0)))
		Expect(cfg).To(HaveKeyWithValue("deployment", "cf"))
		Expect(cfg).To(HaveKeyWithValue("job", "diego-cell"))
		Expect(cfg).To(HaveKeyWithValue("index", "abc-123"))
		Expect(cfg).To(HaveKeyWithValue("ip", "10.0.2.9"))
		Expect(cfg).To(HaveKeyWithValue("zone", "z2"))
		Expect(cfg).To(HaveKeyWithValue("tags", Equal(map[string]any{"product": "PAS", "team": "logging"})))

		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("BEGIN CERTIFICATE"))
		Expect(readFile(dir, "config/certs/loggregator_agent.key")).To(ContainSubstring("PRIVATE KEY"))
		Expect(readFile(dir, "config/bpm.yml")).To(ContainSubstring("/var/vcap/packages/loggregator/bin/agent"))
		Expect(readFile(dir, "monit")).To(ContainSubstring("check process loggregator_agent"))
		Expect(readFile(dir, "bin/drain")).To(ContainSubstring("loggregator_agent.pid"))
	})

	It("uses doppler.override_url instead of the link, and prefers doppler.override_az_url", func() {
		props := agentProperties()
		props["doppler"] = map[string]any{
			"override_url":    "doppler.example.com",
			"override_az_url": "z1.doppler.example.com:9000",
		}
		dir, cfg := agentConfig(boshtemplate.Context{
			Properties: props,
			Links:      map[string]boshtemplate.Link{"doppler": {Address: "ignored.bosh", Instances: []boshtemplate.LinkInstance{}}},
		})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(
			Equal(map[string]any{"addr": "doppler.example.com:8082"}),
			Equal(map[string]any{"addr": "z1.doppler.example.com:9000", "az": "z1"}),
		)))
	})

	It("renders disable_logs into the ingress config", func() {
		props := agentProperties()
		props["disable_logs"] = true
		dir, cfg := agentConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["ingress"]).To(HaveKeyWithValue("disable_logs", true))
	})

	It("serves /metrics on all interfaces over mutual TLS when metrics certificates are given", func() {
		props := agentProperties()
		props["metrics"] = map[string]any{"ca_cert": "CA", "cert": "CERT", "key": "KEY", "port": 9100}
		dir, cfg := agentConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("agent", filepath.Join(dir, "config/agent.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":9100"))
		Expect(cfg["metrics"]).To(HaveKey("tls"))
		Expect(readFile(dir, "config/certs/metrics.crt")).To(ContainSubstring("CERT"))
	})

	It("tells Cloud Foundry's forwarder agent its grpc_port in config/ingress_port.yml", func() {
		dir := render("loggregator_agent", boshtemplate.Context{})
		Expect(readFile(dir, "config/ingress_port.yml")).To(Equal("---\ningress: 3458\n"))

		dir = render("loggregator_agent", boshtemplate.Context{Properties: map[string]any{"grpc_port": 3459}})
		Expect(readFile(dir, "config/ingress_port.yml")).To(Equal("---\ningress: 3459\n"))
	})

	It("tells Cloud Foundry's prom_scraper to scrape its plain HTTP /metrics without metrics certificates", func() {
		dir := render("loggregator_agent", boshtemplate.Context{
			Spec: boshtemplate.Spec{ID: "abc-123"},
		})
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(Equal(`---
port: 14824
source_id: "metron"
instance_id: "abc-123"
scheme: http
labels:
  origin: "loggregator.metron"
`))
	})

	It("tells Cloud Foundry's prom_scraper to scrape /metrics over HTTPS under metrics.server_name with metrics certificates", func() {
		props := agentProperties()
		props["metrics"] = map[string]any{
			"ca_cert": "CA", "cert": "CERT", "key": "KEY", "port": 9100, "server_name": "metron_metrics",
		}
		three := 3
		dir := render("loggregator_agent", boshtemplate.Context{
			Properties: props,
			Spec:       boshtemplate.Spec{ID: "abc-123", Index: &three},
		})
		Expect(readFile(dir, "config/prom_scraper_config.yml")).To(Equal(`---
port: 9100
source_id: "metron"
instance_id: "abc-123"
scheme: https
server_name: "metron_metrics"
labels:
  origin: "loggregator.metron"
`))
	})

	It("does not start the agent when enabled is false", func() {
		dir := render("loggregator_agent", boshtemplate.Context{Properties: map[string]any{"enabled": false}})
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))
	})
})
