package e2e_test

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/config"
	"loggregator/internal/mtls"
	"loggregator/internal/resolve"
	"loggregator/internal/udpforwarder"
	"loggregator/tools/versions"
)

// startUDPForwarder runs the udp-forwarder binary beside the shared
// system's agent, as the loggr-udp-forwarder job runs beside
// loggregator_agent, and returns a connection to its UDP socket.
func startUDPForwarder(s *system) net.Conn {
	GinkgoHelper()
	bin, err := gexec.BuildWithEnvironment("loggregator/cmd/udp-forwarder", versions.StaticEnv)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(gexec.CleanupBuildArtifacts)
	ep := s.Endpoints()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	udpAddr := pc.LocalAddr().String()
	Expect(pc.Close()).To(Succeed())

	cfg := udpforwarder.DefaultConfig()
	cfg.UDP.Addr = udpAddr
	cfg.Agent.Targets = resolve.Targets{{Addr: ep.Endpoints["agent_ingress"]}}
	cfg.Agent.TLS = mtls.Files{CA: ep.CA, Cert: ep.ClientCert, Key: ep.ClientKey}
	cfg.Metrics.Addr = ""
	cfg.Metrics.EmitInterval = config.Duration(time.Hour)
	cfg.Deployment, cfg.Job, cfg.Index, cfg.IP = "e2e", "router-vm", "0", "127.0.0.1"
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "udp-forwarder.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	session, err := gexec.Start(exec.Command(bin, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { session.Terminate().Wait(10 * time.Second) })

	conn, err := net.Dial("udp", udpAddr)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(conn.Close)
	return conn
}

var _ = Describe("v1 over UDP → udp-forwarder → agent → routers → rlp", func() {
	It("delivers v1 logs and counters sent as UDP datagrams to a v2 consumer, mapped as Cloud Foundry maps them", func() {
		const app = "9a7b3c1d-0000-4000-8000-00000000e2e1"
		var mu sync.Mutex
		var got []*loggregator_v2.Envelope
		stream, cancel := shared.stream(request("",
			logsOf(app),
			countersOf("udp-e2e-origin"),
		))
		done := make(chan struct{})
		go func() {
			defer GinkgoRecover()
			defer close(done)
			for batch := stream(); batch != nil; batch = stream() {
				mu.Lock()
				got = append(got, batch...)
				mu.Unlock()
			}
		}()
		DeferCleanup(func() { cancel(); Eventually(done).Should(BeClosed()) })
		shared.subscribed(1)
		received := func() []*loggregator_v2.Envelope {
			mu.Lock()
			defer mu.Unlock()
			return append([]*loggregator_v2.Envelope(nil), got...)
		}

		conn := startUDPForwarder(shared)
		const n = 200
		send := func(e *events.Envelope) {
			b, err := proto.Marshal(e)
			Expect(err).NotTo(HaveOccurred())
			_, err = conn.Write(b)
			Expect(err).NotTo(HaveOccurred())
		}
		// The forwarder may still be binding its socket (a write to it then
		// fails with "connection refused") or dialling the agent: send until
		// the first log arrives, then the numbered ones.
		warmUp, err := proto.Marshal(&events.Envelope{
			Origin: proto.String("udp-e2e-origin"), EventType: events.Envelope_LogMessage.Enum(), Timestamp: proto.Int64(time.Now().UnixNano()),
			LogMessage: &events.LogMessage{Message: []byte("warm-up"), MessageType: events.LogMessage_OUT.Enum(), Timestamp: proto.Int64(1), AppId: proto.String(app)},
		})
		Expect(err).NotTo(HaveOccurred())
		Eventually(func() []*loggregator_v2.Envelope {
			_, _ = conn.Write(warmUp)
			return received()
		}).ShouldNot(BeEmpty())

		for i := range n {
			send(&events.Envelope{
				Origin: proto.String("udp-e2e-origin"), EventType: events.Envelope_LogMessage.Enum(), Timestamp: proto.Int64(time.Now().UnixNano()),
				LogMessage: &events.LogMessage{
					Message: []byte(fmt.Sprintf("v1-log-%d", i)), MessageType: events.LogMessage_ERR.Enum(), Timestamp: proto.Int64(1),
					AppId: proto.String(app), SourceType: proto.String("APP/PROC/WEB"), SourceInstance: proto.String("1"),
				},
			})
		}
		send(&events.Envelope{
			Origin: proto.String("udp-e2e-origin"), EventType: events.Envelope_CounterEvent.Enum(), Timestamp: proto.Int64(time.Now().UnixNano()),
			CounterEvent: &events.CounterEvent{Name: proto.String("v1_requests"), Delta: proto.Uint64(3), Total: proto.Uint64(42)},
		})

		numbered := func() map[string]*loggregator_v2.Envelope {
			out := map[string]*loggregator_v2.Envelope{}
			for _, e := range received() {
				if p := string(e.GetLog().GetPayload()); p != "" && p != "warm-up" {
					out[p] = e
				}
			}
			return out
		}
		Eventually(func() int { return len(numbered()) }).Should(Equal(n))
		e := numbered()["v1-log-7"]
		Expect(e.SourceId).To(Equal(app))
		Expect(e.InstanceId).To(Equal("1"))
		Expect(e.GetLog().GetType()).To(Equal(loggregator_v2.Log_ERR))
		Expect(e.Tags).To(HaveKeyWithValue("source_type", "APP/PROC/WEB"))
		Expect(e.Tags).To(HaveKeyWithValue("origin", "udp-e2e-origin"))
		Expect(e.Tags).To(HaveKeyWithValue("deployment", "e2e"))
		Expect(e.Tags).To(HaveKeyWithValue("job", "router-vm"))

		Eventually(func() *loggregator_v2.Counter {
			for _, e := range received() {
				if c := e.GetCounter(); c != nil && c.GetName() == "v1_requests" {
					Expect(e.SourceId).To(Equal("udp-e2e-origin"))
					return c
				}
			}
			return nil
		}).Should(SatisfyAll(
			WithTransform((*loggregator_v2.Counter).GetDelta, Equal(uint64(3))),
			WithTransform((*loggregator_v2.Counter).GetTotal, Equal(uint64(42)))))
	})
})
