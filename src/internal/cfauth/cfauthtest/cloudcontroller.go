package cfauthtest

import (
	"fmt"
	"net/http"
	"strings"
	"sync"

	"loggregator/internal/mtls"
)

// CloudController stands in for the two Cloud Controller endpoints cfauth
// asks: the internal GET /internal/v4/log_access/<guid>, served with
// mutual TLS, and the public
// GET /v3/service_instances/<guid>, served with the same certificate but no
// client certificate asked for. Each answers 200 when the request's bearer
// token was granted the guid (GrantApp, GrantServiceInstance), 401 without
// a bearer token and 404 otherwise.
type CloudController struct {
	internal *server
	external *server

	mu       sync.Mutex
	apps     map[grant]bool // guarded by mu
	services map[grant]bool // guarded by mu
}

type grant struct{ token, guid string }

// NewCloudController starts both APIs on 127.0.0.1 with the identity in
// files: the internal one requires client certificates signed by files.CA,
// as Cloud Controller's does; the public one asks for none.
func NewCloudController(files mtls.Files) (*CloudController, error) {
	internal, err := mtls.Server(files, nil)
	if err != nil {
		return nil, fmt.Errorf("cloud controller internal tls: %w", err)
	}
	public, err := mtls.ServerNoClientAuth(mtls.Identity{Cert: files.Cert, Key: files.Key}, nil)
	if err != nil {
		return nil, fmt.Errorf("cloud controller public tls: %w", err)
	}
	c := &CloudController{apps: map[grant]bool{}, services: map[grant]bool{}}
	c.internal = startServer(internal, c.serveLogAccess)
	c.external = startServer(public, c.serveServiceInstance)
	return c, nil
}

// InternalURL is the internal API's base URL.
func (c *CloudController) InternalURL() string { return c.internal.srv.URL }

// ExternalURL is the public API's base URL.
func (c *CloudController) ExternalURL() string { return c.external.srv.URL }

// GrantApp lets token read the logs of the app guid.
func (c *CloudController) GrantApp(token, guid string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.apps[grant{token, guid}] = true
}

// GrantServiceInstance lets token see the service instance guid.
func (c *CloudController) GrantServiceInstance(token, guid string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.services[grant{token, guid}] = true
}

// Fail sets how both APIs answer from now on; Healthy undoes it.
func (c *CloudController) Fail(f Failure) {
	c.internal.setFailure(f)
	c.external.setFailure(f)
}

// Calls is the number of log access and service instance requests, failed
// ones included.
func (c *CloudController) Calls() int {
	return int(c.internal.calls.Load() + c.external.calls.Load())
}

// Close stops both APIs, releasing hanging requests first.
func (c *CloudController) Close() {
	c.internal.close()
	c.external.close()
}

func (c *CloudController) serveLogAccess(w http.ResponseWriter, r *http.Request) {
	c.serveGrant(w, r, c.internal, "/internal/v4/log_access/", c.apps, "{}")
}

func (c *CloudController) serveServiceInstance(w http.ResponseWriter, r *http.Request) {
	c.serveGrant(w, r, c.external, "/v3/service_instances/", c.services, "")
}

// serveGrant answers GET prefix<guid> from grants; body is the 200 answer,
// or, when empty, a service instance resource for the guid.
func (c *CloudController) serveGrant(w http.ResponseWriter, r *http.Request, s *server, prefix string, grants map[grant]bool, body string) {
	guid, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok || guid == "" || strings.Contains(guid, "/") || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	if s.fail(w, r) {
		return
	}
	kind, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(kind, "bearer") || token == "" {
		writeJSON(w, http.StatusUnauthorized, ccError(10002, "CF-NotAuthenticated", "Authentication error"))
		return
	}
	c.mu.Lock()
	granted := grants[grant{token, guid}]
	c.mu.Unlock()
	if !granted {
		writeJSON(w, http.StatusNotFound, ccError(10010, "CF-ResourceNotFound", "Resource not found"))
		return
	}
	if body != "" {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"guid": guid, "name": "service-instance", "type": "managed"})
}

// ccError is Cloud Controller's v3 error body.
func ccError(code int, title, detail string) map[string]any {
	return map[string]any{"errors": []map[string]any{{"code": code, "title": title, "detail": detail}}}
}
