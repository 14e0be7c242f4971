package servicenow

import (
	"time"

	"github.com/incidentkit/incidentkit/internal/feedcursor"
)

// ChangeCursor is a position in a table's change feed (Table.Changes): the
// latest update time read and the versions read around it, so that a feed
// resumed from it yields nothing twice and misses nothing. Persist it with
// MarshalText after handling the changes it has seen, and resume with
// UnmarshalText. The zero ChangeCursor starts at the beginning of the
// table; NewChangeCursor starts at a time.
type ChangeCursor struct {
	table string
	high  time.Time
	// seen holds, for the records updated within the skew window before
	// high, the version read (sys_mod_count) and its update time.
	seen map[string]seenVersion
}

// seenVersion is a record's version a feed has yielded.
type seenVersion struct {
	Mod     int   `json:"m"`
	Updated int64 `json:"u"` // Unix seconds
}

// NewChangeCursor returns a cursor that starts the feed at the records
// updated at or after since.
func NewChangeCursor(since time.Time) *ChangeCursor {
	return &ChangeCursor{high: since.UTC().Truncate(time.Second)}
}

// changeCursorVersion is the format MarshalText writes (version 1 named
// the table "table").
const changeCursorVersion = 2

// MarshalText implements encoding.TextMarshaler: a small JSON document.
func (c *ChangeCursor) MarshalText() ([]byte, error) {
	return feedcursor.EncodeSingle(changeCursorVersion, c.table, c.high, time.Second, c.seen)
}

// UnmarshalText implements encoding.TextUnmarshaler. Text that is not a
// cursor, or one of another format version, is an input error.
func (c *ChangeCursor) UnmarshalText(b []byte) error {
	table, high, seen, problem := feedcursor.DecodeSingle[seenVersion](b, changeCursorVersion, time.Second)
	if problem != "" {
		return inputErr("change cursor", problem)
	}
	*c = ChangeCursor{table: table, high: high, seen: seen}
	return nil
}

// Table returns the table the cursor belongs to ("" before its first use).
func (c *ChangeCursor) Table() string { return c.table }

// Position returns the latest update time the cursor has read.
func (c *ChangeCursor) Position() time.Time { return c.high }
