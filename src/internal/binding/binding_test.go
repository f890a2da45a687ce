package binding_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/binding"
	"loggregator/internal/certgen"
	"loggregator/internal/leakcheck"
	"loggregator/internal/mtls"
)

var _ = leakcheck.EverySpec()

// pki is one spec's certificates: the cache's server identity and an
// agent's client identity, signed by one CA.
type pki struct {
	server *tls.Config
	client *tls.Config
}

func newPKI() pki {
	files, err := certgen.Identities(GinkgoT().TempDir(), "binding-cache", "syslog-agent")
	Expect(err).NotTo(HaveOccurred())
	server, err := mtls.Server(files["binding-cache"], nil)
	Expect(err).NotTo(HaveOccurred())
	client, err := mtls.Client(files["syslog-agent"], "binding-cache", nil)
	Expect(err).NotTo(HaveOccurred())
	return pki{server: server, client: client}
}

// serve starts h over HTTPS with tlsCfg on 127.0.0.1 until the spec ends.
func serve(tlsCfg *tls.Config, h http.Handler) string {
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = tlsCfg.Clone()
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes refused on purpose
	srv.StartTLS()
	DeferCleanup(srv.Close)
	return srv.URL
}

func newClient(url string, tlsCfg *tls.Config) *binding.Client {
	c := binding.NewClient(url, tlsCfg)
	DeferCleanup(c.Close)
	return c
}

func fetchCtx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	DeferCleanup(cancel)
	return ctx
}

var sample = []binding.Binding{
	{
		URL: "syslog-tls://logs.example.com:6514",
		Credentials: []binding.Credentials{
			{Cert: "CERT-A", Key: "KEY-A", CA: "CA-A", Apps: []binding.App{
				{Hostname: "org.space.app-1", AppID: "11111111-1111-1111-1111-111111111111"},
				{Hostname: "org.space.app-2", AppID: "22222222-2222-2222-2222-222222222222"},
			}},
			{Apps: []binding.App{{Hostname: "org.space.app-3", AppID: "33333333-3333-3333-3333-333333333333"}}},
		},
	},
	{
		URL: "https://drain.example.com/logs?drain-type=all",
		Credentials: []binding.Credentials{
			{Apps: []binding.App{{Hostname: "org.space.app-1", AppID: "11111111-1111-1111-1111-111111111111"}}},
		},
	},
}

