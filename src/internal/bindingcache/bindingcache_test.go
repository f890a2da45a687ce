package bindingcache_test

import (
	"context"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"

	"loggregator/internal/binding"
	"loggregator/internal/bindingcache"
	"loggregator/internal/certgen"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics/metricstest"
	"loggregator/internal/mtls"
)

var _ = leakcheck.EverySpec()

// world is one spec's Cloud Controller stand-in, certificates and a cache
// config that polls it every 100ms.
type world struct {
	cc    *cfauthtest.SyslogDrains
	files map[string]mtls.Files
	cfg   *bindingcache.Config
	logs  *gbytes.Buffer
}

func newWorld() *world {
	files, err := certgen.Identities(GinkgoT().TempDir(), "cc", "binding-cache", "syslog-agent")
	Expect(err).NotTo(HaveOccurred())
	cc, err := cfauthtest.NewSyslogDrains(files["cc"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(cc.Close)

	cfg := bindingcache.DefaultConfig()
	cfg.Server = mtls.ServerConfig{Addr: "127.0.0.1:0", TLS: files["binding-cache"]}
	cfg.CC.Addr = cc.URL()
	cfg.CC.ServerName = "cc"
	cfg.CC.TLS = files["binding-cache"]
	cfg.CC.PollingInterval = config.Duration(100 * time.Millisecond)
	cfg.CC.Timeout = config.Duration(300 * time.Millisecond)
	cfg.Metrics.Addr = ""
	Expect(cfg.Validate()).To(Succeed())
	return &world{cc: cc, files: files, cfg: cfg, logs: gbytes.NewBuffer()}
}

// start runs a cache until the spec ends, and a client of it.
func (w *world) start() (*bindingcache.Cache, *binding.Client) {
	c, err := bindingcache.New(w.cfg, slog.New(slog.NewJSONHandler(w.logs, nil)))
	Expect(err).NotTo(HaveOccurred())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	DeferCleanup(func() {
		cancel()
		Eventually(done).Should(Receive(BeNil()))
	})
	tlsCfg, err := mtls.Client(w.files["syslog-agent"], "binding-cache", nil)
	Expect(err).NotTo(HaveOccurred())
	client := binding.NewClient("https://"+c.Addr(), tlsCfg)
	DeferCleanup(client.Close)
	return c, client
}

func drain(url, appID string) cfauthtest.DrainBinding {
	return cfauthtest.DrainBinding{URL: url, AppID: appID, Hostname: "org.space." + appID}
}

// served returns the URLs the cache serves now, or fails the Gomega g.
func served(client *binding.Client) func(g Gomega) []string {
	return func(g Gomega) []string {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		bs, err := client.Bindings(ctx)
		g.Expect(err).NotTo(HaveOccurred())
		urls := make([]string, 0, len(bs))
		for _, b := range bs {
			urls = append(urls, b.URL)
		}
		return urls
	}
}

func metric(c *bindingcache.Cache, series string) func() float64 {
	return func() float64 { return metricstest.Value(bindingcache.MetricsPage(c), series) }
}

var _ = Describe("Cache", func() {
	var w *world

	BeforeEach(func() {
		w = newWorld()
	})

	It("reads every page of Cloud Controller and serves the bindings merged, with their credentials", func() {
		w.cfg.CC.BatchSize = 2
		w.cc.SetBindings([]cfauthtest.DrainBinding{
			drain("syslog://a.example.com:514", "app-1"),
			drain("syslog://a.example.com:514", "app-2"),
			{URL: "syslog-tls://b.example.com:6514", AppID: "app-1", Hostname: "h1", Cert: "CERT", Key: "KEY", CA: "CA"},
			drain("https://c.example.com/drain", "app-3"),
			drain("https-batch://d.example.com/drain", "app-3"),
			drain("syslog://e.example.com:514", "app-4"),
		})
		c, client := w.start()

		Eventually(served(client)).Should(Equal([]string{
			"https-batch://d.example.com/drain", "https://c.example.com/drain",
			"syslog-tls://b.example.com:6514", "syslog://a.example.com:514", "syslog://e.example.com:514",
		}))
		bs, err := client.Bindings(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(bs).To(ContainElement(binding.Binding{URL: "syslog-tls://b.example.com:6514", Credentials: []binding.Credentials{
			{Cert: "CERT", Key: "KEY", CA: "CA", Apps: []binding.App{{Hostname: "h1", AppID: "app-1"}}},
		}}))
		Expect(bs).To(ContainElement(binding.Binding{URL: "syslog://a.example.com:514", Credentials: []binding.Credentials{
			{Apps: []binding.App{{Hostname: "org.space.app-1", AppID: "app-1"}, {Hostname: "org.space.app-2", AppID: "app-2"}}},
		}}))

		reqs := w.cc.Requests()
		Expect(reqs[:4]).To(Equal([]cfauthtest.DrainsRequest{{BatchSize: 2, NextID: 0}, {BatchSize: 2, NextID: 2}, {BatchSize: 2, NextID: 4}, {BatchSize: 2, NextID: 6}}))
		// The set is served before it is counted and logged.
		Eventually(metric(c, "drains")).Should(Equal(5.0))
		Eventually(metric(c, "drain_bindings")).Should(Equal(6.0))
		Eventually(metric(c, `cc_polls{result="ok"}`)).Should(BeNumerically(">=", 1))
		Eventually(metric(c, "cc_last_successful_poll_timestamp_seconds")).Should(BeNumerically(">", 0))
		Eventually(w.logs).Should(gbytes.Say(`"msg":"bindings loaded","drains":5,"bindings":6`))
	})

	It("serves a new set at the next poll", func() {
		w.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://a.example.com:514", "app-1")})
		_, client := w.start()
		Eventually(served(client)).Should(Equal([]string{"syslog://a.example.com:514"}))
		w.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://b.example.com:514", "app-1")})
		Eventually(served(client)).Should(Equal([]string{"syslog://b.example.com:514"}))
	})

	It("serves the configured aggregate drains, without apps, from the start", func() {
		w.cfg.AggregateDrains = []bindingcache.AggregateDrain{
			{URL: "syslog-tls://agg.example.com:6514", CA: "AGG CA", Cert: "AGG CERT", Key: "AGG KEY"},
			{URL: "https://agg.example.com/logs"},
		}
		w.cc.Fail(cfauthtest.Status500)
		c, client := w.start()
		agg, err := client.Aggregate(context.Background())
		Expect(err).NotTo(HaveOccurred())
		Expect(agg).To(Equal([]binding.Binding{
			{URL: "syslog-tls://agg.example.com:6514", Credentials: []binding.Credentials{{CA: "AGG CA", Cert: "AGG CERT", Key: "AGG KEY", Apps: []binding.App{}}}},
			{URL: "https://agg.example.com/logs", Credentials: []binding.Credentials{{Apps: []binding.App{}}}},
		}))
		Expect(metric(c, "aggregate_drains")()).To(Equal(2.0))
	})

	It("answers 503 for the bindings until a poll has succeeded, and counts the failures", func() {
		w.cc.Fail(cfauthtest.Status500)
		c, client := w.start()
		Eventually(metric(c, `cc_poll_failures{reason="status"}`)).Should(BeNumerically(">=", 2))
		_, err := client.Bindings(context.Background())
		Expect(err).To(MatchError(ContainSubstring("status 503")))
		Eventually(w.logs).Should(gbytes.Say(`"msg":"poll of cloud controller failed; serving the last good set","reason":"status".*"last_success":"never"`))
		Eventually(metric(c, "cc_last_successful_poll_age_seconds")).Should(BeNumerically(">", 0))

		w.cc.Fail(cfauthtest.Healthy)
		Eventually(served(client)).Should(BeEmpty())
	})

	DescribeTable("keeps serving the last good set when Cloud Controller misbehaves, and says so",
		func(breakIt func(*cfauthtest.SyslogDrains), reason string) {
			w.cfg.CC.BatchSize = 1
			w.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://a.example.com:514", "app-1"), drain("syslog://b.example.com:514", "app-2")})
			c, client := w.start()
			Eventually(served(client)).Should(HaveLen(2))

			// Broken first, so that no poll can read the new set before.
			breakIt(w.cc)
			w.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://c.example.com:514", "app-3")})
			Eventually(metric(c, `cc_poll_failures{reason="`+reason+`"}`)).Should(BeNumerically(">=", 2))
			Expect(served(client)(Default)).To(Equal([]string{"syslog://a.example.com:514", "syslog://b.example.com:514"}))
			Expect(metric(c, `cc_polls{result="failed"}`)()).To(BeNumerically(">=", 2))
			Eventually(w.logs).Should(gbytes.Say(`"msg":"poll of cloud controller failed; serving the last good set","reason":"` + reason + `".*"drains_served":2`))
			Eventually(metric(c, "cc_last_successful_poll_age_seconds")).Should(BeNumerically(">", 0.2))

			w.cc.Fail(cfauthtest.Healthy)
			w.cc.SetDelay(0)
			Eventually(served(client)).Should(Equal([]string{"syslog://c.example.com:514"}))
			Eventually(w.logs).Should(gbytes.Say(`"msg":"poll of cloud controller recovered"`))
			Eventually(metric(c, "cc_last_successful_poll_age_seconds")).Should(BeNumerically("<", 1))
		},
		Entry("down (500)", func(cc *cfauthtest.SyslogDrains) { cc.Fail(cfauthtest.Status500) }, "status"),
		Entry("hanging", func(cc *cfauthtest.SyslogDrains) { cc.Fail(cfauthtest.Hang) }, "timeout"),
		Entry("slower than cc.timeout", func(cc *cfauthtest.SyslogDrains) { cc.SetDelay(time.Second) }, "timeout"),
		Entry("answering garbage", func(cc *cfauthtest.SyslogDrains) { cc.Fail(cfauthtest.Garbage) }, "garbage"),
		Entry("cutting a page off halfway", func(cc *cfauthtest.SyslogDrains) { cc.Fail(cfauthtest.Truncated) }, "truncated"),
		Entry("failing on the second page only", func(cc *cfauthtest.SyslogDrains) { cc.FailFromPage(1, cfauthtest.Status500) }, "status"),
	)

	DescribeTable("fails a poll on JSON that is not a v5 page, and never publishes it",
		func(body, reason string) {
			tlsCfg, err := mtls.Server(w.files["cc"], nil)
			Expect(err).NotTo(HaveOccurred())
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, _ *http.Request) {
				_, _ = io.WriteString(rw, body)
			}))
			srv.TLS = tlsCfg
			srv.Config.ErrorLog = log.New(io.Discard, "", 0)
			srv.StartTLS()
			DeferCleanup(srv.Close)
			w.cfg.CC.Addr = srv.URL
			c, client := w.start()
			Eventually(metric(c, `cc_poll_failures{reason="`+reason+`"}`)).Should(BeNumerically(">=", 1))
			_, err = client.Bindings(context.Background())
			Expect(err).To(MatchError(ContainSubstring("status 503")))
			Expect(metric(c, `cc_polls{result="ok"}`)()).To(BeZero())
		},
		Entry("an empty object", `{}`, "garbage"),
		Entry("results as an object, as the v4 API answers", `{"results": {}, "next_id": null}`, "garbage"),
		Entry("a next_id that does not advance", `{"results": [{"url": "syslog://a:514", "credentials": []}], "next_id": 0}`, "paging"),
	)

	It("fails a poll whose answers exceed max_response_bytes, keeping the last good set", func() {
		w.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://a.example.com:514", "app-1")})
		w.cfg.CC.MaxResponseBytes = 4096
		c, client := w.start()
		Eventually(served(client)).Should(HaveLen(1))

		var many []cfauthtest.DrainBinding
		for i := range 100 {
			many = append(many, drain("syslog://a.example.com:514", "app-"+string(rune('a'+i%26))+string(rune('a'+i/26))))
		}
		w.cc.SetBindings(many)
		Eventually(metric(c, `cc_poll_failures{reason="too_large"}`)).Should(BeNumerically(">=", 1))
		Expect(served(client)(Default)).To(HaveLen(1))
		Eventually(w.logs).Should(gbytes.Say(`exceed max_response_bytes \(4096\)`))
	})

	It("refuses drains of other schemes, hostless ones and those resolving into a blacklisted range, counts them and names them without credentials once per poll", func() {
		w.cfg.BlacklistedSyslogRanges = []bindingcache.IPRange{{Start: "10.0.0.0", End: "10.0.0.255"}, {Start: "127.0.0.0", End: "127.255.255.255"}}
		w.cc.SetBindings([]cfauthtest.DrainBinding{
			drain("syslog://192.0.2.10:514", "good"),
			drain("ftp://user:secret@192.0.2.11/logs", "app-1"),
			drain("syslog-tls://10.0.0.7:6514?token=s3cret", "app-2"),
			drain("syslog://localhost:514", "app-3"),
			drain("https:///no-host", "app-4"),
			drain("syslog://no-such-host.invalid:514", "app-5"),
		})
		c, client := w.start()
		Eventually(served(client)).Should(Equal([]string{"syslog://192.0.2.10:514"}))
		Eventually(metric(c, `refused_drains{reason="blacklisted"}`)).Should(BeNumerically(">=", 2))
		Eventually(metric(c, `refused_drains{reason="scheme"}`)).Should(BeNumerically(">=", 1))
		Eventually(metric(c, `refused_drains{reason="no_host"}`)).Should(BeNumerically(">=", 1))
		Eventually(metric(c, `refused_drains{reason="unresolvable"}`)).Should(BeNumerically(">=", 1))
		Eventually(metric(c, "refused_drains_last_poll")).Should(Equal(5.0))
		Eventually(w.logs).Should(gbytes.Say(`"msg":"refused drains","count":5,"by_reason":{"blacklisted":2,"no_host":1,"scheme":1,"unresolvable":1}`))
		Expect(string(w.logs.Contents())).NotTo(ContainSubstring("secret"))
		Expect(string(w.logs.Contents())).NotTo(ContainSubstring("s3cret"))
	})

	It("refuses only by scheme when no range is blacklisted, so it never waits on DNS", func() {
		w.cfg.WarnOnInvalidDrains = false
		w.cc.SetBindings([]cfauthtest.DrainBinding{
			drain("syslog://no-such-host.invalid:514", "app-1"),
			drain("udp://192.0.2.1:514", "app-2"),
		})
		c, client := w.start()
		Eventually(served(client)).Should(Equal([]string{"syslog://no-such-host.invalid:514"}))
		Eventually(metric(c, `refused_drains{reason="scheme"}`)).Should(BeNumerically(">=", 1))
		Consistently(func() string { return string(w.logs.Contents()) }, 500*time.Millisecond).ShouldNot(ContainSubstring("refused drains"))
	})

	It("serves only agents with a certificate of its CA", func() {
		w.cc.SetBindings([]cfauthtest.DrainBinding{drain("syslog://a.example.com:514", "app-1")})
		c, _ := w.start()
		other, err := certgen.Identities(GinkgoT().TempDir(), "syslog-agent")
		Expect(err).NotTo(HaveOccurred())
		tlsCfg, err := mtls.Client(mtls.Files{CA: w.files["syslog-agent"].CA, Cert: other["syslog-agent"].Cert, Key: other["syslog-agent"].Key}, "binding-cache", nil)
		Expect(err).NotTo(HaveOccurred())
		stranger := binding.NewClient("https://"+c.Addr(), tlsCfg)
		defer stranger.Close()
		_, err = stranger.Bindings(context.Background())
		Expect(err).To(HaveOccurred())
	})
})
