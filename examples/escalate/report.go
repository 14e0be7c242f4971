package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
)

// report is what a SOC lead acts on for one ticket. With -json each is
// printed as one JSON object on a line of its own.
type report struct {
	Type      string `json:"type"` // "ticket"
	Ticket    string `json:"ticket"`
	Priority  string `json:"priority"`
	Title     string `json:"title"`
	Escalated bool   `json:"escalated"` // false when an earlier run had done it all
	Case      struct {
		ID          string `json:"id"`
		Number      int    `json:"number"`
		URL         string `json:"url"`
		Observables int    `json:"observables,omitempty"` // on an alert made by this run
		FromMISP    int    `json:"fromMISP,omitempty"`
	} `json:"case"`
	Incident struct {
		SysID           string `json:"sysId"`
		Number          string `json:"number"`
		URL             string `json:"url"`
		Impact          string `json:"impact"`
		Urgency         string `json:"urgency"`
		Priority        string `json:"priority"`
		AssignmentGroup string `json:"assignmentGroup,omitempty"`
	} `json:"incident"`
	// Comment is the comment back to the ticket, and EffectsError why it
	// or the incident's work note was not written (it waits in the
	// outbox).
	Comment      string `json:"comment"`
	EffectsError string `json:"effectsError,omitempty"`
	SLA          *struct {
		ResponseDue   time.Time `json:"responseDue"`
		ResponseStage string    `json:"responseStage"`
		ResolveDue    time.Time `json:"resolveDue"`
		ResolveStage  string    `json:"resolveStage"`
		ResolveUsed   float64   `json:"resolveUsedPercent"`
	} `json:"sla,omitempty"`
}

// note is any other line of the output: with -json, an object of type
// "note".
type note struct {
	Type string `json:"type"` // "note"
	Text string `json:"text"`
}

// say writes a line of the run's output, or with -json a note.
func (b *bridge) say(w io.Writer, format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	if b.json {
		if text = strings.TrimSpace(text); text != "" {
			_ = json.NewEncoder(w).Encode(note{Type: "note", Text: text})
		}
		return
	}
	fmt.Fprint(w, text)
}

// reportOf gathers what o says for a SOC lead.
func (b *bridge) reportOf(o outcome) report {
	t := o.ticket
	r := report{Type: "ticket", Ticket: t.TicketID, Priority: o.priority.String(), Title: t.ShortDescription, Escalated: o.escalated}
	r.Case.ID, r.Case.Number, r.Case.URL = o.hiveCase.ID, o.hiveCase.Number, b.sys.caseURL(o.hiveCase)
	if o.escalated {
		r.Case.Observables, r.Case.FromMISP = o.observed, o.fromMISP
	}
	in := o.incident
	r.Incident.SysID, r.Incident.Number, r.Incident.URL = in.SysID, in.Number, b.sys.incidentURL(in.SysID)
	r.Incident.Impact, r.Incident.Urgency, r.Incident.Priority = in.Impact.String(), in.Urgency.String(), in.Priority.String()
	r.Incident.AssignmentGroup = in.AssignmentGroup.String()
	r.Comment = o.comment
	if o.effectsErr != nil {
		r.EffectsError = o.effectsErr.Error()
	}
	resp, resol, err := b.policy.Clocks(o.priority, t.Created)
	if err != nil {
		return r
	}
	// The escalation is the SOC's response: the incident's opening time.
	responded := in.OpenedAt.Time
	if responded.IsZero() || responded.Before(t.Created) {
		responded = b.now
	}
	_ = resp.Stop(responded)
	rs, _ := resp.Status(b.now)
	ls, _ := resol.Status(b.now)
	r.SLA = &struct {
		ResponseDue   time.Time `json:"responseDue"`
		ResponseStage string    `json:"responseStage"`
		ResolveDue    time.Time `json:"resolveDue"`
		ResolveStage  string    `json:"resolveStage"`
		ResolveUsed   float64   `json:"resolveUsedPercent"`
	}{rs.Due, rs.Stage.String(), ls.Due, ls.Stage.String(), ls.Percent}
	return r
}

// print writes o as text, or with -json as one object.
func (b *bridge) print(w io.Writer, o outcome) {
	r := b.reportOf(o)
	if b.json {
		_ = json.NewEncoder(w).Encode(r)
		return
	}
	state := "escalated"
	if !r.Escalated {
		state = "already escalated earlier"
	}
	fmt.Fprintf(w, "%s  %s  %s — %s\n", r.Ticket, r.Priority, r.Title, state)
	if r.Case.Observables > 0 {
		fmt.Fprintf(w, "  TheHive   case #%d, %d observables (%d known to MISP)\n", r.Case.Number, r.Case.Observables, r.Case.FromMISP)
	} else {
		fmt.Fprintf(w, "  TheHive   case #%d\n", r.Case.Number)
	}
	fmt.Fprintf(w, "  ServiceNow %s, impact %s, urgency %s, priority %s\n", r.Incident.Number, r.Incident.Impact, r.Incident.Urgency, r.Incident.Priority)
	if r.SLA == nil {
		fmt.Fprintf(w, "  SLA       none for %s\n\n", r.Priority)
	} else {
		fmt.Fprintf(w, "  SLA       response due %s (%s), resolve due %s (%.0f%% used)\n\n",
			r.SLA.ResponseDue.Format("Jan 02 15:04 MST"), r.SLA.ResponseStage, r.SLA.ResolveDue.Format("Jan 02 15:04 MST"), r.SLA.ResolveUsed)
	}
	if r.EffectsError != "" {
		fmt.Fprintf(w, "  Outbox    not done, kept for the next run: %s\n\n", r.EffectsError)
	}
}

// caseURL links to c in TheHive's web interface.
func (s *systems) caseURL(c *thehive.Case) string {
	if s.thehiveURL == "" {
		return ""
	}
	if s.thehive.Dialect() == thehive.V1 {
		return strings.TrimSuffix(s.thehiveURL, "/") + "/cases/" + url.PathEscape(c.ID) + "/details"
	}
	return strings.TrimSuffix(s.thehiveURL, "/") + "/index.html#!/case/" + url.PathEscape(c.ID) + "/details"
}

// incidentURL links to the incident in ServiceNow's web interface.
func (s *systems) incidentURL(sysID string) string {
	if s.servicenowURL == "" {
		return ""
	}
	return strings.TrimSuffix(s.servicenowURL, "/") + "/nav_to.do?uri=" + url.QueryEscape("incident.do?sys_id="+sysID)
}
