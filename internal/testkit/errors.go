package testkit

import (
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit"
)

// APIError fails the test unless err is an *incidentkit.Error raised by
// service (its Service field), and returns it for further checks.
func APIError(t testing.TB, err error, service string) *incidentkit.Error {
	t.Helper()
	var e *incidentkit.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *incidentkit.Error", err, err)
	}
	if e.Service != service {
		t.Fatalf("error %v comes from service %q, want %q", err, e.Service, service)
	}
	return e
}

// InputError fails the test unless err is an *incidentkit.InputError of
// service that matches incidentkit.ErrInvalidInput, and returns it for
// further checks.
func InputError(t testing.TB, err error, service string) *incidentkit.InputError {
	t.Helper()
	var e *incidentkit.InputError
	if !errors.Is(err, incidentkit.ErrInvalidInput) || !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *incidentkit.InputError", err, err)
	}
	if e.Service != service {
		t.Fatalf("input error %v comes from service %q, want %q", err, e.Service, service)
	}
	return e
}
