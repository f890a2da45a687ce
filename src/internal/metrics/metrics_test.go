package metrics_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics"
	"loggregator/internal/mtls"
)

var _ = leakcheck.EverySpec()

// serve runs srv until the spec ends and checks that Run returns cleanly.
func serve(srv *metrics.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	DeferCleanup(func() {
		cancel()
		Eventually(done).Should(Receive(BeNil()))
	})
}

// scrape GETs url with client and returns the body of a 200 response.
func scrape(client *http.Client, url string) (string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return string(body), nil
}

func newClient(cfg *http.Transport) *http.Client {
	DeferCleanup(cfg.CloseIdleConnections)
	return &http.Client{Transport: cfg, Timeout: 5 * time.Second}
}

var _ = Describe("Server", func() {
	It("serves the common counters with their labels at /metrics", func() {
		r := metrics.NewRegistry()
		r.Ingress.Add(7)
		r.Egress.Add(5)
		r.Dropped(metrics.Egress, metrics.ReasonSlowConsumer).Add(2)
		srv, err := r.NewServer("127.0.0.1:0", nil)
		Expect(err).NotTo(HaveOccurred())
		serve(srv)

		body, err := scrape(newClient(&http.Transport{}), "http://"+srv.Addr()+"/metrics")
		Expect(err).NotTo(HaveOccurred())
		Expect(body).To(ContainSubstring("\ningress 7\n"))
		Expect(body).To(ContainSubstring("\negress 5\n"))
		Expect(body).To(ContainSubstring(`dropped{direction="egress",reason="slow_consumer"} 2`))
		Expect(body).To(ContainSubstring("# HELP dropped "))
		Expect(body).To(ContainSubstring("go_goroutines"))
	})

	It("serves a component's own metrics", func() {
		r := metrics.NewRegistry()
		r.Gauge("subscriptions", "Open subscriptions.").Set(3)
		r.CounterVec("sent", "Sent by sink.", "sink").WithLabelValues("syslog").Add(4)
		r.Histogram("batch_size", "Envelopes per batch.", []float64{1, 10}).Observe(5)
		srv, err := r.NewServer("127.0.0.1:0", nil)
		Expect(err).NotTo(HaveOccurred())
		serve(srv)

		body, err := scrape(newClient(&http.Transport{}), "http://"+srv.Addr()+"/metrics")
		Expect(err).NotTo(HaveOccurred())
		Expect(body).To(ContainSubstring("\nsubscriptions 3\n"))
		Expect(body).To(ContainSubstring(`sent{sink="syslog"} 4`))
		Expect(body).To(ContainSubstring(`batch_size_bucket{le="10"} 1`))
	})

	It("shares a labelled metric between users that ask for it by the same name and labels", func() {
		r := metrics.NewRegistry()
		r.CounterVec("sent", "Sent by sink.", "sink").WithLabelValues("a").Add(1)
		r.CounterVec("sent", "Sent by sink.", "sink").WithLabelValues("b").Add(2)
		r.GaugeVec("depth", "Queued per sink.", "sink").WithLabelValues("a").Set(3)
		r.GaugeVec("depth", "Queued per sink.", "sink").WithLabelValues("b").Set(4)
		Expect(func() { r.CounterVec("sent", "Sent by sink.", "other") }).To(Panic())

		envs, err := r.Envelopes("agent")
		Expect(err).NotTo(HaveOccurred())
		sent := map[string]uint64{}
		for _, e := range envs {
			if e.GetCounter().GetName() == "sent" {
				sent[e.GetTags()["sink"]] = e.GetCounter().GetTotal()
			}
		}
		Expect(sent).To(Equal(map[string]uint64{"a": 1, "b": 2}))
	})

	It("names the address it cannot bind", func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		defer ln.Close()

		_, err = metrics.NewRegistry().NewServer(ln.Addr().String(), nil)
		Expect(err).To(MatchError(ContainSubstring(ln.Addr().String())))
	})
})

