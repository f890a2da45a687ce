package main_test

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/certgen"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
)

func TestGateway(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Gateway component")
}

var gatewayPath string

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/gateway")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	gatewayPath = string(p)
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

// Identities the fake parties present; one CA signs them all.
const (
	appGUID     = "11111111-2222-3333-4444-555555555555"
	serviceGUID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	otherGUID   = "99999999-8888-7777-6666-555555555555"
	slowGUID    = "00000000-0000-0000-0000-00000000510e"
	brokenGUID  = "00000000-0000-0000-0000-0000000000e5"

	uaaClient = "gateway-client"
	uaaSecret = "s3cret"
)

type certs struct {
	dir   string
	files map[string]certgen.Files
	pool  *x509.CertPool
}

func newCerts() certs {
	ca, err := certgen.NewCA("test-ca")
	Expect(err).NotTo(HaveOccurred())
	dir := GinkgoT().TempDir()
	files, err := ca.WriteFiles(dir, "reverselogproxy", "gateway", "gateway-client", "cc", "uaa", "metron")
	Expect(err).NotTo(HaveOccurred())
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	return certs{dir: dir, files: files, pool: pool}
}

func (c certs) mtls(name string) mtls.Files {
	f := c.files[name]
	return mtls.Files{CA: f.CA, Cert: f.Cert, Key: f.Key}
}

// fakeUAA speaks UAA's POST /check_token for a fixed set of tokens.
type fakeUAA struct {
	url   string
	calls atomic.Int64
}

func startUAA(c certs) *fakeUAA {
	f := &fakeUAA{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(f.serve))
	cert, err := tls.LoadX509KeyPair(c.files["uaa"].Cert, c.files["uaa"].Key)
	Expect(err).NotTo(HaveOccurred())
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	DeferCleanup(srv.Close)
	f.url = srv.URL
	return f
}

func (f *fakeUAA) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/check_token" {
		http.NotFound(w, r)
		return
	}
	if id, secret, ok := r.BasicAuth(); !ok || id != uaaClient || secret != uaaSecret {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	f.calls.Add(1)
	claims := func(exp time.Time, scope ...string) {
		_ = json.NewEncoder(w).Encode(map[string]any{"scope": scope, "exp": exp.Unix(), "client_id": "cf", "user_id": "u1"})
	}
	invalid := func(desc string) {
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": "invalid_token", "error_description": desc})
	}
	hour := time.Now().Add(time.Hour)
	switch r.PostFormValue("token") {
	case "admin-token":
		claims(hour, "openid", "doppler.firehose")
	case "logs-admin-token":
		claims(hour, "logs.admin")
	case "user-token", "other-user-token":
		claims(hour, "openid", "cloud_controller.read")
	case "expired-token":
		invalid("Token has expired")
	case "stale-claims-token":
		claims(time.Now().Add(-time.Minute), "doppler.firehose")
	case "slow-token":
		<-r.Context().Done()
	case "broken-token":
		w.WriteHeader(http.StatusInternalServerError)
	default:
		invalid("Invalid token (could not decode)")
	}
}

// fakeCC speaks Cloud Controller's internal GET /internal/v4/log_access/<id>
// (mutual TLS) and public GET /v3/service_instances/<id>. "user-token" may
// read appGUID and the service instance serviceGUID.
type fakeCC struct {
	internalURL string
	externalURL string
	calls       atomic.Int64
}

func startCC(c certs) *fakeCC {
	f := &fakeCC{}
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := strings.CutPrefix(r.URL.Path, "/internal/v4/log_access/")
		if !ok || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		f.calls.Add(1)
		switch {
		case id == slowGUID:
			<-r.Context().Done()
		case id == brokenGUID:
			w.WriteHeader(http.StatusInternalServerError)
		case id == appGUID && r.Header.Get("Authorization") == "bearer user-token":
			_, _ = w.Write([]byte(`{}`))
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	tlsCfg, err := mtls.Server(c.mtls("cc"), nil)
	Expect(err).NotTo(HaveOccurred())
	internal.TLS = tlsCfg
	internal.StartTLS()
	DeferCleanup(internal.Close)

	external := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := strings.CutPrefix(r.URL.Path, "/v3/service_instances/")
		if !ok || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		f.calls.Add(1)
		if id == serviceGUID && r.Header.Get("Authorization") == "bearer user-token" {
			_, _ = fmt.Fprintf(w, `{"guid":%q,"name":"db"}`, id)
			return
		}
		w.WriteHeader(http.StatusNotFound)
	}))
	DeferCleanup(external.Close)
	f.internalURL, f.externalURL = internal.URL, external.URL
	return f
}

// env is one spec's world: certificates, the upstream reverse log proxy
// (an envelopetest.EgressSource), UAA and CC.
type env struct {
	certs certs
	rlp   *envelopetest.EgressSource
	uaa   *fakeUAA
	cc    *fakeCC
}

