package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
)

// probeProperties are the properties every log-loss-probe render needs.
func probeProperties() map[string]any {
	return map[string]any{
		"loggregator": map[string]any{
			"tls": map[string]any{
				"ca_cert": "CA PEM",
				"probe":   map[string]any{"cert": "CERT PEM", "key": "KEY PEM"},
			},
		},
	}
}

func rlpLink(port int, address string, instances ...string) boshtemplate.Link {
	l := boshtemplate.Link{
		Address:    address,
		Properties: map[string]any{"reverse_log_proxy": map[string]any{"egress": map[string]any{"port": port}}},
	}
	for i, a := range instances {
		l.Instances = append(l.Instances, boshtemplate.LinkInstance{Name: "log-api", Index: i, Address: a, Bootstrap: i == 0})
	}
	return l
}

// probeConfig renders the job and returns the directory and the decoded lossprobe.json.
func probeConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("log-loss-probe", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/lossprobe.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("log-loss-probe job", func() {
	It("renders a config the probe accepts from the defaults and the reverse_log_proxy link", func() {
		dir, cfg := probeConfig(boshtemplate.Context{
			Properties: probeProperties(),
			Links:      map[string]boshtemplate.Link{"reverse_log_proxy": rlpLink(8082, "q-s0.log-api.default.cf.bosh", "10.0.0.9")},
		})
		out, ok := checkConfig("lossprobe", filepath.Join(dir, "config/lossprobe.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["ingress"]).To(HaveKeyWithValue("server_name", "metron"))
		Expect(cfg["egress"]).To(HaveKeyWithValue("addr", "q-s0.log-api.default.cf.bosh:8082"))
		Expect(cfg["egress"]).To(HaveKeyWithValue("server_name", "reverselogproxy"))
		Expect(cfg).To(HaveKeyWithValue("rate", BeNumerically("==", 1000)))
		Expect(cfg).To(HaveKeyWithValue("duration", "10s"))
		Expect(cfg).To(HaveKeyWithValue("emitters", BeNumerically("==", 1)))
		Expect(cfg).To(HaveKeyWithValue("emitter_process", false))
		Expect(cfg).To(HaveKeyWithValue("max_loss_percent", BeNumerically("==", 1)))
		Expect(cfg).To(HaveKeyWithValue("source_id", "log-loss-probe"))
		Expect(cfg["gateway"]).To(BeEmpty())
		Expect(cfg["firehose"]).To(BeEmpty())
	})

	It("renders the certificates and points the config at them", func() {
		dir, cfg := probeConfig(boshtemplate.Context{
			Properties: probeProperties(),
			Links:      map[string]boshtemplate.Link{"reverse_log_proxy": rlpLink(8082, "", "10.0.0.9")},
		})
		Expect(readFile(dir, "config/certs/loggregator_ca.crt")).To(ContainSubstring("CA PEM"))
		Expect(readFile(dir, "config/certs/probe.crt")).To(ContainSubstring("CERT PEM"))
		Expect(readFile(dir, "config/certs/probe.key")).To(ContainSubstring("KEY PEM"))
		tls := cfg["egress"].(map[string]any)["tls"]
		Expect(tls).To(HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/loggregator_ca.crt")))
		Expect(tls).To(HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/probe.crt")))
		Expect(tls).To(HaveKeyWithValue("key_file", filepath.Join(dir, "config/certs/probe.key")))
	})

	It("uses the link's first instance address when the link has no DNS address", func() {
		_, cfg := probeConfig(boshtemplate.Context{
			Properties: probeProperties(),
			Links:      map[string]boshtemplate.Link{"reverse_log_proxy": rlpLink(9090, "", "10.0.0.9", "10.0.0.10")},
		})
		Expect(cfg["egress"]).To(HaveKeyWithValue("addr", "10.0.0.9:9090"))
	})

	It("takes the agent's port from the loggregator_agent link", func() {
		_, cfg := probeConfig(boshtemplate.Context{
			Properties: probeProperties(),
			Links: map[string]boshtemplate.Link{
				"reverse_log_proxy": rlpLink(8082, "", "10.0.0.9"),
				"loggregator_agent": {Properties: map[string]any{"grpc_port": 4000, "listening_port": 3457}},
			},
		})
		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "127.0.0.1:4000"))
	})

	It("renders every property into a config the probe accepts, with the gateway and firehose paths", func() {
		props := probeProperties()
		props["log_loss_probe"] = map[string]any{
			"rate": 0, "duration": "30s", "count": 500000, "emitters": 4, "emitter_process": true, "batch_size": 50,
			"payload_bytes": 200, "envelope_types": []any{"log", "counter", "gauge"},
			"source_id": "probe-z1", "max_loss_percent": 0.01, "warmup_timeout": "20s",
			"drain_timeout": "10s", "rlp_addr": "rlp.example.com:8443",
			"gateway":  map[string]any{"url": "https://log-stream.example.com", "ca_cert": "GW CA", "token": "bearer abc"},
			"firehose": map[string]any{"url": "wss://doppler.example.com:443", "ca_cert": "TC CA", "token": "bearer def", "slow_reader_delay": "2ms"},
		}
		props["metron_endpoint"] = map[string]any{"host": "::1", "grpc_port": 3459}
		dir, cfg := probeConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("lossprobe", filepath.Join(dir, "config/lossprobe.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["ingress"]).To(HaveKeyWithValue("addr", "[::1]:3459"))
		Expect(cfg["egress"]).To(HaveKeyWithValue("addr", "rlp.example.com:8443"))
		Expect(cfg).To(HaveKeyWithValue("rate", BeNumerically("==", 0)))
		Expect(cfg).To(HaveKeyWithValue("count", BeNumerically("==", 500000)))
		Expect(cfg).To(HaveKeyWithValue("emitters", BeNumerically("==", 4)))
		Expect(cfg).To(HaveKeyWithValue("emitter_process", true))
		Expect(cfg).To(HaveKeyWithValue("envelope_types", ConsistOf("log", "counter", "gauge")))
		Expect(cfg).To(HaveKeyWithValue("max_loss_percent", BeNumerically("==", 0.01)))
		Expect(cfg["gateway"]).To(HaveKeyWithValue("url", "https://log-stream.example.com"))
		Expect(cfg["gateway"]).To(HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/gateway_ca.crt")))
		Expect(cfg["gateway"]).To(HaveKeyWithValue("token", "bearer abc"))
		Expect(readFile(dir, "config/certs/gateway_ca.crt")).To(ContainSubstring("GW CA"))
		Expect(cfg["firehose"]).To(HaveKeyWithValue("url", "wss://doppler.example.com:443"))
		Expect(cfg["firehose"]).To(HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/firehose_ca.crt")))
		Expect(cfg["firehose"]).To(HaveKeyWithValue("token", "bearer def"))
		Expect(cfg["firehose"]).To(HaveKeyWithValue("slow_reader_delay", "2ms"))
		Expect(readFile(dir, "config/certs/firehose_ca.crt")).To(ContainSubstring("TC CA"))
	})

	It("refuses to render without a reverse log proxy address", func() {
		err := boshtemplate.Render(filepath.Join(repoRoot, "jobs", "log-loss-probe"),
			boshtemplate.Context{Properties: probeProperties()}, GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("log_loss_probe.rlp_addr")))
	})

	It("is an errand: an empty monit file and bin/run starting the probe with its rendered config", func() {
		dir := render("log-loss-probe", boshtemplate.Context{Properties: probeProperties(),
			Links: map[string]boshtemplate.Link{"reverse_log_proxy": rlpLink(8082, "", "10.0.0.9")}})
		Expect(readFile(filepath.Join(repoRoot, "jobs", "log-loss-probe"), "monit")).To(BeEmpty())
		Expect(readFile(dir, "bin/run")).To(ContainSubstring(
			"/var/vcap/packages/loggregator/bin/lossprobe \\\n  --config " + dir + "/config/lossprobe.json"))
	})
})
