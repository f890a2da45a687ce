package cfauth

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

func transport(tlsCfg *tls.Config) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = tlsCfg
	t.MaxIdleConnsPerHost = 16
	return t
}

// askUAA posts the token to /check_token with the client credentials. UAA
// answers 200 with the token's claims for a good token and 400
// invalid_token for a bad or expired one; 401 means the client credentials
// are wrong, which is an error, not a denial.
func (a *Authorizer) askUAA(ctx context.Context, token string) (tokenInfo, error) {
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
		if !a.now().Before(info.expires) {
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

// askCC asks the internal API whether the token may read the app's logs,
// then, if not, whether the token can see a service instance of that id.
func (a *Authorizer) askCC(ctx context.Context, header, id string) (bool, error) {
	ok, err := a.ccGet(ctx, a.ccInternal+"/internal/v4/log_access/"+url.PathEscape(id), header)
	if err != nil || ok || a.ccExternal == "" {
		return ok, err
	}
	return a.ccGet(ctx, a.ccExternal+"/v3/service_instances/"+url.PathEscape(id), header)
}

func (a *Authorizer) ccGet(ctx context.Context, u, header string) (bool, error) {
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
