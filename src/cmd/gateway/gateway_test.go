package main_test

import (
	"context"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/envelopetest"
)

const admin = "bearer admin-token"

var _ = Describe("Streaming", func() {
	var (
		e *env
		g *gateway
	)
	BeforeEach(func() {
		e = newEnv()
		g = e.start(nil)
	})

	It("relays batches from the reverse log proxy as server-sent events of protobuf JSON", func() {
		resp := g.get("log&source_id=app-1", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusOK))
		Expect(resp.Header.Get("Content-Type")).To(Equal("text/event-stream"))
		Eventually(e.rlp.Requests).ShouldNot(BeEmpty())

		sent := &loggregator_v2.EnvelopeBatch{Batch: []*loggregator_v2.Envelope{logEnvelope("app-1", "one"), logEnvelope("app-1", "two")}}
		e.rlp.Send(sent.Batch...)

		ev := newSSE(resp).next()
		Expect(ev.name).To(BeEmpty())
		var got loggregator_v2.EnvelopeBatch
		Expect(protojson.Unmarshal([]byte(ev.data), &got)).To(Succeed())
		Expect(proto.Equal(&got, sent)).To(BeTrue(), ev.data)
	})

	It("asks the reverse log proxy for one selector per source id and type, with shard id, deterministic name and preferred tags", func() {
		resp := g.get("source_id=a&source_id=b&log&counter.name=cpu&gauge.name=mem,disk&timer&event&shard_id=group&deterministic_name=dn", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusOK))

		req := e.request()
		Expect(req.GetShardId()).To(Equal("group"))
		Expect(req.GetDeterministicName()).To(Equal("dn"))
		Expect(req.GetUsePreferredTags()).To(BeTrue())
		var got []string
		for _, s := range req.GetSelectors() {
			got = append(got, s.GetSourceId()+" "+selectorKind(s))
		}
		Expect(got).To(ConsistOf(
			"a log", "a counter:cpu", "a gauge:mem,disk", "a timer", "a event",
			"b log", "b counter:cpu", "b gauge:mem,disk", "b timer", "b event",
		))
	})

	It("asks for every source when no source id is named", func() {
		g.get("counter&gauge", admin)
		req := e.request()
		Expect(req.GetSelectors()).To(HaveLen(2))
		for _, s := range req.GetSelectors() {
			Expect(s.GetSourceId()).To(BeEmpty())
		}
	})

	It("answers 400 with a message when the query names no envelope type", func() {
		resp := g.get("source_id=app-1", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusBadRequest))
		Expect(body(resp)).To(ContainSubstring("at least one envelope type"))
		Consistently(e.rlp.Requests, 100*time.Millisecond).Should(BeEmpty())
	})

	It("answers 400 when counter.name has no value", func() {
		resp := g.get("counter.name=", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusBadRequest))
		Expect(body(resp)).To(ContainSubstring("counter.name needs a value"))
	})

	It("answers 405 to anything but GET", func() {
		resp, err := g.client.Post("https://"+g.addr+"/v2/read?log", "text/plain", nil)
		Expect(err).NotTo(HaveOccurred())
		defer resp.Body.Close()
		Expect(resp.StatusCode).To(Equal(http.StatusMethodNotAllowed))
	})

	It("releases the upstream stream when the client goes away", func() {
		ctx, cancel := context.WithCancel(context.Background())
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+g.addr+"/v2/read?log", nil)
		Expect(err).NotTo(HaveOccurred())
		req.Header.Set("Authorization", admin)
		resp, err := g.client.Do(req)
		Expect(err).NotTo(HaveOccurred())
		defer resp.Body.Close()
		Eventually(e.rlp.Subscriptions).Should(Equal(1))
		Eventually(g.metrics).Should(ContainSubstring("\nstreams 1\n"))

		cancel()
		Eventually(e.rlp.Subscriptions).Should(Equal(0))
		Eventually(g.metrics).Should(ContainSubstring("\nstreams 0\n"))
		Expect(g.metrics()).To(ContainSubstring(`stream_errors{reason="closed"} 1`))
		Expect(g.metrics()).NotTo(ContainSubstring(`reason="slow_consumer"`))
	})

	It("answers 400 naming the parameter to a query that does not decode, an oversized value or too many selectors", func() {
		small := e.start(func(cfg map[string]any) { cfg["max_selectors"] = 3 })
		for query, message := range map[string]string{
			"log&source_id=%zz": `query: invalid URL escape`,
			"log&%%%%":          `query: invalid URL escape`,
			"gauge.name=,,,":    `gauge.name: \",,,\" has an empty name`,
			"log&source_id=" + strings.Repeat("a", 60000): "source_id: a value is 60000 bytes long",
			"log&timer&source_id=a&source_id=b":           "2 source ids × 2 envelope types make 4 selectors; at most 3",
		} {
			resp := small.get(query, admin)
			Expect(resp.StatusCode).To(Equal(http.StatusBadRequest), query)
			Expect(body(resp)).To(ContainSubstring(message), query)
		}
		Consistently(e.rlp.Requests, 100*time.Millisecond).Should(BeEmpty())
	})

	It("works unchanged with go-loggregator's RLPGatewayClient: it receives exactly the envelopes sent", func() {
		doer := doerFunc(func(r *http.Request) (*http.Response, error) {
			r.Header.Set("Authorization", admin)
			return g.client.Do(r)
		})
		client := loggregator.NewRLPGatewayClient("https://"+g.addr, loggregator.WithRLPGatewayHTTPClient(doer))
		ctx, cancel := context.WithCancel(context.Background())
		next := client.Stream(ctx, &loggregator_v2.EgressBatchRequest{Selectors: []*loggregator_v2.Selector{
			{SourceId: "app-1", Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}},
		}})
		received := make(chan *loggregator_v2.Envelope, 100)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				batch := next()
				if batch == nil {
					return
				}
				for _, env := range batch {
					received <- env
				}
			}
		}()
		DeferCleanup(func() { cancel(); wg.Wait() })

		req := e.request()
		Expect(req.GetSelectors()).To(HaveLen(1))
		Expect(req.GetSelectors()[0].GetSourceId()).To(Equal("app-1"))

		var want []string
		for b := range 3 {
			batch := &loggregator_v2.EnvelopeBatch{}
			for i := range 4 {
				payload := string(rune('a'+b)) + string(rune('0'+i))
				batch.Batch = append(batch.Batch, logEnvelope("app-1", payload))
				want = append(want, payload)
			}
			e.rlp.Send(batch.Batch...)
		}
		var got []string
		Eventually(func() []string {
			for {
				select {
				case env := <-received:
					Expect(env.GetSourceId()).To(Equal("app-1"))
					Expect(env.GetTags()).To(HaveKeyWithValue("deployment", "cf"))
					got = append(got, string(env.GetLog().GetPayload()))
				default:
					return got
				}
			}
		}).Should(ConsistOf(want))
		Consistently(received, 200*time.Millisecond).ShouldNot(Receive())
	})

	It("streams to curl -N", func() {
		curl, err := exec.LookPath("curl")
		if err != nil {
			Skip("curl is not installed")
		}
		cmd := exec.Command(curl, "-N", "-s", "--cacert", e.certs.files["gateway"].CA,
			"-H", "Authorization: "+admin, "https://"+g.addr+"/v2/read?log&source_id=app-1")
		session, err := gexec.Start(cmd, GinkgoWriter, GinkgoWriter)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(func() { session.Kill().Wait() })
		Eventually(e.rlp.Requests).ShouldNot(BeEmpty())

		e.rlp.Send(logEnvelope("app-1", "hello curl"))
		Eventually(session.Out).Should(gbytes.Say(`data: \{"batch":\s*\[.*"source_id":\s*"app-1"`))
	})
})

