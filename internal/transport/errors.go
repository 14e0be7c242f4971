package transport

import (
	"fmt"

	"github.com/incidentkit/incidentkit"
)

// The error family and sentinels are the public ones of package
// incidentkit; the aliases keep the core's code short.
type (
	Error        = incidentkit.Error
	BodyError    = incidentkit.BodyError
	RequestError = incidentkit.RequestError
	InputError   = incidentkit.InputError
)

// Sentinels, as in package incidentkit.
var (
	ErrNotFound         = incidentkit.ErrNotFound
	ErrUnauthorized     = incidentkit.ErrUnauthorized
	ErrForbidden        = incidentkit.ErrForbidden
	ErrRateLimited      = incidentkit.ErrRateLimited
	ErrConflict         = incidentkit.ErrConflict
	ErrServer           = incidentkit.ErrServer
	ErrInvalidInput     = incidentkit.ErrInvalidInput
	ErrResponseTooLarge = incidentkit.ErrResponseTooLarge
	ErrNotReplayable    = incidentkit.ErrNotReplayable
)

func statusText(code int) string { return incidentkit.StatusText(code) }

// invalid is a shorthand for constructing an *InputError.
func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Problem: fmt.Sprintf(format, args...)}
}
