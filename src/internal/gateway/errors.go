package gateway

import (
	"encoding/json"
	"net/http"
)

// apiError is an error answer: a status and a JSON body
// {"error": name, "message": message}, the shape Cloud Foundry's gateway uses.
type apiError struct {
	Status  int    `json:"-"`
	Name    string `json:"error"`
	Message string `json:"message"`
}

var (
	errMethodNotAllowed = &apiError{http.StatusMethodNotAllowed, "method_not_allowed", "only GET is allowed"}
	errMissingType      = &apiError{http.StatusBadRequest, "missing_envelope_type",
		"query must name at least one envelope type: log, counter, gauge, timer, event, counter.name or gauge.name"}
	errEmptyCounterName = &apiError{http.StatusBadRequest, "missing_counter_name", "counter.name needs a value"}
	errEmptyGaugeName   = &apiError{http.StatusBadRequest, "missing_gauge_name", "gauge.name needs a value"}
	errNotFound         = &apiError{http.StatusNotFound, "not_found", "resource not found"}
	errTooManyStreams   = &apiError{http.StatusServiceUnavailable, "too_many_streams",
		"the gateway is serving its maximum number of streams; retry later"}
	errUAAUnavailable = &apiError{http.StatusServiceUnavailable, "auth_unavailable",
		"the token could not be checked: UAA did not answer in time or failed; retry later"}
	errCCUnavailable = &apiError{http.StatusServiceUnavailable, "auth_unavailable",
		"log access could not be checked: Cloud Controller did not answer in time or failed; retry later"}
	errUpstream = &apiError{http.StatusBadGateway, "logs_provider_unavailable",
		"the reverse log proxy could not be reached; retry later"}
	errStreamingUnsupported = &apiError{http.StatusInternalServerError, "streaming_unsupported",
		"the connection does not support streaming"}
)

func (e *apiError) write(w http.ResponseWriter) {
	body, _ := json.Marshal(e) // a struct of strings always encodes
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(e.Status)
	_, _ = w.Write(append(body, '\n'))
}
