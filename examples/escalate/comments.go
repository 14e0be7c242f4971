package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// message is one comment or work note, from any of the three systems.
type message struct {
	system string // "thehive", "servicenow" or "cyderes"
	id     string
	author string
	text   string
}

// marker is the line a note's copies carry, naming where it came from.
func (n message) marker() string { return "[incidentkit:from-" + n.system + ":" + n.id + "]" }

// bridgeMarked reports whether text was written by a bridge: an
// escalation note, a mirrored copy or a closing comment. Such notes are
// never mirrored, so nothing echoes.
func bridgeMarked(text string) bool { return strings.Contains(text, "[incidentkit:") }

// thread is an open escalation's notes in each system.
type thread struct {
	ticket   string
	hiveCase *thehive.Case
	incident *servicenow.Incident
	hive     []message
	snow     []message
	cyderes  []message
}

// mirrorComments copies the comments and work notes written on each open
// escalation (a case tagged with a ticket and not closed) to the other two
// systems, once: a TheHive case comment becomes a work note on the
// incident and a comment on the ticket; an incident's work note or
// additional comment becomes a case comment and a ticket comment; a ticket
// comment becomes a case comment and a work note. Each copy carries a
// marker naming its original, by which it is found (and not sent again)
// and by which it is never copied back.
func (b *bridge) mirrorComments(ctx context.Context, w io.Writer) error {
	// TheHive 5 files each case status under a stage, New, InProgress or
	// Closed (OutputCase.stage in TheHive 5.6's OpenAPI description);
	// TheHive 3/4 have none, only Open, Resolved and Deleted.
	open := filter.Ne("stage", "Closed")
	if b.sys.thehive.Dialect() != thehive.V1 {
		open = filter.Not(filter.In("status", thehive.StatusResolved, thehive.StatusDeleted))
	}
	for c, err := range b.sys.thehive.Cases.All(ctx, &thehive.ListOptions{Filter: filter.And(filter.Eq("tags", "cyderes"), open)}) {
		if err != nil {
			return fmt.Errorf("open escalations: %w", err)
		}
		ticket := ticketOf(c)
		if ticket == "" || caseClosed(c) || !b.shard.owns(ticket) {
			continue
		}
		th, err := b.thread(ctx, ticket, c)
		if err != nil {
			return fmt.Errorf("ticket %s: notes: %w", ticket, err)
		}
		if th == nil {
			continue
		}
		if err := b.mirrorThread(ctx, w, th); err != nil {
			return err
		}
	}
	return nil
}

// thread reads ticket's notes in the three systems; nil when its incident
// is not there (yet).
func (b *bridge) thread(ctx context.Context, ticket string, c *thehive.Case) (*thread, error) {
	in, err := b.incidentOf(ctx, ticket)
	if err != nil || in == nil {
		return nil, err
	}
	th := &thread{ticket: ticket, hiveCase: c, incident: in}
	if b.caseComments() {
		for cm, err := range b.sys.thehive.Comments.All(ctx, c.ID, nil) {
			if err != nil {
				return nil, err
			}
			th.hive = append(th.hive, message{system: "thehive", id: cm.ID, author: cm.CreatedBy, text: cm.Message})
		}
	}
	journal, err := b.sys.servicenow.Incidents.Journal(ctx, in.SysID)
	if err != nil {
		return nil, err
	}
	for _, e := range journal {
		th.snow = append(th.snow, message{system: "servicenow", id: e.SysID, author: e.CreatedBy, text: e.Value})
	}
	t, err := b.sys.cyderes.Tickets.Get(ctx, ticket)
	if err != nil {
		return nil, err
	}
	for _, cm := range t.Comments {
		th.cyderes = append(th.cyderes, message{system: "cyderes", id: cyderesNoteID(cm), author: cm.Author, text: cm.Body})
	}
	return th, nil
}

