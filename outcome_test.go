package incidentkit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"
)

// TestOutcomeUnknown classifies the errors a write can end with.
func TestOutcomeUnknown(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"no answer", &RequestError{Err: io.ErrUnexpectedEOF}, true},
		{"timeout", fmt.Errorf("create: %w", &RequestError{Err: context.DeadlineExceeded}), true},
		{"502", &Error{StatusCode: 502}, true},
		{"504", &Error{StatusCode: 504}, true},
		{"500", &Error{StatusCode: 500}, true},
		{"503 without Retry-After", &Error{StatusCode: 503}, true},
		{"503 with Retry-After", &Error{StatusCode: 503, RetryAfter: time.Second}, false},
		{"429", &Error{StatusCode: 429, RetryAfter: time.Second}, false},
		{"403", &Error{StatusCode: 403}, false},
		{"success cut short", &BodyError{StatusCode: 201, Err: io.ErrUnexpectedEOF}, true},
		{"input", &InputError{Field: "x", Problem: "y"}, false},
		{"unsupported", &InputError{Field: "x", Problem: "y", Err: ErrUnsupported}, false},
		{"other", errors.New("x"), false},
	} {
		if got := OutcomeUnknown(tt.err); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
