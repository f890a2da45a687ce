package e2e_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	loggregator "code.cloudfoundry.org/go-loggregator/v10"
	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"google.golang.org/grpc"
)

// ginkgoLogger sends go-loggregator's client logs to the spec's output.
type ginkgoLogger struct{}

func (ginkgoLogger) Printf(format string, args ...any) {
	fmt.Fprintf(GinkgoWriter, format+"\n", args...)
}
func (ginkgoLogger) Panicf(format string, args ...any) { Fail(fmt.Sprintf(format, args...)) }

// emitter is an app writing through go-loggregator's IngressClient to the
// system's agent, as any existing emitter does.
type emitter struct {
	client *loggregator.IngressClient
	closed bool
}

func (s *system) emitter() *emitter {
	GinkgoHelper()
	ep := s.Endpoints()
	cfg, err := loggregator.NewIngressTLSConfig(ep.CA, ep.ClientCert, ep.ClientKey)
	Expect(err).NotTo(HaveOccurred())
	c, err := loggregator.NewIngressClient(cfg,
		loggregator.WithAddr(ep.Endpoints["agent_ingress"]),
		loggregator.WithBatchFlushInterval(10*time.Millisecond),
		loggregator.WithLogger(ginkgoLogger{}),
	)
	Expect(err).NotTo(HaveOccurred())
	e := &emitter{client: c}
	DeferCleanup(e.close)
	return e
}

// logs emits n logs of sourceID whose payloads are prefix-0 … prefix-(n-1),
// and returns the payloads.
func (e *emitter) logs(sourceID, prefix string, n int) []string {
	return e.logsFrom(sourceID, prefix, 0, n)
}

// logsFrom emits logs prefix-from … prefix-(from+n-1).
func (e *emitter) logsFrom(sourceID, prefix string, from, n int) []string {
	sent := make([]string, 0, n)
	for i := from; i < from+n; i++ {
		p := fmt.Sprintf("%s-%d", prefix, i)
		e.client.EmitLog(p, loggregator.WithSourceInfo(sourceID, "APP", "0"))
		sent = append(sent, p)
	}
	return sent
}

// counters emits n counters of sourceID named prefix-0 … prefix-(n-1).
func (e *emitter) counters(sourceID, prefix string, n int) []string {
	sent := make([]string, 0, n)
	for i := range n {
		name := fmt.Sprintf("%s-%d", prefix, i)
		e.client.EmitCounter(name, loggregator.WithCounterSourceInfo(sourceID, "0"), loggregator.WithDelta(1))
		sent = append(sent, name)
	}
	return sent
}

// close flushes what the client holds and ends its stream; when it returns
// nil the agent has accepted every envelope emitted.
func (e *emitter) close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	return e.client.CloseSend()
}

// consumer records what a stream delivered: every envelope by its key (a
// log's payload, another envelope's type and name) and how often it came.
type consumer struct {
	mu    sync.Mutex
	seen  map[string]int // guarded by mu
	total int            // guarded by mu
	done  chan struct{}
}

// key names an envelope: a log by its payload, any other type by its type
// and name, so a spec can tell which of its envelopes arrived.
func key(e *loggregator_v2.Envelope) string {
	switch m := e.GetMessage().(type) {
	case *loggregator_v2.Envelope_Log:
		return string(m.Log.GetPayload())
	case *loggregator_v2.Envelope_Counter:
		return "counter:" + m.Counter.GetName()
	case *loggregator_v2.Envelope_Gauge:
		return "gauge"
	case *loggregator_v2.Envelope_Timer:
		return "timer:" + m.Timer.GetName()
	case *loggregator_v2.Envelope_Event:
		return "event:" + m.Event.GetTitle()
	default:
		return "unknown"
	}
}

func (c *consumer) record(batch []*loggregator_v2.Envelope) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range batch {
		c.seen[key(e)]++
		c.total++
	}
}

// count is how many envelopes arrived, duplicates included.
func (c *consumer) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// keys are the distinct envelopes that arrived.
func (c *consumer) keys() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ks := make([]string, 0, len(c.seen))
	for k := range c.seen {
		ks = append(ks, k)
	}
	return ks
}

// has reports whether the envelope named k arrived.
func (c *consumer) has(k string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[k] > 0
}

// duplicates lists envelopes that arrived more than once.
func (c *consumer) duplicates() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var d []string
	for k, n := range c.seen {
		if n > 1 {
			d = append(d, k)
		}
	}
	return d
}

// read drains stream into a new consumer until ctx ends; the spec's cleanup
// cancels it and waits for the reader to return.
func read(stream loggregator.EnvelopeStream, cancel context.CancelFunc) *consumer {
	c := &consumer{seen: map[string]int{}, done: make(chan struct{})}
	go func() {
		defer GinkgoRecover()
		defer close(c.done)
		for batch := stream(); batch != nil; batch = stream() {
			c.record(batch)
		}
	}()
	DeferCleanup(func() {
		cancel()
		Eventually(c.done).Should(BeClosed())
	})
	return c
}

