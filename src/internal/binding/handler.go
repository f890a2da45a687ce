package binding

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
)

// Handler serves GET /v2/bindings and GET /v2/aggregate from the last lists
// given to SetBindings and SetAggregate. Each list is encoded once when set
// and swapped in atomically; a list never set is answered 503 Service
// Unavailable. Other paths are 404, other methods 405. It is safe for
// concurrent use.
type Handler struct {
	bindings  atomic.Pointer[[]byte]
	aggregate atomic.Pointer[[]byte]
}

// NewHandler returns a Handler with nothing published yet.
func NewHandler() *Handler { return &Handler{} }

// SetBindings publishes bs as the answer to GET /v2/bindings. bs is encoded
// before SetBindings returns and may be reused by the caller.
func (h *Handler) SetBindings(bs []Binding) error {
	doc, err := encode(bs)
	if err != nil {
		return fmt.Errorf("encode bindings: %w", err)
	}
	h.bindings.Store(&doc)
	return nil
}

// SetAggregate publishes bs as the answer to GET /v2/aggregate.
func (h *Handler) SetAggregate(bs []Binding) error {
	doc, err := encode(bs)
	if err != nil {
		return fmt.Errorf("encode aggregate drains: %w", err)
	}
	h.aggregate.Store(&doc)
	return nil
}

// ServeHTTP answers the two documents.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var doc *[]byte
	switch r.URL.Path {
	case BindingsPath:
		doc = h.bindings.Load()
	case AggregatePath:
		doc = h.aggregate.Load()
	default:
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if doc == nil {
		http.Error(w, "not polled yet", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(*doc)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(*doc) // a client gone away is its own problem
	}
}

// encode writes bs as a JSON list, "[]" for none, never "null".
func encode(bs []Binding) ([]byte, error) {
	if bs == nil {
		bs = []Binding{}
	}
	return json.Marshal(bs)
}
