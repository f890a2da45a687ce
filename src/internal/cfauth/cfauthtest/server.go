package cfauthtest

import (
	"crypto/tls"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
)

// server is the HTTPS server and failure switch the stand-ins share.
type server struct {
	srv   *httptest.Server
	calls atomic.Int64
	done  chan struct{} // closed by close, releases hanging requests
	once  sync.Once

	mu      sync.Mutex
	failure Failure // guarded by mu
}

func startServer(tlsCfg *tls.Config, h http.HandlerFunc) *server {
	s := &server{done: make(chan struct{})}
	s.srv = httptest.NewUnstartedServer(h)
	s.srv.TLS = tlsCfg.Clone()
	s.srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes the spec refuses on purpose
	s.srv.StartTLS()
	return s
}

func (s *server) setFailure(f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failure = f
}

// fail counts the call and, when the switch is on, answers as it says and
// reports true.
func (s *server) fail(w http.ResponseWriter, r *http.Request) bool {
	s.calls.Add(1)
	s.mu.Lock()
	f := s.failure
	s.mu.Unlock()
	switch f {
	case Status500:
		w.WriteHeader(http.StatusInternalServerError)
		return true
	case Hang:
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		return true
	}
	return false
}

func (s *server) close() {
	s.once.Do(func() {
		close(s.done)
		s.srv.Close()
	})
}
