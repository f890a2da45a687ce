package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"text/template"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/envelopetest"
	"loggregator/tools/topology"
	"loggregator/tools/versions"
)

func TestE2E(t *testing.T) {
	RegisterFailHandler(Fail)
	// The suite shares two cores with the race detector and five processes.
	SetDefaultEventuallyTimeout(15 * time.Second)
	SetDefaultEventuallyPollingInterval(20 * time.Millisecond)
	RunSpecs(t, "End-to-end suite")
}

var (
	// repo is the repository root: jobs/ and scripts/ live there.
	repo string
	// binDir holds every binary of the module, built once per suite.
	binDir string
	// shared is this process's system for the specs that leave it as they
	// found it; specs that kill or stop components start their own.
	shared *system
)

var _ = SynchronizedBeforeSuite(func() []byte {
	dir, err := os.MkdirTemp("", "e2e-bin-")
	Expect(err).NotTo(HaveOccurred())
	// One build of every binary, with the settings the compat and fleet
	// suites use (tools/versions), so the three share one compilation.
	if err := versions.Build(context.Background(), "../..", dir); err != nil {
		_ = os.RemoveAll(dir)
		Fail(fmt.Sprintf("build the components: %v", err))
	}
	return []byte(dir)
}, func(dir []byte) {
	binDir = string(dir)
	var err error
	repo, err = filepath.Abs("../../..")
	Expect(err).NotTo(HaveOccurred())
	shared = startSystem()
})

var _ = SynchronizedAfterSuite(func() {
	if shared != nil {
		shared.Stop()
	}
}, func() {
	Expect(os.RemoveAll(binDir)).To(Succeed())
})

// ports are the loopback ports one system listens on.
type ports struct {
	Router0, Router0Metrics int
	Router1, Router1Metrics int
	RLP, RLPMetrics         int
	Gateway, GatewayMetrics int
	Agent, AgentMetrics     int
	TC, TCMetrics           int
}

// freePorts picks ports nothing listens on now, below the kernel's
// ephemeral range (envelopetest.FreePort), so a suite never collides with
// scripts/run-local, another parallel process or an outgoing connection.
func freePorts() ports {
	next := func() int {
		port, err := envelopetest.FreePort()
		Expect(err).NotTo(HaveOccurred())
		return port
	}
	return ports{
		Router0: next(), Router0Metrics: next(),
		Router1: next(), Router1Metrics: next(),
		RLP: next(), RLPMetrics: next(),
		Gateway: next(), GatewayMetrics: next(),
		Agent: next(), AgentMetrics: next(),
		TC: next(), TCMetrics: next(),
	}
}

