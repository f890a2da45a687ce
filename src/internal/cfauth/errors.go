package cfauth

import (
	"errors"
	"fmt"
)

// Denials. Authorize wraps one of them with the reason it counts, such as
// "invalid_token"; test with errors.Is.
var (
	// ErrUnauthenticated: the request carries no token, or UAA says the
	// token is not valid (bad, foreign or expired).
	ErrUnauthenticated = errors.New("token missing or not valid")
	// ErrForbidden: the token is valid but may not read what was asked.
	ErrForbidden = errors.New("token may not read the requested source")
)

// The services an UnavailableError names; also the values of the "service"
// label of Metrics.Errors.
const (
	ServiceUAA = "uaa"
	ServiceCC  = "cc"
)

// UnavailableError says that UAA or Cloud Controller failed or did not
// answer in time, so no decision could be made. It is never cached.
type UnavailableError struct {
	// Service is ServiceUAA or ServiceCC.
	Service string
	// Err is what went wrong.
	Err error
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("%s unavailable: %v", e.Service, e.Err)
}

func (e *UnavailableError) Unwrap() error { return e.Err }

// Reasons of a denial, the values of the "reason" label of Metrics.Denied.
const (
	reasonMissingToken     = "missing_token"
	reasonInvalidToken     = "invalid_token"
	reasonFirehoseNotAdmin = "firehose_not_admin"
	reasonNotAGUID         = "not_a_guid"
	reasonNoLogAccess      = "no_log_access"
)

// denial is the error Authorize returns for reason.
func denial(reason string) error {
	switch reason {
	case reasonMissingToken, reasonInvalidToken:
		return fmt.Errorf("%w (%s)", ErrUnauthenticated, reason)
	}
	return fmt.Errorf("%w (%s)", ErrForbidden, reason)
}
