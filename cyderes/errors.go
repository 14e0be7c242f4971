package cyderes

import (
	"github.com/incidentkit/incidentkit/internal/transport"
)

// Error is a non-success answer from the API. Message holds the API's own
// explanation (FastAPI's "detail", a "message", or the text of the body).
type Error = transport.Error

// BodyError reports an answer whose body could not be read or decoded.
type BodyError = transport.BodyError

// RequestError reports a request that got no answer.
type RequestError = transport.RequestError

// InputError reports input rejected before anything was sent.
type InputError = transport.InputError

func inputErr(field, problem string) error {
	return &InputError{Field: field, Problem: problem}
}
