package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/sla"
	"github.com/incidentkit/incidentkit/thehive"
)

// Correlation values that let a later run find this bridge's work.
const (
	alertType   = "cyderes"
	alertSource = "Cyderes TSI"
	correlation = "Cyderes TSI"
)

// bridge escalates tickets as of now; its side effects go through box.
type bridge struct {
	sys    *systems
	box    *box
	now    time.Time
	policy sla.Policy
	fakes  []string
	json   bool  // print JSON objects instead of text
	shard  shard // the tickets this replica handles
	// dry, with -dry-run, writes nothing and notes in plan what it would
	// do.
	dry  bool
	plan []string
	// kept are the errors of the mirrored effects that failed this run
	// and wait in the outbox.
	kept []error
}

// outcome is what happened to one ticket.
type outcome struct {
	ticket    *cyderes.Ticket
	priority  sla.Priority
	hiveCase  *thehive.Case
	incident  *servicenow.Incident
	observed  int // observables on the TheHive alert
	fromMISP  int
	escalated bool // false when an earlier run had done it all
	// comment is the comment back to the ticket, and effectsErr why it
	// or the incident's work note failed; the outbox keeps them for the
	// next run.
	comment    string
	effectsErr error
}

// run sweeps the escalated alerts of the last 24 hours.
func (b *bridge) run(ctx context.Context, w io.Writer) ([]outcome, error) {
	if len(b.fakes) > 0 {
		b.say(w, "(in-memory %s: set the environment variables in the package documentation to use real systems)\n\n",
			strings.Join(b.fakes, ", "))
	}
	if err := b.drain(ctx, w); err != nil {
		return nil, err
	}
	page, err := b.sys.cyderes.IOCs.List(ctx, &cyderes.IOCListOptions{CreatedFrom: b.now.AddDate(0, 0, -7), CreatedTo: b.now})
	if err != nil {
		return nil, fmt.Errorf("MISP IOCs: %w", err)
	}
	iocs := page.Items
	var out []outcome
	var kept []error
	planned := 0
	opts := &cyderes.ListOptions{TicketType: cyderes.TicketTypeAlert, EscalatedOnly: true}
	for t, err := range b.sys.cyderes.Tickets.Between(ctx, b.now.Add(-24*time.Hour), b.now, opts) {
		if err != nil {
			return out, fmt.Errorf("sweeping tickets: %w", err)
		}
		if !b.shard.owns(t.TicketID) {
			continue
		}
		if b.dry {
			if err := b.planTicket(ctx, w, t, iocs); err != nil {
				return out, fmt.Errorf("ticket %s: %w", t.TicketID, err)
			}
			planned++
			continue
		}
		o, err := b.escalate(ctx, t, iocs)
		if err != nil {
			return out, fmt.Errorf("ticket %s: %w", t.TicketID, err)
		}
		b.print(w, o)
		if o.effectsErr != nil {
			kept = append(kept, o.effectsErr)
		}
		out = append(out, o)
	}
	n := 0
	for _, o := range out {
		if o.escalated {
			n++
		}
	}
	if b.dry {
		b.say(w, "%d escalated ticket(s) swept; dry run, nothing written\n", planned)
	} else {
		b.say(w, "%d escalated ticket(s) swept, %d newly escalated\n", len(out), n)
	}
	if err := b.mirror(ctx, w); err != nil {
		return out, err
	}
	if err := b.mirrorComments(ctx, w); err != nil {
		return out, err
	}
	kept = append(kept, b.kept...)
	if len(kept) > 0 {
		return out, fmt.Errorf("%d side effect(s) failed and wait in the outbox for the next run: %w", len(kept), errors.Join(kept...))
	}
	return out, nil
}

// escalate brings one ticket through TheHive and ServiceNow, reusing what
// an earlier run created.
func (b *bridge) escalate(ctx context.Context, t *cyderes.Ticket, iocs []*cyderes.MISPAttribute) (outcome, error) {
	o := outcome{ticket: t, priority: t.SLAPriority}
	if !o.priority.Valid() {
		o.priority = sla.P3 // an unreadable priority is treated as medium
	}
	obs, fromMISP := observables(t, iocs)
	sev, _ := sla.DefaultTheHiveSeverities().Severity(o.priority)
	alert, made, err := b.sys.thehive.Alerts.Ensure(ctx, &thehive.AlertInput{
		Type: alertType, Source: alertSource, SourceRef: t.TicketID,
		Title: t.ShortDescription, Description: describe(t), Severity: thehive.Severity(sev),
		Date: t.Created, Tags: []string{"cyderes", ticketTag(t.TicketID), "priority:" + o.priority.String()}, Observables: obs,
	})
	if err != nil {
		return o, fmt.Errorf("TheHive alert: %w", err)
	}
	if made {
		o.observed, o.fromMISP, o.escalated = len(obs), fromMISP, true
	}
	if o.hiveCase, made, err = b.sys.thehive.Alerts.EnsurePromoted(ctx, alert.ID, nil); err != nil {
		return o, fmt.Errorf("TheHive case: %w", err)
	}
	o.escalated = o.escalated || made
	if o.incident, made, err = b.openIncident(ctx, t, o.priority, o.hiveCase); err != nil {
		return o, err
	}
	o.escalated = o.escalated || made
	// The incident's work note and the comment back go through the
	// outbox every run: their markers keep them single, and one an
	// earlier run failed to write is written now even if that run made
	// everything else.
	workNote := fmt.Sprintf("Opened from Cyderes ticket %s; investigation in TheHive case #%d.", t.TicketID, o.hiveCase.Number)
	note := fmt.Sprintf("Escalated to TheHive case #%d and ServiceNow %s.", o.hiveCase.Number, o.incident.Number)
	o.comment = note
	o.effectsErr = errors.Join(b.perform(ctx, workNoteEffect(t.TicketID, o.incident, "opened", workNote)),
		b.perform(ctx, commentEffect(t.TicketID, "escalated", note)))
	return o, nil
}

