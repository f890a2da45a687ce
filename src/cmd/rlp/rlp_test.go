package main_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
)

func (c certs) tls(name, serverName string) *tls.Config {
	f := c[name]
	cfg, err := mtls.Client(f, serverName, nil)
	Expect(err).NotTo(HaveOccurred())
	return cfg
}

// emit sends envelopes to a router as an agent does.
func (c certs) emit(router *process, envs []*loggregator_v2.Envelope) {
	GinkgoHelper()
	conn, err := grpc.NewClient(router.addr, grpc.WithTransportCredentials(credentials.NewTLS(c.tls("metron", "doppler"))))
	Expect(err).NotTo(HaveOccurred())
	defer conn.Close()
	s, err := loggregator_v2.NewIngressClient(conn).BatchSender(context.Background())
	Expect(err).NotTo(HaveOccurred())
	for i := 0; i < len(envs); i += 100 {
		Expect(s.Send(&loggregator_v2.EnvelopeBatch{Batch: envs[i:min(i+100, len(envs))]})).To(Succeed())
	}
	_, err = s.CloseAndRecv()
	Expect(err).NotTo(HaveOccurred())
}

// consumer reads through go-loggregator's EnvelopeStreamConnector.
type consumer struct {
	mu       sync.Mutex
	payloads []string
}

func (c *consumer) got() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.payloads)
}

func (c *consumer) count() int { return len(c.got()) }

func (c certs) consume(rlp *process, req *loggregator_v2.EgressBatchRequest) *consumer {
	ctx, cancel := context.WithCancel(context.Background())
	stream := loggregator.NewEnvelopeStreamConnector(rlp.addr, c.tls("client", "reverselogproxy")).Stream(ctx, req)
	con := &consumer{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for batch := stream(); batch != nil; batch = stream() {
			con.mu.Lock()
			for _, e := range batch {
				con.payloads = append(con.payloads, string(e.GetLog().GetPayload()))
			}
			con.mu.Unlock()
		}
	}()
	DeferCleanup(func() {
		cancel()
		Eventually(done).Should(BeClosed())
	})
	return con
}

func logs(shardID string) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{
		ShardId:          shardID,
		UsePreferredTags: true,
		Selectors: []*loggregator_v2.Selector{{
			SourceId: "app",
			Message:  &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}},
		}},
	}
}

func envelopes(prefix string, n int) ([]*loggregator_v2.Envelope, []string) {
	envs, payloads := make([]*loggregator_v2.Envelope, n), make([]string, n)
	for i := range envs {
		payloads[i] = fmt.Sprintf("%s-%d", prefix, i)
		envs[i] = &loggregator_v2.Envelope{
			SourceId: "app",
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(payloads[i])}},
		}
	}
	return envs, payloads
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

