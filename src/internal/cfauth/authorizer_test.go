package cfauth_test

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"loggregator/internal/certgen"
	"loggregator/internal/cfauth"
	"loggregator/internal/cfauth/cfauthtest"
	"loggregator/internal/config"
	"loggregator/internal/leakcheck"
	"loggregator/internal/metrics"
)

var _ = leakcheck.EverySpec()

const (
	appGUID     = "11111111-2222-3333-4444-555555555555"
	serviceGUID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	otherGUID   = "99999999-8888-7777-6666-555555555555"

	clientID     = "log-reader"
	clientSecret = "s3cret:/&="
)

// world is one spec's UAA and Cloud Controller, with a config that reaches
// them and metrics to read.
type world struct {
	uaa *cfauthtest.UAA
	cc  *cfauthtest.CloudController
	cfg cfauth.Config
	m   cfauth.Metrics
}

func newWorld() *world {
	ca, err := certgen.NewCA("cfauth-ca")
	Expect(err).NotTo(HaveOccurred())
	files, err := ca.WriteFiles(GinkgoT().TempDir(), "uaa", "cc", "client")
	Expect(err).NotTo(HaveOccurred())

	uaaCert, err := tls.LoadX509KeyPair(files["uaa"].Cert, files["uaa"].Key)
	Expect(err).NotTo(HaveOccurred())
	uaa := cfauthtest.NewUAA(&tls.Config{Certificates: []tls.Certificate{uaaCert}}, clientID, clientSecret)
	DeferCleanup(uaa.Close)

	cc, err := cfauthtest.NewCloudController(files["cc"])
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(cc.Close)

	hour := time.Now().Add(time.Hour)
	uaa.SetToken("admin-token", cfauthtest.Token{Scopes: []string{"openid", "doppler.firehose"}, Expires: hour})
	uaa.SetToken("logs-admin-token", cfauthtest.Token{Scopes: []string{"logs.admin"}, Expires: hour})
	uaa.SetToken("user-token", cfauthtest.Token{Scopes: []string{"openid", "cloud_controller.read"}, Expires: hour})
	cc.GrantApp("user-token", appGUID)
	cc.GrantServiceInstance("user-token", serviceGUID)

	cfg := cfauth.DefaultConfig()
	cfg.CacheTTL = config.Duration(time.Minute)
	cfg.UAA = cfauth.UAAConfig{
		Addr: uaa.URL(), ClientID: clientID, ClientSecret: clientSecret,
		CAFile: files["uaa"].CA, Timeout: config.Duration(300 * time.Millisecond),
	}
	cfg.CC = cfauth.CCConfig{
		InternalAddr: cc.InternalURL(), ExternalAddr: cc.ExternalURL(), ServerName: "cc",
		TLS:     files["client"],
		Timeout: config.Duration(300 * time.Millisecond),
	}
	return &world{uaa: uaa, cc: cc, cfg: cfg, m: cfauth.NewMetrics(metrics.NewRegistry())}
}

func (w *world) authorizer() *cfauth.Authorizer {
	Expect(w.cfg.Validate("auth")).To(Succeed())
	a, err := cfauth.New(w.cfg, w.m, slog.New(slog.NewTextHandler(io.Discard, nil)))
	Expect(err).NotTo(HaveOccurred())
	return a
}

func count(c prometheus.Collector) float64 {
	ch := make(chan prometheus.Metric, 1)
	c.Collect(ch)
	var m dto.Metric
	Expect((<-ch).Write(&m)).To(Succeed())
	return m.GetCounter().GetValue()
}

func denied(w *world, reason string) float64 { return count(w.m.Denied.WithLabelValues(reason)) }

func failed(w *world, service string) float64 { return count(w.m.Errors.WithLabelValues(service)) }

func unavailable(err error) string {
	var u *cfauth.UnavailableError
	if !errors.As(err, &u) {
		return ""
	}
	return u.Service
}

