package templates_test

import (
	"encoding/json"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/boshtemplate"
)

// tcProperties are what cf-deployment sets on loggregator_trafficcontroller
// (variables replaced by stand-in PEM text).
func tcProperties() map[string]any {
	return map[string]any{
		"system_domain": "sys.example.com",
		"ssl":           map[string]any{"skip_cert_verify": true},
		"uaa": map[string]any{
			"internal_url": "https://uaa.service.cf.internal:8443",
			"ca_cert":      "UAA CA PEM",
		},
		"cc": map[string]any{
			"internal_service_hostname": "cloud-controller-ng.service.cf.internal",
			"tls_port":                  9023,
			"mutual_tls":                map[string]any{"ca_cert": "CC CA PEM"},
		},
		"loggregator": map[string]any{
			"uaa": map[string]any{"client_secret": "doppler-secret"},
			"tls": map[string]any{
				"ca_cert":              "LOGGREGATOR CA PEM",
				"trafficcontroller":    map[string]any{"cert": "TC CERT PEM", "key": "TC KEY PEM"},
				"cc_trafficcontroller": map[string]any{"cert": "CC TC CERT PEM", "key": "CC TC KEY PEM"},
			},
		},
	}
}

// tcConfig renders the job and returns the directory and the decoded config.
func tcConfig(ctx boshtemplate.Context) (string, map[string]any) {
	dir := render("loggregator_trafficcontroller", ctx)
	var cfg map[string]any
	Expect(json.Unmarshal([]byte(readFile(dir, "config/trafficcontroller.json")), &cfg)).To(Succeed())
	return dir, cfg
}

func tcCheck(dir string) {
	GinkgoHelper()
	out, ok := checkConfig("trafficcontroller", filepath.Join(dir, "config/trafficcontroller.json"))
	Expect(ok).To(BeTrue(), out)
}