// cyderesNoteID is a ticket comment's id or, when the API gives none, a
// digest of what it is: when, by whom, what.
func cyderesNoteID(cm cyderes.Comment) string {
	if cm.ID != "" {
		return cm.ID
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s\x00%s", cm.Created.UnixMicro(), cm.Author, cm.Body)
	return fmt.Sprintf("h%016x", h.Sum64())
}

// mirrorThread sends each note of th that is not the bridge's own to the
// two other systems that lack a copy of it, oldest first per system.
func (b *bridge) mirrorThread(ctx context.Context, w io.Writer, th *thread) error {
	type place struct {
		name  string
		notes []message
		copy  func(n message, origin string) effect
	}
	places := map[string]place{
		"thehive": {fmt.Sprintf("TheHive case #%d", th.hiveCase.Number), th.hive, func(n message, origin string) effect {
			return hiveCommentEffect(th.ticket, th.hiveCase.ID, n, origin)
		}},
		"servicenow": {"ServiceNow " + th.incident.Number, th.snow, func(n message, origin string) effect {
			return mirroredWorkNoteEffect(th.ticket, th.incident, n, origin)
		}},
		"cyderes": {"Cyderes " + th.ticket, th.cyderes, func(n message, origin string) effect {
			return mirroredCommentEffect(th.ticket, n, origin)
		}},
	}
	if !b.caseComments() {
		delete(places, "thehive")
	}
	for _, from := range []string{"cyderes", "thehive", "servicenow"} {
		src, ok := places[from]
		if !ok {
			continue
		}
		for _, n := range src.notes {
			if bridgeMarked(n.text) || strings.TrimSpace(n.text) == "" {
				continue
			}
			var effects []effect
			var to []string
			for _, target := range []string{"thehive", "servicenow", "cyderes"} {
				if _, ok := places[target]; !ok || target == from || hasNote(places[target].notes, n.marker()) {
					continue
				}
				effects = append(effects, places[target].copy(n, src.name))
				to = append(to, places[target].name)
			}
			if len(effects) == 0 {
				continue
			}
			line := fmt.Sprintf("note by %s in %s ⇒ copied to %s", n.author, src.name, strings.Join(to, " and "))
			if err := b.performAll(ctx, w, th.ticket, line, effects); err != nil {
				return err
			}
		}
	}
	return nil
}

// caseComments reports whether TheHive has case comments: TheHive 5 does,
// TheHive 3/4 do not (their cases have task logs only), so with them notes
// are mirrored between ServiceNow and Cyderes alone.
func (b *bridge) caseComments() bool { return b.sys.thehive.Dialect() == thehive.V1 }

// hasNote reports whether one of notes carries marker.
func hasNote(notes []message, marker string) bool {
	for _, n := range notes {
		if strings.Contains(n.text, marker) {
			return true
		}
	}
	return false
}

// quoted is n's text introduced by its author and origin, for a copy.
func quoted(n message, origin string) string {
	author := n.author
	if author == "" {
		author = "someone"
	}
	return fmt.Sprintf("%s wrote in %s:\n\n%s", author, origin, strings.TrimSpace(n.text))
}

// hiveCommentEffect copies n, written in origin, to the case caseID.
func hiveCommentEffect(ticket, caseID string, n message, origin string) effect {
	return effect{Key: "mirror/thehive/" + n.system + "/" + n.id, Kind: effectHiveComment, Ticket: ticket, Case: caseID,
		Body: quoted(n, origin), Marker: n.marker()}
}

// mirroredWorkNoteEffect copies n, written in origin, to the incident in
// as a work note.
func mirroredWorkNoteEffect(ticket string, in *servicenow.Incident, n message, origin string) effect {
	return effect{Key: "mirror/servicenow/" + n.system + "/" + n.id, Kind: effectWorkNote, Ticket: ticket,
		Incident: in.SysID, Number: in.Number, Body: quoted(n, origin), Marker: n.marker()}
}

// mirroredCommentEffect copies n, written in origin, to the ticket.
func mirroredCommentEffect(ticket string, n message, origin string) effect {
	return effect{Key: "mirror/cyderes/" + n.system + "/" + n.id, Kind: effectComment, Ticket: ticket,
		Body: quoted(n, origin), Marker: n.marker()}
}
