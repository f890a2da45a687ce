package templates_test

import (
	"encoding/json"
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
)

// rlpProperties are the properties every reverse_log_proxy render needs.
func rlpProperties() map[string]any {
	return map[string]any{
		"loggregator": map[string]any{
			"tls": map[string]any{
				"ca_cert":           "CA PEM",
				"reverse_log_proxy": map[string]any{"cert": "CERT PEM", "key": "KEY PEM"},
			},
		},
	}
}

func dopplerLink(port int, addresses ...string) boshtemplate.Link {
	l := boshtemplate.Link{Properties: map[string]any{"doppler": map[string]any{"grpc_port": port}}}
	for i, a := range addresses {
		l.Instances = append(l.Instances, boshtemplate.LinkInstance{Name: "doppler", Index: i, Address: a, Bootstrap: i == 0})
	}
	return l
}

// rlpConfig renders the job and returns the directory and the decoded rlp.json.
func rlpConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("reverse_log_proxy", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/rlp.json")), &cfg)).To(Succeed())
	return dir, cfg
}

var _ = Describe("reverse_log_proxy job", func() {
	It("renders a config the rlp accepts from the defaults and the doppler link's instances", func() {
		dir, cfg := rlpConfig(boshtemplate.Context{
			Properties: rlpProperties(),
			Links:      map[string]boshtemplate.Link{"doppler": dopplerLink(8082, "10.0.0.1", "10.0.0.2")},
		})
		out, ok := checkConfig("rlp", filepath.Join(dir, "config/rlp.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg).To(HaveKeyWithValue("egress", SatisfyAll(
			HaveKeyWithValue("addr", ":8082"),
			HaveKeyWithValue("max_subscriptions", BeNumerically("==", 1000)),
		)))
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "10.0.0.1:8082"), HaveKeyWithValue("addr", "10.0.0.2:8082"))))
		Expect(cfg["routers"]).To(HaveKeyWithValue("server_name", "doppler"))
		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", true))
		Expect(cfg["routers"]).To(HaveKeyWithValue("cipher_suites", ConsistOf(
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14826"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("emit_interval", "1m"))
		Expect(cfg["metrics"]).NotTo(HaveKey("tls"))
	})

	It("uses the link's DNS address and its doppler.grpc_port when the link has one", func() {
		link := dopplerLink(9000, "10.0.0.1")
		link.Address = "q-s0.doppler.default.cf.bosh"
		_, cfg := rlpConfig(boshtemplate.Context{Properties: rlpProperties(), Links: map[string]boshtemplate.Link{"doppler": link}})
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "q-s0.doppler.default.cf.bosh:9000"))))
	})

	It("prefers loggregator.doppler.addrs with loggregator.doppler.grpc_port over the link", func() {
		props := rlpProperties()
		props["loggregator"].(map[string]any)["doppler"] = map[string]any{
			"addrs": []any{"doppler.service.cf.internal", "fd00::1"}, "grpc_port": 8443,
		}
		dir, cfg := rlpConfig(boshtemplate.Context{
			Properties: props,
			Links:      map[string]boshtemplate.Link{"doppler": dopplerLink(8082, "10.0.0.1")},
		})
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "doppler.service.cf.internal:8443"), HaveKeyWithValue("addr", "[fd00::1]:8443"))))
		out, ok := checkConfig("rlp", filepath.Join(dir, "config/rlp.json"))
		Expect(ok).To(BeTrue(), out)
	})

	It("maps every Cloud Foundry property and the new ones onto the config", func() {
		props := rlpProperties()
		props["loggregator"].(map[string]any)["tls"].(map[string]any)["cipher_suites"] = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
		props["loggregator"].(map[string]any)["doppler"] = map[string]any{"addrs": []any{"10.0.1.1"}}
		props["reverse_log_proxy"] = map[string]any{
			"egress":           map[string]any{"port": 9999, "max_streams": 7, "buffer_size": 50, "batch_size": 5, "batch_bytes": 4096, "slow_consumer_timeout": "3s"},
			"routers":          map[string]any{"refresh_interval": "2s", "max_backoff": "1s"},
			"drain_timeout":    "20s",
			"memory_limit_mib": 0,
			"adaptive_procs":   false,
		}
		props["metron_endpoint"] = map[string]any{"host": "localhost", "grpc_port": 3459}
		props["metric_emitter"] = map[string]any{"interval": "30s"}
		props["metrics"] = map[string]any{"port": 9100, "ca_cert": "M CA", "cert": "M CERT", "key": "M KEY"}
		dir, cfg := rlpConfig(boshtemplate.Context{Properties: props})
		out, ok := checkConfig("rlp", filepath.Join(dir, "config/rlp.json"))
		Expect(ok).To(BeTrue(), out)

		Expect(cfg["egress"]).To(SatisfyAll(
			HaveKeyWithValue("addr", ":9999"),
			HaveKeyWithValue("max_subscriptions", BeNumerically("==", 7)),
			HaveKeyWithValue("buffer_size", BeNumerically("==", 50)),
			HaveKeyWithValue("batch_size", BeNumerically("==", 5)),
			HaveKeyWithValue("batch_bytes", BeNumerically("==", 4096)),
			HaveKeyWithValue("slow_consumer_timeout", "3s"),
			HaveKeyWithValue("cipher_suites", ConsistOf("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")),
		))
		Expect(cfg["routers"]).To(SatisfyAll(
			HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "10.0.1.1:8082"))),
			HaveKeyWithValue("refresh_interval", "2s"),
			HaveKeyWithValue("max_backoff", "1s"),
		))
		Expect(cfg).To(HaveKeyWithValue("shutdown_timeout", "20s"))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 0)))
		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", false))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "localhost:3459"))
		Expect(cfg["metrics"]).To(SatisfyAll(
			HaveKeyWithValue("addr", ":9100"),
			HaveKeyWithValue("emit_interval", "30s"),
			HaveKeyWithValue("tls", HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/metrics.crt"))),
		))
		Expect(readFile(dir, "config/certs/metrics.crt")).To(ContainSubstring("M CERT"))
	})

	It("writes the certificates where the config names them", func() {
		dir, cfg := rlpConfig(boshtemplate.Context{
			Properties: rlpProperties(),
			Links:      map[string]boshtemplate.Link{"doppler": dopplerLink(8082, "10.0.0.1")},
		})
		tls := cfg["egress"].(map[string]any)["tls"].(map[string]any)
		Expect(tls["ca_file"]).To(Equal(filepath.Join(dir, "config/certs/mutual_tls_ca.crt")))
		for key, want := range map[string]string{"ca_file": "CA PEM", "cert_file": "CERT PEM", "key_file": "KEY PEM"} {
			data, err := os.ReadFile(tls[key].(string))
			Expect(err).NotTo(HaveOccurred())
			Expect(string(data)).To(ContainSubstring(want))
		}
		Expect(cfg["routers"].(map[string]any)["tls"]).To(Equal(cfg["egress"].(map[string]any)["tls"]))
	})

	It("refuses to render without routers", func() {
		err := boshtemplate.Render(filepath.Join(repoRoot, "jobs", "reverse_log_proxy"),
			boshtemplate.Context{Properties: rlpProperties()}, GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("loggregator.doppler.addrs")))
	})

	It("runs the rlp under bpm with its config", func() {
		dir := render("reverse_log_proxy", boshtemplate.Context{
			Properties: rlpProperties(),
			Links:      map[string]boshtemplate.Link{"doppler": dopplerLink(8082, "10.0.0.1")},
		})
		bpm := readFile(dir, "config/bpm.yml")
		Expect(bpm).To(ContainSubstring("executable: /var/vcap/packages/loggregator/bin/rlp"))
		Expect(bpm).To(ContainSubstring("- " + filepath.Join(dir, "config/rlp.json")))
		Expect(readFile(dir, "monit")).To(ContainSubstring(`start program "/var/vcap/jobs/bpm/bin/bpm start reverse_log_proxy"`))
	})

	It("renders a drain script that waits past the drain timeout and a DNS health check on the egress port", func() {
		props := rlpProperties()
		props["reverse_log_proxy"] = map[string]any{"drain_timeout": "1m30s", "egress": map[string]any{"port": 8123}}
		dir := render("reverse_log_proxy", boshtemplate.Context{
			Properties: props,
			Links:      map[string]boshtemplate.Link{"doppler": dopplerLink(8082, "10.0.0.1")},
		})
		drain := readFile(dir, "bin/drain")
		Expect(drain).To(HavePrefix("#!/bin/bash\n"))
		Expect(drain).To(ContainSubstring("timeout 95 "))
		Expect(drain).To(ContainSubstring("/var/vcap/sys/run/bpm/reverse_log_proxy/reverse_log_proxy.pid"))
		Expect(readFile(dir, "bin/dns/healthy")).To(ContainSubstring("/dev/tcp/127.0.0.1/8123"))
	})

	It("accepts Cloud Foundry's reverse_log_proxy.enabled, reverse_log_proxy.pprof.port and logging.format.timestamp, and with reverse_log_proxy.enabled false monit starts nothing", func() {
		links := map[string]boshtemplate.Link{"doppler": dopplerLink(8082, "10.0.0.1")}
		props := rlpProperties()
		props["reverse_log_proxy"] = map[string]any{"enabled": false, "pprof": map[string]any{"port": 6061}}
		props["logging"] = map[string]any{"format": map[string]any{"timestamp": "rfc3339"}}
		dir, _ := rlpConfig(boshtemplate.Context{Properties: props, Links: links})
		out, ok := checkConfig("rlp", filepath.Join(dir, "config/rlp.json"))
		Expect(ok).To(BeTrue(), out)
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))

		dir, _ = rlpConfig(boshtemplate.Context{Properties: rlpProperties(), Links: links})
		Expect(readFile(dir, "monit")).To(ContainSubstring("check process reverse_log_proxy"))
	})
})