var _ = Describe("Handler and Client over mutual TLS", func() {
	var (
		p pki
		h *binding.Handler
		c *binding.Client
	)

	BeforeEach(func() {
		p = newPKI()
		h = binding.NewHandler()
		c = newClient(serve(p.server, h), p.client)
	})

	It("hands the published bindings to the client as they were set", func() {
		Expect(h.SetBindings(sample)).To(Succeed())
		Expect(c.Bindings(fetchCtx())).To(Equal(sample))
	})

	It("hands the aggregate drains to the client apart from the bindings", func() {
		agg := []binding.Binding{{URL: "syslog://aggregate.example.com:514", Credentials: []binding.Credentials{{CA: "CA-X"}}}}
		Expect(h.SetBindings(sample)).To(Succeed())
		Expect(h.SetAggregate(agg)).To(Succeed())
		Expect(c.Aggregate(fetchCtx())).To(Equal(agg))
		Expect(c.Bindings(fetchCtx())).To(Equal(sample))
	})

	It("answers an empty list, not null, when nothing is bound", func() {
		Expect(h.SetBindings(nil)).To(Succeed())
		bs, err := c.Bindings(fetchCtx())
		Expect(err).NotTo(HaveOccurred())
		Expect(bs).NotTo(BeNil())
		Expect(bs).To(BeEmpty())
	})

	It("serves the newest published set", func() {
		Expect(h.SetBindings(sample)).To(Succeed())
		Expect(h.SetBindings(sample[1:])).To(Succeed())
		Expect(c.Bindings(fetchCtx())).To(Equal(sample[1:]))
	})

	It("fails with status 503 before anything is published, so an agent keeps what it had", func() {
		_, err := c.Bindings(fetchCtx())
		Expect(err).To(MatchError(ContainSubstring("status 503")))
		_, err = c.Aggregate(fetchCtx())
		Expect(err).To(MatchError(ContainSubstring("/v2/aggregate: status 503")))
	})

	It("refuses an answer larger than the client's bound", func() {
		Expect(h.SetBindings(sample)).To(Succeed())
		c.SetMaxBytes(64)
		_, err := c.Bindings(fetchCtx())
		Expect(err).To(MatchError(ContainSubstring("answer too large: more than 64 bytes")))
	})

	It("gives every concurrent reader a whole set while new ones are published", func() {
		Expect(h.SetBindings(sample)).To(Succeed())
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					bs, err := c.Bindings(fetchCtx())
					if err == nil && len(bs) != 2 && len(bs) != 1 {
						err = fmt.Errorf("got %d bindings", len(bs))
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		for i := range 50 {
			Expect(h.SetBindings(sample[i%2:])).To(Succeed())
		}
		wg.Wait()
		close(errs)
		Expect(errs).To(BeEmpty())
	})
})

var _ = Describe("Handler", func() {
	var (
		p      pki
		url    string
		client *http.Client
	)

	BeforeEach(func() {
		p = newPKI()
		h := binding.NewHandler()
		Expect(h.SetBindings(sample)).To(Succeed())
		url = serve(p.server, h)
		tr := &http.Transport{TLSClientConfig: p.client}
		DeferCleanup(tr.CloseIdleConnections)
		client = &http.Client{Transport: tr}
	})

	It("answers 404 for any other path", func() {
		resp, err := client.Get(url + "/v2/other")
		Expect(err).NotTo(HaveOccurred())
		resp.Body.Close()
		Expect(resp.StatusCode).To(Equal(http.StatusNotFound))
	})

	It("answers 405 to anything but GET and HEAD", func() {
		resp, err := client.Post(url+binding.BindingsPath, "application/json", strings.NewReader("[]"))
		Expect(err).NotTo(HaveOccurred())
		resp.Body.Close()
		Expect(resp.StatusCode).To(Equal(http.StatusMethodNotAllowed))
		Expect(resp.Header.Get("Allow")).To(Equal("GET, HEAD"))
	})

	It("labels its answer as JSON with its length", func() {
		resp, err := client.Get(url + binding.BindingsPath)
		Expect(err).NotTo(HaveOccurred())
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		Expect(err).NotTo(HaveOccurred())
		Expect(resp.Header.Get("Content-Type")).To(Equal("application/json"))
		Expect(resp.ContentLength).To(Equal(int64(len(body))))
	})
})

var _ = Describe("Client", func() {
	var p pki

	BeforeEach(func() {
		p = newPKI()
	})

	// answering serves body with status 200 at every path.
	answering := func(body string) *binding.Client {
		url := serve(p.server, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, body)
		}))
		return newClient(url, p.client)
	}

	DescribeTable("fails with a clear error on an answer that is not a list of bindings",
		func(body, want string) {
			_, err := answering(body).Bindings(fetchCtx())
			Expect(err).To(MatchError(And(ContainSubstring("/v2/bindings"), ContainSubstring(want))))
		},
		Entry("not JSON", "<html>oops</html>", "decode answer: invalid character"),
		Entry("null", "null", "decode answer: not a list"),
		Entry("an object", `{"results":[]}`, "decode answer: json: cannot unmarshal object"),
		Entry("a list of the wrong things", `[1,2]`, "decode answer: json: cannot unmarshal number"),
		Entry("a list cut short", `[{"url":"syslog://a:1","credentials":[`, "decode answer: unexpected EOF"),
		Entry("a list followed by more", `[] []`, "decode answer: data after the list"),
		Entry("nothing", ``, "decode answer: EOF"),
	)

	It("ignores fields it does not know, so a newer cache can add some", func() {
		bs, err := answering(`[{"url":"syslog://a:1","credentials":[{"apps":[{"app_id":"x","hostname":"h","extra":1}],"extra":2}],"new":true}]`).Bindings(fetchCtx())
		Expect(err).NotTo(HaveOccurred())
		Expect(bs).To(Equal([]binding.Binding{{URL: "syslog://a:1", Credentials: []binding.Credentials{{Apps: []binding.App{{AppID: "x", Hostname: "h"}}}}}}))
	})

	It("fails when the connection drops in the middle of an answer", func() {
		url := serve(p.server, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", "1000")
			_, _ = io.WriteString(w, `[{"url":"syslog://a:1"`)
			// the handler returns short of Content-Length: net/http closes the connection
		}))
		_, err := newClient(url, p.client).Bindings(fetchCtx())
		Expect(err).To(MatchError(ContainSubstring("read answer: unexpected EOF")))
	})

	It("fails with the status and the start of the body when the cache answers an error", func() {
		url := serve(p.server, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "database on fire "+strings.Repeat("x", 1000), http.StatusInternalServerError)
		}))
		_, err := newClient(url, p.client).Bindings(fetchCtx())
		Expect(err).To(MatchError(ContainSubstring("status 500: database on fire")))
		Expect(len(err.Error())).To(BeNumerically("<", 400))
	})

	It("gives up when its context ends before a hanging cache answers", func() {
		release := make(chan struct{})
		url := serve(p.server, http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-release:
			}
		}))
		DeferCleanup(func() { close(release) })
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := newClient(url, p.client).Bindings(ctx)
		Expect(err).To(MatchError(context.DeadlineExceeded))
	})

	It("is refused by the cache without a client certificate", func() {
		h := binding.NewHandler()
		Expect(h.SetBindings(sample)).To(Succeed())
		noCert := p.client.Clone()
		noCert.GetClientCertificate = nil
		_, err := newClient(serve(p.server, h), noCert).Bindings(fetchCtx())
		Expect(err).To(HaveOccurred())
	})

	It("refuses a cache whose certificate another CA signed", func() {
		other := newPKI()
		h := binding.NewHandler()
		Expect(h.SetBindings(sample)).To(Succeed())
		_, err := newClient(serve(other.server, h), p.client).Bindings(fetchCtx())
		Expect(err).To(MatchError(ContainSubstring("verify server certificate")))
	})
})
