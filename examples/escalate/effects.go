package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/outbox"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// bridgeAuthor signs the bridge's comments.
const bridgeAuthor = "SOC escalation bridge"

// effect is a side effect of the bridge, kept in the outbox until done.
type effect struct {
	// Key names the effect once across runs and replicas: what it does,
	// and to which ticket.
	Key  string `json:"key"`
	Kind string `json:"kind"`
	// Ticket is the Cyderes ticket the effect is about.
	Ticket string `json:"ticket"`
	// Body is the comment's text, or a resolution's notes.
	Body string `json:"body,omitempty"`
	// Code is a resolution's ServiceNow close code.
	Code string `json:"code,omitempty"`
	// Incident and Number are the ticket's incident, when the effect was
	// made knowing it; else it is looked up by the ticket.
	Incident string `json:"incident,omitempty"`
	Number   string `json:"number,omitempty"`
	// Case is the ticket's TheHive case, for a case comment.
	Case string `json:"case,omitempty"`
	// Marker is the line the comment carries; the comment is sent only
	// when the ticket has none with it, so an effect attempted again (by
	// a later run, or by another replica) is never doubled.
	Marker string `json:"marker,omitempty"`
}

// The kinds of effect.
const (
	// effectComment adds a marked comment to a Cyderes ticket.
	effectComment = "cyderes-comment"
	// effectClose closes a Cyderes ticket after a marked comment, unless
	// it is closed already.
	effectClose = "cyderes-close"
	// effectResolve resolves the ticket's ServiceNow incident with a
	// close code and notes, unless it is resolved or closed already.
	effectResolve = "servicenow-resolve"
	// effectReopen reopens the ticket's TheHive case, unless it is open.
	effectReopen = "thehive-reopen"
	// effectWorkNote adds a marked work note to the ticket's ServiceNow
	// incident, unless its journal has the marker.
	effectWorkNote = "servicenow-worknote"
	// effectCloseCase closes the ticket's TheHive case with the status in
	// Code and the summary in Body, unless it is closed already.
	effectCloseCase = "thehive-close"
	// effectHiveComment adds a marked comment to the ticket's TheHive
	// case, unless one of its comments has the marker.
	effectHiveComment = "thehive-comment"
)

// commentEffect is the comment body on ticket, marked as the bridge's
// comment of kind what.
func commentEffect(ticket, what, body string) effect {
	return effect{Key: "comment/" + ticket + "/" + what, Kind: effectComment, Ticket: ticket, Body: body,
		Marker: "[incidentkit:" + what + ":" + ticket + "]"}
}

// workNoteEffect is the work note body on ticket's incident in, marked as
// the bridge's note of kind what.
func workNoteEffect(ticket string, in *servicenow.Incident, what, body string) effect {
	return effect{Key: "worknote/" + ticket + "/" + what, Kind: effectWorkNote, Ticket: ticket, Body: body,
		Marker: "[incidentkit:" + what + ":" + ticket + "]", Incident: in.SysID, Number: in.Number}
}

// closeEffect closes ticket after a comment marked with the case's
// version.
func closeEffect(ticket, version, body string) effect {
	return effect{Key: "close/" + ticket + "/" + version, Kind: effectClose, Ticket: ticket, Body: body,
		Marker: "[incidentkit:resolved:" + ticket + ":" + version + "]"}
}

