package sla

import (
	"errors"
	"fmt"
)

// ErrInvalid is matched by errors.Is for every error caused by bad input:
// an impact or urgency outside 1–3, a negative duration, an end before a
// start, overlapping pauses, an unparsable priority and the like.
var ErrInvalid = errors.New("sla: invalid input")

// ErrNoTarget reports that a policy has no target for a priority.
var ErrNoTarget = errors.New("sla: no target for priority")

// invalidError is bad input described for a person.
type invalidError struct{ msg string }

func (e *invalidError) Error() string { return "sla: " + e.msg }

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *invalidError) Unwrap() error { return ErrInvalid }

func invalidf(format string, a ...any) error {
	return &invalidError{msg: fmt.Sprintf(format, a...)}
}
