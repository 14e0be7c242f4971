package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
)

// A case the bridge closes (because its incident was resolved) comes
// back to it through the case feed as a closed case. Mirrored as such, it
// would resolve the incident again: harmless while the incident stays
// resolved, but wrong once someone reopens the incident before the
// bridge reads the feed, since the reopening would be undone. So the
// bridge keeps, in the outbox's file, the version of each case it closed;
// the feed's event of that very version is the bridge's own and is passed
// over, while any later change of the case is mirrored as usual.

// echoVersion is a case version kept as an echo guard: its update time in
// Unix milliseconds, as text.
type echoVersion int64

// MarshalText implements encoding.TextMarshaler.
func (v echoVersion) MarshalText() ([]byte, error) { return strconv.AppendInt(nil, int64(v), 10), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (v *echoVersion) UnmarshalText(b []byte) error {
	n, err := strconv.ParseInt(string(b), 10, 64)
	*v = echoVersion(n)
	return err
}

// echoName names the echo guard of the case id.
func echoName(caseID string) string { return "echo/case-closed/" + caseID }

// closeCase closes the case c as the bridge, and keeps the version the
// close made as an echo guard.
func (b *bridge) closeCase(ctx context.Context, c *thehive.Case, status thehive.CaseStatus, summary string) error {
	if err := b.sys.thehive.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: status, Summary: summary}); err != nil {
		return err
	}
	closed, err := b.sys.thehive.Cases.Get(ctx, c.ID)
	if err != nil {
		return fmt.Errorf("reading case #%d back after closing it: %w", c.Number, err)
	}
	return b.box.SaveCursor(echoName(c.ID), echoVersion(caseVersion(closed).UnixMilli()))
}

// ownClose reports whether the closed case c, at version at, is the close
// the bridge made, and forgets the guard once its event has come by.
func (b *bridge) ownClose(c *thehive.Case, at time.Time) (bool, error) {
	var v echoVersion = -1
	found, err := b.box.Cursor(echoName(c.ID), &v)
	if err != nil || !found {
		return false, err
	}
	own := int64(v) == at.UnixMilli() // else the case changed since
	if b.dry {
		return own, nil
	}
	return own, b.box.DeleteCursor(echoName(c.ID))
}

// caseVersion is a case's version as the feed sees it: its last update time,
// or its creation time while it has never been updated.
func caseVersion(c *thehive.Case) time.Time {
	if c.UpdatedAt.IsZero() {
		return c.CreatedAt.Time
	}
	return c.UpdatedAt.Time
}
