package cfauth

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"loggregator/internal/mtls"
)

// Admin scopes: a token with either may read every source id.
const (
	scopeFirehose  = "doppler.firehose"
	scopeLogsAdmin = "logs.admin"
)

// guid is the shape of app and service instance ids; Cloud Foundry's log
// endpoints ask Cloud Controller about nothing else.
var guid = regexp.MustCompile(`^[[:xdigit:]]{8}-[[:xdigit:]]{4}-[[:xdigit:]]{4}-[[:xdigit:]]{4}-[[:xdigit:]]{12}$`)

// Authorizer decides whether a request's token may read the source ids it
// names, asking UAA and Cloud Controller and caching their answers. Make
// one with New. Its methods are safe for concurrent use; each call lasts at
// most the UAA timeout plus one Cloud Controller timeout per source id, and
// returns as soon as ctx ends.
type Authorizer struct {
	uaa          *http.Client
	checkToken   string // UAA's /check_token URL
	clientID     string
	clientSecret string

	cc         *http.Client
	ccInternal string
	ccExternal string

	tokens *cache[tokenInfo]
	access *cache[bool]
	m      Metrics
	log    *slog.Logger
	now    func() time.Time // time.Now; specs move it
}

// tokenInfo is what UAA said about a token.
type tokenInfo struct {
	valid   bool
	admin   bool
	expires time.Time // zero when UAA did not say
}

// New makes an Authorizer from cfg, which should have passed Validate. It
// loads the CA files and client certificate now and contacts nobody. Its
// errors name the field at fault relative to cfg, such as "uaa.ca_file".
func New(cfg Config, m Metrics, log *slog.Logger) (*Authorizer, error) {
	uaaTLS := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: cfg.UAA.SkipCertVerify} //nolint:gosec // operator's explicit choice
	if cfg.UAA.CAFile != "" {
		pool, err := mtls.LoadCAPool(cfg.UAA.CAFile)
		if err != nil {
			return nil, fmt.Errorf("uaa.ca_file: %w", err)
		}
		uaaTLS.RootCAs = pool
	}
	ccTLS, err := mtls.Client(cfg.CC.TLS, cfg.CC.ServerName, nil)
	if err != nil {
		return nil, fmt.Errorf("cc.tls: %w", err)
	}
	u, err := url.Parse(cfg.UAA.Addr)
	if err != nil {
		return nil, fmt.Errorf("uaa.addr: %w", err)
	}
	return &Authorizer{
		uaa:          &http.Client{Timeout: cfg.UAA.Timeout.D(), Transport: transport(uaaTLS)},
		checkToken:   u.JoinPath("check_token").String(),
		clientID:     cfg.UAA.ClientID,
		clientSecret: cfg.UAA.ClientSecret,
		cc:           &http.Client{Timeout: cfg.CC.Timeout.D(), Transport: transport(ccTLS)},
		ccInternal:   strings.TrimSuffix(cfg.CC.InternalAddr, "/"),
		ccExternal:   strings.TrimSuffix(cfg.CC.ExternalAddr, "/"),
		tokens:       newCache[tokenInfo](cfg.CacheTTL.D(), cfg.CacheSize),
		access:       newCache[bool](cfg.CacheTTL.D(), cfg.CacheSize),
		m:            m,
		log:          log,
		now:          time.Now,
	}, nil
}

// Authorize returns nil when the token of the Authorization header may read
// every one of sourceIDs; an empty list means the whole firehose, which only
// an admin token may read. Otherwise it returns an error that is
// ErrUnauthenticated or ErrForbidden, counted in Metrics.Denied by reason,
// or an *UnavailableError.
func (a *Authorizer) Authorize(ctx context.Context, header string, sourceIDs []string) error {
	reason, err := a.decide(ctx, header, sourceIDs)
	if err != nil {
		return err
	}
	if reason == "" {
		return nil
	}
	a.m.Denied.WithLabelValues(reason).Inc()
	return denial(reason)
}

// Admin reports whether the token of the Authorization header has the
// doppler.firehose or logs.admin scope. A missing or invalid token is
// ErrUnauthenticated; UAA's failure an *UnavailableError. Admin counts no
// denial: what a false means is the caller's to say.
func (a *Authorizer) Admin(ctx context.Context, header string) (bool, error) {
	token := bearer(header)
	if token == "" {
		return false, denial(reasonMissingToken)
	}
	info, err := a.tokenInfo(ctx, hashKey(header), token)
	if err != nil {
		return false, err
	}
	if !info.valid {
		return false, denial(reasonInvalidToken)
	}
	return info.admin, nil
}