// openIncident ensures the ticket's incident, keyed by its correlation
// ID, and reports whether this call opened it.
func (b *bridge) openIncident(ctx context.Context, t *cyderes.Ticket, p sla.Priority, c *thehive.Case) (*servicenow.Incident, bool, error) {
	impact, urgency := impactUrgency(p)
	in, made, err := b.sys.servicenow.Incidents.Ensure(ctx, &servicenow.IncidentInput{
		ShortDescription:   incidentkit.Ptr(t.ShortDescription),
		Description:        incidentkit.Set(describe(t) + fmt.Sprintf("\n\nTheHive case #%d (%s).", c.Number, c.ID)),
		Impact:             incidentkit.Ptr(servicenow.Impact(fmt.Sprint(impact))),
		Urgency:            incidentkit.Ptr(servicenow.Urgency(fmt.Sprint(urgency))),
		Category:           incidentkit.Set("security"),
		CorrelationID:      incidentkit.Set(t.TicketID),
		CorrelationDisplay: incidentkit.Set(correlation),
	})
	if err != nil {
		return nil, false, fmt.Errorf("ServiceNow incident: %w", err)
	}
	return in, made, nil
}

// impactUrgency picks the most balanced impact and urgency that the
// default matrix turns into p.
func impactUrgency(p sla.Priority) (impact, urgency int) {
	m := sla.DefaultMatrix()
	best := 99
	for i := 1; i <= 3; i++ {
		for u := 1; u <= 3; u++ {
			if q, _ := m.Priority(i, u); q == p && abs(i-u) < best {
				impact, urgency, best = i, u, abs(i-u)
			}
		}
	}
	return impact, urgency
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func describe(t *cyderes.Ticket) string {
	s := t.AlertDescription
	if s == "" {
		s = t.Description
	}
	return fmt.Sprintf("Cyderes %s ticket %s (%s/%s, priority %q).\n%s", t.TicketType, t.TicketID, t.Category, t.Type, t.Priority, s)
}

// ticketExtractor reads a ticket's text: IP addresses, domains, URLs,
// hashes, mail addresses and file names, defanged or not, and the host of
// each URL as a domain or an address of its own (TheHive's analyzers take
// a domain more often than a whole URL).
func ticketExtractor() *cyderes.Extractor {
	x, err := cyderes.NewExtractor(cyderes.ExtractURLHosts())
	if err != nil {
		panic(err) // the options are fixed and valid
	}
	return x
}

// observables extracts the ticket's own observables from its text, and
// adds the MISP IOCs whose values the ticket mentions, defanged or not
// (marking the ticket's own values that MISP knows). It returns the
// observables and how many of them MISP knows.
func observables(t *cyderes.Ticket, iocs []*cyderes.MISPAttribute) ([]thehive.ObservableInput, int) {
	raw := t.ShortDescription + " " + t.AlertDescription + " " + t.Description
	text := strings.ToLower(cyderes.Refang(raw))
	seen := map[[2]string]bool{}
	var out []thehive.ObservableInput
	add := func(dataType, value, message string, ioc bool, tags ...string) bool {
		k := [2]string{dataType, value}
		if seen[k] {
			return false
		}
		seen[k] = true
		out = append(out, thehive.ObservableInput{DataType: dataType, Data: []string{value}, Message: message, IOC: &ioc, Tags: tags})
		return true
	}
	for _, o := range ticketExtractor().Extract(raw) {
		add(o.DataType, o.Value, "from the Cyderes ticket", false)
	}
	fromMISP := 0
	for _, a := range iocs {
		obs := a.Observables()
		related := false
		for _, o := range obs {
			related = related || strings.Contains(text, strings.ToLower(o.Value))
		}
		if !related {
			continue
		}
		for _, o := range obs {
			// A value the ticket already named becomes an IOC only once.
			k := [2]string{o.DataType, o.Value}
			if seen[k] {
				for i := range out {
					if out[i].DataType == o.DataType && out[i].Data[0] == o.Value && out[i].Message != "MISP: "+a.Event.Info {
						ioc := a.ToIDs
						out[i].IOC, out[i].Message = &ioc, "MISP: "+a.Event.Info
						out[i].Tags = append(out[i].Tags, "misp")
						fromMISP++
					}
				}
				continue
			}
			if add(o.DataType, o.Value, "MISP: "+a.Event.Info, a.ToIDs, "misp") {
				fromMISP++
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DataType < out[j].DataType })
	return out, fromMISP
}
