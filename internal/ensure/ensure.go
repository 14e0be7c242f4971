// Package ensure holds the loop behind the clients' Ensure calls: a create
// made safe to repeat by a natural key the record carries, so that a lost
// answer neither fails the call nor makes a second record.
package ensure

import "github.com/incidentkit/incidentkit"

// Do returns the record find finds by its natural key, or sends create.
// When the create's outcome is unknown (incidentkit.OutcomeUnknown: no
// answer, a 500, 502 or 504, a success answer cut short), it asks find
// again and returns the record when the create went through, or sends the
// create once more when it did not. When exists says the create's error
// means the record is there already (the API's own duplicate answer), the
// record find returns is the result. made reports that this call created
// the record. A lookup that fails after a create failed returns the
// create's error, which says more.
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
