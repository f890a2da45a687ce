package main_test

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	"github.com/gorilla/websocket"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/envelopetest"
	"loggregator/internal/metrics/metricstest"
)

const admin = "bearer admin-token"

func selectorKinds(req *loggregator_v2.EgressBatchRequest) []string {
	var out []string
	for _, s := range req.GetSelectors() {
		kind := "?"
		switch s.GetMessage().(type) {
		case *loggregator_v2.Selector_Log:
			kind = "log"
		case *loggregator_v2.Selector_Counter:
			kind = "counter"
		case *loggregator_v2.Selector_Gauge:
			kind = "gauge"
		case *loggregator_v2.Selector_Timer:
			kind = "timer"
		case *loggregator_v2.Selector_Event:
			kind = "event"
		}
		out = append(out, s.GetSourceId()+":"+kind)
	}
	return out
}

var _ = Describe("The firehose", func() {
	var (
		e *env
		t *tc
	)
	BeforeEach(func() {
		e = newEnv()
		t = e.start(nil)
	})

	It("streams what every router sends as binary frames, each a marshalled v1 envelope", func() {
		conn, resp := t.dial("/firehose/nozzle", admin)
		Expect(resp.StatusCode).To(Equal(http.StatusSwitchingProtocols))
		r := read(conn)
		e.subscribed(1)

		e.routers[0].Send(envelopetest.Logs("app-a", "r0", 3)...)
		e.routers[1].Send(envelopetest.Logs("app-b", "r1", 2)...)
		e.routers[1].Send(&loggregator_v2.Envelope{
			SourceId: "app-b", Timestamp: time.Now().UnixNano(),
			Message: &loggregator_v2.Envelope_Counter{Counter: &loggregator_v2.Counter{Name: "requests", Delta: 2, Total: 7}},
		})
		Eventually(r.count).Should(Equal(6))
		Expect(r.payloads()).To(ContainElements("r0-0", "r0-1", "r0-2", "r1-0", "r1-1"))
		var counter *events.Envelope
		for _, env := range r.envelopes() {
			if env.GetEventType() == events.Envelope_CounterEvent {
				counter = env
				continue
			}
			Expect(env.GetEventType()).To(Equal(events.Envelope_LogMessage))
			Expect(env.GetLogMessage().GetAppId()).To(Or(Equal("app-a"), Equal("app-b")))
		}
		Expect(counter).NotTo(BeNil())
		Expect(counter.GetCounterEvent().GetName()).To(Equal("requests"))
		Expect(counter.GetCounterEvent().GetTotal()).To(BeEquivalentTo(7))
		Consistently(r.ended, 200*time.Millisecond).Should(Succeed())
	})

	It("asks every router for every envelope type with the subscription id as shard id", func() {
		conn, _ := t.dial("/firehose/my-nozzle", "bearer logs-admin-token")
		Expect(conn).NotTo(BeNil())
		e.subscribed(1)
		for _, r := range e.routers {
			req := r.Requests()[0]
			Expect(req.GetShardId()).To(Equal("my-nozzle"))
			Expect(req.GetUsePreferredTags()).To(BeTrue())
			Expect(selectorKinds(req)).To(ConsistOf(":log", ":counter", ":gauge", ":timer"))
		}
	})

	It("asks only for logs, or only for metrics, with filter-type", func() {
		t.dial("/firehose/logs-only?filter-type=logs", admin)
		e.subscribed(1)
		Expect(selectorKinds(e.requests()[0])).To(ConsistOf(":log"))
		t.dial("/firehose/metrics-only?filter-type=metrics", admin)
		e.subscribed(2)
		Expect(selectorKinds(e.requests()[1])).To(ConsistOf(":counter", ":gauge", ":timer"))
	})

	It("splits the stream between two readers with one subscription id, each envelope to one of them", func() {
		c1, _ := t.dial("/firehose/shared", admin)
		c2, _ := t.dial("/firehose/shared", admin)
		r1, r2 := read(c1), read(c2)
		e.subscribed(2)

		e.routers[0].Send(envelopetest.Logs("app", "a", 50)...)
		e.routers[1].Send(envelopetest.Logs("app", "b", 50)...)
		Eventually(func() int { return r1.count() + r2.count() }).Should(Equal(100))
		Consistently(func() int { return r1.count() + r2.count() }, 300*time.Millisecond).Should(Equal(100))
		Expect(r1.count()).To(BeNumerically(">", 0))
		Expect(r2.count()).To(BeNumerically(">", 0))
		var want []string
		for i := range 50 {
			want = append(want, fmt.Sprintf("a-%d", i), fmt.Sprintf("b-%d", i))
		}
		Expect(append(r1.payloads(), r2.payloads()...)).To(ConsistOf(want))
	})

	It("cuts off a reader that stays behind with a close frame that says why, and the reader beside it gets everything", func() {
		slow, _ := t.dial("/firehose/slow", admin)
		fast, _ := t.dial("/firehose/fast", admin)
		f := read(fast)
		e.subscribed(2)

		// The slow reader reads nothing until it has been cut off, then
		// reads what is queued for it up to the close frame.
		resume := make(chan struct{})
		slowErr := make(chan error, 1)
		go func() {
			defer GinkgoRecover()
			<-resume
			Expect(slow.SetReadDeadline(time.Now().Add(10 * time.Second))).To(Succeed())
			for {
				if _, _, err := slow.ReadMessage(); err != nil {
					slowErr <- err
					return
				}
			}
		}()
		resumed := false
		DeferCleanup(func() {
			if !resumed {
				close(resume)
			}
		})

		// 4 KiB logs fill the slow reader's socket and its 1000-envelope
		// buffer well within the run; the sender is paced by the fast
		// reader, never by the slow one.
		const total = 6000
		big := strings.Repeat("x", 4096)
		for i := 0; i < total; i += 100 {
			batch := envelopetest.Logs("app", fmt.Sprint(i), 100)
			for _, env := range batch {
				env.GetLog().Payload = append(env.GetLog().Payload, big...)
			}
			e.routers[i/100%2].Send(batch...)
			Eventually(f.count).Should(BeNumerically(">=", i+100))
			if !resumed && strings.Contains(t.metrics(), "\nslow_consumer_disconnects 1\n") {
				resumed = true
				close(resume)
			}
		}
		Eventually(f.count).Should(Equal(total))
		Expect(f.ended()).To(Succeed())
		Expect(resumed).To(BeTrue(), "the slow reader was never cut off")

		var err error
		Eventually(slowErr, 10*time.Second).Should(Receive(&err))
		Expect(websocket.IsCloseError(err, websocket.ClosePolicyViolation)).To(BeTrue(), err.Error())
		Expect(err.Error()).To(ContainSubstring("slow consumer"))
		Expect(t.metrics()).To(ContainSubstring(`websocket_closes{reason="slow_consumer"} 1`))
	})
})