var _ = Describe("rlp", func() {
	var c certs

	BeforeEach(func() {
		c = newCerts()
	})

	It("accepts a valid config with --check-config and names an unknown field", func() {
		cfg := c.rlpConfig("127.0.0.1:8082")
		dir := GinkgoT().TempDir()
		write := func(cfg map[string]any) string {
			data, err := json.Marshal(cfg)
			Expect(err).NotTo(HaveOccurred())
			path := filepath.Join(dir, "rlp.json")
			Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
			return path
		}
		out, err := exec.Command(rlpPath, "--config", write(cfg), "--check-config").CombinedOutput()
		Expect(err).NotTo(HaveOccurred(), string(out))

		cfg["egress"].(map[string]any)["max_stream"] = 5
		out, err = exec.Command(rlpPath, "--config", write(cfg), "--check-config").CombinedOutput()
		Expect(err).To(HaveOccurred())
		Expect(string(out)).To(ContainSubstring(`unknown field "max_stream"`))
	})

	It("delivers to an EnvelopeStreamConnector consumer exactly what was sent through two routers", func() {
		r1, r2 := c.startRouter(""), c.startRouter("")
		rlp := c.startRLP(c.rlpConfig(r1.addr, r2.addr))
		con := c.consume(rlp, logs(""))
		Eventually(r1.metric).WithArguments("subscriptions").Should(Equal(1.0))
		Eventually(r2.metric).WithArguments("subscriptions").Should(Equal(1.0))

		a, wantA := envelopes("a", 1000)
		b, wantB := envelopes("b", 1000)
		c.emit(r1, a)
		c.emit(r2, b)

		Eventually(con.count).Should(Equal(2000))
		Consistently(con.count, "300ms").Should(Equal(2000))
		Expect(sorted(con.got())).To(Equal(sorted(append(wantA, wantB...))))
	})

	It("asks routers for preferred tags and converts them itself for a consumer of deprecated tags", func() {
		router, err := envelopetest.NewEgressSource(freeAddr(), c["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(router.Stop)
		rlp := c.startRLP(c.rlpConfig(router.Addr()))
		req := logs("")
		req.UsePreferredTags = false
		ctx, cancel := context.WithCancel(context.Background())
		DeferCleanup(cancel)
		stream := loggregator.NewEnvelopeStreamConnector(rlp.addr, c.tls("client", "reverselogproxy")).Stream(ctx, req)
		got := make(chan []*loggregator_v2.Envelope, 1)
		go func() { got <- stream() }() // the connector subscribes on its first read
		Eventually(router.Subscriptions).Should(Equal(1))
		Expect(router.Requests()[0].GetUsePreferredTags()).To(BeTrue(), "the router converts nothing")

		router.Send(&loggregator_v2.Envelope{
			SourceId: "app",
			Tags:     map[string]string{"deployment": "cf"},
			Message:  &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte("tagged")}},
		})
		var batch []*loggregator_v2.Envelope
		Eventually(got).Should(Receive(&batch))
		Expect(batch).To(HaveLen(1))
		Expect(batch[0].GetTags()).To(BeEmpty())
		Expect(batch[0].GetDeprecatedTags()).To(HaveKeyWithValue("deployment", HaveField("Data", Equal(&loggregator_v2.Value_Text{Text: "cf"}))))
	})

	It("splits the stream of both routers across a shard group without duplicates", func() {
		r1, r2 := c.startRouter(""), c.startRouter("")
		rlp := c.startRLP(c.rlpConfig(r1.addr, r2.addr))
		first, second := c.consume(rlp, logs("group")), c.consume(rlp, logs("group"))
		Eventually(r1.metric).WithArguments("subscriptions").Should(Equal(2.0))
		Eventually(r2.metric).WithArguments("subscriptions").Should(Equal(2.0))

		a, wantA := envelopes("a", 1000)
		b, wantB := envelopes("b", 1000)
		c.emit(r1, a)
		c.emit(r2, b)

		Eventually(func() int { return first.count() + second.count() }).Should(Equal(2000))
		Consistently(func() int { return first.count() + second.count() }, "300ms").Should(Equal(2000))
		Expect(first.count()).To(BeNumerically(">", 0))
		Expect(second.count()).To(BeNumerically(">", 0))
		Expect(sorted(append(first.got(), second.got()...))).To(Equal(sorted(append(wantA, wantB...))))
	})

	It("re-subscribes to a router that restarts, and the consumer keeps receiving", func() {
		r1 := c.startRouter("")
		rlp := c.startRLP(c.rlpConfig(r1.addr))
		con := c.consume(rlp, logs(""))
		Eventually(r1.metric).WithArguments("subscriptions").Should(Equal(1.0))
		before, _ := envelopes("before", 10)
		c.emit(r1, before)
		Eventually(con.count).Should(Equal(10))

		r1.session.Kill()
		Eventually(r1.session).Should(gexec.Exit())
		restarted := c.startRouter(r1.addr)
		Eventually(restarted.metric, 5*time.Second).WithArguments("subscriptions").Should(Equal(1.0))
		after, _ := envelopes("after", 10)
		c.emit(restarted, after)
		Eventually(con.count).Should(Equal(20))
		Expect(rlp.metric("router_stream_errors")).To(BeNumerically(">=", 1))
	})

	It("stops on SIGTERM, ending its router subscriptions, and exits 0", func() {
		r1 := c.startRouter("")
		rlp := c.startRLP(c.rlpConfig(r1.addr))
		c.consume(rlp, logs(""))
		Eventually(r1.metric).WithArguments("subscriptions").Should(Equal(1.0))

		rlp.session.Terminate()
		Eventually(rlp.session, 10*time.Second).Should(gexec.Exit(0))
		Eventually(r1.metric).WithArguments("subscriptions").Should(Equal(0.0))
	})
})
