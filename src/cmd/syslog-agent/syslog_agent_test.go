package main_test

import (
	"context"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/binding"
	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/syslog/syslogtest"
	"loggregator/internal/syslogagent"
)

// badDrain is a TCP drain that misbehaves: slow reads a few bytes at a
// time, blackHole accepts and never reads, flapping closes every
// connection shortly after accepting it.
type badDrain struct {
	ln    net.Listener
	mode  string
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns []net.Conn
	stop  chan struct{}
}

func startBadDrain(mode string) *badDrain {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	d := &badDrain{ln: ln, mode: mode, stop: make(chan struct{})}
	d.wg.Add(1)
	go d.accept()
	DeferCleanup(d.close)
	return d
}

func (d *badDrain) accept() {
	defer d.wg.Done()
	for {
		c, err := d.ln.Accept()
		if err != nil {
			return
		}
		d.mu.Lock()
		d.conns = append(d.conns, c)
		d.mu.Unlock()
		switch d.mode {
		case "slow":
			d.wg.Add(1)
			go func() {
				defer d.wg.Done()
				tick := time.NewTicker(10 * time.Millisecond)
				defer tick.Stop()
				buf := make([]byte, 64)
				for {
					select {
					case <-d.stop:
						return
					case <-tick.C:
					}
					if _, err := c.Read(buf); err != nil {
						return
					}
				}
			}()
		case "flapping":
			d.wg.Add(1)
			go func() {
				defer d.wg.Done()
				t := time.NewTimer(30 * time.Millisecond)
				defer t.Stop()
				select {
				case <-d.stop:
				case <-t.C:
				}
				_ = c.Close()
			}()
		}
	}
}

func (d *badDrain) close() {
	close(d.stop)
	_ = d.ln.Close()
	d.mu.Lock()
	for _, c := range d.conns {
		_ = c.Close()
	}
	d.mu.Unlock()
	d.wg.Wait()
}

func (d *badDrain) url() string { return "syslog://" + d.ln.Addr().String() }

func deadURL() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	addr := ln.Addr().String()
	Expect(ln.Close()).To(Succeed())
	return "syslog://user:secret@" + addr + "/?token=secret"
}

// padding makes messages large enough that a drain which never reads
// fills its socket buffers, and the agent's, within one spec.
var padding = strings.Repeat("x", 2000)

func numbered(sourceID, prefix string, n int) []*loggregator_v2.Envelope {
	out := make([]*loggregator_v2.Envelope, n)
	for i := range out {
		out[i] = appLog(sourceID, fmt.Sprintf("%s-%d %s", prefix, i, padding))
	}
	return out
}

func texts(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%d %s\n", prefix, i, padding)
	}
	return out
}

