package encodedquery

import (
	"errors"
	"strconv"
)

// ErrInvalid is matched by errors.Is for every error of this package.
var ErrInvalid = errors.New("encodedquery: invalid query")

// Error describes a part of a query that cannot be encoded safely.
type Error struct {
	// Field is the field the condition names, empty when not applicable.
	Field string
	// Problem says what is wrong.
	Problem string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field == "" {
		return "encodedquery: " + e.Problem
	}
	return "encodedquery: field " + strconv.Quote(e.Field) + ": " + e.Problem
}

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *Error) Unwrap() error { return ErrInvalid }

func fail(field, problem string) Query {
	return Query{err: &Error{Field: field, Problem: problem}}
}