// manifestTemplate is the suite's topology: two routers, the rlp subscribed
// to both, the gateway in front of the rlp, and an agent spreading over both
// routers; downstream first, so each starts before what delivers to it.
// Buffers keep their defaults, larger than any burst a spec sends, so only a
// consumer that stops reading loses anything; the slow-consumer timeout is
// short so the spec that stalls a consumer sees it cut off.
var manifestTemplate = template.Must(template.New("manifest").Parse(`
certificates:
  doppler: doppler
  reverse_log_proxy: reverselogproxy
  agent: metron
  gateway: localhost
  trafficcontroller: trafficcontroller

jobs:
{{- range $i, $r := .Routers }}
- name: doppler-{{ $i }}
  job: doppler
  binary: router
  config: config/router.json
  wait_for: 127.0.0.1:{{ $r.Port }}
  endpoints:
    router{{ $i }}_metrics: http://127.0.0.1:{{ $r.Metrics }}/metrics
  properties:
    doppler:
      grpc_port: {{ $r.Port }}
    loggregator:
      tls:
        ca_cert: ((loggregator_ca.certificate))
        doppler:
          cert: ((doppler.certificate))
          key: ((doppler.private_key))
    metron_endpoint:
      grpc_port: {{ $.P.Agent }}
    metrics:
      port: {{ $r.Metrics }}
{{- end }}

- name: reverse_log_proxy
  binary: rlp
  config: config/rlp.json
  wait_for: 127.0.0.1:{{ .P.RLP }}
  endpoints:
    rlp_egress: 127.0.0.1:{{ .P.RLP }}
    rlp_metrics: http://127.0.0.1:{{ .P.RLPMetrics }}/metrics
  properties:
    reverse_log_proxy:
      egress:
        port: {{ .P.RLP }}
        slow_consumer_timeout: 2s
      routers:
        max_backoff: 500ms
    loggregator:
      doppler:
        addrs:
{{- range .Routers }}
        - 127.0.0.1:{{ .Port }}
{{- end }}
      tls:
        ca_cert: ((loggregator_ca.certificate))
        reverse_log_proxy:
          cert: ((reverse_log_proxy.certificate))
          key: ((reverse_log_proxy.private_key))
    metron_endpoint:
      grpc_port: {{ .P.Agent }}
    metrics:
      port: {{ .P.RLPMetrics }}

- name: reverse_log_proxy_gateway
  binary: gateway
  config: config/gateway.json
  wait_for: 127.0.0.1:{{ .P.Gateway }}
  endpoints:
    gateway: https://localhost:{{ .P.Gateway }}
    gateway_metrics: http://127.0.0.1:{{ .P.GatewayMetrics }}/metrics
  properties:
    http:
      address: 127.0.0.1:{{ .P.Gateway }}
      cert: ((gateway.certificate))
      key: ((gateway.private_key))
    auth:
      disabled: true
    logs_provider:
      ca_cert: ((loggregator_ca.certificate))
      client_cert: ((client.certificate))
      client_key: ((client.private_key))
    metrics:
      port: {{ .P.GatewayMetrics }}
  links:
    reverse_log_proxy:
      address: 127.0.0.1
      properties:
        reverse_log_proxy:
          egress:
            port: {{ .P.RLP }}
      instances:
      - {name: log-api, id: e2e-0, index: 0, az: z1, address: 127.0.0.1, bootstrap: true}

- name: loggregator_trafficcontroller
  binary: trafficcontroller
  config: config/trafficcontroller.json
  wait_for: 127.0.0.1:{{ .P.TC }}
  endpoints:
    tc_websocket: ws://127.0.0.1:{{ .P.TC }}
    tc_metrics: http://127.0.0.1:{{ .P.TCMetrics }}/metrics
  properties:
    traffic_controller:
      disable_access_control: true
    loggregator:
      outgoing_dropsonde_port: {{ .P.TC }}
      doppler:
        addrs:
{{- range .Routers }}
        - 127.0.0.1:{{ .Port }}
{{- end }}
      tls:
        ca_cert: ((loggregator_ca.certificate))
        trafficcontroller:
          cert: ((trafficcontroller.certificate))
          key: ((trafficcontroller.private_key))
    metron_endpoint:
      grpc_port: {{ .P.Agent }}
    metrics:
      port: {{ .P.TCMetrics }}

- name: loggregator_agent
  binary: agent
  config: config/agent.json
  wait_for: 127.0.0.1:{{ .P.Agent }}
  endpoints:
    agent_ingress: 127.0.0.1:{{ .P.Agent }}
    agent_metrics: http://127.0.0.1:{{ .P.AgentMetrics }}/metrics
  properties:
    deployment: e2e
    grpc_port: {{ .P.Agent }}
    doppler:
      max_backoff: 500ms
    loggregator:
      tls:
        ca_cert: ((loggregator_ca.certificate))
        agent:
          cert: ((agent.certificate))
          key: ((agent.private_key))
    metrics:
      port: {{ .P.AgentMetrics }}
  links:
    doppler:
      properties:
        doppler:
          grpc_port: 8082
      instances:
{{- range $i, $r := .Routers }}
      - {name: doppler, id: e2e-{{ $i }}, index: {{ $i }}, az: z1, address: "127.0.0.1:{{ $r.Port }}", bootstrap: {{ eq $i 0 }}}
{{- end }}
`))

// system is one running topology and what a spec needs to talk to it.
type system struct {
	*topology.System
	P ports
}

// startSystem renders and starts a fresh topology on free ports; the caller
// stops it.
func startSystem() *system {
	GinkgoHelper()
	p := freePorts()
	type router struct{ Port, Metrics int }
	var buf bytes.Buffer
	Expect(manifestTemplate.Execute(&buf, map[string]any{
		"P":       p,
		"Routers": []router{{p.Router0, p.Router0Metrics}, {p.Router1, p.Router1Metrics}},
	})).To(Succeed())
	m, err := topology.ParseManifest(buf.Bytes())
	Expect(err).NotTo(HaveOccurred())

	work, err := os.MkdirTemp("", "e2e-work-")
	Expect(err).NotTo(HaveOccurred())
	sys, err := topology.New(repo, binDir, work, m)
	Expect(err).NotTo(HaveOccurred())
	sys.Progress = GinkgoWriter
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := sys.Start(ctx); err != nil {
		sys.Stop()
		Fail(fmt.Sprintf("start topology: %v\n%s", err, logs(sys)))
	}
	Expect(sys.Procs()).To(HaveLen(6), "every job of the topology runs")
	return &system{System: sys, P: p}
}

// Stop stops every component and removes the work directory.
func (s *system) Stop() {
	s.System.Stop()
	if !CurrentSpecReport().Failed() {
		_ = os.RemoveAll(s.Work)
	} else {
		fmt.Fprintf(GinkgoWriter, "component logs kept in %s\n", filepath.Join(s.Work, "logs"))
	}
}

// logs returns every component's output, for failure messages.
func logs(sys *topology.System) string {
	var b bytes.Buffer
	for _, p := range sys.Procs() {
		data, _ := os.ReadFile(p.LogPath())
		fmt.Fprintf(&b, "==> %s <==\n%s\n", p.Job.Name, data)
	}
	return b.String()
}
