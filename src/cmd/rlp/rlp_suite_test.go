package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics/metricstest"
	"loggregator/tools/versions"
)

func TestRLP(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "rlp binary")
}

var rlpPath, routerPath string

var _ = SynchronizedBeforeSuite(func() []byte {
	rlp, err := gexec.BuildWithEnvironment("loggregator/cmd/rlp", versions.StaticEnv)
	Expect(err).NotTo(HaveOccurred())
	router, err := gexec.BuildWithEnvironment("loggregator/cmd/router", versions.StaticEnv)
	Expect(err).NotTo(HaveOccurred())
	return []byte(rlp + "\n" + router)
}, func(paths []byte) {
	p := strings.Split(string(paths), "\n")
	rlpPath, routerPath = p[0], p[1]
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// certs are one CA's identities: routers, the proxy, consumers and emitters.
type certs map[string]certgen.Files

func newCerts() certs {
	files, err := certgen.Identities(GinkgoT().TempDir(), "doppler", "reverselogproxy", "client", "metron")
	Expect(err).NotTo(HaveOccurred())
	return files
}

func (c certs) json(name string) map[string]string {
	f := c[name]
	return map[string]string{"ca_file": f.CA, "cert_file": f.Cert, "key_file": f.Key}
}

func freeAddr() string {
	addr, err := envelopetest.FreeAddr()
	Expect(err).NotTo(HaveOccurred())
	return addr
}

// process is a running binary with its addresses.
type process struct {
	addr, metrics string
	session       *gexec.Session
}

func start(binary string, cfg map[string]any, ready string) *gexec.Session {
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "config.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	s, err := gexec.Start(exec.Command(binary, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	Eventually(s.Err, 10*time.Second).Should(gbytes.Say(ready))
	DeferCleanup(func() {
		s.Terminate()
		Eventually(s, 15*time.Second).Should(gexec.Exit())
	})
	return s
}

// startRouter runs the real router on addr ("" picks a free port).
func (c certs) startRouter(addr string) *process {
	if addr == "" {
		addr = freeAddr()
	}
	p := &process{addr: addr, metrics: freeAddr()}
	p.session = start(routerPath, map[string]any{
		"addr":    p.addr,
		"tls":     c.json("doppler"),
		"metrics": map[string]any{"addr": p.metrics, "emit_interval": "1s"},
	}, "router listening")
	return p
}

// rlpConfig is a config for the rlp binary reading from routers.
func (c certs) rlpConfig(routers ...string) map[string]any {
	targets := make([]map[string]any, 0, len(routers))
	for _, r := range routers {
		targets = append(targets, map[string]any{"addr": r})
	}
	return map[string]any{
		"egress": map[string]any{"addr": freeAddr(), "tls": c.json("reverselogproxy")},
		"routers": map[string]any{
			"targets": targets, "tls": c.json("reverselogproxy"),
			"refresh_interval": "100ms", "max_backoff": "200ms",
		},
		"metrics": map[string]any{"addr": freeAddr(), "emit_interval": "1s"},
	}
}

func (c certs) startRLP(cfg map[string]any) *process {
	p := &process{
		addr:    cfg["egress"].(map[string]any)["addr"].(string),
		metrics: cfg["metrics"].(map[string]any)["addr"].(string),
	}
	p.session = start(rlpPath, cfg, `"msg":"serving"`)
	return p
}

// metric scrapes the series named exactly series, or 0; -1 while /metrics
// does not answer.
func (p *process) metric(series string) float64 {
	page, err := metricstest.Scrape("http://" + p.metrics + "/metrics")
	if err != nil {
		return -1
	}
	return metricstest.Value(page, series)
}
