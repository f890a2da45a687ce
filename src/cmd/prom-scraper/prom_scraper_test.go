package main_test

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
	"loggregator/internal/promscraper"
)

// fromSource returns what the agent received from sourceID.
func fromSource(sink *envelopetest.IngressSink, sourceID string) []*loggregator_v2.Envelope {
	var out []*loggregator_v2.Envelope
	for _, e := range sink.Envelopes() {
		if e.GetSourceId() == sourceID {
			out = append(out, e)
		}
	}
	return out
}

// gaugeValue returns the newest value of the gauge name from sourceID, or -1.
func gaugeValue(sink *envelopetest.IngressSink, sourceID, name string) func() float64 {
	return func() float64 {
		envs := fromSource(sink, sourceID)
		for i := len(envs) - 1; i >= 0; i-- {
			if v, ok := envs[i].GetGauge().GetMetrics()[name]; ok {
				return v.GetValue()
			}
		}
		return -1
	}
}

func healthyFile(port int) string {
	return fmt.Sprintf(`---
port: %d
source_id: "healthy-job"
instance_id: "abc-123"
scheme: https
server_name: "target"
labels:
  origin: "healthy.origin"
`, port)
}

var _ = Describe("prom-scraper", func() {
	It("sends a healthy target's metrics to the agent with the file's source id while a hanging and a garbage target are counted and skipped", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		good := startTarget(healthy, true)
		stuck := startTarget(hanging, false)
		junk := startTarget(garbage, false)
		writeTargetFile(root, "healthy", healthyFile(good.port))
		writeTargetFile(root, "stuck", fmt.Sprintf("port: %d\nsource_id: stuck-job\n", stuck.port))
		writeTargetFile(root, "junk", fmt.Sprintf("port: \"%d\"\nsource_id: junk-job\n", junk.port))
		s := startScraper(root, agent.Addr(), nil)

		Eventually(func() uint64 {
			return agent.Counter("healthy-job", "requests_total", map[string]string{"code": "200", "origin": "healthy.origin"})
		}).Should(BeEquivalentTo(1027))
		Eventually(gaugeValue(agent, "healthy-job", "queue_depth")).Should(Equal(12.5))
		Expect(agent.Counter("healthy-job", "latency_seconds_bucket", map[string]string{"le": "+Inf"})).To(BeEquivalentTo(8))
		Expect(agent.Counter("healthy-job", "latency_seconds_count", nil)).To(BeEquivalentTo(8))
		for _, e := range fromSource(agent, "healthy-job") {
			Expect(e.GetInstanceId()).To(Equal("abc-123"))
			Expect(e.GetTags()).To(HaveKeyWithValue("origin", "healthy.origin"))
			if v, ok := e.GetGauge().GetMetrics()["queue_depth"]; ok {
				Expect(v.GetUnit()).To(Equal("items"))
			}
		}

		Eventually(func() float64 { return s.metric(`scrape_failures{reason="timeout"}`) }).Should(BeNumerically(">=", 2))
		Eventually(func() float64 { return s.metric(`scrape_failures{reason="invalid"}`) }).Should(BeNumerically(">=", 2))
		// The healthy target went on being scraped every interval beside
		// the one that never answers.
		Eventually(good.requests.Load).Should(BeNumerically(">=", 3))
		Expect(stuck.requests.Load()).To(BeNumerically(">=", 1))
		Expect(fromSource(agent, "stuck-job")).To(BeEmpty())
		Expect(fromSource(agent, "junk-job")).To(BeEmpty())
		Expect(s.metric("scrape_targets")).To(BeNumerically("==", 3))
		Expect(s.metric("ingress")).To(BeNumerically(">", 0))
		Eventually(func() float64 { return s.metric("egress") }).Should(BeNumerically(">", 0))
	})

	It("picks up a target file written after it started, and stops scraping one that is removed", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		s := startScraper(root, agent.Addr(), nil)
		Consistently(func() float64 { return s.metric("scrape_targets") }, 1500*time.Millisecond).Should(BeZero())

		good := startTarget(healthy, true)
		writeTargetFile(root, "late", healthyFile(good.port))
		Eventually(func() uint64 { return agent.Counter("healthy-job", "requests_total", nil) }).Should(BeEquivalentTo(1027))
		Expect(s.metric("scrape_targets")).To(BeNumerically("==", 1))

		Expect(os.RemoveAll(filepath.Join(root, "jobs", "late"))).To(Succeed())
		Eventually(func() float64 { return s.metric("scrape_targets") }).Should(BeZero())
		seen := good.requests.Load()
		Consistently(good.requests.Load, 2500*time.Millisecond).Should(Equal(seen))
	})

	It("skips a target file it cannot use, counts it, and scrapes the others", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		good := startTarget(healthy, true)
		writeTargetFile(root, "healthy", healthyFile(good.port))
		writeTargetFile(root, "broken", "port: [not, a, port\n")
		writeTargetFile(root, "noport", "source_id: nothing\n")
		s := startScraper(root, agent.Addr(), nil)

		Eventually(func() uint64 { return agent.Counter("healthy-job", "requests_total", nil) }).Should(BeEquivalentTo(1027))
		Eventually(func() float64 { return s.metric("target_files_invalid") }).Should(BeNumerically("==", 2))
		Expect(s.session.Err).To(gbytes.Say("skipping target file"))
	})

	It("counts a target that answers with an error status, one nothing listens on and one whose page is too large, each by its reason", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		failing := startTarget(func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "down", http.StatusInternalServerError) }, false)
		big := startTarget(healthy, false)
		_, closedPort, err := net.SplitHostPort(freeAddr())
		Expect(err).NotTo(HaveOccurred())
		writeTargetFile(root, "failing", fmt.Sprintf("port: %d\n", failing.port))
		writeTargetFile(root, "closed", "port: "+closedPort+"\n")
		writeTargetFile(root, "big", fmt.Sprintf("port: %d\n", big.port))
		s := startScraper(root, agent.Addr(), func(c *promscraper.Config) { c.MaxBodyBytes = 64 })

		Eventually(func() float64 { return s.metric(`scrape_failures{reason="status"}`) }).Should(BeNumerically(">=", 1))
		Eventually(func() float64 { return s.metric(`scrape_failures{reason="unreachable"}`) }).Should(BeNumerically(">=", 1))
		Eventually(func() float64 { return s.metric(`scrape_failures{reason="too_large"}`) }).Should(BeNumerically(">=", 1))
		Expect(fromSource(agent, "scraper-vm")).To(BeEmpty())
	})

	It("refuses an https target whose certificate the scrape CA did not sign, unless skip_ssl_validation is set", func() {
		other, err := certgen.Identities(GinkgoT().TempDir(), "target")
		Expect(err).NotTo(HaveOccurred())
		tlsCfg, err := mtls.ServerNoClientAuth(mtls.Identity{Cert: other["target"].Cert, Key: other["target"].Key}, nil)
		Expect(err).NotTo(HaveOccurred())
		stranger := startTargetTLS(healthy, tlsCfg)

		agent := startAgent()
		root := GinkgoT().TempDir()
		writeTargetFile(root, "stranger", healthyFile(stranger.port))
		s := startScraper(root, agent.Addr(), nil)
		Eventually(func() float64 { return s.metric(`scrape_failures{reason="unreachable"}`) }).Should(BeNumerically(">=", 2))
		Expect(fromSource(agent, "healthy-job")).To(BeEmpty())
		Expect(s.session.Err).To(gbytes.Say("certificate"))

		skipping := startAgent()
		startScraper(root, skipping.Addr(), func(c *promscraper.Config) { c.Scrape.SkipSSLValidation = true })
		Eventually(func() uint64 { return skipping.Counter("healthy-job", "requests_total", nil) }).Should(BeEquivalentTo(1027))
	})

	It("gives metrics without a source id the default source id", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		plain := startTarget(healthy, false)
		writeTargetFile(root, "plain", fmt.Sprintf("port: %d\n", plain.port))
		startScraper(root, agent.Addr(), nil)

		Eventually(func() uint64 { return agent.Counter("scraper-vm", "requests_total", nil) }).Should(BeEquivalentTo(1027))
	})

	It("counts what the agent does not take as dropped and sends again when it is back", func() {
		agent := startAgent()
		addr := agent.Addr()
		root := GinkgoT().TempDir()
		good := startTarget(healthy, true)
		writeTargetFile(root, "healthy", healthyFile(good.port))
		s := startScraper(root, addr, nil)
		Eventually(func() uint64 { return agent.Counter("healthy-job", "requests_total", nil) }).Should(BeEquivalentTo(1027))

		agent.Close()
		Eventually(func() float64 { return s.metric(`dropped{direction="egress",reason="agent_failed"}`) }).Should(BeNumerically(">", 0))

		var back *envelopetest.IngressSink
		Eventually(func() (err error) { back, err = envelopetest.NewIngressSinkOn(addr, certs["metron"]); return err }).Should(Succeed())
		DeferCleanup(back.Close)
		Eventually(func() uint64 { return back.Counter("healthy-job", "requests_total", nil) }).Should(BeEquivalentTo(1027))
	})

	It("sends its own metrics to the agent as prom_scraper", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		junk := startTarget(garbage, false)
		writeTargetFile(root, "junk", fmt.Sprintf("port: %d\n", junk.port))
		startScraper(root, agent.Addr(), func(c *promscraper.Config) {
			c.Metrics.EmitInterval = config.Duration(300 * time.Millisecond)
		})

		Eventually(func() uint64 {
			return agent.Counter("prom_scraper", "scrape_failures", map[string]string{"reason": "invalid"})
		}).
			Should(BeNumerically(">", 0))
	})

	It("stops on SIGTERM and exits 0", func() {
		agent := startAgent()
		root := GinkgoT().TempDir()
		stuck := startTarget(hanging, false)
		writeTargetFile(root, "stuck", fmt.Sprintf("port: %d\n", stuck.port))
		s := startScraper(root, agent.Addr(), nil)
		Eventually(stuck.requests.Load).Should(BeNumerically(">=", 1))

		s.session.Signal(syscall.SIGTERM)
		Eventually(s.session).Should(gexec.Exit(0))
	})

	It("refuses a config without the agent's address, naming the field", func() {
		path := filepath.Join(GinkgoT().TempDir(), "prom-scraper.json")
		Expect(os.WriteFile(path, []byte(`{"scrape_interval": "5s"}`), 0o600)).To(Succeed())
		s, err := gexec.Start(exec.Command(scraperPath, "--config", path, "--check-config"), GinkgoWriter, GinkgoWriter)
		Expect(err).NotTo(HaveOccurred())
		Eventually(s).Should(gexec.Exit(2))
		Expect(s.Err).To(gbytes.Say("agent.addr"))
	})
})