func newEnv() *env {
	c := newCerts()
	return &env{certs: c, rlp: startRLP(c), uaa: startUAA(c), cc: startCC(c)}
}

// startRLP serves the v2 Egress API as the reverse log proxy would.
func startRLP(c certs) *envelopetest.EgressSource {
	src, err := envelopetest.NewEgressSource("127.0.0.1:0", c.mtls("reverselogproxy"))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(src.Stop)
	return src
}

// request waits for the gateway's first request to the reverse log proxy and returns it.
func (e *env) request() *loggregator_v2.EgressBatchRequest {
	Eventually(e.rlp.Requests).ShouldNot(BeEmpty())
	return e.rlp.Requests()[0]
}

// config is the gateway configuration for this env; mutate adjusts it.
func (e *env) config() map[string]any {
	files := func(name string) map[string]any {
		f := e.certs.files[name]
		return map[string]any{"ca_file": f.CA, "cert_file": f.Cert, "key_file": f.Key}
	}
	return map[string]any{
		"http": map[string]any{"addr": "127.0.0.1:0", "cert_file": e.certs.files["gateway"].Cert, "key_file": e.certs.files["gateway"].Key},
		"logs_provider": map[string]any{
			"addr": e.rlp.Addr(), "server_name": "reverselogproxy", "tls": files("gateway-client"),
		},
		"auth": map[string]any{
			"cache_ttl": "1m",
			"uaa": map[string]any{
				"addr": e.uaa.url, "client_id": uaaClient, "client_secret": uaaSecret,
				"ca_file": e.certs.files["uaa"].CA, "timeout": "300ms",
			},
			"cc": map[string]any{
				"internal_addr": e.cc.internalURL, "external_addr": e.cc.externalURL,
				"server_name": "cc", "tls": files("gateway-client"), "timeout": "300ms",
			},
		},
		"heartbeat_interval":  "1h",
		"max_stream_duration": "1h",
		"metrics":             map[string]any{"addr": "127.0.0.1:0"},
	}
}

// gateway is a running gateway process.
type gateway struct {
	session     *gexec.Session
	addr        string
	metricsAddr string
	client      *http.Client
}

var servingLine = regexp.MustCompile(`"msg":"serving".*"addr":"([^"]+)".*"metrics_addr":"([^"]+)"`)

func (e *env) start(mutate func(cfg map[string]any)) *gateway {
	cfg := e.config()
	if mutate != nil {
		mutate(cfg)
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "gateway.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())

	session, err := gexec.Start(exec.Command(gatewayPath, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { session.Terminate().Wait(10 * time.Second) })
	Eventually(session.Err).Should(gbytes.Say(`"msg":"serving"`))
	m := servingLine.FindSubmatch(session.Err.Contents())
	Expect(m).NotTo(BeNil())

	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: e.certs.pool}}}
	DeferCleanup(client.CloseIdleConnections)
	return &gateway{session: session, addr: string(m[1]), metricsAddr: string(m[2]), client: client}
}

// get starts GET /v2/read?<query> with the given Authorization header ("" for none).
func (g *gateway) get(query, auth string) *http.Response {
	req, err := http.NewRequest(http.MethodGet, "https://"+g.addr+"/v2/read?"+query, nil)
	Expect(err).NotTo(HaveOccurred())
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := g.client.Do(req)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(resp.Body.Close)
	return resp
}

// body reads a short error answer.
func body(resp *http.Response) string {
	b, err := io.ReadAll(resp.Body)
	Expect(err).NotTo(HaveOccurred())
	return string(b)
}

// metrics returns the gateway's /metrics page.
func (g *gateway) metrics() string {
	resp, err := http.Get("http://" + g.metricsAddr + "/metrics")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// sse reads server-sent events.
type sse struct{ r *bufio.Reader }

type event struct{ name, data string }

func newSSE(resp *http.Response) *sse { return &sse{r: bufio.NewReader(resp.Body)} }

// next reads one event; it fails the spec on a read error.
func (s *sse) next() event {
	var ev event
	for {
		line, err := s.r.ReadString('\n')
		Expect(err).NotTo(HaveOccurred())
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			return ev
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data += strings.TrimPrefix(line, "data: ")
		}
	}
}

func logEnvelope(sourceID, payload string) *loggregator_v2.Envelope {
	return &loggregator_v2.Envelope{
		Timestamp: time.Now().UnixNano(),
		SourceId:  sourceID,
		Tags:      map[string]string{"deployment": "cf"},
		Message:   &loggregator_v2.Envelope_Log{Log: &loggregator_v2.Log{Payload: []byte(payload), Type: loggregator_v2.Log_OUT}},
	}
}

// checkConfig runs `gateway --check-config` on cfg and waits for it.
func checkConfig(cfg map[string]any) *gexec.Session {
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "gateway.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	session, err := gexec.Start(exec.Command(gatewayPath, "--config", path, "--check-config"), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	return session.Wait(10 * time.Second)
}