var _ = Describe("Stream lifetime", func() {
	It("sends event: heartbeat while the stream is idle", func() {
		e := newEnv()
		g := e.start(func(cfg map[string]any) { cfg["heartbeat_interval"] = "50ms" })
		resp := g.get("log", admin)
		events := newSSE(resp)
		ev := events.next()
		Expect(ev.name).To(Equal("heartbeat"))
		Expect(ev.data).To(MatchRegexp(`^\d+$`))
		Expect(events.next().name).To(Equal("heartbeat"))
	})

	It("ends the stream with event: closing after the maximum stream duration", func() {
		e := newEnv()
		g := e.start(func(cfg map[string]any) { cfg["max_stream_duration"] = "200ms" })
		resp := g.get("log", admin)
		events := newSSE(resp)
		Expect(events.next().name).To(Equal("closing"))
		_, err := events.r.ReadByte()
		Expect(err).To(HaveOccurred())
		Eventually(e.rlp.Subscriptions).Should(Equal(0))
	})

	It("ends open streams with event: closing when stopped, and exits cleanly", func() {
		e := newEnv()
		g := e.start(nil)
		resp := g.get("log", admin)
		Eventually(e.rlp.Subscriptions).Should(Equal(1))
		g.session.Terminate()
		Expect(newSSE(resp).next().name).To(Equal("closing"))
		Eventually(g.session, 10*time.Second).Should(gexec.Exit(0))
	})

	It("refuses streams beyond max_streams with 503 and counts them", func() {
		e := newEnv()
		g := e.start(func(cfg map[string]any) { cfg["max_streams"] = 1 })
		first := g.get("log", admin)
		Expect(first.StatusCode).To(Equal(http.StatusOK))

		second := g.get("log", admin)
		Expect(second.StatusCode).To(Equal(http.StatusServiceUnavailable))
		Expect(body(second)).To(ContainSubstring("maximum number of streams"))
		Eventually(g.metrics).Should(ContainSubstring("\nrejected_streams 1\n"))
	})

	It("answers 502 when the reverse log proxy cannot be reached", func() {
		e := newEnv()
		g := e.start(func(cfg map[string]any) {
			cfg["logs_provider"].(map[string]any)["addr"] = "127.0.0.1:1"
		})
		resp := g.get("log", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusBadGateway))
	})

	It("serves again within a second of the reverse log proxy coming back from an outage", func() {
		e := newEnv()
		g := e.start(nil)
		Expect(g.get("log", admin).StatusCode).To(Equal(http.StatusOK))
		addr := e.rlp.Addr()
		e.rlp.Stop()
		Eventually(func() int { return g.get("log", admin).StatusCode }).Should(Equal(http.StatusBadGateway))

		// Down for 3 s: gRPC's own backoff would try it again about 5 s
		// after the first failed attempt, 2 s after it is back.
		time.Sleep(3 * time.Second)
		rlp, err := envelopetest.NewEgressSource(addr, e.certs.mtls("reverselogproxy"))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(rlp.Stop)
		Eventually(func() int { return g.get("log", admin).StatusCode }, time.Second, 50*time.Millisecond).
			Should(Equal(http.StatusOK))
	})
})

