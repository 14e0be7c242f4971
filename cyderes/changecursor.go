package cyderes

import (
	"maps"
	"time"

	"github.com/incidentkit/incidentkit/internal/feedcursor"
)

// ChangeCursor is a position in the ticket change feed
// (TicketService.Changes): the latest update time the feed has passed and
// the versions read around it, so that a feed resumed from it yields
// nothing twice and misses nothing. Persist it with MarshalText after
// handling the changes it has seen, and resume with UnmarshalText. The zero
// ChangeCursor starts at the oldest ticket; NewChangeCursor starts at a
// time.
type ChangeCursor struct {
	scope string
	high  time.Time
	// seen holds, for the tickets updated within the skew window before
	// high (or after it), the version yielded.
	seen map[string]seenVersion
}

// seenVersion is the version of a ticket a feed has yielded: its update
// time, or its creation time when it has none (Unix microseconds), and a
// checksum of the ticket as read, which tells two states apart within one
// microsecond (the API keeps no version number).
type seenVersion struct {
	At  int64  `json:"t"`
	Sum uint64 `json:"s"`
}

// newer reports whether ch is a state not yet yielded: later than v, or
// as late and different.
func (v seenVersion) newer(ch *Change) bool {
	at := ch.At.UnixMicro()
	return at > v.At || (at == v.At && ch.sum != v.Sum)
}

// NewChangeCursor returns a cursor that starts the feed at the tickets
// updated at or after since.
func NewChangeCursor(since time.Time) *ChangeCursor {
	return &ChangeCursor{high: since.UTC().Truncate(time.Microsecond)}
}

// changeCursorVersion is the format MarshalText writes.
const changeCursorVersion = 1

// MarshalText implements encoding.TextMarshaler: a small JSON document.
func (c *ChangeCursor) MarshalText() ([]byte, error) {
	return feedcursor.EncodeSingle(changeCursorVersion, c.scope, c.high, time.Microsecond, c.seen)
}

// UnmarshalText implements encoding.TextUnmarshaler. Text that is not a
// cursor, or one of another format version, is an input error.
func (c *ChangeCursor) UnmarshalText(b []byte) error {
	scope, high, seen, problem := feedcursor.DecodeSingle[seenVersion](b, changeCursorVersion, time.Microsecond)
	if problem != "" {
		return inputErr("change cursor", problem)
	}
	*c = ChangeCursor{scope: scope, high: high, seen: seen}
	return nil
}

// Scope returns the tickets the cursor follows, as the feed's options
// named them ("" before its first use).
func (c *ChangeCursor) Scope() string { return c.scope }

// Position returns the update time the feed has passed.
func (c *ChangeCursor) Position() time.Time { return c.high }

// prune forgets the versions older than the skew window before the
// cursor's position: a pass never reads them again.
func (c *ChangeCursor) prune(window time.Duration) {
	edge := c.high.Add(-window).UnixMicro()
	maps.DeleteFunc(c.seen, func(_ string, v seenVersion) bool { return v.At < edge })
}
