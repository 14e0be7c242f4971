package servicenow

import (
	"fmt"
	"net/http"
)

// TokenError reports a failed OAuth token request (WithOAuthPassword,
// WithOAuthClientCredentials). A call that needed the token fails with an
// *incidentkit.RequestError wrapping it, so errors.As finds it. It never
// holds the client secret, the password or any token.
//
// Err is the core's own error for the exchange, so the usual tests hold
// through it: errors.As finds an *incidentkit.Error for a failure status
// (errors.Is(err, ErrServer) for a 5xx), an *incidentkit.BodyError for a
// success answer that holds no usable token (an HTML page, a cut-off or
// foreign JSON document), and errors.Is(err, context.DeadlineExceeded)
// holds when the caller's deadline passed first.
type TokenError struct {
	// Endpoint is the token endpoint's URL (the instance's /oauth_token.do).
	Endpoint string
	// StatusCode is the token endpoint's HTTP status (0 when none came).
	StatusCode int
	// Code and Description are OAuth's error and error_description.
	Code        string
	Description string
	// Err is the underlying cause.
	Err error
}

// Error implements the error interface.
func (e *TokenError) Error() string {
	s := "servicenow: OAuth token request to " + e.Endpoint + " failed"
	switch {
	case e.StatusCode != 0:
		s += fmt.Sprintf(": HTTP %d", e.StatusCode)
		if e.Code != "" {
			s += " " + e.Code
		}
		if e.Description != "" {
			s += ": " + e.Description
		}
	case e.Err != nil:
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying cause.
func (e *TokenError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnauthorized) hold when the token endpoint
// refused the credentials: an HTTP 401, or OAuth's access_denied,
// invalid_client, invalid_grant or unauthorized_client.
func (e *TokenError) Is(target error) bool {
	if target != ErrUnauthorized {
		return false
	}
	switch e.Code {
	case "access_denied", "invalid_client", "invalid_grant", "unauthorized_client":
		return true
	}
	return e.StatusCode == http.StatusUnauthorized
}

// refused reports whether the endpoint turned the grant down rather than
// failed: a refusal of the credentials, or any other 400 answer (OAuth's
// invalid_request, for a refresh token the instance no longer knows).
func (e *TokenError) refused() bool {
	return e.Is(ErrUnauthorized) || e.StatusCode == http.StatusBadRequest
}
