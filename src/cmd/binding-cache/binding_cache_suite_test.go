package main_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/binding"
	"loggregator/internal/certgen"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
)

func TestBindingCache(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Binding cache component")
}

var cachePath string

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/binding-cache", "-race")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	cachePath = string(p)
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// env is one spec's Cloud Controller stand-in and certificates: one CA
// signs Cloud Controller, the cache and the agent, as in a small deployment.
type env struct {
	cc    *cfauthtest.SyslogDrains
	files map[string]mtls.Files
}

func newEnv() *env {
	files, err := certgen.Identities(GinkgoT().TempDir(), "cloud-controller-ng.service.cf.internal", "binding-cache", "syslog-agent", "cc-client")
	Expect(err).NotTo(HaveOccurred())
	cc, err := cfauthtest.NewSyslogDrains(files["cloud-controller-ng.service.cf.internal"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(cc.Close)
	return &env{cc: cc, files: files}
}

func tlsFiles(f mtls.Files) map[string]any {
	return map[string]any{"ca_file": f.CA, "cert_file": f.Cert, "key_file": f.Key}
}

// config is a binding cache config polling e's Cloud Controller every 200ms.
func (e *env) config() map[string]any {
	return map[string]any{
		"server": map[string]any{"addr": "127.0.0.1:0", "tls": tlsFiles(e.files["binding-cache"])},
		"cc": map[string]any{
			"addr": e.cc.URL(), "server_name": "cloud-controller-ng.service.cf.internal",
			"tls": tlsFiles(e.files["cc-client"]), "polling_interval": "200ms", "timeout": "500ms", "batch_size": 2,
		},
		"metrics": map[string]any{"addr": "127.0.0.1:0"},
	}
}

func writeConfig(cfg map[string]any) string {
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "binding-cache.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	return path
}

// cache is a running binding-cache process and an agent's client of it.
type cache struct {
	session     *gexec.Session
	addr        string
	metricsAddr string
	client      *binding.Client
}

var servingLine = regexp.MustCompile(`"msg":"serving".*"addr":"([^"]+)".*"metrics_addr":"([^"]+)"`)

func (e *env) start(mutate func(cfg map[string]any)) *cache {
	cfg := e.config()
	if mutate != nil {
		mutate(cfg)
	}
	session, err := gexec.Start(exec.Command(cachePath, "--config", writeConfig(cfg)), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { session.Terminate().Wait(10 * time.Second) })
	Eventually(session.Err).Should(gbytes.Say(`"msg":"serving"`))
	m := servingLine.FindSubmatch(session.Err.Contents())
	Expect(m).NotTo(BeNil())

	tlsCfg, err := mtls.Client(e.files["syslog-agent"], "binding-cache", nil)
	Expect(err).NotTo(HaveOccurred())
	client := binding.NewClient("https://"+string(m[1]), tlsCfg)
	DeferCleanup(client.Close)
	return &cache{session: session, addr: string(m[1]), metricsAddr: string(m[2]), client: client}
}

// served returns the URLs the cache serves now.
func (c *cache) served(g Gomega) []string {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	bs, err := c.client.Bindings(ctx)
	g.Expect(err).NotTo(HaveOccurred())
	urls := make([]string, 0, len(bs))
	for _, b := range bs {
		urls = append(urls, b.URL)
	}
	return urls
}

// metric reads one series of the cache's /metrics page.
func (c *cache) metric(series string) func() float64 {
	return func() float64 {
		page, err := metricstest.Scrape("http://" + c.metricsAddr + "/metrics")
		if err != nil {
			return -1
		}
		return metricstest.Value(page, series)
	}
}

func drain(url, appID string) cfauthtest.DrainBinding {
	return cfauthtest.DrainBinding{URL: url, AppID: appID, Hostname: "org.space." + appID}
}