var _ = Describe("syslog-agent", func() {
	It("delivers an app's logs to its bound rsyslog and HTTPS drains, as RFC 5424 with the binding's hostname", func() {
		rs := startRsyslog()
		web := startHTTPSDrain()
		cache := startBindingCache()
		cache.set([]binding.Binding{
			bind("syslog-tls://"+rs.Addr, "app-1", "org.space.app-1"),
			bind("https://"+web.addr()+"/drain", "app-1", "org.space.app-1"),
			bind("syslog-tls://"+rs.Addr, "app-2", "org.space.app-2"),
		}, nil)
		a := startAgent(cache.url(), nil)
		Eventually(func() float64 { return a.metric("syslog_drains") }).Should(Equal(2.0))

		c := a.client()
		send(c, appLog("app-1", "hello"), appLog("app-2", "other app"), appLog("app-3", "unbound"))
		Eventually(func() int { ms, _ := rs.Messages(); return len(ms) }).Should(Equal(2))
		ms, err := rs.Messages()
		Expect(err).NotTo(HaveOccurred())
		byApp := map[string]string{}
		for _, m := range ms {
			Expect([]string{m.Pri, m.ProcID, m.MsgID}).To(Equal([]string{"14", "[APP/PROC/WEB/0]", "-"}))
			Expect(m.SD).To(Equal(`[tags@47450 app_name="app" organization_name="org" source_type="APP/PROC/WEB" space_name="space"]`))
			byApp[m.AppName] = m.Hostname + " " + m.Msg
		}
		Expect(byApp).To(Equal(map[string]string{"app-1": "org.space.app-1 hello\n", "app-2": "org.space.app-2 other app\n"}))
		Eventually(web.received).Should(HaveLen(1))
		Expect(web.received()[0]).To(MatchRegexp(`^<14>1 \S+ org\.space\.app-1 app-1 \[APP/PROC/WEB/0\] - \[tags@47450 [^\]]*\] hello\n$`))
		Expect(a.metric("syslog_agent_unbound")).To(Equal(1.0))
	})

	It("keeps the last good bindings when the binding cache goes away", func() {
		rs := startRsyslog()
		cache := startBindingCache()
		cache.set([]binding.Binding{bind("syslog-tls://"+rs.Addr, "app-1", "h")}, nil)
		a := startAgent(cache.url(), nil)
		Eventually(func() float64 { return a.metric("syslog_drains") }).Should(Equal(1.0))
		cache.stop()
		Eventually(func() float64 { return a.metric("syslog_binding_refresh_failures") }).Should(BeNumerically(">", 0))
		send(a.client(), appLog("app-1", "still here"))
		Eventually(rsyslogTexts(rs)).Should(Equal([]string{"still here\n"}))
	})

	It("sends every app's logs to the configured aggregate drains, named by the org, space and app tags", func() {
		rs := startRsyslog()
		a := startAgent("", func(c *syslogagent.Config) {
			c.AggregateDrains = []syslogagent.AggregateDrain{{URL: "syslog-tls://" + rs.Addr + "?drain-type=all"}}
		})
		counter := &loggregator_v2.Envelope{SourceId: "cell", Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "c", Total: 3}}}
		send(a.client(), appLog("any-app", "aggregated"), counter)
		Eventually(func() int { ms, _ := rs.Messages(); return len(ms) }).Should(Equal(2))
		ms, err := rs.Messages()
		Expect(err).NotTo(HaveOccurred())
		Expect([]string{ms[0].Hostname, ms[0].AppName, ms[0].Msg}).To(Equal([]string{"org.space.app", "any-app", "aggregated\n"}))
		Expect([]string{ms[1].Hostname, ms[1].AppName, ms[1].SD}).To(Equal([]string{"-", "cell", `[counter@47450 name="c" total="3" delta="0"]`}))
	})

	It("counts invalid drain URLs and drains over the per-app limit, and runs the rest", func() {
		rs := startRsyslog()
		cache := startBindingCache()
		cache.set([]binding.Binding{
			bind("http://user:secret@example.com", "app-1", "h"),
			bind("syslog://h:1?drain-type=bogus", "app-1", "h"),
			bind("syslog-tls://"+rs.Addr, "app-1", "h"),
			bind("syslog-tls://"+rs.Addr+"/second", "app-1", "h"),
		}, nil)
		a := startAgent(cache.url(), func(c *syslogagent.Config) { c.BindingCache.MaxDrainsPerApp = 1 })
		Eventually(func() float64 { return a.metric("syslog_invalid_drains") }).Should(Equal(2.0))
		Expect(a.metric("syslog_drains_over_app_limit")).To(Equal(1.0))
		Expect(a.metric("syslog_drains")).To(Equal(2.0))
		send(a.client(), appLog("app-1", "one drain"))
		Eventually(rsyslogTexts(rs)).Should(Equal([]string{"one drain\n"}))
		text, err := a.metricsText()
		Expect(err).NotTo(HaveOccurred())
		Expect(text).NotTo(ContainSubstring("secret"))
	})

	It("writes to a mutual TLS drain with the binding's client certificate and CA", func() {
		ca, err := certgen.NewCA("appDrainCA")
		Expect(err).NotTo(HaveOccurred())
		drainFiles, err := ca.WriteFiles(GinkgoT().TempDir(), "127.0.0.1")
		Expect(err).NotTo(HaveOccurred())
		client, err := ca.Leaf("app-1-binding", certgen.LeafOptions{})
		Expect(err).NotTo(HaveOccurred())
		rs, err := syslogtest.Start(GinkgoT().TempDir(), syslogtest.MutualTLS, drainFiles["127.0.0.1"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(rs.Stop)

		cache := startBindingCache()
		cache.set([]binding.Binding{{URL: "syslog-tls://" + rs.Addr, Credentials: []binding.Credentials{{
			Cert: string(client.CertPEM), Key: string(client.KeyPEM), CA: string(ca.CertPEM),
			Apps: []binding.App{{AppID: "app-1", Hostname: "org.space.app-1"}},
		}}}}, nil)
		a := startAgent(cache.url(), nil)
		Eventually(func() float64 { return a.metric("syslog_drains") }).Should(Equal(1.0))
		send(a.client(), appLog("app-1", "over mtls"))
		Eventually(rsyslogTexts(rs)).Should(Equal([]string{"over mtls\n"}))
	})

	It("refuses a drain whose host is in blacklisted_syslog_ranges", func() {
		rs := startRsyslog()
		cache := startBindingCache()
		cache.set([]binding.Binding{bind("syslog-tls://"+rs.Addr, "app-1", "h")}, nil)
		a := startAgent(cache.url(), func(c *syslogagent.Config) {
			c.BlacklistedRanges = []syslogagent.IPRange{{Start: "127.0.0.0", End: "127.255.255.255"}}
		})
		Eventually(func() float64 { return a.metric("syslog_invalid_drains") }).Should(Equal(1.0))
		Expect(a.metric("syslog_drains")).To(Equal(0.0))
	})

	It("tells the app owner in their drain that messages were lost, at most once per interval", func() {
		web := startHTTPSDrain()
		web.setFail(true)
		cache := startBindingCache()
		cache.set([]binding.Binding{bind("https://"+web.addr(), "app-1", "org.space.app-1")}, nil)
		a := startAgent(cache.url(), func(c *syslogagent.Config) {
			c.Drains.MaxAttempts = 1
			c.Drains.DropNoticeInterval.UnmarshalJSON([]byte(`"300ms"`))
		})
		Eventually(func() float64 { return a.metric("syslog_drains") }).Should(Equal(1.0))
		send(a.client(), numbered("app-1", "lost", 5)...)
		series := fmt.Sprintf(`syslog_drain_dropped{drain="https://%s",reason="drain_failed"}`, web.addr())
		Eventually(func() float64 { return a.metric(series) }).Should(Equal(5.0))
		web.setFail(false)
		send(a.client(), appLog("app-1", "back"))

		// Each notice counts what was lost since the one before, so the
		// notices that arrive add up to the 5 lost, and then stop.
		notice := regexp.MustCompile(`^<11>1 \S+ org\.space\.app-1 app-1 \[LGR\] - \[tags@47450 source_type="LGR"\] Syslog drain https://` +
			regexp.QuoteMeta(web.addr()) + ` lost (\d+) messages in the last 300ms: the drain failed: post to drain https://` +
			regexp.QuoteMeta(web.addr()) + `: drain answered 503\n$`)
		told := func() int {
			sum := 0
			for _, body := range web.received() {
				if strings.HasSuffix(body, "] back\n") {
					continue
				}
				m := notice.FindStringSubmatch(body)
				Expect(m).NotTo(BeNil(), body)
				n, err := strconv.Atoi(m[1])
				Expect(err).NotTo(HaveOccurred())
				sum += n
			}
			return sum
		}
		Eventually(told).Should(Equal(5))
		Consistently(web.received, "1s").Should(HaveLen(len(web.received())))
	})

	It("delivers everything to a healthy drain beside dead, slow, black-holing and flapping ones", func() {
		rs := startRsyslog()
		slow, hole, flap := startBadDrain("slow"), startBadDrain("blackhole"), startBadDrain("flapping")
		cache := startBindingCache()
		dead := deadURL()
		deadAddr := "syslog://" + strings.Split(strings.TrimPrefix(dead, "syslog://user:secret@"), "?")[0]
		cache.set([]binding.Binding{
			bind(dead, "app-1", "h"),
			bind(slow.url(), "app-1", "h"),
			bind(hole.url(), "app-1", "h"),
			bind(flap.url(), "app-1", "h"),
			bind("syslog-tls://"+rs.Addr, "app-1", "h"),
		}, nil)
		a := startAgent(cache.url(), func(c *syslogagent.Config) { c.Drains.BufferSize = 2000 })
		Eventually(func() float64 { return a.metric("syslog_drains") }).Should(Equal(5.0))
		c := a.client()
		const batches, per = 20, 250
		for i := range batches {
			send(c, numbered("app-1", fmt.Sprintf("b%d", i), per)...)
		}
		var want []string
		for i := range batches {
			want = append(want, texts(fmt.Sprintf("b%d", i), per)...)
		}
		Eventually(rsyslogTexts(rs), "60s").Should(HaveLen(batches * per))
		Expect(rsyslogTexts(rs)()).To(Equal(want))
		Expect(a.metric(`syslog_drain_errors{drain="` + deadAddr + `"}`)).To(BeNumerically(">", 0))
		// The black hole held the writer until the write timeout, more than
		// once: each new connection it accepts has fresh socket buffers.
		Eventually(func() float64 {
			return a.metric(fmt.Sprintf(`syslog_drain_errors{drain="%s"}`, hole.url())) +
				a.metric(fmt.Sprintf(`syslog_drain_dropped{drain="%s",reason="buffer_full"}`, hole.url()))
		}).Should(BeNumerically(">", 0))
		Expect(a.metric(`syslog_drain_dropped{drain="syslog-tls://` + rs.Addr + `",reason="buffer_full"}`)).To(Equal(0.0))
		text, err := a.metricsText()
		Expect(err).NotTo(HaveOccurred())
		Expect(text).NotTo(ContainSubstring("secret"))
	})
})