var _ = Describe("The buffer budget", func() {
	It("holds the readers' buffers, their slots included, within buffer_budget_bytes under many stalled readers", func() {
		e := newEnv()
		t := e.start(func(cfg map[string]any) {
			cfg["memory_limit_mib"] = 16
			ws := cfg["websocket"].(map[string]any)
			ws["buffer_size"] = 10000
			ws["slow_consumer_timeout"] = "1m"
		})
		page := func() string {
			p, err := metricstest.Scrape("http://" + t.metricsAddr + "/metrics")
			Expect(err).NotTo(HaveOccurred())
			return p
		}
		budget := metricstest.Value(page(), "buffer_budget_bytes")
		Expect(budget).To(Equal(float64(8 << 20)))

		const readers = 10
		for i := range readers { // each its own subscription id, and never reads
			conn, _ := t.dial(fmt.Sprintf("/firehose/stalled-%d", i), admin)
			Expect(conn).NotTo(BeNil())
		}
		e.subscribed(readers)
		// Nothing flows yet, and the diodes' slots are already charged.
		Expect(metricstest.Value(page(), "buffer_bytes")).To(BeNumerically(">=", readers*64*32))

		// 12 MB to each reader: past what its socket takes, and past its
		// 10,000 slots' share of the budget.
		big := strings.Repeat("x", 4096)
		peak := 0.0
		for i := 0; i < 3000; i += 100 {
			batch := envelopetest.Logs("app", fmt.Sprint(i), 100)
			for _, env := range batch {
				env.GetLog().Payload = append(env.GetLog().Payload, big...)
			}
			e.routers[i/100%2].Send(batch...)
			peak = max(peak, metricstest.Value(page(), "buffer_bytes"))
		}
		Eventually(func() float64 {
			p := page()
			peak = max(peak, metricstest.Value(p, "buffer_bytes"))
			return metricstest.Value(p, `dropped{direction="egress",reason="budget"}`)
		}).Should(BeNumerically(">", 0), "the budget, not the slots, limited what the stalled readers hold")
		Expect(peak).To(BeNumerically("<=", budget))
		Expect(peak).To(BeNumerically(">=", budget/2))
		Expect(metricstest.Value(page(), "slow_consumer_disconnects")).To(BeZero())
	})
})