// stream opens an rlp stream through go-loggregator's EnvelopeStreamConnector.
func (s *system) stream(req *loggregator_v2.EgressBatchRequest, opts ...grpc.DialOption) (loggregator.EnvelopeStream, context.CancelFunc) {
	GinkgoHelper()
	ep := s.Endpoints()
	cfg, err := loggregator.NewEgressTLSConfig(ep.CA, ep.ClientCert, ep.ClientKey)
	Expect(err).NotTo(HaveOccurred())
	ctx, cancel := context.WithCancel(context.Background())
	conn := loggregator.NewEnvelopeStreamConnector(ep.Endpoints["rlp_egress"], cfg,
		loggregator.WithEnvelopeStreamLogger(ginkgoLogger{}),
		loggregator.WithEnvelopeStreamConnectorDialOptions(opts...),
	)
	return conn.Stream(ctx, req), cancel
}

// consume reads req from the rlp until the spec ends.
func (s *system) consume(req *loggregator_v2.EgressBatchRequest) *consumer {
	GinkgoHelper()
	return read(s.stream(req))
}

// consumeGateway reads req through the gateway with go-loggregator's
// RLPGatewayClient until the spec ends.
func (s *system) consumeGateway(req *loggregator_v2.EgressBatchRequest) *consumer {
	GinkgoHelper()
	ca, err := os.ReadFile(s.Endpoints().CA)
	Expect(err).NotTo(HaveOccurred())
	pool := x509.NewCertPool()
	Expect(pool.AppendCertsFromPEM(ca)).To(BeTrue())
	httpClient := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	DeferCleanup(httpClient.CloseIdleConnections)
	ctx, cancel := context.WithCancel(context.Background())
	c := loggregator.NewRLPGatewayClient(s.Endpoints().Endpoints["gateway"],
		loggregator.WithRLPGatewayHTTPClient(httpClient),
		loggregator.WithRLPGatewayClientLogger(ginkgoLogger{}),
	)
	return read(c.Stream(ctx, req), cancel)
}

// logsOf selects the logs of sourceID.
func logsOf(sourceID string) *loggregator_v2.Selector {
	return &loggregator_v2.Selector{SourceId: sourceID, Message: &loggregator_v2.Selector_Log{Log: &loggregator_v2.LogSelector{}}}
}

// countersOf selects the counters of sourceID.
func countersOf(sourceID string) *loggregator_v2.Selector {
	return &loggregator_v2.Selector{SourceId: sourceID, Message: &loggregator_v2.Selector_Counter{Counter: &loggregator_v2.CounterSelector{}}}
}

func request(shardID string, selectors ...*loggregator_v2.Selector) *loggregator_v2.EgressBatchRequest {
	return &loggregator_v2.EgressBatchRequest{ShardId: shardID, Selectors: selectors, UsePreferredTags: true}
}

// metric sums the samples of name on a component's /metrics whose labels
// contain every one of labels (as `key="value"`); it is 0 when none exist.
func (s *system) metric(endpoint, name string, labels ...string) (float64, error) {
	resp, err := http.Get(s.Endpoints().Endpoints[endpoint])
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", endpoint, resp.Status)
	}
	var sum float64
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		series, value, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		metricName, labelSet, _ := strings.Cut(series, "{")
		if metricName != name {
			continue
		}
		match := true
		for _, l := range labels {
			match = match && strings.Contains(labelSet, l)
		}
		if !match {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", line, err)
		}
		sum += v
	}
	return sum, sc.Err()
}

// metricFunc is metric bound to its arguments, for Eventually.
func (s *system) metricFunc(endpoint, name string, labels ...string) func() (float64, error) {
	return func() (float64, error) { return s.metric(endpoint, name, labels...) }
}

// subscribed waits until both routers and the rlp hold exactly n consumer
// subscriptions, so what is emitted next reaches every consumer.
func (s *system) subscribed(n int) {
	GinkgoHelper()
	for _, ep := range []string{"router0_metrics", "router1_metrics", "rlp_metrics"} {
		Eventually(s.metricFunc(ep, "subscriptions")).Should(BeEquivalentTo(n), "subscriptions on %s", ep)
	}
}

// routerIngress is the sum of both routers' ingress.
func (s *system) routerIngress() [2]float64 {
	GinkgoHelper()
	var in [2]float64
	for i := range in {
		v, err := s.metric(fmt.Sprintf("router%d_metrics", i), "ingress")
		Expect(err).NotTo(HaveOccurred())
		in[i] = v
	}
	return in
}
