package agent_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/agent"
)

var _ = Describe("Forwarder destination discovery", func() {
	write := func(dir, job, content string) string {
		p := filepath.Join(dir, job, "config", "ingress_port.yml")
		Expect(os.MkdirAll(filepath.Dir(p), 0o755)).To(Succeed())
		Expect(os.WriteFile(p, []byte(content), 0o600)).To(Succeed())
		return p
	}

	It("reads Cloud Foundry's ingress_port.yml format, names each destination by its job and leaves its own port out", func() {
		dir := GinkgoT().TempDir()
		write(dir, "loggregator_agent", "---\ningress: 3459\n")
		write(dir, "loggr-syslog-agent", "ingress: \"3460\"\n")
		write(dir, "otel-collector", "---\ningress: 9100\nprotocol: otelcol\n")
		write(dir, "loggr-forwarder-agent", "ingress: 3458\n")

		found, bad, err := agent.Discover(filepath.Join(dir, "*", "config", "ingress_port.yml"), 3458)
		Expect(err).NotTo(HaveOccurred())
		Expect(bad).To(BeEmpty())
		Expect(found).To(ConsistOf(
			agent.Destination{Name: "loggregator_agent", Addr: "127.0.0.1:3459"},
			agent.Destination{Name: "loggr-syslog-agent", Addr: "127.0.0.1:3460"},
			agent.Destination{Name: "otel-collector", Addr: "127.0.0.1:9100", OTel: true},
		))
	})

	It("reports files it cannot use with the reason and keeps the others", func() {
		dir := GinkgoT().TempDir()
		write(dir, "good", "ingress: 3459\n")
		noPort := write(dir, "no-port", "port: 3459\n")
		badPort := write(dir, "bad-port", "ingress: 70000\n")
		badProto := write(dir, "bad-proto", "ingress: 3461\nprotocol: http\n")
		garbage := write(dir, "garbage", ":\n\t- [\n")

		found, bad, err := agent.Discover(filepath.Join(dir, "*", "config", "ingress_port.yml"), 0)
		Expect(err).NotTo(HaveOccurred())
		Expect(found).To(ConsistOf(agent.Destination{Name: "good", Addr: "127.0.0.1:3459"}))
		Expect(bad).To(HaveLen(4))
		Expect(bad[noPort]).To(MatchError(ContainSubstring("ingress: missing")))
		Expect(bad[badPort]).To(MatchError(ContainSubstring("not a port")))
		Expect(bad[badProto]).To(MatchError(ContainSubstring(`"http" is not supported`)))
		Expect(bad[garbage]).To(MatchError(ContainSubstring("parse")))
	})
})

var _ = Describe("Forwarder config", func() {
	It("names the bad field", func() {
		cfg := agent.DefaultConfig()
		cfg.Role = agent.RoleForwarder
		cfg.Ingress.TLS.CA, cfg.Ingress.TLS.Cert, cfg.Ingress.TLS.Key = "ca", "cert", "key"
		cfg.Forwarder.TLS = cfg.Ingress.TLS
		Expect(cfg.Validate()).To(Succeed())

		cfg.Forwarder.DownstreamGlob = "/var/vcap/jobs/[/x"
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("forwarder.downstream_ingress_port_glob")))
		cfg.Forwarder.DownstreamGlob = "/x/*"
		cfg.Forwarder.OTel.QueueSize = 0
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("forwarder.otel.queue_size")))
		cfg.Forwarder.OTel.QueueSize = 1
		cfg.Role = "relay"
		Expect(cfg.Validate()).To(MatchError(ContainSubstring("role")))
	})
})