var _ = Describe("An app stream", func() {
	It("streams the app's envelopes to a token Cloud Controller lets read the app", func() {
		e := newEnv()
		t := e.start(nil)
		conn, resp := t.dial("/apps/"+appGUID+"/stream", "bearer user-token")
		Expect(resp.StatusCode).To(Equal(http.StatusSwitchingProtocols))
		r := read(conn)
		e.subscribed(1)
		req := e.requests()[0]
		Expect(req.GetShardId()).To(BeEmpty())
		Expect(selectorKinds(req)).To(ConsistOf(appGUID+":log", appGUID+":counter", appGUID+":gauge", appGUID+":timer"))

		e.routers[1].Send(envelopetest.Logs(appGUID, "hello", 2)...)
		Eventually(r.payloads).Should(Equal([]string{"hello-0", "hello-1"}))
		Expect(r.envelopes()[0].GetLogMessage().GetAppId()).To(Equal(appGUID))
	})
})

var _ = Describe("Authorization", func() {
	var (
		e *env
		t *tc
	)
	BeforeEach(func() {
		e = newEnv()
		t = e.start(nil)
	})

	refused := func(path, auth string) *http.Response {
		GinkgoHelper()
		conn, resp := t.dial(path, auth)
		Expect(conn).To(BeNil())
		return resp
	}

	It("answers 401 to a firehose request without a token", func() {
		resp := refused("/firehose/sub", "")
		Expect(resp.StatusCode).To(Equal(http.StatusUnauthorized))
		Expect(resp.Header.Get("WWW-Authenticate")).To(Equal("Basic"))
	})

	It("answers 401 to a token UAA does not know", func() {
		Expect(refused("/firehose/sub", "bearer forged").StatusCode).To(Equal(http.StatusUnauthorized))
		Expect(refused("/apps/"+appGUID+"/stream", "bearer forged").StatusCode).To(Equal(http.StatusUnauthorized))
	})

	It("answers 401 to a firehose request whose token has neither doppler.firehose nor logs.admin, as Cloud Foundry does", func() {
		Expect(refused("/firehose/sub", "bearer user-token").StatusCode).To(Equal(http.StatusUnauthorized))
		Eventually(t.metrics).Should(ContainSubstring(`auth_denied{reason="firehose_not_admin"} 1`))
	})

	It("answers 404 for an app the token may not read, or that does not exist", func() {
		Expect(refused("/apps/"+otherGUID+"/stream", "bearer user-token").StatusCode).To(Equal(http.StatusNotFound))
		Expect(refused("/apps/not-a-guid/stream", "bearer user-token").StatusCode).To(Equal(http.StatusNotFound))
		Eventually(t.metrics).Should(ContainSubstring(`requests{code="404",endpoint="stream"} 2`))
	})

	It("lets an admin token read any app", func() {
		conn, _ := t.dial("/apps/"+otherGUID+"/stream", admin)
		Expect(conn).NotTo(BeNil())
	})

	It("answers 503 while UAA fails, and does not cache the failure", func() {
		e.uaa.Fail(cfauthtest.Status500)
		Expect(refused("/firehose/sub", admin).StatusCode).To(Equal(http.StatusServiceUnavailable))
		e.uaa.Fail(cfauthtest.Healthy)
		conn, _ := t.dial("/firehose/sub", admin)
		Expect(conn).NotTo(BeNil())
	})

	It("reuses a decision: a second reader with the same token does not ask UAA again", func() {
		t.dial("/firehose/one", admin)
		t.dial("/firehose/two", admin)
		Expect(e.uaa.Calls()).To(Equal(1))
	})
})

