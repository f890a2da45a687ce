package metrics_test

import (
	"context"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

// agentCerts writes a CA, a certificate for the agent ("metron") and one for
// the component ("router").
func agentCerts() (agent, component mtls.Files) {
	files, err := certgen.Identities(filepath.Join(GinkgoT().TempDir(), "certs"), "metron", "router")
	Expect(err).NotTo(HaveOccurred())
	return files["metron"], files["router"]
}

// emitToAgent runs r.EmitToAgent until the spec ends and checks it returns nil.
func emitToAgent(r *metrics.Registry, agent metrics.AgentConfig, log *slog.Logger) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.EmitToAgent(ctx, agent, nil, 10*time.Millisecond, "router", log) }()
	DeferCleanup(func() {
		cancel()
		Eventually(done).Should(Receive(BeNil()))
	})
}

func bufferLog() (*slog.Logger, *gbytes.Buffer) {
	buf := gbytes.NewBuffer()
	return slog.New(slog.NewTextHandler(buf, nil)), buf
}

var _ = Describe("EmitToAgent", func() {
	It("sends the registry's counters and gauges to the agent over mutual TLS every interval", func() {
		agentFiles, routerFiles := agentCerts()
		agent, err := envelopetest.NewIngressSink(agentFiles)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(agent.Stop)

		r := metrics.NewRegistry()
		r.Ingress.Add(3)
		r.Dropped(metrics.Egress, metrics.ReasonSlowConsumer).Add(2)
		r.Gauge("subscriptions", "Open subscriptions.").Set(4)
		log, _ := bufferLog()
		emitToAgent(r, metrics.AgentConfig{Addr: agent.Addr(), TLS: routerFiles, ServerName: "metron"}, log)

		Eventually(func() uint64 { return agent.Counter("router", "ingress", nil) }).Should(BeEquivalentTo(3))
		Eventually(func() uint64 {
			return agent.Counter("router", "dropped", map[string]string{"direction": "egress", "reason": "slow_consumer"})
		}).Should(BeEquivalentTo(2))
		Expect(agent.Envelopes()).To(ContainElement(Satisfy(func(e *loggregator_v2.Envelope) bool {
			return e.GetSourceId() == "router" && e.GetGauge().GetMetrics()["subscriptions"].GetValue() == 4
		})))

		r.Ingress.Add(5)
		Eventually(func() uint64 { return agent.Counter("router", "ingress", nil) }).Should(BeEquivalentTo(8))
	})

	It("keeps trying while the agent does not answer, logs that once, and delivers when it does", func() {
		agentFiles, routerFiles := agentCerts()
		// A listener nobody serves: connections wait in the backlog unanswered.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		addr := ln.Addr().String()

		r := metrics.NewRegistry()
		r.Ingress.Add(1)
		log, buf := bufferLog()
		emitToAgent(r, metrics.AgentConfig{Addr: addr, TLS: routerFiles, ServerName: "metron"}, log)
		Eventually(buf).Should(gbytes.Say("cannot send own metrics to the agent"))

		Expect(ln.Close()).To(Succeed())
		agent, err := envelopetest.NewIngressSinkOn(addr, agentFiles)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(agent.Stop)
		// gRPC redials after its backoff (a second, jittered, for the first retry).
		Eventually(func() uint64 { return agent.Counter("router", "ingress", nil) }).WithTimeout(5 * time.Second).Should(BeEquivalentTo(1))
		Eventually(buf).Should(gbytes.Say("sending own metrics to the agent again"))
		Expect(strings.Count(string(buf.Contents()), "cannot send own metrics")).To(Equal(1))
	})

	It("refuses an agent whose certificate is not valid for server_name", func() {
		agentFiles, routerFiles := agentCerts()
		agent, err := envelopetest.NewIngressSink(agentFiles)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(agent.Stop)

		log, buf := bufferLog()
		emitToAgent(metrics.NewRegistry(), metrics.AgentConfig{Addr: agent.Addr(), TLS: routerFiles, ServerName: "doppler"}, log)
		Eventually(buf).Should(gbytes.Say("cannot send own metrics to the agent"))
		Expect(agent.Envelopes()).To(BeEmpty())
	})

	It("does nothing and returns at once when addr is empty", func() {
		log, _ := bufferLog()
		err := metrics.NewRegistry().EmitToAgent(context.Background(), metrics.DefaultAgentConfig(), nil, time.Millisecond, "router", log)
		Expect(err).NotTo(HaveOccurred())
	})

	It("names the certificate file it cannot load", func() {
		missing := filepath.Join(GinkgoT().TempDir(), "ca.crt")
		agent := metrics.AgentConfig{Addr: "127.0.0.1:3458", ServerName: "metron",
			TLS: mtls.Files{CA: missing, Cert: "router.crt", Key: "router.key"}}
		log, _ := bufferLog()
		err := metrics.NewRegistry().EmitToAgent(context.Background(), agent, nil, time.Millisecond, "router", log)
		Expect(err).To(MatchError(ContainSubstring(missing)))
	})
})

var _ = Describe("AgentConfig", func() {
	It("is valid and sends nothing by default", func() {
		cfg := metrics.DefaultAgentConfig()
		Expect(cfg.Validate("agent")).To(Succeed())
		Expect(cfg.Addr).To(BeEmpty())
		Expect(cfg.ServerName).To(Equal("metron"))
	})

	It("needs certificates and a server name only when addr is set", func() {
		cfg := metrics.DefaultAgentConfig()
		cfg.Addr = "127.0.0.1:3458"
		Expect(cfg.Validate("agent")).To(MatchError("agent.tls.ca_file: required"))

		cfg.TLS = mtls.Files{CA: "ca.crt", Cert: "c.crt", Key: "c.key"}
		Expect(cfg.Validate("agent")).To(Succeed())
		cfg.ServerName = ""
		Expect(cfg.Validate("agent")).To(MatchError(HavePrefix("agent.server_name:")))
	})

	It("names a bad address", func() {
		cfg := metrics.DefaultAgentConfig()
		cfg.Addr = "3458"
		Expect(cfg.Validate("agent")).To(MatchError(HavePrefix("agent.addr:")))
	})

	It("decodes the agent section of a component's config, keeping the default server name", func() {
		cfg := &withAgent{Agent: metrics.DefaultAgentConfig()}
		Expect(config.Decode([]byte(`{"agent": {"addr": "127.0.0.1:3458",
			"tls": {"ca_file": "ca.crt", "cert_file": "c.crt", "key_file": "c.key"}}}`), cfg)).To(Succeed())
		Expect(cfg.Agent).To(Equal(metrics.AgentConfig{Addr: "127.0.0.1:3458", ServerName: "metron",
			TLS: mtls.Files{CA: "ca.crt", Cert: "c.crt", Key: "c.key"}}))
	})
})

// withAgent is the shape of a component config with an agent section.
type withAgent struct {
	Agent metrics.AgentConfig `json:"agent"`
}

func (c *withAgent) Validate() error { return c.Agent.Validate("agent") }