var _ = Describe("Authorization", func() {
	var (
		e *env
		g *gateway
	)
	BeforeEach(func() {
		e = newEnv()
		g = e.start(nil)
	})

	DescribeTable("decides as Cloud Foundry's gateway does",
		func(auth, query string, code int) {
			resp := g.get(query, auth)
			Expect(resp.StatusCode).To(Equal(code))
			if code == http.StatusOK {
				Eventually(e.rlp.Requests).ShouldNot(BeEmpty())
			} else {
				Consistently(e.rlp.Requests, 50*time.Millisecond).Should(BeEmpty())
			}
		},
		Entry("no token: 404", "", "log&source_id="+appGUID, http.StatusNotFound),
		Entry("a token UAA cannot decode: 404", "bearer garbage", "log&source_id="+appGUID, http.StatusNotFound),
		Entry("an expired token: 404", "bearer expired-token", "log", http.StatusNotFound),
		Entry("a token whose claims have expired: 404", "bearer stale-claims-token", "log", http.StatusNotFound),
		Entry("doppler.firehose reads the whole firehose", admin, "log", http.StatusOK),
		Entry("logs.admin reads any source id", "bearer logs-admin-token", "log&source_id=anything", http.StatusOK),
		Entry("an under-scoped token without a source id: 404", "bearer user-token", "log", http.StatusNotFound),
		Entry("an under-scoped token reads an app Cloud Controller grants it", "bearer user-token", "log&source_id="+appGUID, http.StatusOK),
		Entry("the token prefix is optional", "user-token", "log&source_id="+appGUID, http.StatusOK),
		Entry("an under-scoped token reads a service instance it can see", "bearer user-token", "log&source_id="+serviceGUID, http.StatusOK),
		Entry("an under-scoped token cannot read another app: 404", "bearer user-token", "log&source_id="+otherGUID, http.StatusNotFound),
		Entry("every source id must be granted: 404", "bearer user-token", "log&source_id="+appGUID+"&source_id="+otherGUID, http.StatusNotFound),
		Entry("another user's token: 404", "bearer other-user-token", "log&source_id="+appGUID, http.StatusNotFound),
		Entry("a source id that is not a guid: 404", "bearer user-token", "log&source_id=not-a-guid", http.StatusNotFound),
	)

	It("answers 503, not a hang, when UAA is slow", func() {
		e.uaa.Fail(cfauthtest.Hang)
		resp := g.get("log", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusServiceUnavailable))
		Expect(body(resp)).To(ContainSubstring("UAA"))
		Eventually(g.metrics).Should(ContainSubstring(`auth_errors{service="uaa"} 1`))
	})

	It("answers 503 when UAA fails", func() {
		e.uaa.Fail(cfauthtest.Status500)
		resp := g.get("log", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusServiceUnavailable))
	})

	It("answers 503, not a hang, when Cloud Controller is slow", func() {
		e.cc.Fail(cfauthtest.Hang)
		resp := g.get("log&source_id="+appGUID, "bearer user-token")
		Expect(resp.StatusCode).To(Equal(http.StatusServiceUnavailable))
		Expect(body(resp)).To(ContainSubstring("Cloud Controller"))
		Eventually(g.metrics).Should(ContainSubstring(`auth_errors{service="cc"} 1`))
	})

	It("answers 503 when Cloud Controller fails", func() {
		e.cc.Fail(cfauthtest.Status500)
		resp := g.get("log&source_id="+appGUID, "bearer user-token")
		Expect(resp.StatusCode).To(Equal(http.StatusServiceUnavailable))
	})

	It("caches allow decisions, so a burst asks UAA and Cloud Controller once", func() {
		for range 3 {
			resp := g.get("log&source_id="+appGUID, "bearer user-token")
			Expect(resp.StatusCode).To(Equal(http.StatusOK))
			resp.Body.Close()
		}
		Expect(e.uaa.Calls()).To(Equal(1))
		Expect(e.cc.Calls()).To(Equal(1))
		Eventually(g.metrics).Should(ContainSubstring("\nauth_cache_hits 4\n"))
		Expect(g.metrics()).To(ContainSubstring("\nauth_cache_misses 2\n"))
	})

	It("caches deny decisions too", func() {
		for range 2 {
			resp := g.get("log&source_id="+otherGUID, "bearer user-token")
			Expect(resp.StatusCode).To(Equal(http.StatusNotFound))
		}
		Expect(e.uaa.Calls()).To(Equal(1))
		Expect(e.cc.Calls()).To(Equal(2)) // log_access, then service_instances, once
		Eventually(g.metrics).Should(ContainSubstring("\nauth_cache_hits 2\n"))
	})

	It("does not cache failures", func() {
		e.uaa.Fail(cfauthtest.Status500)
		for range 2 {
			resp := g.get("log", admin)
			Expect(resp.StatusCode).To(Equal(http.StatusServiceUnavailable))
		}
		Expect(e.uaa.Calls()).To(Equal(2))
	})

	It("counts requests by status and reports auth latency", func() {
		g.get("log", "")
		g.get("log", admin)
		Eventually(g.metrics).Should(ContainSubstring(`requests{code="404"} 1`))
		Expect(g.metrics()).To(MatchRegexp(`uaa_latency_seconds_count 1\n`))
	})
})