var _ = Describe("Lifecycle", func() {
	It("with access control disabled lets anyone read, and says so loudly", func() {
		e := newEnv()
		t := e.start(func(cfg map[string]any) { cfg["auth"] = map[string]any{"disabled": true} })
		Expect(string(t.session.Err.Contents())).To(ContainSubstring("ACCESS CONTROL DISABLED"))
		conn, _ := t.dial("/firehose/sub", "")
		Expect(conn).NotTo(BeNil())
		conn, _ = t.dial("/apps/"+appGUID+"/stream", "")
		Expect(conn).NotTo(BeNil())
	})

	It("logs one security event per request when security_event_logging is on", func() {
		e := newEnv()
		t := e.start(func(cfg map[string]any) { cfg["security_event_logging"] = true })
		conn, _ := t.dial("/firehose/audited", "bearer forged")
		Expect(conn).To(BeNil())
		Eventually(t.session.Err).Should(gbytes.Say(`"msg":"security event".*"path":"/firehose/audited".*"status":401`))
	})

	It("pings readers, keeps one that answers, and disconnects one that answers nothing for two intervals", func() {
		e := newEnv()
		t := e.start(func(cfg map[string]any) { cfg["websocket"].(map[string]any)["ping_interval"] = "200ms" })
		answering, _ := t.dial("/firehose/answers", admin)
		r := read(answering) // reading makes gorilla answer pings
		t.dial("/firehose/silent", admin)
		e.subscribed(2)

		Eventually(e.routers[0].Subscriptions, 5*time.Second).Should(Equal(1))
		Consistently(r.ended, time.Second).Should(Succeed())
		Expect(t.metrics()).To(ContainSubstring("\nfirehoses 1\n"))
	})

	It("refuses readers beyond max_streams with 503", func() {
		e := newEnv()
		t := e.start(func(cfg map[string]any) { cfg["websocket"].(map[string]any)["max_streams"] = 1 })
		conn, _ := t.dial("/firehose/one", admin)
		Expect(conn).NotTo(BeNil())
		e.subscribed(1)
		conn, resp := t.dial("/firehose/two", admin)
		Expect(conn).To(BeNil())
		Expect(resp.StatusCode).To(Equal(http.StatusServiceUnavailable))
	})

	It("on SIGTERM sends what it holds, closes websockets with 1001 and exits 0", func() {
		e := newEnv()
		t := e.start(nil)
		conn, _ := t.dial("/firehose/sub", admin)
		r := read(conn)
		e.subscribed(1)
		e.routers[0].Send(envelopetest.Logs("app", "last", 5)...)
		Eventually(r.count).Should(Equal(5))

		t.session.Terminate()
		Eventually(r.ended, 10*time.Second).Should(HaveOccurred())
		Expect(websocket.IsCloseError(r.ended(), websocket.CloseGoingAway)).To(BeTrue(), r.ended().Error())
		Eventually(t.session, 10*time.Second).Should(gexec.Exit(0))
	})

	It("serves plain HTTP when no certificate is configured", func() {
		e := newEnv()
		t := e.start(func(cfg map[string]any) {
			ws := cfg["websocket"].(map[string]any)
			delete(ws, "cert_file")
			delete(ws, "key_file")
		})
		conn, _, err := websocket.DefaultDialer.Dial("ws://"+t.addr+"/firehose/sub", http.Header{"Authorization": {admin}})
		Expect(err).NotTo(HaveOccurred())
		conn.Close()
	})
})