var _ = Describe("Server over mTLS", func() {
	var (
		files mtls.Files
		srv   *metrics.Server
	)

	BeforeEach(func() {
		ca, err := certgen.NewCA("metricsCA")
		Expect(err).NotTo(HaveOccurred())
		written, err := ca.WriteFiles(filepath.Join(GinkgoT().TempDir(), "certs"), "metrics")
		Expect(err).NotTo(HaveOccurred())
		files = written["metrics"]

		r := metrics.NewRegistry()
		r.Ingress.Add(11)
		cfg := metrics.DefaultConfig("127.0.0.1:0")
		cfg.TLS = &files
		srv, err = cfg.Listen(r)
		Expect(err).NotTo(HaveOccurred())
		serve(srv)
	})

	It("serves a client with a certificate from the CA", func() {
		tlsCfg, err := mtls.Client(files, "metrics", nil)
		Expect(err).NotTo(HaveOccurred())

		body, err := scrape(newClient(&http.Transport{TLSClientConfig: tlsCfg}), "https://"+srv.Addr()+"/metrics")
		Expect(err).NotTo(HaveOccurred())
		Expect(body).To(ContainSubstring("\ningress 11\n"))
	})

	It("refuses a client without a certificate", func() {
		tlsCfg, err := mtls.Client(files, "metrics", nil)
		Expect(err).NotTo(HaveOccurred())
		tlsCfg.GetClientCertificate = nil

		_, err = scrape(newClient(&http.Transport{TLSClientConfig: tlsCfg}), "https://"+srv.Addr()+"/metrics")
		Expect(err).To(HaveOccurred())
	})

	It("refuses plain HTTP", func() {
		_, err := scrape(newClient(&http.Transport{}), "http://"+srv.Addr()+"/metrics")
		Expect(err).To(HaveOccurred())
	})
})

func counters(envs []*loggregator_v2.Envelope) map[string]*loggregator_v2.Envelope {
	out := map[string]*loggregator_v2.Envelope{}
	for _, e := range envs {
		if c := e.GetCounter(); c != nil {
			key := c.GetName()
			for _, k := range []string{"direction", "reason"} {
				if v, ok := e.GetTags()[k]; ok {
					key += "/" + v
				}
			}
			out[key] = e
		}
	}
	return out
}

var _ = Describe("Envelopes", func() {
	It("turns each counter into a Counter envelope with its total and its labels as tags", func() {
		r := metrics.NewRegistry()
		r.Ingress.Add(42)
		r.Dropped(metrics.Ingress, metrics.ReasonBufferFull).Add(3)
		r.Dropped(metrics.Egress, metrics.ReasonShutdown).Add(1)

		envs, err := r.Envelopes("doppler")
		Expect(err).NotTo(HaveOccurred())
		byName := counters(envs)

		Expect(byName).To(HaveKey("ingress"))
		Expect(byName["ingress"].GetSourceId()).To(Equal("doppler"))
		Expect(byName["ingress"].GetTimestamp()).NotTo(BeZero())
		Expect(byName["ingress"].GetCounter().GetTotal()).To(BeEquivalentTo(42))
		Expect(byName["ingress"].GetTags()).To(BeEmpty())
		Expect(byName["egress"].GetCounter().GetTotal()).To(BeZero())

		Expect(byName["dropped/ingress/buffer_full"].GetCounter().GetTotal()).To(BeEquivalentTo(3))
		Expect(byName["dropped/ingress/buffer_full"].GetTags()).To(Equal(map[string]string{"direction": "ingress", "reason": "buffer_full"}))
		Expect(byName["dropped/egress/shutdown"].GetCounter().GetTotal()).To(BeEquivalentTo(1))
	})

	It("turns each gauge into a Gauge envelope", func() {
		r := metrics.NewRegistry()
		r.Gauge("subscriptions", "Open subscriptions.").Set(2.5)
		r.GaugeVec("queue_depth", "Queued per sink.", "sink").WithLabelValues("a").Set(9)

		envs, err := r.Envelopes("rlp")
		Expect(err).NotTo(HaveOccurred())

		var gauges []*loggregator_v2.Envelope
		for _, e := range envs {
			if e.GetGauge() != nil {
				gauges = append(gauges, e)
			}
		}
		Expect(gauges).To(HaveLen(2))
		Expect(gauges).To(ContainElement(Satisfy(func(e *loggregator_v2.Envelope) bool {
			m := e.GetGauge().GetMetrics()["subscriptions"]
			return m != nil && m.GetValue() == 2.5 && e.GetSourceId() == "rlp"
		})))
		Expect(gauges).To(ContainElement(Satisfy(func(e *loggregator_v2.Envelope) bool {
			m := e.GetGauge().GetMetrics()["queue_depth"]
			return m != nil && m.GetValue() == 9 && e.GetTags()["sink"] == "a"
		})))
	})

	It("leaves out the Go runtime, process and histogram metrics", func() {
		r := metrics.NewRegistry()
		r.Histogram("batch_size", "Envelopes per batch.", []float64{1, 10}).Observe(5)

		envs, err := r.Envelopes("agent")
		Expect(err).NotTo(HaveOccurred())
		var names []string
		for _, e := range envs {
			if c := e.GetCounter(); c != nil {
				names = append(names, c.GetName())
			}
			for name := range e.GetGauge().GetMetrics() {
				names = append(names, name)
			}
		}
		Expect(names).To(ConsistOf("ingress", "egress"))
	})
})