// A thousand drains is measured by scripts/bench --drain (drain-memory-1k);
// under the race detector this machine carries too few envelopes a second
// to fill a thousand drains' shares faster than their stalled batchers
// swap a batch out (batch.StallTimeout), so the spec runs a hundred.
var _ = Describe("syslog-agent with a hundred failing drains", func() {
	It("holds no more than its buffer budget while every drain's buffer is full, and still delivers to a healthy drain", func() {
		rs := startRsyslog()
		cache := startBindingCache()
		// Drains that refuse connections fill their buffers without any of
		// it hiding in socket buffers, as black holes' would.
		dead := strings.Split(strings.Split(deadURL(), "@")[1], "/")[0] // host:port
		const drains = 100
		var bs []binding.Binding
		for i := range drains {
			bs = append(bs, bind(fmt.Sprintf("syslog://%s/dead-%d", dead, i), fmt.Sprintf("app-%d", i), "h"))
		}
		cache.set(append(bs, bind("syslog-tls://"+rs.Addr, "healthy", "h")), nil)
		a := startAgent(cache.url(), func(c *syslogagent.Config) {
			// A budget of 32 MiB; what it leaves after the 101 drains'
			// fixed memory (slots, writer and TLS buffers) is about 170
			// KiB, 80 messages, a drain.
			c.MemoryLimitMiB = 64
			// A writer that is stalled swaps its batch for the oldest
			// envelopes once a second: one at a time, the buffers fill
			// within the spec.
			c.Drains.BatchSize = 1
			c.Drains.MinBackoff = config.Duration(time.Minute)
			c.Drains.MaxBackoff = config.Duration(time.Minute)
		})
		Eventually(func() float64 { return a.metric("syslog_drains") }, "30s").Should(Equal(drains + 1.0))
		budget := a.metric("buffer_budget_bytes")
		Expect(budget).To(Equal(float64(32 << 20)))

		c := a.client()
		const rounds, perDrain, healthyPer = 40, 10, 5
		pad := strings.Repeat("y", 2000)
		var peak float64
		var want []string
		for r := range rounds {
			{ // 1,000 such envelopes are about 2 MB, half gRPC's limit
				var envs []*loggregator_v2.Envelope
				for i := range drains * perDrain {
					envs = append(envs, appLog(fmt.Sprintf("app-%d", i%drains), fmt.Sprintf("r%d %s", r, pad)))
				}
				// A thousand drains' goroutines under the race detector can
				// make one batch take longer than send's 5 s on a busy machine.
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				_, err := c.Send(ctx, &loggregator_v2.EnvelopeBatch{Batch: envs})
				cancel()
				Expect(err).NotTo(HaveOccurred())
			}
			var envs []*loggregator_v2.Envelope
			for i := range healthyPer {
				text := fmt.Sprintf("healthy-%d-%d", r, i)
				envs = append(envs, appLog("healthy", text))
				want = append(want, text+"\n")
			}
			send(c, envs...)
			if r%5 == 0 {
				peak = max(peak, a.metric("buffer_bytes"))
			}
		}
		Eventually(func() float64 { return a.metric(`dropped{direction="egress",reason="budget"}`) }, "60s").Should(BeNumerically(">", 0))
		Consistently(func() float64 {
			peak = max(peak, a.metric("buffer_bytes"))
			return peak
		}, "2s", "50ms").Should(BeNumerically("<=", budget))
		Expect(peak).To(BeNumerically(">", budget/4), "the failing drains filled their shares")

		Eventually(rsyslogTexts(rs), "60s").Should(Equal(want))
		Expect(a.metric(`syslog_drain_dropped{drain="syslog-tls://` + rs.Addr + `",reason="budget"}`)).To(Equal(0.0))
	})
})
