package cyderes

import (
	"encoding/json"
	"time"

	"github.com/incidentkit/incidentkit/sla"
)

// Ticket is a Cyderes ticket of any type. Which fields are filled depends
// on the ticket type; every value the API sends stays in Raw, so a field
// this type does not know is never lost.
//
// Decoding is lenient: times are parsed by [ParseTime] and left zero when
// absent or in an unknown form, "escalated" is read from "True", "true" or
// true, and a number where text was documented is kept as its text.
type Ticket struct {
	Number   string `json:"number"`
	TicketID string `json:"ticket_id"`
	// Priority is the priority exactly as sent (its form is not
	// documented: "P1", "1 - Critical", "Critical" and so on).
	Priority string `json:"priority"`
	// SLAPriority is Priority mapped leniently by sla.ParsePriority; it is
	// zero when Priority is empty or not recognised.
	SLAPriority sla.Priority `json:"-"`
	State       string       `json:"state"`
	Created     time.Time    `json:"created"`
	Updated     time.Time    `json:"updated"`
	TicketType  TicketType   `json:"ticket_type"`
	Category    string       `json:"category"`
	Type        string       `json:"type"`
	// Escalated is nil when the ticket does not say (alert tickets in
	// lists, for one).
	Escalated             *bool  `json:"escalated"`
	ShortDescription      string `json:"short_description"`
	Description           string `json:"description"`
	AlertDescription      string `json:"alert_description"`
	AlertInvestigation    string `json:"alert_investigation"`
	AlertInsights         string `json:"alert_insights"`
	AlertInsightsHTML     string `json:"alert_insights_html"`
	SOARCaseID            string `json:"soar_case_id"`
	SOARAlertTicketID     string `json:"soar_alert_ticket_id"`
	PhishingInvestigation string `json:"phishing_investigation"`
	AnalystNotes          string `json:"analyst_notes"`
	Recommendations       string `json:"recommendations"`
	// RawEventDescription is sent for alert tickets listed with
	// IncludeRawEvent.
	RawEventDescription string    `json:"raw_event_description"`
	Comments            []Comment `json:"comments"`

	// Raw is the ticket's JSON object exactly as received.
	Raw json.RawMessage `json:"-"`
}

// Comment is one comment of a ticket.
type Comment struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Author  string    `json:"author"`
	Body    string    `json:"body"`
}

// ticketWire is the lenient wire form of a Ticket.
type ticketWire struct {
	Number                flexString    `json:"number"`
	TicketID              flexString    `json:"ticket_id"`
	Priority              flexString    `json:"priority"`
	State                 flexString    `json:"state"`
	Created               flexString    `json:"created"`
	Updated               flexString    `json:"updated"`
	TicketType            flexString    `json:"ticket_type"`
	Category              flexString    `json:"category"`
	Type                  flexString    `json:"type"`
	Escalated             flexBool      `json:"escalated"`
	ShortDescription      flexString    `json:"short_description"`
	Description           flexString    `json:"description"`
	AlertDescription      flexString    `json:"alert_description"`
	AlertInvestigation    flexString    `json:"alert_investigation"`
	AlertInsights         flexString    `json:"alert_insights"`
	AlertInsightsHTML     flexString    `json:"alert_insights_html"`
	SOARCaseID            flexString    `json:"soar_case_id"`
	SOARAlertTicketID     flexString    `json:"soar_alert_ticket_id"`
	PhishingInvestigation flexString    `json:"phishing_investigation"`
	AnalystNotes          flexString    `json:"analyst_notes"`
	Recommendations       flexString    `json:"recommendations"`
	RawEventDescription   flexString    `json:"raw_event_description"`
	Comments              []commentWire `json:"comments"`
}

type commentWire struct {
	ID      flexString `json:"id"`
	Created flexString `json:"created"`
	Author  flexString `json:"author"`
	Body    flexString `json:"body"`
}

// UnmarshalJSON decodes a ticket leniently and keeps its raw JSON.
func (t *Ticket) UnmarshalJSON(b []byte) error {
	var w ticketWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*t = Ticket{
		Number:                string(w.Number),
		TicketID:              string(w.TicketID),
		Priority:              string(w.Priority),
		State:                 string(w.State),
		Created:               parseTimeLenient(string(w.Created)),
		Updated:               parseTimeLenient(string(w.Updated)),
		TicketType:            TicketType(w.TicketType),
		Category:              string(w.Category),
		Type:                  string(w.Type),
		Escalated:             w.Escalated.ptr(),
		ShortDescription:      string(w.ShortDescription),
		Description:           string(w.Description),
		AlertDescription:      string(w.AlertDescription),
		AlertInvestigation:    string(w.AlertInvestigation),
		AlertInsights:         string(w.AlertInsights),
		AlertInsightsHTML:     string(w.AlertInsightsHTML),
		SOARCaseID:            string(w.SOARCaseID),
		SOARAlertTicketID:     string(w.SOARAlertTicketID),
		PhishingInvestigation: string(w.PhishingInvestigation),
		AnalystNotes:          string(w.AnalystNotes),
		Recommendations:       string(w.Recommendations),
		RawEventDescription:   string(w.RawEventDescription),
		Raw:                   append(json.RawMessage(nil), b...),
	}
	if p, err := sla.ParsePriority(t.Priority); err == nil {
		t.SLAPriority = p
	}
	if len(w.Comments) > 0 {
		t.Comments = make([]Comment, len(w.Comments))
		for i, c := range w.Comments {
			t.Comments[i] = Comment{
				ID:      string(c.ID),
				Created: parseTimeLenient(string(c.Created)),
				Author:  string(c.Author),
				Body:    string(c.Body),
			}
		}
	}
	return nil
}

// key returns the identity used to drop a ticket seen twice in one sweep.
func (t *Ticket) key() string {
	if t.TicketID != "" {
		return "id:" + t.TicketID
	}
	if t.Number != "" {
		return "number:" + t.Number
	}
	return ""
}

// lookupTime returns the ticket's time for a lookup field.
func (t *Ticket) lookupTime(f LookupField) time.Time {
	if f == LookupUpdated {
		return t.Updated
	}
	return t.Created
}