// CanRead reports whether the token of the Authorization header may read
// sourceID: an admin token may read any, another token a guid Cloud
// Controller grants it. Errors are as Admin's, plus an *UnavailableError
// for Cloud Controller's failure. CanRead counts no denial.
func (a *Authorizer) CanRead(ctx context.Context, header, sourceID string) (bool, error) {
	reason, err := a.decide(ctx, header, []string{sourceID})
	switch {
	case err != nil:
		return false, err
	case reason == reasonMissingToken || reason == reasonInvalidToken:
		return false, denial(reason)
	}
	return reason == "", nil
}

// decide returns the reason the token may not read sourceIDs, "" when it may.
func (a *Authorizer) decide(ctx context.Context, header string, sourceIDs []string) (string, error) {
	token := bearer(header)
	if token == "" {
		return reasonMissingToken, nil
	}
	key := hashKey(header)
	info, err := a.tokenInfo(ctx, key, token)
	if err != nil {
		return "", err
	}
	switch {
	case !info.valid:
		return reasonInvalidToken, nil
	case info.admin:
		return "", nil
	case len(sourceIDs) == 0:
		return reasonFirehoseNotAdmin, nil
	}
	for _, id := range sourceIDs {
		if !guid.MatchString(id) {
			return reasonNotAGUID, nil
		}
		ok, err := a.logAccess(ctx, key, "bearer "+token, id, info.expires)
		if err != nil {
			return "", err
		}
		if !ok {
			return reasonNoLogAccess, nil
		}
	}
	return "", nil
}

// unavailable counts and logs as msg a failure of service, unless it is
// only the caller going away, and wraps it.
func (a *Authorizer) unavailable(ctx context.Context, service, msg string, err error, attrs ...any) error {
	if ctx.Err() == nil {
		a.m.Errors.WithLabelValues(service).Inc()
		a.log.Warn(msg, append(attrs, "error", err.Error())...)
	}
	return &UnavailableError{Service: service, Err: err}
}

func (a *Authorizer) tokenInfo(ctx context.Context, key, token string) (tokenInfo, error) {
	info, err := lookup(a, a.tokens, key, a.m.UAALatency, func() (tokenInfo, time.Time, error) {
		info, err := a.askUAA(ctx, token)
		return info, info.expires, err
	})
	if err != nil {
		return tokenInfo{}, a.unavailable(ctx, ServiceUAA, "check token", err)
	}
	return info, nil
}

func (a *Authorizer) logAccess(ctx context.Context, key, header, id string, notAfter time.Time) (bool, error) {
	ok, err := lookup(a, a.access, key+"/"+id, a.m.CCLatency, func() (bool, time.Time, error) {
		ok, err := a.askCC(ctx, header, id)
		return ok, notAfter, err
	})
	if err != nil {
		return false, a.unavailable(ctx, ServiceCC, "check log access", err, "source_id", id)
	}
	return ok, nil
}

// lookup answers key from c or, on a miss, from ask, timed into latency; it
// stores ask's answer until the time ask gives, unless ask failed.
func lookup[V any](a *Authorizer, c *cache[V], key string, latency prometheus.Observer, ask func() (V, time.Time, error)) (V, error) {
	now := a.now()
	if v, ok := c.get(key, now); ok {
		a.m.CacheHits.Inc()
		return v, nil
	}
	a.m.CacheMisses.Inc()
	start := time.Now()
	v, notAfter, err := ask()
	latency.Observe(time.Since(start).Seconds())
	if err != nil {
		return v, err
	}
	c.put(key, v, now, notAfter)
	return v, nil
}

// bearer returns the token of an Authorization header, with or without the
// "bearer" prefix (Cloud Foundry clients send both).
func bearer(header string) string {
	header = strings.TrimSpace(header)
	if len(header) > 6 && strings.EqualFold(header[:6], "bearer") {
		header = header[6:]
	}
	return strings.TrimSpace(header)
}

// hashKey keys caches by a digest of the header so raw tokens do not sit in
// memory longer than a request.
func hashKey(header string) string {
	sum := sha256.Sum256([]byte(header))
	return hex.EncodeToString(sum[:])
}
