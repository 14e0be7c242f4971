package transport

import (
	"errors"
	"fmt"

	"github.com/incidentkit/incidentkit"
)

// Error, BodyError, RequestError and InputError are the public error
// family of package incidentkit; the aliases keep the core's code short.
type (
	// Error is incidentkit.Error.
	Error = incidentkit.Error
	// BodyError is incidentkit.BodyError.
	BodyError = incidentkit.BodyError
	// RequestError is incidentkit.RequestError.
	RequestError = incidentkit.RequestError
	// InputError is incidentkit.InputError.
	InputError = incidentkit.InputError
)

// invalid is a shorthand for constructing an *InputError.
func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// ForService names service in the *InputError err carries, when that error
// names no service yet, so that its message reads "service: invalid ...".
// It returns err, which may be nil. The core does this itself for the
// errors of [NewSettingsFor], [New] and [Client.Do]; an API package calls
// it for errors raised below it by other means, such as the authentication
// constructors ([BasicAuth], [BearerToken], ...) used by its own options:
//
//	if err := opt(&o); err != nil {
//		return nil, transport.ForService("servicenow", err)
//	}
//
// Input errors are built for the call that fails, never shared, so the
// error is updated in place; return input errors unwrapped, since a
// wrapper made with fmt.Errorf keeps the text it had.
func ForService(service string, err error) error { return forService(service, err) }

func forService(service string, err error) error {
	var ie *InputError
	if service != "" && errors.As(err, &ie) && ie.Service == "" {
		ie.Service = service
	}
	return err
}
