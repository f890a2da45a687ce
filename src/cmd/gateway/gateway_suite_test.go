package main_test

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"

	"loggregator/internal/certgen"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/envelopetest"
	"loggregator/internal/mtls"
	"loggregator/tools/versions"
)

func TestGateway(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Gateway component")
}

var gatewayPath string

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.BuildWithEnvironment("loggregator/cmd/gateway", versions.StaticEnv)
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
	return c.files[name]
}

// env is one spec's world: certificates, the upstream reverse log proxy
// (an envelopetest.EgressSource), UAA and CC.
type env struct {
	certs certs
	rlp   *envelopetest.EgressSource
	uaa   *cfauthtest.UAA
	cc    *cfauthtest.CloudController
}

func newEnv() *env {
	c := newCerts()
	return &env{certs: c, rlp: startRLP(c), uaa: startUAA(c), cc: startCC(c)}
}

// startUAA knows admin-token (doppler.firehose), logs-admin-token,
// user-token and other-user-token (neither admin), and stale-claims-token,
// whose claims have expired; any other token is invalid.
func startUAA(c certs) *cfauthtest.UAA {
	cert, err := tls.LoadX509KeyPair(c.files["uaa"].Cert, c.files["uaa"].Key)
	Expect(err).NotTo(HaveOccurred())
	uaa := cfauthtest.NewUAA(&tls.Config{Certificates: []tls.Certificate{cert}}, uaaClient, uaaSecret)
	DeferCleanup(uaa.Close)
	hour := time.Now().Add(time.Hour)
	uaa.SetToken("admin-token", cfauthtest.Token{Scopes: []string{"openid", "doppler.firehose"}, Expires: hour})
	uaa.SetToken("logs-admin-token", cfauthtest.Token{Scopes: []string{"logs.admin"}, Expires: hour})
	for _, t := range []string{"user-token", "other-user-token"} {
		uaa.SetToken(t, cfauthtest.Token{Scopes: []string{"openid", "cloud_controller.read"}, Expires: hour})
	}
	uaa.SetToken("stale-claims-token", cfauthtest.Token{Scopes: []string{"doppler.firehose"}, Expires: time.Now().Add(-time.Minute)})
	return uaa
}

// startCC lets user-token read appGUID and see the service instance serviceGUID.
func startCC(c certs) *cfauthtest.CloudController {
	cc, err := cfauthtest.NewCloudController(c.mtls("cc"))
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(cc.Close)
	cc.GrantApp("user-token", appGUID)
	cc.GrantServiceInstance("user-token", serviceGUID)
	return cc
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
				"addr": e.uaa.URL(), "client_id": uaaClient, "client_secret": uaaSecret,
				"ca_file": e.certs.files["uaa"].CA, "timeout": "2s",
			},
			"cc": map[string]any{
				"internal_addr": e.cc.InternalURL(), "external_addr": e.cc.ExternalURL(),
				"server_name": "cc", "tls": files("gateway-client"), "timeout": "2s",
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
	Eventually(session.Err, 10*time.Second).Should(gbytes.Say(`"msg":"serving"`))
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
