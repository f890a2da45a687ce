package e2e_test

import (
	"fmt"
	"sync"

	"github.com/cloudfoundry/sonde-go/events"
	"github.com/gorilla/websocket"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/protobuf/proto"
)

// v1Reader reads a traffic controller websocket and keeps the v1 log
// payloads of one app.
type v1Reader struct {
	mu       sync.Mutex
	payloads []string // guarded by mu
	done     chan struct{}
}

func (s *system) readV1(path string) *v1Reader {
	GinkgoHelper()
	conn, resp, err := websocket.DefaultDialer.Dial(s.Endpoints().Endpoints["tc_websocket"]+path, nil)
	Expect(err).NotTo(HaveOccurred())
	Expect(resp.Body.Close()).To(Succeed())
	r := &v1Reader{done: make(chan struct{})}
	go func() {
		defer close(r.done)
		var env events.Envelope
		for {
			_, data, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if proto.Unmarshal(data, &env) != nil || env.GetEventType() != events.Envelope_LogMessage {
				continue
			}
			r.mu.Lock()
			r.payloads = append(r.payloads, string(env.GetLogMessage().GetMessage()))
			r.mu.Unlock()
		}
	}()
	DeferCleanup(func() { _ = conn.Close(); <-r.done })
	return r
}

func (r *v1Reader) got() func() []string {
	return func() []string {
		r.mu.Lock()
		defer r.mu.Unlock()
		return append([]string(nil), r.payloads...)
	}
}

var _ = Describe("Agent → routers → traffic controller → v1 websocket readers", func() {
	It("delivers v2 logs an app emits as v1 LogMessages on the firehose and the app's stream", func() {
		appID := "e2e-v1-app"
		firehose := shared.readV1("/firehose/e2e-v1")
		stream := shared.readV1("/apps/" + appID + "/stream")
		for _, ep := range []string{"router0_metrics", "router1_metrics"} {
			Eventually(shared.metricFunc(ep, "subscriptions")).Should(BeEquivalentTo(2), "subscriptions on %s", ep)
		}

		em := shared.emitter()
		sent := em.logs(appID, "v1", 2000)
		em.logs("another-app", "other", 100)
		Expect(em.close()).To(Succeed())

		Eventually(stream.got()).Should(HaveLen(len(sent)))
		Expect(sorted(stream.got()())).To(Equal(sorted(sent)))
		Eventually(func() int {
			n := 0
			for _, p := range firehose.got()() {
				if _, err := fmt.Sscanf(p, "v1-%d", new(int)); err == nil {
					n++
				}
			}
			return n
		}).Should(Equal(len(sent)))
	})
})
