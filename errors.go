package incidentkit

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors, matched with errors.Is. Every client package exports the
// same set under its own name.
var (
	// ErrNotFound matches an HTTP 404 answer.
	ErrNotFound = errors.New("not found")
	// ErrUnauthorized matches an HTTP 401 answer.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrForbidden matches an HTTP 403 answer.
	ErrForbidden = errors.New("forbidden")
	// ErrRateLimited matches an HTTP 429 answer.
	ErrRateLimited = errors.New("rate limited")
	// ErrConflict matches an HTTP 409 answer.
	ErrConflict = errors.New("conflict")
	// ErrAlreadyExists matches an answer saying the object to create exists
	// already: an HTTP 409, or an API's own duplicate answer (TheHive's
	// CreateError for an alert whose type, source and sourceRef are taken,
	// or an observable already in the case).
	ErrAlreadyExists = errors.New("already exists")
	// ErrServer matches any HTTP 5xx answer, and a listing the server
	// would not let progress (a *PagingError).
	ErrServer = errors.New("server error")
	// ErrInvalidInput matches every [*InputError]: input rejected before
	// anything was sent.
	ErrInvalidInput = errors.New("invalid input")
	// ErrResponseTooLarge matches a [*BodyError] for a body past the
	// configured size cap.
	ErrResponseTooLarge = errors.New("response too large")
	// ErrNotReplayable matches a request that would have had to be sent
	// again but whose body was a plain io.Reader already read from.
	ErrNotReplayable = errors.New("request body cannot be sent again")
	// ErrUnsupported matches a call the server's API (or dialect, for
	// TheHive 3/4) cannot express. Nothing is sent.
	ErrUnsupported = errors.New("not supported")
)

// Error is a non-success answer from an API: any non-2xx status, or an API
// error envelope inside a 2xx answer.
type Error struct {
	// Service names the API ("servicenow", "thehive", "cyderes").
	Service string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Method and URL identify the request; URL has credentials and
	// token-like query values redacted.
	Method string
	URL    string
	// Code is the API's own error kind where it has one (TheHive's "type",
	// for example "NotFoundError").
	Code string
	// Message is the API's message, or a readable summary of a non-JSON body
	// (an HTML page's title, the first line of a text body).
	Message string
	// Detail is the API's longer explanation, when it gives one.
	Detail string
	// Body is the start of the raw answer, capped; secrets are redacted.
	Body []byte
	// RetryAfter is the server's Retry-After, zero when absent.
	RetryAfter time.Duration
	// Header holds the answer's headers.
	Header http.Header
	// Attempts is how many times the request was sent.
	Attempts int
	// Exists is set by a client that recognised the API's own "already
	// exists" answer; it makes errors.Is(err, ErrAlreadyExists) hold.
	Exists bool
	// Extra holds API-specific details decoded from the body (for example
	// the field list of a TheHive AttributeCheckingError).
	Extra any
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(requestPrefix(e.Service, e.Method, e.URL))
	b.WriteString(StatusText(e.StatusCode))
	if e.Code != "" {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Detail != "" && e.Detail != e.Message {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteByte(')')
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " [retry after %s]", e.RetryAfter)
	}
	return b.String()
}

// Response describes the answer behind the error as a success's
// [Response] would: status, headers, attempts, request ID, rate limit.
func (e *Error) Response() Response { return NewResponse(e.StatusCode, e.Header, e.Attempts) }

// Is reports whether the error matches one of the sentinel errors.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrAlreadyExists:
		return e.Exists || e.StatusCode == http.StatusConflict
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	}
	return false
}

// Temporary reports whether repeating the request later may succeed
// (429 and 502/503/504).
func (e *Error) Temporary() bool {
	switch e.StatusCode {
	case http.StatusTooManyRequests, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// StatusText formats an HTTP status as "404 Not Found", or "HTTP 599" for a
// code without a standard text.
func StatusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("HTTP %d", code)
}

// BodyError reports a successful answer whose body could not be read or
// decoded: truncated JSON, an HTML page where JSON was expected, a
// connection reset mid-body, or a body past the size cap.
type BodyError struct {
	// Service names the API ("servicenow", "thehive", "cyderes").
	Service string
	// Method and URL identify the request; URL is redacted.
	Method string
	URL    string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// ContentType is the answer's Content-Type header.
	ContentType string
	// Summary is a readable summary of what arrived instead (an HTML page's
	// title, the start of a text body); empty for a body that was JSON.
	Summary string
	// Err is the underlying read or decode error.
	Err error
}

// Error implements the error interface.
func (e *BodyError) Error() string {
	msg := requestPrefix(e.Service, e.Method, e.URL) + StatusText(e.StatusCode) + ": "
	if e.Summary != "" {
		kind := mediaType(e.ContentType)
		if kind != "" {
			kind += " "
		}
		return msg + fmt.Sprintf("unexpected %sanswer: %q", kind, e.Summary)
	}
	msg += "reading response: "
	if e.Err != nil {
		msg += e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *BodyError) Unwrap() error { return e.Err }

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(contentType))
	}
	return mt
}

// RequestError reports a request that got no usable answer: the connection
// was refused or reset, the deadline passed, or the rate limiter gave up.
// errors.Is sees through it to context.Canceled and
// context.DeadlineExceeded.
type RequestError struct {
	// Service names the API ("servicenow", "thehive", "cyderes").
	Service string
	// Method and URL identify the request; URL is redacted.
	Method string
	URL    string
	// Attempts is how many times the request was sent.
	Attempts int
	// Err is the underlying network, context or limiter error.
	Err error
}

// Error implements the error interface.
func (e *RequestError) Error() string {
	return requestPrefix(e.Service, e.Method, e.URL) + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RequestError) Unwrap() error { return e.Err }

// Timeout reports whether the failure was a timeout.
func (e *RequestError) Timeout() bool {
	var ne interface{ Timeout() bool }
	return errors.Is(e.Err, context.DeadlineExceeded) || (errors.As(e.Err, &ne) && ne.Timeout())
}

// InputError reports input rejected before anything was sent. It matches
// [ErrInvalidInput]; an input error for a call a dialect cannot express
// also matches [ErrUnsupported].
type InputError struct {
	// Service names the client that refused the input ("servicenow",
	// "thehive", "cyderes"); it prefixes the message.
	Service string
	// Field names the offending argument or option.
	Field string
	// Problem says what is wrong with it.
	Problem string
	// Err, when set, is the underlying cause (a builder's own error, or
	// ErrUnsupported).
	Err error
}

// Error implements the error interface.
func (e *InputError) Error() string {
	field := e.Field
	if field == "" {
		field = "input"
	}
	return servicePrefix(e.Service) + "invalid " + field + ": " + e.Problem
}

// Is makes errors.Is(err, ErrInvalidInput) hold.
func (e *InputError) Is(target error) bool { return target == ErrInvalidInput }

// Unwrap returns the underlying cause, if any.
func (e *InputError) Unwrap() error { return e.Err }

// servicePrefix starts every error message of the family: "service: "
// when the error names its service, nothing otherwise.
func servicePrefix(service string) string {
	if service == "" {
		return ""
	}
	return service + ": "
}

// requestPrefix starts the message of an error about one request:
// "service: METHOD URL: ".
func requestPrefix(service, method, url string) string {
	return servicePrefix(service) + method + " " + url + ": "
}
