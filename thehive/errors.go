package thehive

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// AttributeError is one entry of an AttributeCheckingError: a field whose
// value the server rejected. AttributeErrors returns them from an error.
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
// err's chain (the Extra of an *incidentkit.Error), or nil.
func AttributeErrors(err error) []AttributeError {
	var e *incidentkit.Error
	if errors.As(err, &e) {
		if list, ok := e.Extra.([]AttributeError); ok {
			return list
		}
	}
	return nil
}

// envelope is TheHive's error body: {"type","message"}, with "errors" for
// an AttributeCheckingError.
type envelope struct {
	Type    string          `json:"type"`
	Message string          `json:"message"`
	Errors  json.RawMessage `json:"errors"`
}

// decodeError fills e from TheHive's error body. Besides the
// {"type","message"} object it reads the list of such objects that TheHive
// 3 answers when every value of a multi-value create failed. It sets
// e.Exists for TheHive's answer to a create whose object exists already, so
// that errors.Is(err, ErrAlreadyExists) holds:
//
//   - TheHive 4 and 5: 400 {"type":"CreateError","message":"Alert
//     <type>:<source>:<sourceRef> already exist in organisation <org>"} and
//     {"type":"CreateError","message":"Observable already exists"};
//   - TheHive 3: 400 {"type":"ConflictError","message":"…document already
//     exists…"} for an alert and "Artifact already exists" for an
//     observable, alone or in a list.
func decodeError(e *incidentkit.Error, body []byte) bool {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		var list []envelope
		if json.Unmarshal(body, &list) != nil || len(list) == 0 || (list[0].Type == "" && list[0].Message == "") {
			return false
		}
		e.Code, e.Message = list[0].Type, list[0].Message
		e.Exists = true
		for _, env := range list {
			e.Exists = e.Exists && duplicate(env.Type, env.Message)
		}
		return true
	}
	var env envelope
	if json.Unmarshal(body, &env) != nil || (env.Type == "" && env.Message == "") {
		return false
	}
	e.Code, e.Message = env.Type, env.Message
	e.Exists = duplicate(env.Type, env.Message)
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

// duplicate reports whether an error of TheHive's type typ with message msg
// refuses a create because the object exists already. TheHive 4 and 5 say
// CreateError "… already exist(s) …"; TheHive 3 says ConflictError, whose
// other use (a version conflict on update) never says "already exist".
// Merging an alert that is in a case already is refused by TheHive 4 with
// BadRequest "Alert is already imported" (AlertSrv.mergeInCase).
func duplicate(typ, msg string) bool {
	msg = strings.ToLower(msg)
	return ((typ == "CreateError" || typ == "ConflictError") && strings.Contains(msg, "already exist")) ||
		(typ == "BadRequest" && strings.Contains(msg, "already imported"))
}

// unsupported reports what the dialect cannot express; problem ends in
// "not available" and the dialect is named after it. The error matches
// both ErrInvalidInput and ErrUnsupported.
func (sp *dialectSpec) unsupported(field, problem, hint string) error {
	p := problem + " in " + sp.label
	if hint != "" {
		p += "; " + hint
	}
	return &incidentkit.InputError{Service: "thehive", Field: field, Problem: p, Err: ErrUnsupported}
}

// unsupportedIn3 reports fields TheHive 3 lacks where TheHive 4 has them.
func unsupportedIn3(field, what string) error {
	return &incidentkit.InputError{Service: "thehive", Field: field, Problem: what + " are not available in TheHive 3",
		Err: ErrUnsupported}
}

// filterErr wraps an error of package filter: it matches ErrInvalidInput,
// and ErrUnsupported when the filter cannot be expressed in the dialect,
// while errors.As still finds the *filter.Error or *filter.UnsupportedError.
func filterErr(err error) error {
	cause := err
	if errors.Is(err, filter.ErrUnsupported) {
		cause = &causes{err: err, also: ErrUnsupported}
	}
	return &incidentkit.InputError{Service: "thehive", Field: "filter",
		Problem: strings.TrimPrefix(err.Error(), "filter: "), Err: cause}
}

// causes is an error with a second sentinel beside it for errors.Is.
type causes struct {
	err, also error
}

func (c *causes) Error() string   { return c.err.Error() }
func (c *causes) Unwrap() []error { return []error{c.err, c.also} }

// errMissingTotal reports a count answer without a usable X-Total header.
var errMissingTotal = errors.New("the answer has no X-Total header with the count")
