package servicenow

import (
	"encoding/json"
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

// changeCursorVersion is the format MarshalText writes.
const changeCursorVersion = 1

type cursorText struct {
	Version int                    `json:"v"`
	Table   string                 `json:"table"`
	High    int64                  `json:"high"`
	Seen    map[string]seenVersion `json:"seen,omitempty"`
}

// FormatVersion implements feedcursor.Doc.
func (t *cursorText) FormatVersion() int { return t.Version }

// MarshalText implements encoding.TextMarshaler: a small JSON document.
func (c *ChangeCursor) MarshalText() ([]byte, error) {
	t := cursorText{Version: changeCursorVersion, Table: c.table, Seen: c.seen}
	if !c.high.IsZero() {
		t.High = c.high.Unix()
	}
	return json.Marshal(t)
}

// UnmarshalText implements encoding.TextUnmarshaler. Text that is not a
// cursor, or one of another format version, is an input error.
func (c *ChangeCursor) UnmarshalText(b []byte) error {
	var t cursorText
	if problem := feedcursor.Decode(b, changeCursorVersion, &t); problem != "" {
		return inputErr("change cursor", problem)
	}
	*c = ChangeCursor{table: t.Table, seen: t.Seen}
	if t.High != 0 {
		c.high = time.Unix(t.High, 0).UTC()
	}
	return nil
}

// Table returns the table the cursor belongs to ("" before its first use).
func (c *ChangeCursor) Table() string { return c.table }

// Position returns the latest update time the cursor has read.
func (c *ChangeCursor) Position() time.Time { return c.high }
