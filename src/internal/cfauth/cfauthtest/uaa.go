package cfauthtest

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Token is what the UAA stand-in says about a token it knows.
type Token struct {
	// Scopes are the token's scopes, such as "doppler.firehose".
	Scopes []string
	// Expires is the token's exp claim; zero leaves the claim out.
	Expires time.Time
}

// UAA stands in for UAA's POST /check_token: it requires HTTP basic
// authentication with its client id and secret (each form-URL-encoded, as
// UAA expects), reads the form field "token", and answers 200 with the
// token's claims (scope, exp, client_id, user_id) for a token set with
// SetToken, 400 invalid_token for any other, 401 for wrong client
// credentials.
type UAA struct {
	*server
	clientID     string
	clientSecret string

	mu     sync.Mutex
	tokens map[string]Token // guarded by mu
}

// NewUAA starts a UAA serving HTTPS with tlsCfg on 127.0.0.1 that accepts
// the client clientID with clientSecret.
func NewUAA(tlsCfg *tls.Config, clientID, clientSecret string) *UAA {
	u := &UAA{clientID: clientID, clientSecret: clientSecret, tokens: map[string]Token{}}
	u.server = startServer(tlsCfg, u.serve)
	return u
}

// URL is UAA's base URL, such as "https://127.0.0.1:41234".
func (u *UAA) URL() string { return u.srv.URL }

// SetToken makes token known with t's claims.
func (u *UAA) SetToken(token string, t Token) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.tokens[token] = t
}

// RevokeToken makes token unknown again: UAA answers invalid_token.
func (u *UAA) RevokeToken(token string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	delete(u.tokens, token)
}

// Fail sets how /check_token answers from now on; Healthy undoes it.
func (u *UAA) Fail(f Failure) { u.setFailure(f) }

// Calls is the number of /check_token calls with good client credentials,
// failed ones included.
func (u *UAA) Calls() int { return int(u.calls.Load()) }

// Close stops the server, releasing hanging requests first.
func (u *UAA) Close() { u.close() }

func (u *UAA) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/check_token" {
		http.NotFound(w, r)
		return
	}
	if !u.authenticated(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="UAA/client"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{
			"error": "unauthorized", "error_description": "Bad credentials",
		})
		return
	}
	if u.fail(w, r) {
		return
	}
	u.mu.Lock()
	t, ok := u.tokens[r.PostFormValue("token")]
	u.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusBadRequest, map[string]string{
			"error": "invalid_token", "error_description": "Invalid token (could not decode)",
		})
		return
	}
	claims := map[string]any{"scope": append([]string{}, t.Scopes...), "client_id": "cf", "user_id": "user"}
	if !t.Expires.IsZero() {
		claims["exp"] = t.Expires.Unix()
	}
	writeJSON(w, http.StatusOK, claims)
}

func (u *UAA) authenticated(r *http.Request) bool {
	id, secret, ok := r.BasicAuth()
	if !ok {
		return false
	}
	id, errID := url.QueryUnescape(id)
	secret, errSecret := url.QueryUnescape(secret)
	return errID == nil && errSecret == nil && id == u.clientID && secret == u.clientSecret
}

func writeJSON(w http.ResponseWriter, code int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}
