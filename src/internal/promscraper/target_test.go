package promscraper_test

import (
	"os"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/promscraper"
)

// writeFile writes content to dir/jobs/<job>/config/prom_scraper_config.yml.
func writeFile(dir, job, content string) string {
	p := filepath.Join(dir, "jobs", job, "config", "prom_scraper_config.yml")
	Expect(os.MkdirAll(filepath.Dir(p), 0o755)).To(Succeed())
	Expect(os.WriteFile(p, []byte(content), 0o644)).To(Succeed())
	return p
}

var _ = Describe("Target files", func() {
	var dir string
	var globs []string

	BeforeEach(func() {
		dir = GinkgoT().TempDir()
		globs = []string{filepath.Join(dir, "jobs", "*", "config", "prom_scraper_config.yml")}
	})

	It("reads every field of Cloud Foundry's format", func() {
		f := writeFile(dir, "gorouter", `---
port: 14822
source_id: "gorouter"
instance_id: "a1b2"
scheme: https
server_name: "gorouter_metrics"
path: custom/metrics
headers:
  Authorization: "Bearer x"
labels:
  origin: "gorouter"
scrape_interval: 30s
`)
		targets, bad := promscraper.ReadTargets(globs, "vm", 15*time.Second)
		Expect(bad).To(BeEmpty())
		Expect(targets).To(Equal([]promscraper.Target{{
			File: f, URL: "https://127.0.0.1:14822/custom/metrics", ServerName: "gorouter_metrics",
			SourceID: "gorouter", InstanceID: "a1b2", HTTPS: true,
			Headers: map[string]string{"Authorization": "Bearer x"}, Labels: map[string]string{"origin": "gorouter"},
			Interval: 30 * time.Second,
		}}))
	})

	It("fills in http, /metrics, the default source id and interval, and reads a quoted port", func() {
		writeFile(dir, "plain", "port: \"9100\"\n")
		targets, bad := promscraper.ReadTargets(globs, "vm", 15*time.Second)
		Expect(bad).To(BeEmpty())
		Expect(targets).To(HaveLen(1))
		Expect(targets[0].URL).To(Equal("http://127.0.0.1:9100/metrics"))
		Expect(targets[0].SourceID).To(Equal("vm"))
		Expect(targets[0].Interval).To(Equal(15 * time.Second))
	})

	It("ignores fields it does not know, since other releases write these files", func() {
		writeFile(dir, "other", "port: 9100\nsome_future_field: true\n")
		targets, bad := promscraper.ReadTargets(globs, "vm", time.Second)
		Expect(bad).To(BeEmpty())
		Expect(targets).To(HaveLen(1))
	})

	It("returns each file it cannot use with the reason, and reads the others", func() {
		writeFile(dir, "good", "port: 9100\n")
		noPort := writeFile(dir, "noport", "source_id: x\n")
		badPort := writeFile(dir, "badport", "port: 70000\n")
		notYAML := writeFile(dir, "notyaml", "port: [9100\n")
		badScheme := writeFile(dir, "ftp", "port: 9100\nscheme: ftp\n")
		badInterval := writeFile(dir, "interval", "port: 9100\nscrape_interval: soon\n")
		halfPair := writeFile(dir, "half", "port: 9100\nclient_cert_path: /c.crt\n")

		targets, bad := promscraper.ReadTargets(globs, "vm", time.Second)
		Expect(targets).To(HaveLen(1))
		Expect(bad).To(HaveLen(6))
		Expect(bad[noPort]).To(MatchError(ContainSubstring("port")))
		Expect(bad[badPort]).To(MatchError(ContainSubstring(`"70000" is not a port number`)))
		Expect(bad[notYAML]).To(MatchError(ContainSubstring("parse")))
		Expect(bad[badScheme]).To(MatchError(ContainSubstring("scheme")))
		Expect(bad[badInterval]).To(MatchError(ContainSubstring("scrape_interval")))
		Expect(bad[halfPair]).To(MatchError(ContainSubstring("client_key_path")))
	})

	It("reads a file matched by two globs once", func() {
		writeFile(dir, "one", "port: 9100\n")
		targets, _ := promscraper.ReadTargets(append(globs, filepath.Join(dir, "jobs", "one", "config", "*.yml")), "vm", time.Second)
		Expect(targets).To(HaveLen(1))
	})
})