var _ = Describe("Authorizer", func() {
	var (
		w   *world
		ctx context.Context
	)
	BeforeEach(func() {
		w = newWorld()
		ctx = context.Background()
	})

	It("lets a doppler.firehose or logs.admin token read the whole firehose and any source id", func() {
		a := w.authorizer()
		for _, token := range []string{"admin-token", "logs-admin-token"} {
			Expect(a.Authorize(ctx, "bearer "+token, nil)).To(Succeed())
			Expect(a.Authorize(ctx, "bearer "+token, []string{"not-a-guid", otherGUID})).To(Succeed())
			Expect(a.Admin(ctx, "bearer "+token)).To(BeTrue())
			Expect(a.CanRead(ctx, "bearer "+token, "anything")).To(BeTrue())
		}
		Expect(w.cc.Calls()).To(BeZero())
	})

	It("lets another token read an app Cloud Controller grants it and a service instance it can see", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "bearer user-token", []string{appGUID, serviceGUID})).To(Succeed())
		Expect(a.CanRead(ctx, "bearer user-token", appGUID)).To(BeTrue())
		Expect(a.Admin(ctx, "bearer user-token")).To(BeFalse())
	})

	It("accepts the token with or without the bearer prefix", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "user-token", []string{appGUID})).To(Succeed())
		Expect(a.Authorize(ctx, "Bearer user-token", []string{appGUID})).To(Succeed())
	})

	It("forbids another app, and a request naming one ungranted id among granted ones", func() {
		a := w.authorizer()
		err := a.Authorize(ctx, "bearer user-token", []string{appGUID, otherGUID})
		Expect(err).To(MatchError(cfauth.ErrForbidden))
		Expect(denied(w, "no_log_access")).To(Equal(1.0))
		Expect(a.CanRead(ctx, "bearer user-token", otherGUID)).To(BeFalse())
		Expect(denied(w, "no_log_access")).To(Equal(1.0), "CanRead counts no denial")
	})

	It("forbids the whole firehose to a token without an admin scope", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "bearer user-token", nil)).To(MatchError(cfauth.ErrForbidden))
		Expect(denied(w, "firehose_not_admin")).To(Equal(1.0))
	})

	It("forbids source ids that are not guids without asking Cloud Controller", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "bearer user-token", []string{"app-1"})).To(MatchError(cfauth.ErrForbidden))
		Expect(denied(w, "not_a_guid")).To(Equal(1.0))
		Expect(w.cc.Calls()).To(BeZero())
	})

	It("does not authenticate a request without a token, and asks nobody", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "", []string{appGUID})).To(MatchError(cfauth.ErrUnauthenticated))
		Expect(a.Authorize(ctx, "  ", []string{appGUID})).To(MatchError(cfauth.ErrUnauthenticated))
		_, err := a.Admin(ctx, "")
		Expect(err).To(MatchError(cfauth.ErrUnauthenticated))
		Expect(denied(w, "missing_token")).To(Equal(2.0))
		Expect(w.uaa.Calls()).To(BeZero())
	})

	It("does not authenticate a token UAA refuses", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "bearer garbage", []string{appGUID})).To(MatchError(cfauth.ErrUnauthenticated))
		Expect(denied(w, "invalid_token")).To(Equal(1.0))
		_, err := a.Admin(ctx, "bearer garbage")
		Expect(err).To(MatchError(cfauth.ErrUnauthenticated))
		_, err = a.CanRead(ctx, "bearer garbage", appGUID)
		Expect(err).To(MatchError(cfauth.ErrUnauthenticated))
		Expect(w.cc.Calls()).To(BeZero())
	})

	It("does not authenticate a token whose claims have expired", func() {
		w.uaa.SetToken("stale-token", cfauthtest.Token{Scopes: []string{"doppler.firehose"}, Expires: time.Now().Add(-time.Minute)})
		a := w.authorizer()
		Expect(a.Authorize(ctx, "bearer stale-token", nil)).To(MatchError(cfauth.ErrUnauthenticated))
	})

	It("reports UAA failing as unavailable, counts it, and asks again next time", func() {
		a := w.authorizer()
		w.uaa.Fail(cfauthtest.Status500)
		for range 2 {
			err := a.Authorize(ctx, "bearer admin-token", nil)
			Expect(unavailable(err)).To(Equal(cfauth.ServiceUAA), "%v", err)
		}
		Expect(w.uaa.Calls()).To(Equal(2))
		Expect(failed(w, "uaa")).To(Equal(2.0))

		w.uaa.Fail(cfauthtest.Healthy)
		Expect(a.Authorize(ctx, "bearer admin-token", nil)).To(Succeed())
		Expect(w.uaa.Calls()).To(Equal(3))
	})

	It("gives up on a UAA that hangs after its timeout", func() {
		a := w.authorizer()
		w.uaa.Fail(cfauthtest.Hang)
		_, err := a.Admin(ctx, "bearer admin-token")
		Expect(unavailable(err)).To(Equal(cfauth.ServiceUAA), "%v", err)
	})

	It("treats wrong client credentials as UAA failing, not as a bad token", func() {
		w.cfg.UAA.ClientSecret = "wrong"
		a := w.authorizer()
		err := a.Authorize(ctx, "bearer admin-token", nil)
		Expect(unavailable(err)).To(Equal(cfauth.ServiceUAA), "%v", err)
	})

	It("reports Cloud Controller failing or hanging as unavailable and asks again next time", func() {
		a := w.authorizer()
		for _, f := range []cfauthtest.Failure{cfauthtest.Status500, cfauthtest.Hang} {
			w.cc.Fail(f)
			err := a.Authorize(ctx, "bearer user-token", []string{appGUID})
			Expect(unavailable(err)).To(Equal(cfauth.ServiceCC), "%v", err)
		}
		Expect(failed(w, "cc")).To(Equal(2.0))

		w.cc.Fail(cfauthtest.Healthy)
		Expect(a.Authorize(ctx, "bearer user-token", []string{appGUID})).To(Succeed())
		Expect(w.cc.Calls()).To(Equal(3))
	})

	It("does not count a caller that went away as a failure", func() {
		a := w.authorizer()
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		err := a.Authorize(cancelled, "bearer admin-token", nil)
		Expect(unavailable(err)).To(Equal(cfauth.ServiceUAA), "%v", err)
		Expect(failed(w, "uaa")).To(BeZero())
	})

	It("caches allow and deny decisions until the TTL passes", func() {
		a := w.authorizer()
		now := time.Now()
		cfauth.SetClock(a, func() time.Time { return now })
		for range 3 {
			Expect(a.Authorize(ctx, "bearer user-token", []string{appGUID})).To(Succeed())
			Expect(a.Authorize(ctx, "bearer user-token", []string{otherGUID})).To(MatchError(cfauth.ErrForbidden))
		}
		Expect(w.uaa.Calls()).To(Equal(1))
		Expect(w.cc.Calls()).To(Equal(3)) // the app; the other id's log access and service instance
		Expect(count(w.m.CacheMisses)).To(Equal(3.0))
		Expect(count(w.m.CacheHits)).To(Equal(9.0))

		now = now.Add(time.Minute)
		Expect(a.Authorize(ctx, "bearer user-token", []string{appGUID})).To(Succeed())
		Expect(w.uaa.Calls()).To(Equal(2))
		Expect(w.cc.Calls()).To(Equal(4))
	})

	It("caches nothing beyond the token's expiry", func() {
		w.cfg.CacheTTL = config.Duration(time.Hour)
		now := time.Unix(time.Now().Unix(), 0)
		w.uaa.SetToken("short-token", cfauthtest.Token{Scopes: []string{"logs.admin"}, Expires: now.Add(30 * time.Second)})
		a := w.authorizer()
		cfauth.SetClock(a, func() time.Time { return now })
		Expect(a.Authorize(ctx, "bearer short-token", nil)).To(Succeed())
		now = now.Add(29 * time.Second)
		Expect(a.Authorize(ctx, "bearer short-token", nil)).To(Succeed())
		Expect(w.uaa.Calls()).To(Equal(1))

		now = now.Add(time.Second)
		Expect(a.Authorize(ctx, "bearer short-token", nil)).To(MatchError(cfauth.ErrUnauthenticated))
		Expect(w.uaa.Calls()).To(Equal(2))
	})

	It("caches nothing when the TTL is zero", func() {
		w.cfg.CacheTTL = 0
		a := w.authorizer()
		for range 2 {
			Expect(a.Authorize(ctx, "bearer user-token", []string{appGUID})).To(Succeed())
		}
		Expect(w.uaa.Calls()).To(Equal(2))
		Expect(w.cc.Calls()).To(Equal(2))
		Expect(cfauth.CacheKeys(a)).To(BeEmpty())
	})

	It("holds at most cache_size decisions however many tokens arrive", func() {
		w.cfg.CacheSize = 2
		a := w.authorizer()
		for i := range 5 {
			token := "admin-" + string(rune('a'+i))
			w.uaa.SetToken(token, cfauthtest.Token{Scopes: []string{"doppler.firehose"}})
			Expect(a.Authorize(ctx, "bearer "+token, nil)).To(Succeed())
			Expect(len(cfauth.CacheKeys(a))).To(BeNumerically("<=", 2))
		}
		Expect(a.Authorize(ctx, "bearer admin-e", nil)).To(Succeed())
		Expect(w.uaa.Calls()).To(Equal(5), "the newest decision is kept")
	})

	It("keys its cache by a digest of the header, never by the token", func() {
		a := w.authorizer()
		Expect(a.Authorize(ctx, "bearer user-token", []string{appGUID})).To(Succeed())
		sum := sha256.Sum256([]byte("bearer user-token"))
		digest := hex.EncodeToString(sum[:])
		keys := cfauth.CacheKeys(a)
		Expect(keys).To(ConsistOf(digest, digest+"/"+appGUID))
		for _, k := range keys {
			Expect(strings.Contains(k, "user-token")).To(BeFalse(), k)
		}
	})
})

var _ = Describe("New", func() {
	It("names the CA file it cannot load", func() {
		cfg := cfauth.DefaultConfig()
		cfg.UAA.CAFile = "/does/not/exist"
		_, err := cfauth.New(cfg, cfauth.Metrics{}, slog.Default())
		Expect(err).To(MatchError(ContainSubstring("uaa.ca_file")))
	})
})
