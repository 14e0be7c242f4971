package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/sla"
	"github.com/incidentkit/incidentkit/thehive"
)

// With -dry-run the bridge reads everything a run reads and writes
// nothing: no record in any system, no effect or cursor in the outbox.
// What a run would do is printed instead, found by the same lookups its
// Ensure calls and effects make first.

// would notes an action a dry run leaves undone.
func (b *bridge) would(what string) { b.plan = append(b.plan, what) }

// planTicket prints what escalating t would do.
func (b *bridge) planTicket(ctx context.Context, w io.Writer, t *cyderes.Ticket, iocs []*cyderes.MISPAttribute) error {
	b.plan = b.plan[:0]
	p := t.SLAPriority
	if !p.Valid() {
		p = sla.P3
	}
	alert, err := b.sys.thehive.Alerts.FindByKey(ctx, alertType, alertSource, t.TicketID)
	switch {
	case errors.Is(err, thehive.ErrNotFound):
		obs, fromMISP := observables(t, iocs)
		b.would(fmt.Sprintf("create the TheHive alert (%d observables, %d known to MISP)", len(obs), fromMISP))
		b.would("promote it to a case")
	case err != nil:
		return fmt.Errorf("TheHive alert: %w", err)
	case alert.CaseID == "":
		b.would("promote the TheHive alert to a case")
	}
	in, err := b.incidentOf(ctx, t.TicketID)
	if err != nil {
		return fmt.Errorf("ServiceNow incident: %w", err)
	}
	if in == nil {
		impact, urgency := impactUrgency(p)
		b.would(fmt.Sprintf("open a ServiceNow incident (impact %s, urgency %s)",
			servicenow.Impact(fmt.Sprint(impact)), servicenow.Urgency(fmt.Sprint(urgency))))
		b.would("add its work note")
		b.would("comment back on the ticket")
	} else {
		for _, e := range []effect{workNoteEffect(t.TicketID, in, "opened", ""), commentEffect(t.TicketID, "escalated", "")} {
			if err := b.apply(ctx, e); err != nil {
				return err
			}
		}
	}
	if len(b.plan) == 0 {
		b.say(w, "%s  %v  %s — nothing to do\n", t.TicketID, p, t.ShortDescription)
		return nil
	}
	b.say(w, "%s  %v  %s — would %s\n", t.TicketID, p, t.ShortDescription, strings.Join(b.plan, ", "))
	return nil
}