var _ = Describe("Authorization switched off", func() {
	It("lets every request read, and says so loudly at start", func() {
		e := newEnv()
		g := e.start(func(cfg map[string]any) {
			cfg["auth"] = map[string]any{"disabled": true}
		})
		Expect(g.session.Err.Contents()).To(ContainSubstring("AUTHORIZATION DISABLED"))
		resp := g.get("log", "")
		Expect(resp.StatusCode).To(Equal(http.StatusOK))
		Eventually(e.rlp.Requests).ShouldNot(BeEmpty())
		Expect(e.uaa.Calls()).To(BeZero())
	})
})

var _ = Describe("Own metrics", func() {
	It("sends its counters to the local agent as envelopes from source id reverse_log_proxy_gateway", func() {
		e := newEnv()
		agent, err := envelopetest.NewIngressSink(e.certs.mtls("metron"))
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(agent.Stop)
		g := e.start(func(cfg map[string]any) {
			client := e.certs.files["gateway-client"]
			cfg["agent"] = map[string]any{
				"addr": agent.Addr(), "server_name": "metron",
				"tls": map[string]any{"ca_file": client.CA, "cert_file": client.Cert, "key_file": client.Key},
			}
			cfg["metrics"].(map[string]any)["emit_interval"] = "50ms"
		})

		g.get("log", "")
		g.get("log", "")
		Eventually(func() uint64 {
			return agent.Counter("reverse_log_proxy_gateway", "requests", map[string]string{"code": "404"})
		}).Should(BeEquivalentTo(2))
		Eventually(func() uint64 {
			return agent.Counter("reverse_log_proxy_gateway", "auth_denied", map[string]string{"reason": "missing_token"})
		}).Should(BeEquivalentTo(2))
	})

	It("keeps serving when no agent listens", func() {
		e := newEnv()
		g := e.start(func(cfg map[string]any) {
			client := e.certs.files["gateway-client"]
			cfg["agent"] = map[string]any{
				"addr": "127.0.0.1:1", "server_name": "metron",
				"tls": map[string]any{"ca_file": client.CA, "cert_file": client.Cert, "key_file": client.Key},
			}
			cfg["metrics"].(map[string]any)["emit_interval"] = "50ms"
		})
		Eventually(g.session.Err).Should(gbytes.Say("cannot send own metrics to the agent"))
		resp := g.get("log", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusOK))
	})
})

