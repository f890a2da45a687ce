package main_test

import (
	"context"
	"os/exec"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/binding"
	"loggregator/internal/cfauth/cfauthtest"
)

var _ = Describe("binding-cache", func() {
	var e *env

	BeforeEach(func() {
		e = newEnv()
	})

	It("serves every page of Cloud Controller's drains to an agent over mutual TLS, with credentials and apps", func() {
		e.cc.SetBindings([]cfauthtest.DrainBinding{
			drain("syslog://a.example.com:514", "app-1"),
			drain("syslog://a.example.com:514", "app-2"),
			{URL: "syslog-tls://b.example.com:6514", AppID: "app-3", Hostname: "o.s.app-3", Cert: "CERT", Key: "KEY", CA: "CA"},
			drain("https://c.example.com/drain", "app-4"),
			drain("https-batch://d.example.com/drain", "app-5"),
		})
		c := e.start(nil)
		Eventually(c.served).Should(Equal([]string{
			"https-batch://d.example.com/drain", "https://c.example.com/drain",
			"syslog-tls://b.example.com:6514", "syslog://a.example.com:514",
		}))
		bs, err := c.client.Bindings(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(bs).To(ContainElement(binding.Binding{URL: "syslog-tls://b.example.com:6514", Credentials: []binding.Credentials{
			{Cert: "CERT", Key: "KEY", CA: "CA", Apps: []binding.App{{Hostname: "o.s.app-3", AppID: "app-3"}}},
		}}))
		Expect(e.cc.Requests()).To(ContainElement(cfauthtest.DrainsRequest{BatchSize: 2, NextID: 4}))
		Eventually(c.metric("drain_bindings")).Should(Equal(5.0))
	})

	It("serves the aggregate drains of its config at /v2/aggregate", func() {
		c := e.start(func(cfg map[string]any) {
			cfg["aggregate_drains"] = []map[string]any{{"url": "syslog-tls://agg.example.com:6514", "ca": "AGG CA"}}
		})
		agg, err := c.client.Aggregate(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(agg).To(Equal([]binding.Binding{{URL: "syslog-tls://agg.example.com:6514", Credentials: []binding.Credentials{{CA: "AGG CA", Apps: []binding.App{}}}}}))
	})

	It("keeps serving the last good set while Cloud Controller is down, slow or answering garbage, and says so in its metrics and logs", func() {
		e.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://a.example.com:514", "app-1")})
		c := e.start(nil)
		Eventually(c.served).Should(Equal([]string{"syslog://a.example.com:514"}))
		// Broken first, so that no poll can read the new set before.
		e.cc.Fail(cfauthtest.Garbage)
		e.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://b.example.com:514", "app-1")})

		for _, f := range []struct {
			breakIt func()
			reason  string
		}{
			{func() { e.cc.Fail(cfauthtest.Garbage) }, "garbage"},
			{func() { e.cc.Fail(cfauthtest.Healthy); e.cc.SetDelay(2 * time.Second) }, "timeout"},
			{func() { e.cc.SetDelay(0); e.cc.Fail(cfauthtest.Truncated) }, "truncated"},
			{func() { e.cc.Fail(cfauthtest.Status500) }, "status"},
		} {
			f.breakIt()
			Eventually(c.metric(`cc_poll_failures{reason="` + f.reason + `"}`)).Should(BeNumerically(">=", 1))
			Expect(c.served(Default)).To(Equal([]string{"syslog://a.example.com:514"}))
			Eventually(c.session.Err).Should(gbytes.Say(`"poll of cloud controller failed; serving the last good set",.*"reason":"` + f.reason + `"`))
		}
		Eventually(c.metric("cc_last_successful_poll_age_seconds")).Should(BeNumerically(">", 0.5))

		e.cc.Close()
		Eventually(c.metric(`cc_poll_failures{reason="unavailable"}`)).Should(BeNumerically(">=", 1))
		Expect(c.served(Default)).To(Equal([]string{"syslog://a.example.com:514"}))
	})

	It("refuses drains of unknown schemes or into blacklisted ranges, counts them and logs one line per poll", func() {
		e.cc.SetBindings([]cfauthtest.DrainBinding{
			drain("syslog://192.0.2.1:514", "app-1"),
			drain("udp://user:pw@192.0.2.2:514", "app-2"),
			drain("syslog-tls://10.1.2.3:6514", "app-3"),
		})
		c := e.start(func(cfg map[string]any) {
			cfg["blacklisted_syslog_ranges"] = []map[string]any{{"start": "10.0.0.0", "end": "10.255.255.255"}}
		})
		Eventually(c.served).Should(Equal([]string{"syslog://192.0.2.1:514"}))
		Eventually(c.metric(`refused_drains{reason="blacklisted"}`)).Should(BeNumerically(">=", 1))
		Eventually(c.metric(`refused_drains{reason="scheme"}`)).Should(BeNumerically(">=", 1))
		Eventually(c.session.Err).Should(gbytes.Say(`"msg":"refused drains",.*"count":2,"by_reason":{"blacklisted":1,"scheme":1}`))
		Expect(string(c.session.Err.Contents())).NotTo(ContainSubstring("user:pw"))
	})

	It("stops on SIGTERM with exit status 0", func() {
		c := e.start(nil)
		c.session.Signal(syscall.SIGTERM)
		Eventually(c.session, 10*time.Second).Should(gexec.Exit(0))
		Expect(c.session.Err).To(gbytes.Say(`"msg":"stopped"`))
	})

	It("refuses a config with a bad field at --check-config, naming it", func() {
		cfg := e.config()
		cfg["blacklisted_syslog_ranges"] = []map[string]any{{"start": "10.0.0.9", "end": "nope"}}
		session, err := gexec.Start(exec.Command(cachePath, "--config", writeConfig(cfg), "--check-config"), GinkgoWriter, GinkgoWriter)
		Expect(err).NotTo(HaveOccurred())
		Eventually(session, 10*time.Second).Should(gexec.Exit(2))
		Expect(session.Err).To(gbytes.Say(`blacklisted_syslog_ranges\[0\].end`))
	})
})
