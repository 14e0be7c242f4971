package servicenow

import (
	"encoding/json"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Error is a non-success answer from ServiceNow, including an error
// envelope inside an HTTP 200 answer.
type Error = transport.Error

// BodyError reports an answer whose body could not be read or decoded.
type BodyError = transport.BodyError

// RequestError reports a request that got no answer.
type RequestError = transport.RequestError

// InputError reports input rejected before anything was sent.
type InputError = transport.InputError

// apiError is ServiceNow's error envelope.
type apiError struct {
	Message string `json:"message"`
	Detail  string `json:"detail"`
}

// decodeError fills e from ServiceNow's {"error":{...},"status":"failure"}.
func decodeError(e *Error, body []byte) bool {
	var env struct {
		Error *apiError `json:"error"`
	}
	if json.Unmarshal(body, &env) != nil || env.Error == nil {
		return false
	}
	e.Message, e.Detail = env.Error.Message, env.Error.Detail
	return true
}

func inputErr(field, problem string) error {
	return &InputError{Field: field, Problem: problem}
}

// queryError is a list query that cannot be encoded. It matches both
// ErrInvalidInput and encodedquery.ErrInvalid, and errors.As finds the
// builder's *encodedquery.Error.
type queryError struct{ err error }

func (e *queryError) Error() string { return "servicenow: invalid query: " + e.err.Error() }

func (e *queryError) Unwrap() []error { return []error{ErrInvalidInput, e.err} }
