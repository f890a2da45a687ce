package main_test

import (
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/agent"
	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/lossprobe"
	"loggregator/internal/resolve"
	"loggregator/internal/rlp"
	"loggregator/internal/router"
	"loggregator/internal/routerpool"
	"loggregator/internal/trafficcontroller"
	"loggregator/tools/versions"
)

func TestLossprobe(t *testing.T) {
	RegisterFailHandler(Fail)
	SetDefaultEventuallyTimeout(20 * time.Second)
	SetDefaultEventuallyPollingInterval(20 * time.Millisecond)
	RunSpecs(t, "Lossprobe component")
}

// paths of the built binaries, by name.
var bins map[string]string

var _ = SynchronizedBeforeSuite(func() []byte {
	out := map[string]string{}
	p, err := gexec.Build("loggregator/cmd/lossprobe", "-race")
	Expect(err).NotTo(HaveOccurred())
	out["lossprobe"] = p
	// The system under measurement is built without -race: the probe's
	// accounting is what this suite checks, and the components' own suites
	// run them with the race detector.
	for _, name := range []string{"agent", "router", "rlp", "trafficcontroller"} {
		p, err := gexec.BuildWithEnvironment("loggregator/cmd/"+name, versions.StaticEnv)
		Expect(err).NotTo(HaveOccurred())
		out[name] = p
	}
	data, err := json.Marshal(out)
	Expect(err).NotTo(HaveOccurred())
	return data
}, func(data []byte) {
	Expect(json.Unmarshal(data, &bins)).To(Succeed())
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

func freeAddr() string {
	addr, err := envelopetest.FreeAddr()
	Expect(err).NotTo(HaveOccurred())
	return addr
}

// writeJSON writes v as dir/name and returns the path.
func writeJSON(dir, name string, v any) string {
	data, err := json.Marshal(v)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(dir, name)
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	return path
}

// system is agent → router → rlp, each the real binary started from a
// config written here, on free loopback ports with fresh certificates.
type system struct {
	dir       string
	certs     map[string]certgen.Files
	agentAddr string
	rlpAddr   string
	routers   resolve.Targets
	pids      map[string]int
}

// start runs name with the config at path and waits until addr accepts
// connections. The process is terminated when the spec ends.
func start(name, path, addr string) int {
	s, err := gexec.Start(exec.Command(bins[name], "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { s.Terminate().Wait(15 * time.Second) })
	Eventually(func() error {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
		}
		return err
	}).Should(Succeed(), "%s does not listen on %s", name, addr)
	Expect(s.ExitCode()).To(Equal(-1), "%s exited", name)
	return s.Command.Process.Pid
}

func startSystem() *system {
	dir := GinkgoT().TempDir()
	certs, err := certgen.Identities(dir, "metron", "doppler", "reverselogproxy", "client")
	Expect(err).NotTo(HaveOccurred())
	s := &system{dir: dir, certs: certs, pids: map[string]int{}}

	rc := router.DefaultConfig()
	rc.Addr = freeAddr()
	rc.TLS = certs["doppler"]
	rc.Metrics.Addr = freeAddr()
	rc.Metrics.EmitInterval = config.Duration(time.Hour)
	s.pids["router"] = start("router", writeJSON(dir, "router.json", rc), rc.Addr)
	s.routers = resolve.Targets{{Addr: rc.Addr}}

	pc := rlp.DefaultConfig()
	pc.Egress.Addr = freeAddr()
	pc.Egress.TLS = certs["reverselogproxy"]
	pc.Routers.Targets = resolve.Targets{{Addr: rc.Addr}}
	pc.Routers.TLS = certs["client"]
	pc.Metrics.Addr = freeAddr()
	pc.Metrics.EmitInterval = config.Duration(time.Hour)
	s.rlpAddr = pc.Egress.Addr
	s.pids["rlp"] = start("rlp", writeJSON(dir, "rlp.json", pc), pc.Egress.Addr)

	ac := agent.DefaultConfig()
	ac.Ingress.Addr = freeAddr()
	ac.Ingress.TLS = certs["metron"]
	ac.Routers.Targets = []routerpool.Target{{Addr: rc.Addr}}
	ac.Routers.TLS = certs["client"]
	ac.Metrics.Addr = freeAddr()
	ac.Metrics.EmitInterval = config.Duration(time.Hour)
	s.agentAddr = ac.Ingress.Addr
	s.pids["agent"] = start("agent", writeJSON(dir, "agent.json", ac), ac.Ingress.Addr)
	return s
}

// startTrafficController starts a traffic controller over s's router,
// access control off, whose readers are cut off after slowTimeout behind
// or buffer envelopes over their buffer, and returns its ws:// base URL.
func (s *system) startTrafficController(slowTimeout time.Duration, buffer int) string {
	tc := trafficcontroller.DefaultConfig()
	tc.Websocket.Addr = freeAddr()
	tc.Websocket.SlowConsumerTimeout = config.Duration(slowTimeout)
	tc.Websocket.BufferSize = buffer
	tc.Routers.Targets = s.routers
	tc.Routers.TLS = s.certs["client"]
	tc.Auth.Disabled = true
	tc.Metrics.Addr = freeAddr()
	tc.Metrics.EmitInterval = config.Duration(time.Hour)
	s.pids["trafficcontroller"] = start("trafficcontroller", writeJSON(s.dir, "trafficcontroller.json", tc), tc.Websocket.Addr)
	return "ws://" + tc.Websocket.Addr
}

// probeConfig is a short, slow run against s.
func (s *system) probeConfig() *lossprobe.Config {
	c := lossprobe.DefaultConfig()
	c.Ingress.Addr = s.agentAddr
	c.Ingress.TLS = s.certs["client"]
	c.Egress.Addr = s.rlpAddr
	c.Egress.TLS = s.certs["client"]
	c.Rate = 1000
	c.Duration = config.Duration(2 * time.Second)
	c.Emitters = 2
	c.MaxLossPercent = 0
	return c
}

// probe runs lossprobe with cfg and extra flags until it exits.
func probe(cfg *lossprobe.Config, args ...string) *gexec.Session {
	path := writeJSON(GinkgoT().TempDir(), "lossprobe.json", cfg)
	s, err := gexec.Start(exec.Command(bins["lossprobe"], append([]string{"--config", path}, args...)...), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { s.Kill().Wait() })
	Eventually(s, 60*time.Second).Should(gexec.Exit())
	return s
}

// report decodes the JSON line the probe wrote last.
func report(s *gexec.Session) lossprobe.Report {
	lines := splitLines(s.Out.Contents())
	Expect(lines).NotTo(BeEmpty())
	var r lossprobe.Report
	Expect(json.Unmarshal(lines[len(lines)-1], &r)).To(Succeed(), "%s", s.Out.Contents())
	return r
}

func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != '\n' {
			i++
		}
		if i > 0 {
			out = append(out, b[:i])
		}
		if i == len(b) {
			break
		}
		b = b[i+1:]
	}
	return out
}
