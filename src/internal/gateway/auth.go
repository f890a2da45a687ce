package gateway

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"loggregator/internal/mtls"
)

// Admin scopes: a token with either may read every source id.
const (
	scopeFirehose  = "doppler.firehose"
	scopeLogsAdmin = "logs.admin"
)

// guid is the shape of app and service instance ids; Cloud Foundry's
// gateway asks Cloud Controller about nothing else.
var guid = regexp.MustCompile(`^[[:xdigit:]]{8}-[[:xdigit:]]{4}-[[:xdigit:]]{4}-[[:xdigit:]]{4}-[[:xdigit:]]{12}$`)

// authorizer decides whether a request's token may read the source ids it
// names, asking UAA and Cloud Controller and caching their answers.
type authorizer struct {
	uaa          *http.Client
	checkToken   string // UAA's /check_token URL
	clientID     string
	clientSecret string

	cc         *http.Client
	ccInternal string
	ccExternal string

	tokens *cache[tokenInfo]
	access *cache[bool]
	m      *gatewayMetrics
	log    *slog.Logger
}

// tokenInfo is what UAA said about a token.
type tokenInfo struct {
	valid   bool
	admin   bool
	expires time.Time // zero when UAA did not say
}

func newAuthorizer(cfg AuthConfig, m *gatewayMetrics, log *slog.Logger) (*authorizer, error) {
	uaaTLS := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: cfg.UAA.SkipCertVerify} //nolint:gosec // operator's explicit choice
	if cfg.UAA.CAFile != "" {
		pool, err := loadCAPool(cfg.UAA.CAFile)
		if err != nil {
			return nil, fmt.Errorf("auth.uaa.ca_file: %w", err)
		}
		uaaTLS.RootCAs = pool
	}
	ccTLS, err := mtls.Client(cfg.CC.TLS, cfg.CC.ServerName, nil)
	if err != nil {
		return nil, fmt.Errorf("auth.cc.tls: %w", err)
	}
	u, err := url.Parse(cfg.UAA.Addr)
	if err != nil {
		return nil, fmt.Errorf("auth.uaa.addr: %w", err)
	}
	return &authorizer{
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
	}, nil
}

func transport(tlsCfg *tls.Config) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = tlsCfg
	t.MaxIdleConnsPerHost = 16
	return t
}

func loadCAPool(path string) (*x509.CertPool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(data) {
		return nil, fmt.Errorf("%s: no PEM certificate found", path)
	}
	return pool, nil
}

// authorize returns nil when the Authorization header's token may read every
// one of sourceIDs (an empty list means the whole firehose), errNotFound when
// it may not, and a 503 error when UAA or Cloud Controller could not answer.
func (a *authorizer) authorize(ctx context.Context, header string, sourceIDs []string) *apiError {
	token := bearer(header)
	if token == "" {
		return a.deny("missing_token")
	}
	key := hashKey(header)
	info, err := a.tokenInfo(ctx, key, token)
	if err != nil {
		if ctx.Err() != nil {
			return errUAAUnavailable // the client left; nothing to count
		}
		a.m.authErrors.WithLabelValues("uaa").Inc()
		a.log.Warn("check token", "error", err.Error())
		return errUAAUnavailable
	}
	switch {
	case !info.valid:
		return a.deny("invalid_token")
	case info.admin:
		return nil
	case len(sourceIDs) == 0:
		return a.deny("firehose_not_admin")
	}
	for _, id := range sourceIDs {
		if !guid.MatchString(id) {
			return a.deny("not_a_guid")
		}
		ok, err := a.logAccess(ctx, key, "bearer "+token, id, info.expires)
		if err != nil {
			if ctx.Err() != nil {
				return errCCUnavailable
			}
			a.m.authErrors.WithLabelValues("cc").Inc()
			a.log.Warn("check log access", "source_id", id, "error", err.Error())
			return errCCUnavailable
		}
		if !ok {
			return a.deny("no_log_access")
		}
	}
	return nil
}

func (a *authorizer) deny(reason string) *apiError {
	a.m.authDenied.WithLabelValues(reason).Inc()
	return errNotFound
}