var _ = Describe("Emit", func() {
	It("sends a snapshot every interval and stops when the context ends", func() {
		r := metrics.NewRegistry()
		r.Ingress.Add(1)
		sent := make(chan []*loggregator_v2.Envelope, 100)

		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			r.Emit(ctx, 5*time.Millisecond, "router", func(envs []*loggregator_v2.Envelope) { sent <- envs })
		}()

		var first []*loggregator_v2.Envelope
		Eventually(sent).Should(Receive(&first))
		Expect(counters(first)["ingress"].GetCounter().GetTotal()).To(BeEquivalentTo(1))
		Expect(counters(first)["ingress"].GetSourceId()).To(Equal("router"))

		r.Ingress.Add(4)
		Eventually(func() uint64 {
			var envs []*loggregator_v2.Envelope
			Eventually(sent).Should(Receive(&envs))
			return counters(envs)["ingress"].GetCounter().GetTotal()
		}).Should(BeEquivalentTo(5))

		cancel()
		Eventually(done).Should(BeClosed())
	})
})

var _ = Describe("Config", func() {
	It("is valid by default", func() {
		Expect(metrics.DefaultConfig("127.0.0.1:14824").Validate("metrics")).To(Succeed())
		Expect(metrics.DefaultConfig("").Validate("metrics")).To(Succeed())
	})

	It("names a bad address", func() {
		Expect(metrics.DefaultConfig("14824").Validate("metrics")).To(MatchError(HavePrefix("metrics.addr:")))
	})

	It("names a missing TLS file", func() {
		cfg := metrics.DefaultConfig("127.0.0.1:0")
		cfg.TLS = &mtls.Files{CA: "ca.crt", Key: "metrics.key"}
		Expect(cfg.Validate("metrics")).To(MatchError("metrics.tls.cert_file: required"))
	})

	It("names a non-positive emit interval", func() {
		cfg := metrics.DefaultConfig("127.0.0.1:0")
		cfg.EmitInterval = 0
		Expect(cfg.Validate("metrics")).To(MatchError(HavePrefix("metrics.emit_interval:")))
	})

	It("decodes from JSON with a duration string", func() {
		cfg := &component{Metrics: metrics.DefaultConfig("")}
		Expect(config.Decode([]byte(`{"metrics": {"addr": "127.0.0.1:0", "emit_interval": "30s"}}`), cfg)).To(Succeed())
		Expect(cfg.Metrics.Addr).To(Equal("127.0.0.1:0"))
		Expect(cfg.Metrics.EmitInterval.D()).To(Equal(30 * time.Second))
		Expect(cfg.Metrics.TLS).To(BeNil())
	})

	It("is validated as part of the component's config", func() {
		cfg := &component{Metrics: metrics.DefaultConfig("")}
		err := config.Decode([]byte(`{"metrics": {"emit_interval": "0s"}}`), cfg)
		Expect(err).To(MatchError(ContainSubstring("metrics.emit_interval")))
	})

	It("listens nowhere when the address is empty", func() {
		srv, err := metrics.DefaultConfig("").Listen(metrics.NewRegistry())
		Expect(err).NotTo(HaveOccurred())
		Expect(srv).To(BeNil())
	})

	It("names the TLS file it cannot load", func() {
		missing := filepath.Join(GinkgoT().TempDir(), "ca.crt")
		cfg := metrics.DefaultConfig("127.0.0.1:0")
		cfg.TLS = &mtls.Files{CA: missing, Cert: "metrics.crt", Key: "metrics.key"}
		_, err := cfg.Listen(metrics.NewRegistry())
		Expect(err).To(MatchError(ContainSubstring(missing)))
	})
})

// component is the shape of every component's config: a metrics section
// validated under the prefix "metrics".
type component struct {
	Metrics metrics.Config `json:"metrics"`
}

func (c *component) Validate() error { return c.Metrics.Validate("metrics") }
