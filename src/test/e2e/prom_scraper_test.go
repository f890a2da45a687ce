package e2e_test

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/boshtemplate"
	"loggregator/tools/versions"
)

// renderPromScraper renders jobs/prom_scraper with props into a fresh
// directory, pointing the paths under /var/vcap/jobs/prom_scraper/ at it,
// and returns the path of the rendered config.
func renderPromScraper(props map[string]any) string {
	GinkgoHelper()
	out := GinkgoT().TempDir()
	Expect(boshtemplate.Render(filepath.Join(repo, "jobs", "prom_scraper"), boshtemplate.Context{Properties: props}, out)).To(Succeed())
	cfgPath := filepath.Join(out, "config", "prom-scraper.json")
	data, err := os.ReadFile(cfgPath)
	Expect(err).NotTo(HaveOccurred())
	Expect(os.WriteFile(cfgPath, []byte(strings.ReplaceAll(string(data), "/var/vcap/jobs/prom_scraper/", out+"/")), 0o600)).To(Succeed())
	return cfgPath
}

func pem(path string) string {
	GinkgoHelper()
	data, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	return string(data)
}

// collect reads req from the rlp until the spec ends and returns a view of
// what arrived.
func (s *system) collect(req *loggregator_v2.EgressBatchRequest) func() []*loggregator_v2.Envelope {
	GinkgoHelper()
	stream, cancel := s.stream(req)
	var mu sync.Mutex
	var got []*loggregator_v2.Envelope
	done := make(chan struct{})
	go func() {
		defer GinkgoRecover()
		defer close(done)
		for batch := stream(); batch != nil; batch = stream() {
			mu.Lock()
			got = append(got, batch...)
			mu.Unlock()
		}
	}()
	DeferCleanup(func() {
		cancel()
		Eventually(done).Should(BeClosed())
	})
	return func() []*loggregator_v2.Envelope {
		mu.Lock()
		defer mu.Unlock()
		return append([]*loggregator_v2.Envelope(nil), got...)
	}
}

var _ = Describe("Prometheus endpoint → prom scraper → agent → routers → rlp → consumer", func() {
	It("delivers a job's scraped counters and gauges with the job's source id, through the rendered prom_scraper job", func() {
		s := shared
		ep := s.Endpoints()

		// A job's /metrics, and the file that declares it, as a BOSH job renders it.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			fmt.Fprint(w, "# TYPE e2e_jobs_done_total counter\ne2e_jobs_done_total 77\n# TYPE e2e_queue gauge\ne2e_queue 3\n")
		})}
		go func() { _ = srv.Serve(ln) }()
		DeferCleanup(srv.Close)
		jobs := GinkgoT().TempDir()
		Expect(os.MkdirAll(filepath.Join(jobs, "worker", "config"), 0o755)).To(Succeed())
		Expect(os.WriteFile(filepath.Join(jobs, "worker", "config", "prom_scraper_config.yml"), []byte(fmt.Sprintf(
			"port: %d\nsource_id: e2e-scraped\ninstance_id: worker-0\nlabels:\n  origin: e2e\n", ln.Addr().(*net.TCPAddr).Port)), 0o644)).To(Succeed())

		metricsLn, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		metricsPort := metricsLn.Addr().(*net.TCPAddr).Port
		Expect(metricsLn.Close()).To(Succeed())
		cfgPath := renderPromScraper(map[string]any{
			"scrape_interval": "1s",
			"scrape_timeout":  "800ms",
			"config_globs":    []any{filepath.Join(jobs, "*", "config", "prom_scraper_config.yml")},
			"loggregator_agent": map[string]any{
				"grpc_port": s.P.Agent,
				"tls":       map[string]any{"ca_cert": pem(ep.CA), "cert": pem(ep.ClientCert), "key": pem(ep.ClientKey)},
			},
			"metrics": map[string]any{"port": metricsPort},
		})

		got := s.collect(request("", countersOf("e2e-scraped"),
			&loggregator_v2.Selector{SourceId: "e2e-scraped", Message: &loggregator_v2.Selector_Gauge{Gauge: &loggregator_v2.GaugeSelector{}}}))
		s.subscribed(1)

		bin, err := gexec.BuildWithEnvironment("loggregator/cmd/prom-scraper", versions.StaticEnv)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(gexec.CleanupBuildArtifacts)
		session, err := gexec.Start(exec.Command(bin, "--config", cfgPath), GinkgoWriter, GinkgoWriter)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(func() {
			session.Terminate()
			Eventually(session).Should(gexec.Exit(0))
		})

		Eventually(func() []string {
			var seen []string
			for _, e := range got() {
				if c := e.GetCounter(); c != nil {
					seen = append(seen, fmt.Sprintf("%s/%s %s=%d origin=%s deployment=%s",
						e.GetSourceId(), e.GetInstanceId(), c.GetName(), c.GetTotal(), e.GetTags()["origin"], e.GetTags()["deployment"]))
				}
				for name, v := range e.GetGauge().GetMetrics() {
					seen = append(seen, fmt.Sprintf("%s/%s %s=%g", e.GetSourceId(), e.GetInstanceId(), name, v.GetValue()))
				}
			}
			return seen
		}).Should(ContainElements(
			"e2e-scraped/worker-0 e2e_jobs_done_total=77 origin=e2e deployment=e2e",
			"e2e-scraped/worker-0 e2e_queue=3",
		))
	})
})