// apply performs e. It may run again after an attempt whose outcome was
// lost, or after another replica did it: each kind checks its target
// first.
func (b *bridge) apply(ctx context.Context, e effect) error {
	switch e.Kind {
	case effectComment:
		if b.dry {
			t, err := b.sys.cyderes.Tickets.Get(ctx, e.Ticket)
			if err != nil || hasMarker(t, e.Marker) {
				return err
			}
			b.would("comment back on the ticket")
			return nil
		}
		_, err := b.sys.cyderes.Comments.Ensure(ctx, e.Ticket, &cyderes.CommentInput{Author: bridgeAuthor, Body: e.Body}, e.Marker)
		return err
	case effectClose:
		t, err := b.sys.cyderes.Tickets.Get(ctx, e.Ticket)
		if err != nil || strings.EqualFold(t.State, "Closed") {
			return err
		}
		if b.dry {
			b.would("close the Cyderes ticket with a comment")
			return nil
		}
		if !hasMarker(t, e.Marker) {
			if _, err := b.sys.cyderes.Comments.Ensure(ctx, e.Ticket, &cyderes.CommentInput{Author: bridgeAuthor, Body: e.Body}, e.Marker); err != nil {
				return err
			}
		}
		return b.sys.cyderes.Tickets.Close(ctx, e.Ticket, "")
	case effectResolve:
		in, err := b.incidentOf(ctx, e.Ticket)
		if err != nil || in == nil || !incidentActive(in) {
			return err
		}
		if b.dry {
			b.would("resolve ServiceNow " + in.Number + " (" + e.Code + ")")
			return nil
		}
		_, err = b.sys.servicenow.Incidents.Resolve(ctx, in.SysID, servicenow.CloseCode(e.Code), e.Body)
		return err
	case effectWorkNote:
		sysID, number := e.Incident, e.Number
		if sysID == "" {
			in, err := b.incidentOf(ctx, e.Ticket)
			if err != nil || in == nil {
				return err
			}
			sysID, number = in.SysID, in.Number
		}
		notes, err := b.sys.servicenow.Incidents.Journal(ctx, sysID, servicenow.JournalWorkNotes)
		if err != nil {
			return err
		}
		for _, n := range notes {
			if strings.Contains(n.Value, e.Marker) {
				return nil
			}
		}
		if b.dry {
			b.would("add the work note to ServiceNow " + number)
			return nil
		}
		_, err = b.sys.servicenow.Incidents.AddWorkNote(ctx, sysID, e.Body+"\n"+e.Marker)
		return err
	case effectCloseCase:
		c, err := b.caseOf(ctx, e.Ticket)
		if err != nil || c == nil || caseClosed(c) {
			return err
		}
		if b.dry {
			b.would(fmt.Sprintf("close TheHive case #%d (%s)", c.Number, e.Code))
			return nil
		}
		return b.closeCase(ctx, c, thehive.CaseStatus(e.Code), e.Body)
	case effectHiveComment:
		for cm, err := range b.sys.thehive.Comments.All(ctx, e.Case, nil) {
			if err != nil {
				return err
			}
			if strings.Contains(cm.Message, e.Marker) {
				return nil
			}
		}
		if b.dry {
			b.would("comment on the TheHive case")
			return nil
		}
		_, err := b.sys.thehive.Comments.Create(ctx, e.Case, &thehive.CommentInput{Message: e.Body + "\n\n" + e.Marker})
		return err
	case effectReopen:
		c, err := b.caseOf(ctx, e.Ticket)
		if err != nil || c == nil || !caseClosed(c) {
			return err
		}
		if b.dry {
			b.would(fmt.Sprintf("reopen TheHive case #%d", c.Number))
			return nil
		}
		status := thehive.StatusInProgress
		if b.sys.thehive.Dialect() != thehive.V1 {
			status = thehive.StatusOpen
		}
		return b.sys.thehive.Cases.Update(ctx, c.ID, &thehive.CaseUpdate{Status: &status})
	}
	return fmt.Errorf("unknown effect kind %q", e.Kind)
}

// perform stores e in the outbox, then attempts it: done, it leaves the
// outbox; failed, it stays there for the next run.
func (b *bridge) perform(ctx context.Context, e effect) error {
	if b.dry {
		return b.apply(ctx, e)
	}
	if err := b.box.Do(ctx, e.Key, e, b.apply); err != nil {
		return fmt.Errorf("%s (kept for the next run): %w", e.Key, err)
	}
	return nil
}

// drain attempts the effects earlier runs left undone and says what came
// of them; one that fails again stays for the next run.
func (b *bridge) drain(ctx context.Context, w io.Writer) error {
	pending, err := b.box.Pending()
	if err != nil || len(pending) == 0 {
		return err
	}
	if b.dry {
		for _, e := range pending {
			b.say(w, "outbox: would retry %s (%d failed attempts: %s)\n", e.Key, e.Attempts, e.LastError)
		}
		b.say(w, "\n")
		return nil
	}
	r, err := b.box.Drain(ctx, func(ctx context.Context, e outbox.Entry[effect]) error {
		if err := b.apply(ctx, e.Effect); err != nil {
			b.say(w, "outbox: %s failed again (attempt %d): %v\n", e.Key, e.Attempts+1, err)
			return err
		}
		b.say(w, "outbox: %s done\n", e.Key)
		return nil
	})
	b.say(w, "outbox: %d earlier effect(s) done, %d left\n\n", r.Done, r.Failed)
	if r.Failed > 0 {
		b.kept = append(b.kept, fmt.Errorf("%d earlier effect(s) failed again", r.Failed))
	}
	return err
}

// hasMarker reports whether t has a comment carrying marker.
func hasMarker(t *cyderes.Ticket, marker string) bool {
	for _, c := range t.Comments {
		if strings.Contains(c.Body, marker) {
			return true
		}
	}
	return false
}
