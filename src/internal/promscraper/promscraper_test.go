package promscraper_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/promscraper"
)

var _ = Describe("Scraper", func() {
	It("scrapes with the file's headers beside a hanging target, and on stop ends every worker, connection and loop it started", func() {
		certs, err := certgen.Identities(GinkgoT().TempDir(), "metron", "client")
		Expect(err).NotTo(HaveOccurred())
		agent, err := envelopetest.NewIngressSink(certs["metron"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(agent.Close)

		healthy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer from-the-file" {
				http.Error(w, "no token", http.StatusUnauthorized)
				return
			}
			fmt.Fprint(w, "# TYPE done_total counter\ndone_total 5\n")
		}))
		DeferCleanup(healthy.Close)
		hanging := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
		DeferCleanup(hanging.Close)

		root := GinkgoT().TempDir()
		writeFile(root, "healthy", "port: "+port(healthy)+"\nsource_id: healthy\nheaders:\n  Authorization: Bearer from-the-file\n")
		writeFile(root, "hanging", "port: "+port(hanging)+"\nsource_id: hanging\n")

		cfg := promscraper.DefaultConfig()
		cfg.ConfigGlobs = []string{filepath.Join(root, "jobs", "*", "config", "prom_scraper_config.yml")}
		cfg.ScrapeInterval = config.Duration(200 * time.Millisecond)
		cfg.ScrapeTimeout = config.Duration(150 * time.Millisecond)
		cfg.Agent.Addr = agent.Addr()
		cfg.Agent.TLS = certs["client"]
		cfg.Metrics.Addr = "127.0.0.1:0"
		cfg.Metrics.EmitInterval = config.Duration(100 * time.Millisecond)
		s, err := promscraper.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
		Expect(err).NotTo(HaveOccurred())

		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.Run(ctx) }()

		Eventually(func() uint64 { return agent.Counter("healthy", "done_total", nil) }).Should(BeEquivalentTo(5))
		Eventually(func() uint64 {
			return agent.Counter("prom_scraper", "scrape_failures", map[string]string{"reason": "timeout"})
		}).Should(BeNumerically(">", 0))

		cancel()
		Eventually(done).Should(Receive(BeNil()))
	})
})

func port(s *httptest.Server) string {
	_, p, err := net.SplitHostPort(s.Listener.Addr().String())
	Expect(err).NotTo(HaveOccurred())
	return p
}
