package main_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"code.cloudfoundry.org/go-loggregator/v10/rpc/loggregator_v2"
	"github.com/cloudfoundry/sonde-go/events"
	"github.com/gorilla/websocket"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"
	"github.com/onsi/gomega/gexec"
	"google.golang.org/protobuf/proto"

	"loggregator/internal/certgen"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/envelopetest"
)

func TestTrafficController(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "Traffic controller component")
}

var binPath string

var _ = SynchronizedBeforeSuite(func() []byte {
	p, err := gexec.Build("loggregator/cmd/trafficcontroller", "-race")
	Expect(err).NotTo(HaveOccurred())
	return []byte(p)
}, func(p []byte) {
	binPath = string(p)
})

var _ = SynchronizedAfterSuite(func() {}, func() {
	gexec.CleanupBuildArtifacts()
})

const (
	appGUID   = "11111111-2222-3333-4444-555555555555"
	otherGUID = "99999999-8888-7777-6666-555555555555"
	uaaClient = "doppler"
	uaaSecret = "s3cret"
)

// env is one spec's world: one CA, two routers (envelopetest.EgressSource
// over mTLS, sharding as routers do), UAA and Cloud Controller.
type env struct {
	files   map[string]certgen.Files
	pool    *x509.CertPool
	routers []*envelopetest.EgressSource
	uaa     *cfauthtest.UAA
	cc      *cfauthtest.CloudController
}