func (a *authorizer) tokenInfo(ctx context.Context, key, token string) (tokenInfo, error) {
	now := time.Now()
	if info, ok := a.tokens.get(key, now); ok {
		a.m.cacheHits.Inc()
		return info, nil
	}
	a.m.cacheMisses.Inc()
	start := time.Now()
	info, err := a.askUAA(ctx, token)
	a.m.uaaLatency.Observe(time.Since(start).Seconds())
	if err != nil {
		return tokenInfo{}, err
	}
	a.tokens.put(key, info, now, info.expires)
	return info, nil
}

// askUAA posts the token to /check_token with the gateway's client
// credentials. UAA answers 200 with the token's claims for a good token and
// 400 invalid_token for a bad or expired one; 401 means the gateway's own
// credentials are wrong, which is an error, not a denial.
func (a *authorizer) askUAA(ctx context.Context, token string) (tokenInfo, error) {
	form := url.Values{"token": {token}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.checkToken, strings.NewReader(form.Encode()))
	if err != nil {
		return tokenInfo{}, fmt.Errorf("build UAA request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.SetBasicAuth(url.QueryEscape(a.clientID), url.QueryEscape(a.clientSecret))
	resp, err := a.uaa.Do(req)
	if err != nil {
		return tokenInfo{}, fmt.Errorf("UAA %s: %w", a.checkToken, err)
	}
	defer drain(resp)
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusBadRequest:
		return tokenInfo{}, nil
	default:
		return tokenInfo{}, fmt.Errorf("UAA %s: status %d", a.checkToken, resp.StatusCode)
	}
	var claims struct {
		Scope []string `json:"scope"`
		Exp   int64    `json:"exp"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&claims); err != nil {
		return tokenInfo{}, fmt.Errorf("UAA %s: decode answer: %w", a.checkToken, err)
	}
	info := tokenInfo{valid: true}
	if claims.Exp > 0 {
		info.expires = time.Unix(claims.Exp, 0)
		if !time.Now().Before(info.expires) {
			return tokenInfo{}, nil
		}
	}
	for _, s := range claims.Scope {
		if s == scopeFirehose || s == scopeLogsAdmin {
			info.admin = true
		}
	}
	return info, nil
}

func (a *authorizer) logAccess(ctx context.Context, key, header, id string, notAfter time.Time) (bool, error) {
	key = key + "/" + id
	now := time.Now()
	if ok, hit := a.access.get(key, now); hit {
		a.m.cacheHits.Inc()
		return ok, nil
	}
	a.m.cacheMisses.Inc()
	start := time.Now()
	ok, err := a.askCC(ctx, header, id)
	a.m.ccLatency.Observe(time.Since(start).Seconds())
	if err != nil {
		return false, err
	}
	a.access.put(key, ok, now, notAfter)
	return ok, nil
}

// askCC asks the internal API whether the token may read the app's logs,
// then, if not, whether the token can see a service instance of that id.
func (a *authorizer) askCC(ctx context.Context, header, id string) (bool, error) {
	ok, err := a.ccGet(ctx, a.ccInternal+"/internal/v4/log_access/"+url.PathEscape(id), header)
	if err != nil || ok || a.ccExternal == "" {
		return ok, err
	}
	return a.ccGet(ctx, a.ccExternal+"/v3/service_instances/"+url.PathEscape(id), header)
}

func (a *authorizer) ccGet(ctx context.Context, u, header string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false, fmt.Errorf("build cloud controller request: %w", err)
	}
	req.Header.Set("Authorization", header)
	resp, err := a.cc.Do(req)
	if err != nil {
		return false, fmt.Errorf("cloud controller: %w", err)
	}
	defer drain(resp)
	switch resp.StatusCode {
	case http.StatusOK:
		return true, nil
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return false, nil
	}
	return false, fmt.Errorf("cloud controller %s: status %d", redactPath(u), resp.StatusCode)
}

func redactPath(u string) string {
	if p, err := url.Parse(u); err == nil {
		return p.Scheme + "://" + p.Host + p.Path
	}
	return "(unparsable URL)"
}

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
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