var _ = Describe("Configuration", func() {
	It("names the missing field", func() {
		e := newEnv()
		cfg := e.config()
		delete(cfg["auth"].(map[string]any)["uaa"].(map[string]any), "client_secret")
		out := checkConfig(cfg)
		Expect(out).To(gexec.Exit(2))
		Expect(out.Err).To(gbytes.Say(`auth.uaa.client_secret: required`))
	})

	It("rejects unknown fields", func() {
		e := newEnv()
		cfg := e.config()
		cfg["heartbeat"] = "1s"
		out := checkConfig(cfg)
		Expect(out).To(gexec.Exit(2))
		Expect(out.Err).To(gbytes.Say(`unknown field "heartbeat"`))
	})
})

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func selectorKind(s *loggregator_v2.Selector) string {
	switch m := s.GetMessage().(type) {
	case *loggregator_v2.Selector_Log:
		return "log"
	case *loggregator_v2.Selector_Counter:
		if m.Counter.GetName() != "" {
			return "counter:" + m.Counter.GetName()
		}
		return "counter"
	case *loggregator_v2.Selector_Gauge:
		if len(m.Gauge.GetNames()) > 0 {
			return "gauge:" + strings.Join(m.Gauge.GetNames(), ",")
		}
		return "gauge"
	case *loggregator_v2.Selector_Timer:
		return "timer"
	case *loggregator_v2.Selector_Event:
		return "event"
	}
	return "?"
}
