package thehive

import (
	"encoding/json"
	"errors"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Error is a non-success answer from TheHive. Code holds TheHive's error
// type ("NotFoundError", "AttributeCheckingError", ...); for an
// AttributeCheckingError, Extra holds a []AttributeError.
type Error = transport.Error

// BodyError reports an answer whose body could not be read or decoded.
type BodyError = transport.BodyError

// RequestError reports a request that got no answer.
type RequestError = transport.RequestError

// InputError reports input rejected before anything was sent.
type InputError = transport.InputError

// AttributeError is one entry of an AttributeCheckingError: a field whose
// value the server rejected.
type AttributeError struct {
	// Name is the attribute, Field its path in the input.
	Name  string `json:"name"`
	Field string `json:"field"`
	// Format is what the server expected, when it says.
	Format string `json:"format"`
	// Value is the rejected value as sent back, when present.
	Value json.RawMessage `json:"value,omitempty"`
	// Type is the error kind of this entry ("InvalidFormatAttributeError",
	// "MissingAttributeError", ...).
	Type string `json:"type,omitempty"`
	// Message is the server's text for this entry, when it gives one.
	Message string `json:"message,omitempty"`
}

// AttributeErrors returns the field list of an AttributeCheckingError in
// err's chain, or nil.
func AttributeErrors(err error) []AttributeError {
	var e *Error
	if errors.As(err, &e) {
		if list, ok := e.Extra.([]AttributeError); ok {
			return list
		}
	}
	return nil
}

// decodeError fills e from TheHive's {"type","message"} envelope.
func decodeError(e *Error, body []byte) bool {
	var env struct {
		Type    string          `json:"type"`
		Message string          `json:"message"`
		Errors  json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(body, &env) != nil || (env.Type == "" && env.Message == "") {
		return false
	}
	e.Code, e.Message = env.Type, env.Message
	if len(env.Errors) > 0 {
		var list []AttributeError
		if json.Unmarshal(env.Errors, &list) == nil && len(list) > 0 {
			e.Extra = list
			if e.Message == "" {
				e.Message = list[0].Message
			}
		} else {
			// TheHive 3 nests them one level deeper: [[{...}]].
			var nested [][]AttributeError
			if json.Unmarshal(env.Errors, &nested) == nil {
				for _, l := range nested {
					list = append(list, l...)
				}
				if len(list) > 0 {
					e.Extra = list
				}
			}
		}
	}
	return true
}

func inputErr(field, problem string) error {
	return &InputError{Field: field, Problem: problem}
}

// unsupportedError reports an operation the dialect cannot do.
type unsupportedError struct{ op string }

// Error implements the error interface.
func (e *unsupportedError) Error() string {
	return "thehive: " + e.op + " needs the V1 dialect (TheHive 5)"
}

// Is makes errors.Is(err, ErrUnsupported) hold.
func (e *unsupportedError) Is(target error) bool { return target == ErrUnsupported }

// errMissingTotal reports a count answer without a usable X-Total header.
var errMissingTotal = errors.New("the answer has no X-Total header with the count")
