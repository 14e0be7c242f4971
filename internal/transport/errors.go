package transport

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors matched by [*Error] through errors.Is.
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
	// ErrServer matches any HTTP 5xx answer.
	ErrServer = errors.New("server error")
	// ErrInvalidInput matches every [*InputError]: input rejected before
	// anything was sent.
	ErrInvalidInput = errors.New("invalid input")
	// ErrResponseTooLarge matches a [*BodyError] for a body past the
	// configured size cap.
	ErrResponseTooLarge = errors.New("response too large")
	// ErrNotReplayable is returned when a request would have to be sent again
	// but its body was a plain io.Reader that had already been read from.
	ErrNotReplayable = errors.New("request body cannot be sent again")
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
	// Extra holds API-specific details decoded from the body (for example
	// the field list of a TheHive AttributeCheckingError).
	Extra any
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Service != "" {
		b.WriteString(e.Service)
		b.WriteString(": ")
	}
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.URL)
	b.WriteString(": ")
	b.WriteString(statusText(e.StatusCode))
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

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("HTTP %d", code)
}

// BodyError reports a successful answer whose body could not be read or
// decoded: truncated JSON, an HTML page where JSON was expected, a
// connection reset mid-body, or a body past the size cap.
type BodyError struct {
	Service     string
	Method      string
	URL         string
	StatusCode  int
	ContentType string
	// Summary is a readable summary of what arrived instead (an HTML page's
	// title, the start of a text body); empty for a body that was JSON.
	Summary string
	// Err is the underlying read or decode error.
	Err error
}

// Error implements the error interface.
func (e *BodyError) Error() string {
	var b strings.Builder
	if e.Service != "" {
		b.WriteString(e.Service)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s %s: %s: ", e.Method, e.URL, statusText(e.StatusCode))
	if e.Summary != "" {
		fmt.Fprintf(&b, "unexpected %s answer: %q", mediaType(e.ContentType), e.Summary)
		return b.String()
	}
	b.WriteString("reading response: ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *BodyError) Unwrap() error { return e.Err }

// InputError reports input rejected before anything was sent.
type InputError struct {
	// Field names the offending argument or option.
	Field string
	// Problem says what is wrong with it.
	Problem string
}

// Error implements the error interface.
func (e *InputError) Error() string {
	if e.Field == "" {
		return "invalid input: " + e.Problem
	}
	return "invalid " + e.Field + ": " + e.Problem
}

// Is makes errors.Is(err, ErrInvalidInput) hold.
func (e *InputError) Is(target error) bool { return target == ErrInvalidInput }

// invalid is a shorthand for constructing an *InputError.
func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Problem: fmt.Sprintf(format, args...)}
}
