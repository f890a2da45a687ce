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

// promScraperPEMs are real certificates for the scraper's three identities.
type promScraperPEMs struct {
	ca                  string
	agent, scrape, metr certgen.Pair
}

func newPromScraperPEMs() promScraperPEMs {
	ca, err := certgen.NewCA("loggregatorCA")
	Expect(err).NotTo(HaveOccurred())
	p := promScraperPEMs{ca: string(ca.CertPEM)}
	for name, pair := range map[string]*certgen.Pair{"prom_scraper": &p.agent, "prom_scraper_scrape": &p.scrape, "prom_scraper_metrics": &p.metr} {
		*pair, err = ca.Leaf(name, certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
	}
	return p
}

// cfDeploymentPromScraper are the prom_scraper properties cf-deployment
// sets on its instance groups.
func cfDeploymentPromScraper(p promScraperPEMs) map[string]any {
	return map[string]any{
		"scrape": map[string]any{"tls": map[string]any{
			"ca_cert": p.ca, "cert": string(p.scrape.CertPEM), "key": string(p.scrape.KeyPEM),
		}},
		"metrics": map[string]any{
			"ca_cert": p.ca, "cert": string(p.metr.CertPEM), "key": string(p.metr.KeyPEM),
			"server_name": "prom_scraper_metrics",
		},
		"loggregator_agent": map[string]any{"tls": map[string]any{
			"ca_cert": p.ca, "cert": string(p.agent.CertPEM), "key": string(p.agent.KeyPEM),
		}},
	}
}

// loggregatorLink is the loggregator link Cloud Foundry's doppler job provides.
func loggregatorLink(p promScraperPEMs, port int) map[string]boshtemplate.Link {
	return map[string]boshtemplate.Link{"loggregator": {
		Properties: map[string]any{
			"metron_endpoint": map[string]any{"grpc_port": port},
			"loggregator": map[string]any{"tls": map[string]any{
				"ca_cert": "LINK CA PEM",
				"doppler": map[string]any{"cert": "LINK CERT PEM", "key": "LINK KEY PEM"},
			}},
		},
		Instances: []boshtemplate.LinkInstance{{Name: "doppler", Address: "10.0.1.1", Bootstrap: true}},
	}}
}

// promScraperConfig renders the job and returns the directory and the decoded prom-scraper.json.
func promScraperConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("prom_scraper", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/prom-scraper.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("prom_scraper job", func() {
	It("renders a config the scraper accepts from the spec defaults alone", func() {
		dir, cfg := promScraperConfig(boshtemplate.Context{})
		out, ok := checkConfig("prom-scraper", filepath.Join(dir, "config/prom-scraper.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg).To(HaveKeyWithValue("config_globs", ConsistOf(
			"/var/vcap/jobs/*/config/prom_scraper_config.yml", "/var/vcap/jobs/*/config/metric_port.yml")))
		Expect(cfg).To(HaveKeyWithValue("scrape_interval", "15s"))
		Expect(cfg).To(HaveKeyWithValue("scrape_timeout", "10s"))
		Expect(cfg).To(HaveKeyWithValue("default_source_id", "prom_scraper"))
		Expect(cfg["scrape"]).To(Equal(map[string]any{"skip_ssl_validation": false}))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["agent"]).To(HaveKeyWithValue("server_name", "metron"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14821"))
		Expect(cfg["metrics"]).NotTo(HaveKey("tls"))
	})

	It("renders cf-deployment's properties into a config the scraper accepts, with mutual TLS towards targets, agent and scrapers", func() {
		p := newPromScraperPEMs()
		dir, cfg := promScraperConfig(boshtemplate.Context{
			Properties: cfDeploymentPromScraper(p),
			Links:      loggregatorLink(p, 3458),
			Spec:       boshtemplate.Spec{Name: "diego-cell", ID: "0f1e-77"},
		})
		out, ok := checkConfig("prom-scraper", filepath.Join(dir, "config/prom-scraper.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg).To(HaveKeyWithValue("default_source_id", "diego-cell"))
		Expect(cfg["scrape"]).To(HaveKeyWithValue("tls", map[string]any{
			"ca_file":   filepath.Join(dir, "config/certs/scrape_ca.crt"),
			"cert_file": filepath.Join(dir, "config/certs/scrape.crt"),
			"key_file":  filepath.Join(dir, "config/certs/scrape.key"),
		}))
		Expect(cfg["agent"]).To(HaveKeyWithValue("tls", map[string]any{
			"ca_file":   filepath.Join(dir, "config/certs/loggregator_ca.crt"),
			"cert_file": filepath.Join(dir, "config/certs/loggregator_agent.crt"),
			"key_file":  filepath.Join(dir, "config/certs/loggregator_agent.key"),
		}))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", ":14821"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("tls", HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/metrics.crt"))))

		Expect(readFile(dir, "config/certs/scrape.crt")).To(ContainSubstring(string(p.scrape.CertPEM)))
		Expect(readFile(dir, "config/certs/scrape.key")).To(ContainSubstring("PRIVATE KEY"))
		Expect(readFile(dir, "config/certs/scrape_ca.crt")).To(ContainSubstring(p.ca))
		Expect(readFile(dir, "config/certs/loggregator_agent.crt")).To(ContainSubstring(string(p.agent.CertPEM)))
		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring(p.ca))
		Expect(readFile(dir, "config/certs/metrics.crt")).To(ContainSubstring(string(p.metr.CertPEM)))

		var own map[string]any
		Expect(yaml.Unmarshal([]byte(readFile(dir, "config/prom_scraper_config.yml")), &own)).To(Succeed())
		Expect(own).To(Equal(map[string]any{
			"port": 14821, "source_id": "prom_scraper", "instance_id": "0f1e-77",
			"scheme": "https", "server_name": "prom_scraper_metrics",
		}))
	})

	It("takes the agent's port and identity from the loggregator link when the properties leave them out", func() {
		p := newPromScraperPEMs()
		dir, cfg := promScraperConfig(boshtemplate.Context{Links: loggregatorLink(p, 3459)})
		out, ok := checkConfig("prom-scraper", filepath.Join(dir, "config/prom-scraper.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3459"))
		Expect(readFile(dir, "config/certs/loggregator_agent.crt")).To(ContainSubstring("LINK CERT PEM"))
		Expect(readFile(dir, "config/certs/loggregator_agent.key")).To(ContainSubstring("LINK KEY PEM"))
		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("LINK CA PEM"))
	})

	It("renders representative properties: agent port, intervals, globs, skip_ssl_validation", func() {
		p := newPromScraperPEMs()
		props := cfDeploymentPromScraper(p)
		props["loggregator_agent"].(map[string]any)["grpc_port"] = 3460
		props["scrape_interval"] = "30s"
		props["scrape_timeout"] = "5s"
		props["max_body_bytes"] = 1048576
		props["config_globs"] = []any{"/var/vcap/jobs/*/config/prom_scraper_config.yml", "/var/vcap/data/extra/*.yml"}
		props["skip_ssl_validation"] = true
		props["max_procs"] = 2
		props["metrics"].(map[string]any)["emit_interval"] = "1m"
		dir, cfg := promScraperConfig(boshtemplate.Context{Properties: props, Links: loggregatorLink(p, 3458)})
		out, ok := checkConfig("prom-scraper", filepath.Join(dir, "config/prom-scraper.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3460"))
		Expect(cfg).To(HaveKeyWithValue("scrape_interval", "30s"))
		Expect(cfg).To(HaveKeyWithValue("scrape_timeout", "5s"))
		Expect(cfg).To(HaveKeyWithValue("max_body_bytes", BeNumerically("==", 1048576)))
		Expect(cfg).To(HaveKeyWithValue("max_procs", BeNumerically("==", 2)))
		Expect(cfg).To(HaveKeyWithValue("config_globs", ConsistOf("/var/vcap/jobs/*/config/prom_scraper_config.yml", "/var/vcap/data/extra/*.yml")))
		Expect(cfg["scrape"]).To(HaveKeyWithValue("skip_ssl_validation", true))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("emit_interval", "1m"))
	})

	It("runs the binary under bpm with the target files mounted read-only, and monit through bpm", func() {
		props := map[string]any{"additional_volumes": []any{"/var/vcap/data/extra", map[string]any{"path": "/var/vcap/store/x", "writable": false}}}
		dir, _ := promScraperConfig(boshtemplate.Context{Properties: props})
		var bpm struct {
			Processes []struct {
				Name       string   `yaml:"name"`
				Executable string   `yaml:"executable"`
				Args       []string `yaml:"args"`
				Unsafe     struct {
					UnrestrictedVolumes []map[string]any `yaml:"unrestricted_volumes"`
				} `yaml:"unsafe"`
			} `yaml:"processes"`
		}
		Expect(yaml.Unmarshal([]byte(readFile(dir, "config/bpm.yml")), &bpm)).To(Succeed())
		Expect(bpm.Processes).To(HaveLen(1))
		proc := bpm.Processes[0]
		Expect(proc.Name).To(Equal("prom_scraper"))
		Expect(proc.Executable).To(Equal("/var/vcap/packages/loggregator/bin/prom-scraper"))
		Expect(proc.Args).To(Equal([]string{"--config", filepath.Join(dir, "config/prom-scraper.json")}))
		Expect(proc.Unsafe.UnrestrictedVolumes).To(Equal([]map[string]any{
			{"path": "/var/vcap/jobs/*/config/prom_scraper_config.yml", "mount_only": true},
			{"path": "/var/vcap/jobs/*/config/metric_port.yml", "mount_only": true},
			{"path": "/var/vcap/data/extra", "mount_only": true},
			{"path": "/var/vcap/store/x", "writable": false},
		}))

		monit := readFile(dir, "monit")
		Expect(monit).To(ContainSubstring("check process prom_scraper"))
		Expect(monit).To(ContainSubstring(`start program "/var/vcap/jobs/bpm/bin/bpm start prom_scraper"`))
	})

	It("renders no monit process when enabled is false", func() {
		dir, _ := promScraperConfig(boshtemplate.Context{Properties: map[string]any{"enabled": false}})
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))
	})

	It("declares its own /metrics over plain HTTP when no metrics certificates are set", func() {
		dir, _ := promScraperConfig(boshtemplate.Context{})
		var own map[string]any
		Expect(yaml.Unmarshal([]byte(readFile(dir, "config/prom_scraper_config.yml")), &own)).To(Succeed())
		Expect(own).To(HaveKeyWithValue("port", 14821))
		Expect(own).To(HaveKeyWithValue("scheme", "http"))
		Expect(own).NotTo(HaveKey("server_name"))
	})
})
