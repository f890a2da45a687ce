package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"text/template"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/mtls"
	"loggregator/internal/otlp/otlptest"
	"loggregator/tools/topology"
)

// forwarderManifest is cf-deployment's arrangement on one VM: the
// loggr-forwarder-agent on the port programs write to, the
// loggregator_agent on another port announcing it in its ingress_port.yml,
// which the forwarder finds in the work directory's rendered jobs; behind
// them a router and the rlp. The forwarder's ingress is the endpoint
// agent_ingress, so the suite's emitter writes to it.
var forwarderManifest = template.Must(template.New("forwarder").Parse(`
certificates:
  doppler: doppler
  reverse_log_proxy: reverselogproxy
  agent: metron
  otel: otel-collector

jobs:
- name: doppler
  binary: router
  config: config/router.json
  wait_for: 127.0.0.1:{{ .Router }}
  endpoints:
    router0_metrics: http://127.0.0.1:{{ .RouterMetrics }}/metrics
  properties:
    doppler:
      grpc_port: {{ .Router }}
    loggregator:
      tls:
        ca_cert: ((loggregator_ca.certificate))
        doppler:
          cert: ((doppler.certificate))
          key: ((doppler.private_key))
    metron_endpoint:
      grpc_port: {{ .Agent }}
    metrics:
      port: {{ .RouterMetrics }}

- name: reverse_log_proxy
  binary: rlp
  config: config/rlp.json
  wait_for: 127.0.0.1:{{ .RLP }}
  endpoints:
    rlp_egress: 127.0.0.1:{{ .RLP }}
    rlp_metrics: http://127.0.0.1:{{ .RLPMetrics }}/metrics
  properties:
    reverse_log_proxy:
      egress:
        port: {{ .RLP }}
    loggregator:
      doppler:
        addrs:
        - 127.0.0.1:{{ .Router }}
      tls:
        ca_cert: ((loggregator_ca.certificate))
        reverse_log_proxy:
          cert: ((reverse_log_proxy.certificate))
          key: ((reverse_log_proxy.private_key))
    metron_endpoint:
      grpc_port: {{ .Agent }}
    metrics:
      port: {{ .RLPMetrics }}

- name: loggregator_agent
  binary: agent
  config: config/agent.json
  wait_for: 127.0.0.1:{{ .Agent }}
  endpoints:
    agent_metrics: http://127.0.0.1:{{ .AgentMetrics }}/metrics
  properties:
    deployment: e2e
    grpc_port: {{ .Agent }}
    doppler:
      override_url: 127.0.0.1:{{ .Router }}
    loggregator:
      tls:
        ca_cert: ((loggregator_ca.certificate))
        agent:
          cert: ((agent.certificate))
          key: ((agent.private_key))
    metrics:
      port: {{ .AgentMetrics }}

- name: loggr-forwarder-agent
  binary: agent
  config: config/agent.json
  wait_for: 127.0.0.1:{{ .Forwarder }}
  endpoints:
    agent_ingress: 127.0.0.1:{{ .Forwarder }}
    forwarder_metrics: http://127.0.0.1:{{ .ForwarderMetrics }}/metrics
  properties:
    port: {{ .Forwarder }}
    downstream_ingress_port_glob: {{ .Work }}/jobs/*/config/ingress_port.yml
    downstream_rescan_interval: 1s
    tls:
      ca_cert: ((loggregator_ca.certificate))
      cert: ((agent.certificate))
      key: ((agent.private_key))
    metrics:
      port: {{ .ForwarderMetrics }}
`))

