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
			if err := b.caseClosed(ctx, w, ticket, ch.Record, ch.At); err != nil {
				return err
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
		if incidentActive(ch.Record) && ch.Record.CorrelationID != "" && b.shard.owns(ch.Record.CorrelationID) {
			if err := b.incidentReopened(ctx, w, ch.Record, ch.ModCount); err != nil {
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
	version := fmt.Sprint(at.UnixMilli())
	notes := fmt.Sprintf("TheHive case #%d closed: %s", c.Number, strings.TrimSpace(c.Summary))
	effects := []effect{
		{Key: "resolve/" + ticket + "/" + version, Kind: effectResolve, Ticket: ticket, Code: string(closeCode(c)), Body: notes},
		closeEffect(ticket, version, fmt.Sprintf("Resolved in TheHive case #%d (%s); the ServiceNow incident is resolved.", c.Number, closeCode(c))),
	}
	return b.performAll(ctx, w, ticket, fmt.Sprintf("TheHive case #%d closed ⇒ ServiceNow incident resolved, Cyderes ticket closed", c.Number), effects)
}

// incidentReopened mirrors an incident open again while its case is
// closed: the case is reopened.
func (b *bridge) incidentReopened(ctx context.Context, w io.Writer, in *servicenow.Incident, version int) error {
	ticket := in.CorrelationID
	c, err := b.caseOf(ctx, ticket)
	if err != nil || c == nil || !caseClosed(c) {
		return err
	}
	e := effect{Key: "reopen/" + ticket + "/" + fmt.Sprint(version), Kind: effectReopen, Ticket: ticket}
	return b.performAll(ctx, w, ticket, fmt.Sprintf("ServiceNow %s reopened ⇒ TheHive case #%d reopened", in.Number, c.Number), []effect{e})
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
