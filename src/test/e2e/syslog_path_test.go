package e2e_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/influxdata/go-syslog/v3/rfc5424"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/mtls"
	"loggregator/internal/otlp/otlptest"
	"loggregator/internal/syslog/syslogtest"
	"loggregator/tools/topology"
)

// syslogAgentJob is the loggr-syslog-agent job as cf-deployment places it
// beside the forwarder: v2 ingress on its own port, announced in its
// ingress_port.yml, with the agent's certificate (the forwarder dials every
// destination by the name metron) and one aggregate drain. No binding cache:
// the aggregate drain receives every app's logs. It is appended to the jobs
// list of forwarderManifest.
var syslogAgentJob = template.Must(template.New("syslog-agent").Parse(`
- name: loggr-syslog-agent
  binary: syslog-agent
  config: config/syslog-agent.json
  wait_for: 127.0.0.1:{{ .Port }}
  endpoints:
    syslog_agent_metrics: http://127.0.0.1:{{ .Metrics }}/metrics
  properties:
    port: {{ .Port }}
    aggregate_drains: "syslog://{{ .Drain }}"
    tls:
      ca_cert: ((loggregator_ca.certificate))
      cert: ((agent.certificate))
      key: ((agent.private_key))
    drains:
      max_backoff: 1s
    metrics:
      port: {{ .Metrics }}
`))

// syslogPath is the forwarder system with a syslog agent draining into a
// real rsyslogd, and an OpenTelemetry collector.
type syslogPath struct {
	*system
	rsyslog   *syslogtest.Rsyslog
	collector *otlptest.Receiver
}

// startSyslogPath builds the syslog agent, starts rsyslogd as its aggregate
// drain, and starts forwarderManifest plus syslogAgentJob on free ports with
// an OpenTelemetry collector announced beside the jobs' ingress_port.yml
// files; everything stops when the spec ends.
func startSyslogPath() *syslogPath {
	GinkgoHelper()
	bin := binDir

	rs, err := syslogtest.Start(GinkgoT().TempDir(), syslogtest.TCP, mtls.Files{})
	if err != nil {
		Fail(fmt.Sprintf("rsyslogd, the drain of this spec, did not start: %v", err))
	}
	DeferCleanup(rs.Stop)

	s, collector := startForwarderSystem(func(buf *bytes.Buffer, port func() int, m *topology.Manifest) {
		if buf != nil {
			Expect(syslogAgentJob.Execute(buf, map[string]any{"Port": port(), "Metrics": port(), "Drain": rs.Addr})).To(Succeed())
			return
		}
		for i := range m.Jobs {
			if m.Jobs[i].Binary == "syslog-agent" {
				m.Jobs[i].Bin = bin
			}
		}
	})
	DeferCleanup(s.Stop)
	Expect(filepath.Join(s.Work, "jobs", "loggr-syslog-agent", "config", "ingress_port.yml")).To(BeAnExistingFile())
	return &syslogPath{system: s, rsyslog: rs, collector: collector}
}

// drained returns, for Eventually, the message text of every log rsyslogd
// wrote, after checking each against its raw RFC 5424 form read by
// go-syslog's parser: the same payload, the app-name the source id.
func (p *syslogPath) drained(sourceID string) func(Gomega) []string {
	parser := rfc5424.NewParser(rfc5424.WithBestEffort())
	return func(g Gomega) []string {
		ms, err := p.rsyslog.Messages()
		g.Expect(err).NotTo(HaveOccurred())
		texts := make([]string, 0, len(ms))
		for _, m := range ms {
			g.Expect(m.AppName).To(Equal(sourceID), "rsyslog's app-name of %q", m.Raw)
			parsed, err := parser.Parse([]byte(m.Raw))
			g.Expect(err).NotTo(HaveOccurred(), "parse %q", m.Raw)
			msg := parsed.(*rfc5424.SyslogMessage)
			g.Expect(msg.Appname).To(HaveValue(Equal(sourceID)), "app-name of %q", m.Raw)
			g.Expect(msg.Message).To(HaveValue(Equal(m.Msg)), "message of %q", m.Raw)
			texts = append(texts, strings.TrimSuffix(m.Msg, "\n"))
		}
		return texts
	}
}

var _ = Describe("Forwarder → syslog agent → rsyslog, beside the firehose and OpenTelemetry", func() {
	It("delivers an app's logs written once to the forwarder exactly once to rsyslog, a firehose consumer and an OpenTelemetry collector", func() {
		p := startSyslogPath()
		Eventually(p.metricFunc("forwarder_metrics", "destinations")).Should(BeNumerically("==", 3),
			"the forwarder finds the agent, the syslog agent and the collector")
		con := p.consume(request("", logsOf("syslog-e2e-app")))
		for _, ep := range []string{"router0_metrics", "rlp_metrics"} {
			Eventually(p.metricFunc(ep, "subscriptions")).Should(BeEquivalentTo(1), "subscriptions on %s", ep)
		}

		em := p.emitter()
		sent := em.logs("syslog-e2e-app", "drained", 500)
		Expect(em.close()).To(Succeed())

		settled(con, len(sent))
		Expect(con.duplicates()).To(BeEmpty())
		Expect(sorted(con.keys())).To(Equal(sorted(sent)))

		Eventually(p.drained("syslog-e2e-app")).Should(HaveLen(len(sent)))
		Consistently(p.drained("syslog-e2e-app"), "500ms").Should(HaveLen(len(sent)), "no message arrives twice")
		Expect(sorted(p.drained("syslog-e2e-app")(Default))).To(Equal(sorted(sent)))

		Eventually(func() int { return len(p.collector.Logs()) }).Should(Equal(len(sent)))
		var bodies []string
		for _, r := range p.collector.Logs() {
			bodies = append(bodies, r.GetBody().GetStringValue())
		}
		Expect(sorted(bodies)).To(Equal(sorted(sent)))
		Expect(p.metric("forwarder_metrics", "destination_egress", `destination="loggr-syslog-agent"`)).To(BeNumerically(">=", len(sent)))
	})
})