var _ = Describe("loggregator_trafficcontroller job", func() {
	withDoppler := func(props map[string]any) boshtemplate.Context {
		link := dopplerLink(8082, "10.0.0.1", "10.0.0.2")
		link.Address = "q-s0.doppler.default.cf.bosh"
		return boshtemplate.Context{Properties: props, Links: map[string]boshtemplate.Link{"doppler": link}}
	}

	It("renders cf-deployment's properties into a config the traffic controller accepts", func() {
		dir, cfg := tcConfig(withDoppler(tcProperties()))
		tcCheck(dir)

		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", false))
		Expect(cfg["websocket"]).To(SatisfyAll(
			HaveKeyWithValue("addr", ":8081"),
			Not(HaveKey("cert_file")),
			HaveKeyWithValue("slow_consumer_timeout", "10s"),
		))
		Expect(cfg["routers"]).To(SatisfyAll(
			HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "q-s0.doppler.default.cf.bosh:8082"))),
			HaveKeyWithValue("server_name", "doppler"),
			HaveKeyWithValue("tls", HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/trafficcontroller.crt"))),
		))
		auth := cfg["auth"].(map[string]any)
		Expect(auth).To(HaveKeyWithValue("disabled", false))
		Expect(auth["uaa"]).To(SatisfyAll(
			HaveKeyWithValue("addr", "https://uaa.service.cf.internal:8443"),
			HaveKeyWithValue("client_id", "doppler"),
			HaveKeyWithValue("client_secret", "doppler-secret"),
			HaveKeyWithValue("skip_cert_verify", true),
			HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/uaa_ca.crt")),
		))
		Expect(auth["cc"]).To(SatisfyAll(
			HaveKeyWithValue("internal_addr", "https://cloud-controller-ng.service.cf.internal:9023"),
			HaveKeyWithValue("server_name", "cloud-controller-ng.service.cf.internal"),
			HaveKeyWithValue("tls", HaveKeyWithValue("ca_file", filepath.Join(dir, "config/certs/mutual_tls_ca.crt"))),
		))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "127.0.0.1:3458"))
		Expect(cfg["metrics"]).To(HaveKeyWithValue("addr", "127.0.0.1:14827"))

		for file, want := range map[string]string{
			"config/certs/trafficcontroller.crt":    "TC CERT PEM",
			"config/certs/loggregator_ca.crt":       "LOGGREGATOR CA PEM",
			"config/certs/cc_trafficcontroller.key": "CC TC KEY PEM",
			"config/certs/mutual_tls_ca.crt":        "CC CA PEM",
			"config/certs/uaa_ca.crt":               "UAA CA PEM",
		} {
			Expect(readFile(dir, file)).To(ContainSubstring(want), file)
		}
	})

	It("uses the doppler link's instances without BOSH DNS, and loggregator.doppler.addrs over the link", func() {
		_, cfg := tcConfig(boshtemplate.Context{Properties: tcProperties(),
			Links: map[string]boshtemplate.Link{"doppler": dopplerLink(9000, "10.0.0.1", "10.0.0.2")}})
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(
			HaveKeyWithValue("addr", "10.0.0.1:9000"), HaveKeyWithValue("addr", "10.0.0.2:9000"))))

		props := tcProperties()
		props["loggregator"].(map[string]any)["doppler"] = map[string]any{"addrs": []any{"doppler.service.cf.internal"}}
		props["doppler"] = map[string]any{"grpc_port": 8443}
		dir, cfg := tcConfig(withDoppler(props))
		Expect(cfg["routers"]).To(HaveKeyWithValue("targets", ConsistOf(HaveKeyWithValue("addr", "doppler.service.cf.internal:8443"))))
		tcCheck(dir)
	})

	It("serves TLS with loggregator.outgoing_cert and maps every other property", func() {
		props := tcProperties()
		lg := props["loggregator"].(map[string]any)
		lg["outgoing_dropsonde_port"] = 8443
		lg["outgoing_cert"] = "OUT CERT PEM"
		lg["outgoing_key"] = "OUT KEY PEM"
		lg["uaa_client_id"] = "legacy-client"
		props["traffic_controller"] = map[string]any{
			"security_event_logging": map[string]any{"enabled": true},
			"pprof_port":             6060,
			"websocket":              map[string]any{"buffer_size": 500, "slow_consumer_timeout": "3s", "max_streams": 7, "ping_interval": "10s"},
			"drain_timeout":          "20s",
			"memory_limit_mib":       0,
			"adaptive_procs":         true,
		}
		props["metron_endpoint"] = map[string]any{"host": "localhost", "grpc_port": 3459}
		props["metric_emitter"] = map[string]any{"interval": "30s"}
		props["logging"] = map[string]any{"format": map[string]any{"timestamp": "rfc3339"}}
		props["metrics"] = map[string]any{"port": 9100, "ca_cert": "M CA", "cert": "M CERT", "key": "M KEY"}
		dir, cfg := tcConfig(withDoppler(props))
		tcCheck(dir)

		Expect(cfg["websocket"]).To(SatisfyAll(
			HaveKeyWithValue("addr", ":8443"),
			HaveKeyWithValue("cert_file", filepath.Join(dir, "config/certs/trafficcontroller_outgoing.crt")),
			HaveKeyWithValue("key_file", filepath.Join(dir, "config/certs/trafficcontroller_outgoing.key")),
			HaveKeyWithValue("buffer_size", BeNumerically("==", 500)),
			HaveKeyWithValue("slow_consumer_timeout", "3s"),
			HaveKeyWithValue("max_streams", BeNumerically("==", 7)),
			HaveKeyWithValue("ping_interval", "10s"),
		))
		Expect(readFile(dir, "config/certs/trafficcontroller_outgoing.crt")).To(ContainSubstring("OUT CERT PEM"))
		Expect(cfg["auth"].(map[string]any)["uaa"]).To(HaveKeyWithValue("client_id", "legacy-client"))
		Expect(cfg).To(HaveKeyWithValue("security_event_logging", true))
		Expect(cfg).To(HaveKeyWithValue("shutdown_timeout", "20s"))
		Expect(cfg).To(HaveKeyWithValue("memory_limit_mib", BeNumerically("==", 0)))
		Expect(cfg).To(HaveKeyWithValue("adaptive_procs", true))
		Expect(cfg["agent"]).To(HaveKeyWithValue("addr", "localhost:3459"))
		Expect(cfg["metrics"]).To(SatisfyAll(HaveKeyWithValue("addr", ":9100"), HaveKeyWithValue("emit_interval", "30s")))
	})

	It("disables access control for a standalone deployment without UAA or Cloud Controller", func() {
		props := map[string]any{
			"traffic_controller": map[string]any{"disable_access_control": true},
			"loggregator": map[string]any{"tls": map[string]any{
				"ca_cert": "CA", "trafficcontroller": map[string]any{"cert": "C", "key": "K"},
			}},
		}
		dir, cfg := tcConfig(withDoppler(props))
		tcCheck(dir)
		Expect(cfg["auth"]).To(Equal(map[string]any{"disabled": true}))
	})

	It("refuses to render without UAA, Cloud Controller or routers, naming what to set", func() {
		props := tcProperties()
		delete(props, "uaa")
		err := boshtemplate.Render(filepath.Join(repoRoot, "jobs", "loggregator_trafficcontroller"), withDoppler(props), GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("uaa.internal_url")))

		props = tcProperties()
		delete(props, "cc")
		err = boshtemplate.Render(filepath.Join(repoRoot, "jobs", "loggregator_trafficcontroller"), withDoppler(props), GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("cc.internal_service_hostname")))

		err = boshtemplate.Render(filepath.Join(repoRoot, "jobs", "loggregator_trafficcontroller"),
			boshtemplate.Context{Properties: tcProperties()}, GinkgoT().TempDir())
		Expect(err).To(MatchError(ContainSubstring("loggregator.doppler.addrs")))
	})

	It("runs under bpm with a drain script and a DNS health check, and monit runs nothing when disabled", func() {
		props := tcProperties()
		props["traffic_controller"] = map[string]any{"drain_timeout": "1m30s"}
		dir := render("loggregator_trafficcontroller", withDoppler(props))
		bpm := readFile(dir, "config/bpm.yml")
		Expect(bpm).To(ContainSubstring("executable: /var/vcap/packages/loggregator/bin/trafficcontroller"))
		Expect(bpm).To(ContainSubstring("- " + filepath.Join(dir, "config/trafficcontroller.json")))
		Expect(readFile(dir, "monit")).To(ContainSubstring(`start program "/var/vcap/jobs/bpm/bin/bpm start loggregator_trafficcontroller"`))
		drain := readFile(dir, "bin/drain")
		Expect(drain).To(HavePrefix("#!/bin/bash\n"))
		Expect(drain).To(ContainSubstring("timeout 95 "))
		Expect(drain).To(ContainSubstring("/var/vcap/sys/run/bpm/loggregator_trafficcontroller/loggregator_trafficcontroller.pid"))
		Expect(readFile(dir, "bin/dns_health_check")).To(ContainSubstring("/dev/tcp/127.0.0.1/8081"))
		Expect(readFile(dir, "bin/profile.sh")).To(ContainSubstring("PATH"))

		props["traffic_controller"] = map[string]any{"enabled": false}
		dir = render("loggregator_trafficcontroller", withDoppler(props))
		Expect(readFile(dir, "monit")).NotTo(ContainSubstring("check process"))
	})
})