// startForwarderSystem starts forwarderManifest on free ports, with an
// OpenTelemetry collector (otlptest.Receiver, certified by the system's CA
// as otel-collector) announced by an ingress_port.yml beside the jobs'; the
// caller stops the system. more, when not nil, appends further jobs to the
// manifest text and adjusts the parsed manifest (it may be called with a
// nil manifest only for the text); every job it adds must run too.
func startForwarderSystem(more func(buf *bytes.Buffer, port func() int, m *topology.Manifest)) (*system, *otlptest.Receiver) {
	GinkgoHelper()
	port := func() int {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		defer l.Close()
		return l.Addr().(*net.TCPAddr).Port
	}
	work, err := os.MkdirTemp("", "e2e-forwarder-")
	Expect(err).NotTo(HaveOccurred())
	var buf bytes.Buffer
	Expect(forwarderManifest.Execute(&buf, map[string]any{
		"Router": port(), "RouterMetrics": port(), "RLP": port(), "RLPMetrics": port(),
		"Agent": port(), "AgentMetrics": port(), "Forwarder": port(), "ForwarderMetrics": port(),
		"Work": work,
	})).To(Succeed())
	if more != nil {
		more(&buf, port, nil)
	}
	m, err := topology.ParseManifest(buf.Bytes())
	Expect(err).NotTo(HaveOccurred())
	if more != nil {
		more(nil, nil, m)
	}
	sys, err := topology.New(repo, binDir, work, m)
	Expect(err).NotTo(HaveOccurred())
	certs := filepath.Join(work, "certs")
	collector, err := otlptest.NewReceiver(mtls.Files{
		CA: sys.Certs.CA, Cert: filepath.Join(certs, "otel.crt"), Key: filepath.Join(certs, "otel.key"),
	})
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(collector.Close)
	_, collectorPort, err := net.SplitHostPort(collector.Addr())
	Expect(err).NotTo(HaveOccurred())
	announce := filepath.Join(work, "jobs", "otel-collector", "config")
	Expect(os.MkdirAll(announce, 0o755)).To(Succeed())
	Expect(os.WriteFile(filepath.Join(announce, "ingress_port.yml"), []byte("ingress: "+collectorPort+"\nprotocol: otelcol\n"), 0o600)).To(Succeed())
	sys.Progress = GinkgoWriter
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := sys.Start(ctx); err != nil {
		sys.Stop()
		Fail(fmt.Sprintf("start topology: %v\n%s", err, logs(sys)))
	}
	Expect(sys.Procs()).To(HaveLen(len(m.Jobs)), "every job of the topology runs")
	Expect(filepath.Join(work, "jobs", "loggregator_agent", "config", "ingress_port.yml")).To(BeAnExistingFile())
	return &system{System: sys}, collector
}

var _ = Describe("Forwarder → agent → router → rlp → consumer", func() {
	It("delivers every envelope written once to the forwarder exactly once to a firehose consumer, and to an OpenTelemetry collector", func() {
		s, collector := startForwarderSystem(nil)
		DeferCleanup(s.Stop)
		Eventually(s.metricFunc("forwarder_metrics", "destinations")).Should(BeNumerically("==", 2))
		con := s.consume(request("", logsOf("via-forwarder")))
		for _, ep := range []string{"router0_metrics", "rlp_metrics"} {
			Eventually(s.metricFunc(ep, "subscriptions")).Should(BeEquivalentTo(1), "subscriptions on %s", ep)
		}

		em := s.emitter()
		sent := em.logs("via-forwarder", "log", 2000)
		Expect(em.close()).To(Succeed())

		settled(con, len(sent))
		Expect(con.duplicates()).To(BeEmpty())
		Expect(sorted(con.keys())).To(Equal(sorted(sent)))
		Expect(s.metric("forwarder_metrics", "destination_egress", `destination="loggregator_agent"`)).To(BeNumerically(">=", len(sent)))

		Eventually(func() int { return len(collector.Logs()) }).Should(Equal(len(sent)))
		var bodies []string
		for _, r := range collector.Logs() {
			bodies = append(bodies, r.GetBody().GetStringValue())
			Expect(r.GetAttributes()).To(ContainElement(HaveField("Key", "source_id")))
		}
		Expect(sorted(bodies)).To(Equal(sorted(sent)))
	})
})
