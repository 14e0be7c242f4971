package sla

import (
	"errors"
	"strconv"
)

// ErrUnreachableTarget reports a relative target whose due time is not
// after the start.
var ErrUnreachableTarget = errors.New("sla: target can never be met")

// ReplayError is a replay that could not go on: it names the definition
// and the event (its position in the history, and its ID when it has
// one). It wraps ErrInvalid for bad definitions and histories,
// ErrNoWorkingTime for a calendar without working time, and
// ErrUnreachableTarget.
type ReplayError struct {
	// Definition is the definition's name ("" for a fault of the history
	// itself).
	Definition string
	// Event is the event's position in the history, -1 when the fault is
	// the definition's alone; EventID its ID.
	Event   int
	EventID string
	// Problem says what is wrong.
	Problem string
	// Err is the cause.
	Err error
}

// Error implements error.
func (e *ReplayError) Error() string {
	msg := "sla: replay"
	if e.Definition != "" {
		msg += ": definition " + strconv.Quote(e.Definition)
	}
	if e.Event >= 0 {
		msg += ": event " + strconv.Itoa(e.Event)
		if e.EventID != "" {
			msg += " (" + e.EventID + ")"
		}
	}
	return msg + ": " + e.Problem
}

// Unwrap returns the cause.
func (e *ReplayError) Unwrap() error { return e.Err }
