package incidentkit

import (
	"errors"
	"net/http"
)

// OutcomeUnknown reports whether err, the error of a write, leaves it
// unknown whether the server carried the write out: no answer came (a
// *RequestError, a cancellation in flight included), the answer was
// a 500, 502 or 504 (or a 503 without Retry-After) that a server may send
// after acting, or a success answer could not be read (a *BodyError: the
// server acted). Input errors, refusals (4xx) and a 503 or 429 with
// Retry-After are known outcomes: nothing was done. The clients' Ensure
// calls use it to decide when to look a record up before creating it
// again, and their own error says the outcome is unknown when the lookup
// after a lost answer failed too (an error with an OutcomeUnknown() bool
// method answers for itself).
func OutcomeUnknown(err error) bool {
	if err == nil || errors.Is(err, ErrInvalidInput) || errors.Is(err, ErrUnsupported) {
		return false
	}
	var self interface{ OutcomeUnknown() bool }
	if errors.As(err, &self) {
		return self.OutcomeUnknown()
	}
	var bodyErr *BodyError
	if errors.As(err, &bodyErr) {
		return true
	}
	var apiErr *Error
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			return true
		case http.StatusServiceUnavailable:
			return apiErr.RetryAfter == 0
		}
		return false
	}
	var reqErr *RequestError
	return errors.As(err, &reqErr)
}
