package filter

import (
	"errors"
)

// ErrInvalid is matched by errors.Is for every error the Encode and Sort
// functions return: an [*Error] and an [*UnsupportedError] alike.
var ErrInvalid = errors.New("filter: invalid filter")

// ErrUnsupported is matched by errors.Is for an [*UnsupportedError]: a
// filter that the chosen dialect has no way to express.
var ErrUnsupported = errors.New("filter: not supported by the dialect")

// Error reports a filter or sort that can never be encoded: an empty field
// name, an In with no values, an And with no operands, a value of a type
// TheHive has no form for. It matches [ErrInvalid].
type Error struct {
	// Path locates the problem: the operator keys from the top of the
	// filter down to it ("_and[1]._eq"), "sort[2]" for the third sort
	// key, or "dialect" for an unknown dialect. It is empty when the
	// problem is the filter as a whole.
	Path string
	// Problem says what is wrong.
	Problem string
	// Err is the underlying cause, when there is one: the error a
	// [Valuer] returned.
	Err error
}

// Error implements the error interface: "filter: _and[1]._eq: field name
// is empty".
func (e *Error) Error() string {
	cause := ""
	if e.Err != nil {
		cause = e.Err.Error()
	}
	return "filter: " + around("", e.Path, ": ") + e.Problem + around(": ", cause, "")
}

// Is makes errors.Is(err, ErrInvalid) hold.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// UnsupportedError reports a filter operator or value that a dialect cannot
// express, such as Ne in v0 or ParentID in v1. It is never rewritten into
// something that means something else. It matches both [ErrUnsupported]
// and [ErrInvalid].
type UnsupportedError struct {
	// Op names the construct, as its constructor is called ("Ne", "Has")
	// or, for a value, its kind ("RelativeDate").
	Op string
	// Dialect is the dialect the filter was being encoded for.
	Dialect Dialect
	// Path locates the construct inside the filter ("_and[2]"); empty at
	// the top level.
	Path string
	// Hint suggests an alternative, when there is one.
	Hint string
}

// Error implements the error interface: "filter: Ne (at _and[1]) cannot be
// expressed in the TheHive v0 dialect; use Not(Eq(field, value))".
func (e *UnsupportedError) Error() string {
	return "filter: " + e.Op + around(" (at ", e.Path, ")") + " cannot be expressed in the TheHive " +
		e.Dialect.String() + " dialect" + around("; ", e.Hint, "")
}

// around returns s between before and after, or "" when s is empty: a
// part of a message that is there only when it says something.
func around(before, s, after string) string {
	if s == "" {
		return ""
	}
	return before + s + after
}

// Is makes errors.Is(err, ErrUnsupported) and errors.Is(err, ErrInvalid)
// hold.
func (e *UnsupportedError) Is(target error) bool {
	return target == ErrUnsupported || target == ErrInvalid
}
