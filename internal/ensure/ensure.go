// Package ensure holds the loop behind the clients' Ensure calls: a create
// made safe to repeat by a natural key the record carries, so that a lost
// answer neither fails the call nor makes a second record.
package ensure

import (
	"fmt"

	"github.com/incidentkit/incidentkit"
)

// Do returns the record find finds by its natural key, or sends create.
// When the create's outcome is unknown (incidentkit.OutcomeUnknown: no
// answer, a 500, 502 or 504, a success answer cut short), it asks find
// again and returns the record when the create went through, or sends the
// create once more when it did not. When exists says the create's error
// means the record is there already (the API's own duplicate answer), the
// record find returns is the result. made reports that this call created
// the record. When a lookup after a create whose outcome is unknown fails
// too, Do cannot tell whether the record was made: its error says so
// (incidentkit.OutcomeUnknown reports true) and wraps both errors, and
// calling Do again settles it.
func Do[T any](find func() (rec T, ok bool, err error), create func() (T, error), exists func(error) bool) (rec T, made bool, err error) {
	var zero T
	if found, ok, err := find(); err != nil || ok {
		return found, false, err
	}
	for range 2 {
		var created T
		if created, err = create(); err == nil {
			return created, true, nil
		}
		known := exists != nil && exists(err)
		if !known && !incidentkit.OutcomeUnknown(err) {
			return zero, false, err
		}
		found, ok, lookupErr := find()
		switch {
		case lookupErr != nil && !known: // the outcome is unknown, and stays so
			return zero, false, &unsettledError{create: err, lookup: lookupErr}
		case lookupErr != nil:
			return zero, false, err
		case ok:
			return found, !known, nil
		case known:
			return zero, false, err // it exists, but cannot be found
		}
	}
	return zero, false, err
}

// unsettledError is a create whose outcome is unknown, followed by a
// lookup that failed: the record may or may not exist.
type unsettledError struct{ create, lookup error }

func (e *unsettledError) Error() string {
	return fmt.Sprintf("%v; the record may have been made: looking it up failed: %v", e.create, e.lookup)
}

// Unwrap returns both errors, so that errors.Is and errors.As see the
// create's (an API error, no answer) and the lookup's (a deadline).
func (e *unsettledError) Unwrap() []error { return []error{e.create, e.lookup} }

// OutcomeUnknown tells incidentkit.OutcomeUnknown that the create's outcome
// is unknown, whatever the lookup's error was.
func (e *unsettledError) OutcomeUnknown() bool { return true }
