package thehive

import (
	"encoding/json"
	"maps"
	"math"
	"time"

	"github.com/incidentkit/incidentkit/internal/feedcursor"
)

// ChangeCursor is a position in a change feed of cases or alerts
// (CaseService.Changes, AlertService.Changes): the latest creation and
// update times read, and the versions read around them, so that a feed
// resumed from it yields nothing twice and misses nothing. Persist it with
// MarshalText after handling the changes it has seen, and resume with
// UnmarshalText. The zero ChangeCursor starts at the first object;
// NewChangeCursor starts at a time.
type ChangeCursor struct {
	kind string
	// created and updated are the latest _createdAt and _updatedAt read.
	created, updated time.Time
	// seen holds, for the objects a sweep may read again, the version
	// yielded.
	seen map[string]seenVersion
}

// seenVersion is the version of an object a feed has yielded: its update
// time, or its creation time while it had never been updated (Unix
// milliseconds), and a checksum of the object as read, which tells two
// states apart within one millisecond (TheHive keeps no version number).
type seenVersion struct {
	At      int64  `json:"t"`
	Sum     uint64 `json:"s"`
	Created bool   `json:"c,omitempty"`
}

// newer reports whether the state (at, sum) was not yet yielded: it is
// later than v, or as late and different.
func (v seenVersion) newer(at int64, sum uint64) bool {
	return at > v.At || (at == v.At && sum != v.Sum)
}

// NewChangeCursor returns a cursor that starts the feed at the objects
// created or updated at or after since.
func NewChangeCursor(since time.Time) *ChangeCursor {
	t := since.UTC().Truncate(time.Millisecond)
	return &ChangeCursor{created: t, updated: t}
}

// changeCursorVersion is the format MarshalText writes.
const changeCursorVersion = 1

type cursorText struct {
	Version int                    `json:"v"`
	Kind    string                 `json:"kind"`
	Created int64                  `json:"created"`
	Updated int64                  `json:"updated"`
	Seen    map[string]seenVersion `json:"seen,omitempty"`
}

// FormatVersion implements feedcursor.Doc.
func (t *cursorText) FormatVersion() int { return t.Version }

// MarshalText implements encoding.TextMarshaler: a small JSON document.
func (c *ChangeCursor) MarshalText() ([]byte, error) {
	return json.Marshal(cursorText{Version: changeCursorVersion, Kind: c.kind,
		Created: millisOrZero(c.created), Updated: millisOrZero(c.updated), Seen: c.seen})
}

// UnmarshalText implements encoding.TextUnmarshaler. Text that is not a
// cursor, or one of another format version, is an input error.
func (c *ChangeCursor) UnmarshalText(b []byte) error {
	var t cursorText
	if problem := feedcursor.Decode(b, changeCursorVersion, &t); problem != "" {
		return inputErr("change cursor", problem)
	}
	*c = ChangeCursor{kind: t.Kind, seen: t.Seen}
	if t.Created != 0 {
		c.created = FromMillis(t.Created).Time
	}
	if t.Updated != 0 {
		c.updated = FromMillis(t.Updated).Time
	}
	return nil
}

// Kind returns what the cursor follows, "case" or "alert" ("" before its
// first use).
func (c *ChangeCursor) Kind() string { return c.kind }

// Position returns the latest creation and update times the cursor has
// read.
func (c *ChangeCursor) Position() (created, updated time.Time) { return c.created, c.updated }

// millisOrZero is t in Unix milliseconds, 0 for the zero time.
func millisOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// prune forgets the versions no sweep reads again: the creation sweep
// starts SkewWindow before the creation time, and the update sweep, which
// reads only objects updated at least once, SkewWindow before the update
// time (from the first update when it has read none yet).
func (c *ChangeCursor) prune(window time.Duration) {
	if c.created.IsZero() {
		return
	}
	createdEdge, updatedEdge := c.created.Add(-window).UnixMilli(), int64(math.MinInt64)
	if !c.updated.IsZero() {
		updatedEdge = c.updated.Add(-window).UnixMilli()
	}
	maps.DeleteFunc(c.seen, func(_ string, v seenVersion) bool {
		return v.At < createdEdge && (v.Created || v.At < updatedEdge)
	})
}
