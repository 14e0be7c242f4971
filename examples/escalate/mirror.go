package main

import (
	"context"
	"encoding"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// ticketTag tags the TheHive alert, and so the case promoted from it, with
// the Cyderes ticket it escalates.
func ticketTag(ticketID string) string { return "cyderes:" + ticketID }

// ticketOf returns the Cyderes ticket a case's tags name, or "".
func ticketOf(c *thehive.Case) string {
	for _, t := range c.Tags {
		if id, ok := strings.CutPrefix(t, "cyderes:"); ok && id != "" {
			return id
		}
	}
	return ""
}

// caseClosed reports whether c is closed: a closing status or stage
// Closed in TheHive 5, status Resolved in TheHive 3/4.
func caseClosed(c *thehive.Case) bool {
	switch c.Status {
	case thehive.StatusTruePositive, thehive.StatusFalsePositive, thehive.StatusIndeterminate,
		thehive.StatusOther, thehive.StatusDuplicated, thehive.StatusResolved:
		return true
	}
	return c.Stage == "Closed"
}

// closeCode is the ServiceNow close code for how a case ended.
func closeCode(c *thehive.Case) servicenow.CloseCode {
	status := c.Status
	if c.ResolutionStatus != "" {
		status = c.ResolutionStatus
	}
	switch status {
	case thehive.StatusDuplicated:
		return servicenow.CloseDuplicate
	case thehive.StatusFalsePositive:
		return servicenow.CloseNoResolution
	}
	return servicenow.CloseSolutionProvided
}

// incidentActive reports whether an incident is open again: New, In
// Progress or On Hold.
func incidentActive(in *servicenow.Incident) bool {
	switch in.State {
	case servicenow.StateNew, servicenow.StateInProgress, servicenow.StateOnHold:
		return true
	}
	return false
}

// mirror follows the TheHive cases and ServiceNow incidents changed since
// its saved cursors and mirrors their state by the table in the package
// documentation, every side effect through the outbox. It prints what it
// mirrored.
func (b *bridge) mirror(ctx context.Context, w io.Writer) error {
	since := b.now.Add(-24 * time.Hour)
	cases := thehive.NewChangeCursor(since)
	if _, err := b.box.Cursor("thehive-cases", cases); err != nil {
		return err
	}
	for ch, err := range b.sys.thehive.Cases.Changes(ctx, cases, &thehive.ChangeOptions{Filter: filter.Eq("tags", "cyderes")}) {
		if err != nil {
			return fmt.Errorf("TheHive case feed: %w", err)
		}
		if ticket := ticketOf(ch.Record); ticket != "" && b.shard.owns(ticket) && caseClosed(ch.Record) {
			own, err := b.ownClose(ch.Record, ch.At)
			if err != nil {
				return err
			}
			if !own {
				if err := b.caseClosed(ctx, w, ticket, ch.Record, ch.At); err != nil {
					return err
				}
			}
		}
		if err := b.saveCursor("thehive-cases", cases); err != nil {
			return err
		}
	}
	incidents := servicenow.NewChangeCursor(since)
	if _, err := b.box.Cursor("servicenow-incidents", incidents); err != nil {
		return err
	}
	table := servicenow.NewTable[servicenow.Incident](b.sys.servicenow, "incident")
	opts := &servicenow.ChangeOptions{Query: encodedquery.Field("correlation_display").Eq(correlation)}
	for ch, err := range table.Changes(ctx, incidents, opts) {
		if err != nil {
			return fmt.Errorf("ServiceNow incident feed: %w", err)
		}
		if ch.Record.CorrelationID != "" && b.shard.owns(ch.Record.CorrelationID) {
			if err := b.incidentChanged(ctx, w, ch.Record, ch.ModCount); err != nil {
				return err
			}
		}
		if err := b.saveCursor("servicenow-incidents", incidents); err != nil {
			return err
		}
	}
	return nil
}

// caseClosed mirrors a closed case: its incident resolved with a close
// code and the case's summary, then its ticket closed with a comment.
func (b *bridge) caseClosed(ctx context.Context, w io.Writer, ticket string, c *thehive.Case, at time.Time) error {
	in, err := b.incidentOf(ctx, ticket)
	if err != nil {
		return err
	}
	t, err := b.sys.cyderes.Tickets.Get(ctx, ticket)
	if err != nil {
		return err
	}
	version := fmt.Sprint(at.UnixMilli())
	var (
		effects []effect
		done    []string
	)
	if in != nil && incidentActive(in) {
		notes := fmt.Sprintf("TheHive case #%d closed: %s", c.Number, strings.TrimSpace(c.Summary))
		effects = append(effects, effect{Key: "resolve/" + ticket + "/" + version, Kind: effectResolve, Ticket: ticket,
			Code: string(closeCode(c)), Body: notes})
		done = append(done, "ServiceNow incident resolved")
	}
	if !strings.EqualFold(t.State, "Closed") {
		effects = append(effects, closeEffect(ticket, version,
			fmt.Sprintf("Resolved in TheHive case #%d (%s); the ServiceNow incident is resolved.", c.Number, closeCode(c))))
		done = append(done, "Cyderes ticket closed")
	}
	if len(effects) == 0 { // a close the bridge made, or one mirrored already
		return nil
	}
	return b.performAll(ctx, w, ticket, fmt.Sprintf("TheHive case #%d closed ⇒ %s", c.Number, strings.Join(done, ", ")), effects)
}

// incidentChanged mirrors an incident's state to its case: open again
// while the case is closed, the case is reopened; resolved or closed while
// the case is open, the case is closed, and then the ticket. A state with
// no counterpart in the table (Canceled) is reported and left alone.
func (b *bridge) incidentChanged(ctx context.Context, w io.Writer, in *servicenow.Incident, version int) error {
	ticket := in.CorrelationID
	resolved := in.State == servicenow.StateResolved || in.State == servicenow.StateClosed
	if !incidentActive(in) && !resolved {
		b.say(w, "%s  ServiceNow %s is %s: not mirrored (the state table has no counterpart)\n", ticket, in.Number, in.State)
		return nil
	}
	c, err := b.caseOf(ctx, ticket)
	if err != nil || c == nil || caseClosed(c) == resolved {
		return err
	}
	if resolved {
		v := fmt.Sprint(version)
		status := caseStatus(in.CloseCode)
		effects := []effect{
			{Key: "close-case/" + ticket + "/" + v, Kind: effectCloseCase, Ticket: ticket, Case: c.ID, Code: string(status),
				Body: fmt.Sprintf("ServiceNow %s %s (%s): %s", in.Number, strings.ToLower(in.State.String()), in.CloseCode, strings.TrimSpace(in.CloseNotes))},
			closeEffect(ticket, "sn-"+v, fmt.Sprintf("Resolved in ServiceNow %s (%s); the TheHive case is closed.", in.Number, in.CloseCode)),
		}
		line := fmt.Sprintf("ServiceNow %s resolved ⇒ TheHive case #%d closed (%s), Cyderes ticket closed", in.Number, c.Number, status)
		return b.performAll(ctx, w, ticket, line, effects)
	}
	// Open while the case is closed: a reopening when ServiceNow counts
	// one. An incident never resolved (one opened after its case closed)
	// has not yet had the case's close, which it gets now; and while a
	// resolution of it waits in the outbox, the case's close is the newer
	// change and is left to win.
	if in.ReopenCount == 0 {
		return b.caseClosed(ctx, w, ticket, c, caseVersion(c))
	}
	if pending, err := b.resolutionPending(ticket); err != nil || pending {
		return err
	}
	e := effect{Key: "reopen/" + ticket + "/" + fmt.Sprint(version), Kind: effectReopen, Ticket: ticket}
	line := fmt.Sprintf("ServiceNow %s reopened ⇒ TheHive case #%d reopened", in.Number, c.Number)
	if t, err := b.sys.cyderes.Tickets.Get(ctx, ticket); err == nil && strings.EqualFold(t.State, "Closed") {
		line += " (the Cyderes ticket stays closed: Cyderes tickets cannot be reopened)"
	}
	return b.performAll(ctx, w, ticket, line, []effect{e})
}

// resolutionPending reports whether a resolution of ticket's incident
// waits in the outbox.
func (b *bridge) resolutionPending(ticket string) (bool, error) {
	pending, err := b.box.Pending()
	for _, e := range pending {
		if e.Effect.Kind == effectResolve && e.Effect.Ticket == ticket {
			return true, err
		}
	}
	return false, err
}

// caseStatus is the TheHive closing status for how an incident was
// resolved: Duplicated for a duplicate, Indeterminate when no resolution
// was provided or the caller resolved it, else TruePositive (the incident
// was real and was dealt with).
func caseStatus(code servicenow.CloseCode) thehive.CaseStatus {
	switch code {
	case servicenow.CloseDuplicate:
		return thehive.StatusDuplicated
	case servicenow.CloseNoResolution, servicenow.CloseResolvedByCaller:
		return thehive.StatusIndeterminate
	}
	return thehive.StatusTruePositive
}

// performAll performs effects in order, stopping at the first that
// fails (the rest wait in the outbox too), and prints the line.
func (b *bridge) performAll(ctx context.Context, w io.Writer, ticket, line string, effects []effect) error {
	if b.dry {
		b.plan = b.plan[:0]
		for _, e := range effects {
			if err := b.apply(ctx, e); err != nil {
				return err
			}
		}
		if len(b.plan) > 0 {
			b.say(w, "%s  would %s\n", ticket, strings.Join(b.plan, ", "))
		}
		return nil
	}
	for _, e := range effects {
		if _, err := b.box.Add(e.Key, e); err != nil {
			return err
		}
	}
	for _, e := range effects {
		if err := b.perform(ctx, e); err != nil {
			b.say(w, "%s  %s — failed, kept in the outbox: %v\n", ticket, line, err)
			b.kept = append(b.kept, err)
			return nil
		}
	}
	b.say(w, "%s  %s\n", ticket, line)
	return nil
}

// caseOf returns the case tagged with ticket (the oldest), or nil.
func (b *bridge) caseOf(ctx context.Context, ticket string) (*thehive.Case, error) {
	p, err := b.sys.thehive.Cases.List(ctx, &thehive.ListOptions{Filter: filter.Eq("tags", ticketTag(ticket)), PageSize: 1})
	if err != nil || len(p.Items) == 0 {
		return nil, err
	}
	return p.Items[0], nil
}

// incidentOf returns the incident correlated with ticket, or nil.
func (b *bridge) incidentOf(ctx context.Context, ticket string) (*servicenow.Incident, error) {
	p, err := b.sys.servicenow.Incidents.List(ctx, &servicenow.ListOptions{PageSize: 1,
		Query: encodedquery.Field("correlation_id").Eq(ticket).OrderBy("sys_created_on")})
	if err != nil || len(p.Items) == 0 {
		return nil, err
	}
	return p.Items[0], nil
}

// saveCursor saves a feed's cursor, except in a dry run.
func (b *bridge) saveCursor(feed string, c encoding.TextMarshaler) error {
	if b.dry {
		return nil
	}
	return b.box.SaveCursor(feed, c)
}