func newEnv() *env {
	ca, err := certgen.NewCA("loggregatorCA")
	Expect(err).NotTo(HaveOccurred())
	files, err := ca.WriteFiles(GinkgoT().TempDir(), "doppler", "trafficcontroller", "cc", "uaa")
	Expect(err).NotTo(HaveOccurred())
	pool := x509.NewCertPool()
	pool.AddCert(ca.Cert)
	e := &env{files: files, pool: pool}
	for range 2 {
		r, err := envelopetest.NewEgressSource("127.0.0.1:0", files["doppler"])
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(r.Stop)
		e.routers = append(e.routers, r)
	}

	cert, err := tls.LoadX509KeyPair(files["uaa"].Cert, files["uaa"].Key)
	Expect(err).NotTo(HaveOccurred())
	e.uaa = cfauthtest.NewUAA(&tls.Config{Certificates: []tls.Certificate{cert}}, uaaClient, uaaSecret)
	DeferCleanup(e.uaa.Close)
	hour := time.Now().Add(time.Hour)
	e.uaa.SetToken("admin-token", cfauthtest.Token{Scopes: []string{"openid", "doppler.firehose"}, Expires: hour})
	e.uaa.SetToken("logs-admin-token", cfauthtest.Token{Scopes: []string{"logs.admin"}, Expires: hour})
	e.uaa.SetToken("user-token", cfauthtest.Token{Scopes: []string{"openid", "cloud_controller.read"}, Expires: hour})

	e.cc, err = cfauthtest.NewCloudController(files["cc"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(e.cc.Close)
	e.cc.GrantApp("user-token", appGUID)
	return e
}

// config is the traffic controller's configuration for this env.
func (e *env) config() map[string]any {
	tc := e.files["trafficcontroller"]
	identity := map[string]any{"ca_file": tc.CA, "cert_file": tc.Cert, "key_file": tc.Key}
	var targets []map[string]any
	for _, r := range e.routers {
		targets = append(targets, map[string]any{"addr": r.Addr()})
	}
	return map[string]any{
		"websocket": map[string]any{
			"addr": "127.0.0.1:0", "cert_file": tc.Cert, "key_file": tc.Key,
			"slow_consumer_timeout": "1s", "buffer_size": 1000,
		},
		"routers": map[string]any{
			"targets": targets, "tls": identity, "refresh_interval": "100ms", "max_backoff": "200ms",
		},
		"auth": map[string]any{
			"cache_ttl": "1m",
			"uaa": map[string]any{
				"addr": e.uaa.URL(), "client_id": uaaClient, "client_secret": uaaSecret,
				"ca_file": e.files["uaa"].CA, "timeout": "300ms",
			},
			"cc": map[string]any{
				"internal_addr": e.cc.InternalURL(), "server_name": "cc", "tls": identity, "timeout": "300ms",
			},
		},
		"shutdown_timeout": "5s",
		"metrics":          map[string]any{"addr": "127.0.0.1:0"},
	}
}

// tc is a running traffic controller process.
type tc struct {
	session     *gexec.Session
	addr        string
	metricsAddr string
	dialer      *websocket.Dialer
}

var servingLine = regexp.MustCompile(`"msg":"serving".*"addr":"([^"]+)".*"metrics_addr":"([^"]+)"`)

func (e *env) start(mutate func(cfg map[string]any)) *tc {
	cfg := e.config()
	if mutate != nil {
		mutate(cfg)
	}
	data, err := json.Marshal(cfg)
	Expect(err).NotTo(HaveOccurred())
	path := filepath.Join(GinkgoT().TempDir(), "trafficcontroller.json")
	Expect(os.WriteFile(path, data, 0o600)).To(Succeed())
	session, err := gexec.Start(exec.Command(binPath, "--config", path), GinkgoWriter, GinkgoWriter)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() { session.Terminate().Wait(15 * time.Second) })
	Eventually(session.Err, 20*time.Second).Should(gbytes.Say(`"msg":"serving"`))
	m := servingLine.FindSubmatch(session.Err.Contents())
	Expect(m).NotTo(BeNil())
	return &tc{
		session: session, addr: string(m[1]), metricsAddr: string(m[2]),
		dialer: &websocket.Dialer{TLSClientConfig: &tls.Config{RootCAs: e.pool}, HandshakeTimeout: 5 * time.Second},
	}
}

// dial opens path ("/firehose/sub") with the Authorization header auth
// ("" for none). It returns the connection (nil when refused) and the
// HTTP response.
func (t *tc) dial(path, auth string) (*websocket.Conn, *http.Response) {
	h := http.Header{}
	if auth != "" {
		h.Set("Authorization", auth)
	}
	conn, resp, err := t.dialer.Dial("wss://"+t.addr+path, h)
	if err != nil {
		Expect(errors.Is(err, websocket.ErrBadHandshake)).To(BeTrue(), err.Error())
		return nil, resp
	}
	DeferCleanup(func() { _ = conn.Close() })
	return conn, resp
}

// metrics returns the /metrics page.
func (t *tc) metrics() string {
	resp, err := http.Get("http://" + t.metricsAddr + "/metrics")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// reader reads v1 envelopes from a websocket in the background until it
// ends, then holds the error that ended it.
type reader struct {
	mu   sync.Mutex
	envs []*events.Envelope
	err  error
	done chan struct{}
}

func read(conn *websocket.Conn) *reader {
	r := &reader{done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for {
			kind, data, err := conn.ReadMessage()
			if err != nil {
				r.mu.Lock()
				r.err = err
				r.mu.Unlock()
				return
			}
			var env events.Envelope
			if kind != websocket.BinaryMessage || proto.Unmarshal(data, &env) != nil {
				r.mu.Lock()
				r.err = errors.New("not a binary v1 envelope frame")
				r.mu.Unlock()
				return
			}
			r.mu.Lock()
			r.envs = append(r.envs, &env)
			r.mu.Unlock()
		}
	}()
	DeferCleanup(func() { conn.Close(); <-r.done })
	return r
}

func (r *reader) envelopes() []*events.Envelope {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*events.Envelope(nil), r.envs...)
}

func (r *reader) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.envs)
}

// payloads are the log payloads read so far.
func (r *reader) payloads() []string {
	var out []string
	for _, e := range r.envelopes() {
		out = append(out, string(e.GetLogMessage().GetMessage()))
	}
	return out
}

// ended returns the error that ended the stream, or nil while it is open.
func (r *reader) ended() error {
	select {
	case <-r.done:
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.err
	default:
		return nil
	}
}

// subscribed waits until every router has n open streams.
func (e *env) subscribed(n int) {
	GinkgoHelper()
	for _, r := range e.routers {
		Eventually(r.Subscriptions).Should(Equal(n))
	}
}

// requests are the requests the first router received.
func (e *env) requests() []*loggregator_v2.EgressBatchRequest {
	return e.routers[0].Requests()
}
