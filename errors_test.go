package incidentkit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestErrorMatchesSentinelsByStatus(t *testing.T) {
	sentinels := []error{ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited, ErrConflict, ErrAlreadyExists, ErrServer}
	tests := []struct {
		name    string
		err     *Error
		matches []error
	}{
		{name: "404", err: &Error{StatusCode: http.StatusNotFound}, matches: []error{ErrNotFound}},
		{name: "401", err: &Error{StatusCode: http.StatusUnauthorized}, matches: []error{ErrUnauthorized}},
		{name: "403", err: &Error{StatusCode: http.StatusForbidden}, matches: []error{ErrForbidden}},
		{name: "429", err: &Error{StatusCode: http.StatusTooManyRequests}, matches: []error{ErrRateLimited}},
		{name: "409 is a conflict and an existing object", err: &Error{StatusCode: http.StatusConflict}, matches: []error{ErrConflict, ErrAlreadyExists}},
		{name: "a 400 the client recognised as a duplicate", err: &Error{StatusCode: http.StatusBadRequest, Exists: true}, matches: []error{ErrAlreadyExists}},
		{name: "500", err: &Error{StatusCode: http.StatusInternalServerError}, matches: []error{ErrServer}},
		{name: "503", err: &Error{StatusCode: http.StatusServiceUnavailable}, matches: []error{ErrServer}},
		{name: "400 matches nothing", err: &Error{StatusCode: http.StatusBadRequest}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wrapped := fmt.Errorf("creating: %w", tt.err)
			for _, s := range sentinels {
				want := false
				for _, m := range tt.matches {
					want = want || errors.Is(m, s)
				}
				if got := errors.Is(wrapped, s); got != want {
					t.Errorf("errors.Is(%v, %v) = %v, want %v", tt.err, s, got, want)
				}
			}
			var e *Error
			if !errors.As(wrapped, &e) || e != tt.err {
				t.Error("errors.As does not find the *Error")
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{
			name: "API error with detail and Retry-After",
			err: &Error{Service: "servicenow", Method: "POST", URL: "https://x/api/now/table/incident", StatusCode: 429,
				Message: "Too many", Detail: "slow down", RetryAfter: 2 * time.Second},
			want: "servicenow: POST https://x/api/now/table/incident: 429 Too Many Requests: Too many (slow down) [retry after 2s]",
		},
		{
			name: "API error with its own code",
			err:  &Error{Service: "thehive", Method: "GET", URL: "u", StatusCode: 404, Code: "NotFoundError", Message: "Case not found"},
			want: "thehive: GET u: 404 Not Found: NotFoundError: Case not found",
		},
		{
			name: "non-standard status",
			err:  &Error{Method: "GET", URL: "u", StatusCode: 599},
			want: "GET u: HTTP 599",
		},
		{
			name: "HTML where JSON was expected",
			err:  &BodyError{Service: "cyderes", Method: "GET", URL: "u", StatusCode: 200, ContentType: "text/html; charset=utf-8", Summary: "Instance Hibernating"},
			want: `cyderes: GET u: 200 OK: unexpected text/html answer: "Instance Hibernating"`,
		},
		{
			name: "truncated JSON",
			err:  &BodyError{Method: "GET", URL: "u", StatusCode: 200, Err: errors.New("unexpected EOF")},
			want: "GET u: 200 OK: reading response: unexpected EOF",
		},
		{
			name: "no answer",
			err:  &RequestError{Service: "thehive", Method: "GET", URL: "u", Err: errors.New("connection refused")},
			want: "thehive: GET u: connection refused",
		},
		{
			name: "input error names its client",
			err:  &InputError{Service: "servicenow", Field: "sys_id", Problem: "is empty"},
			want: "servicenow: invalid sys_id: is empty",
		},
		{
			name: "input error without a field",
			err:  &InputError{Problem: "nothing to send"},
			want: "invalid input: nothing to send",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error()\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestInputErrorMatchesItsCause(t *testing.T) {
	err := error(&InputError{Service: "thehive", Field: "filter", Problem: "Like is not available on TheHive 3", Err: ErrUnsupported})
	if !errors.Is(err, ErrInvalidInput) || !errors.Is(err, ErrUnsupported) {
		t.Errorf("%v: want ErrInvalidInput and ErrUnsupported", err)
	}
	if errors.Is(&InputError{Problem: "x"}, ErrUnsupported) {
		t.Error("an input error without a cause matches ErrUnsupported")
	}
}

func TestRequestErrorSeesThroughToTheContext(t *testing.T) {
	err := error(&RequestError{Method: "GET", URL: "u", Err: context.DeadlineExceeded})
	var re *RequestError
	if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &re) || !re.Timeout() {
		t.Errorf("%v: want a timeout matching context.DeadlineExceeded", err)
	}
	if (&RequestError{Err: errors.New("reset")}).Timeout() {
		t.Error("a reset reported as a timeout")
	}
}

func TestTemporary(t *testing.T) {
	for code, want := range map[int]bool{429: true, 502: true, 503: true, 504: true, 500: false, 404: false} {
		if got := (&Error{StatusCode: code}).Temporary(); got != want {
			t.Errorf("Temporary(%d) = %v, want %v", code, got, want)
		}
	}
	if !strings.HasPrefix(StatusText(418), "418 ") {
		t.Error(StatusText(418))
	}
}
