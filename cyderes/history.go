package cyderes

import (
	"strings"

	"github.com/incidentkit/incidentkit/sla"
)

// History returns what the ticket says of its life for package sla to
// replay: it opened at Created (state "Open", with its priority, type,
// category and escalation), and, when its state is no longer Open, took
// that state at Updated. The API keeps no other history: a ticket's last
// update stands for its closing time. A ticket without a creation time
// has no history.
func (t *Ticket) History() sla.History {
	if t == nil || t.Created.IsZero() {
		return nil
	}
	opened := map[string]string{"state": "Open", "priority": t.Priority, "ticket_type": string(t.TicketType),
		"category": t.Category, "type": t.Type, "escalated": ""}
	if t.Escalated != nil {
		opened["escalated"] = map[bool]string{true: "true", false: "false"}[*t.Escalated]
	}
	h := sla.History{{At: t.Created, Fields: opened, ID: t.TicketID}}
	if st := strings.TrimSpace(t.State); st != "" && !strings.EqualFold(st, "open") {
		at := t.Updated
		if at.Before(t.Created) {
			at = t.Created
		}
		h = append(h, sla.Event{At: at, Fields: map[string]string{"state": st}, ID: t.TicketID})
	}
	return h
}
