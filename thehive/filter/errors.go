package filter

import (
	"errors"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// InputError reports a filter or sort rejected before anything was sent.
// Field names the offending part, for example "filter _and[1]._eq".
type InputError = transport.InputError

// ErrInvalidInput matches every error returned by the Encode and Sort
// functions: an [*InputError] and an [*UnsupportedError] alike.
var ErrInvalidInput = transport.ErrInvalidInput

// ErrUnsupported matches an [*UnsupportedError]: a filter that the chosen
// dialect has no way to express.
var ErrUnsupported = errors.New("filter not supported by the dialect")

// UnsupportedError reports a filter operator or value that a dialect cannot
// express. It matches both [ErrUnsupported] and [ErrInvalidInput].
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

// Error implements the error interface.
func (e *UnsupportedError) Error() string {
	var b strings.Builder
	b.WriteString("filter: ")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString(" (at ")
		b.WriteString(e.Path)
		b.WriteString(")")
	}
	b.WriteString(" cannot be expressed in the TheHive ")
	b.WriteString(e.Dialect.String())
	b.WriteString(" dialect")
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrUnsupported) and errors.Is(err, ErrInvalidInput)
// hold.
func (e *UnsupportedError) Is(target error) bool {
	return target == ErrUnsupported || target == ErrInvalidInput
}
