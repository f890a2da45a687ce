package gateway

import (
	"errors"

	"loggregator/internal/cfauth"
)

// authError maps an error of cfauth.Authorizer.Authorize to the answer: a
// denial of any kind is 404, so a stranger cannot tell an existing app from a
// missing one, and UAA or Cloud Controller failing is 503.
func authError(err error) *apiError {
	var unavailable *cfauth.UnavailableError
	switch {
	case !errors.As(err, &unavailable):
		return errNotFound
	case unavailable.Service == cfauth.ServiceCC:
		return errCCUnavailable
	}
	return errUAAUnavailable
}
