package cyderes

import (
	"bytes"
	"encoding/json"
	"reflect"
	"time"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/sla"
)

// Ticket is a Cyderes ticket of any type. Which fields are filled depends
// on the ticket type; every value the API sends stays in Raw, so a field
// this type does not know is never lost.
//
// Decoding is lenient: times are parsed by [ParseTime] and left zero when
// absent or in an unknown form, "escalated" is read from "True", "true" or
// true, and a number, a boolean or an object where text was documented is
// kept as its JSON text.
type Ticket struct {
	// Number is the ticket's display number.
	Number string `json:"number"`
	// TicketID is the id every other call takes.
	TicketID string `json:"ticket_id"`
	// Priority is the priority exactly as sent (its form is not
	// documented: "P1", "1 - Critical", "Critical" and so on).
	Priority string `json:"priority"`
	// SLAPriority is Priority mapped leniently by sla.ParsePriority; it is
	// zero when Priority is empty or not recognised.
	SLAPriority sla.Priority `json:"-"`
	// State is the ticket's state as the API names it ("Open", "Closed" …).
	State string `json:"state"`
	// Created and Updated are when the ticket was opened and last changed,
	// in UTC; zero when absent or unreadable.
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// TicketType is the kind of ticket.
	TicketType TicketType `json:"ticket_type"`
	// Category and Type classify service tickets.
	Category string `json:"category"`
	Type     string `json:"type"`
	// Escalated is nil when the ticket does not say (alert tickets in
	// lists, for one).
	Escalated *bool `json:"escalated"`
	// ShortDescription is the ticket's summary and Description its full
	// text.
	ShortDescription string `json:"short_description"`
	Description      string `json:"description"`
	// AlertDescription, AlertInvestigation, AlertInsights and
	// AlertInsightsHTML describe an alert ticket's alert.
	AlertDescription   string `json:"alert_description"`
	AlertInvestigation string `json:"alert_investigation"`
	AlertInsights      string `json:"alert_insights"`
	AlertInsightsHTML  string `json:"alert_insights_html"`
	// SOARCaseID and SOARAlertTicketID link the ticket to Cyderes' SOAR.
	SOARCaseID        string `json:"soar_case_id"`
	SOARAlertTicketID string `json:"soar_alert_ticket_id"`
	// PhishingInvestigation is a phishing ticket's findings.
	PhishingInvestigation string `json:"phishing_investigation"`
	// AnalystNotes and Recommendations are the analysts' conclusions.
	AnalystNotes    string `json:"analyst_notes"`
	Recommendations string `json:"recommendations"`
	// RawEventDescription is sent for alert tickets listed with
	// ListOptions.IncludeRawEvent.
	RawEventDescription string `json:"raw_event_description"`
	// Comments are the ticket's comments in the API's order.
	Comments []Comment `json:"comments"`

	// Raw is the ticket's JSON object exactly as received.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a ticket leniently, in one pass over its members,
// and keeps its raw JSON. Member names are matched as encoding/json would
// match the field tags: exactly, or else ignoring case.
func (t *Ticket) UnmarshalJSON(b []byte) error {
	raw := append(json.RawMessage(nil), b...)
	out := Ticket{Raw: raw}
	err := jsonwalk.Object(raw, func(name, v []byte) error {
		ok, err := out.member(name, v)
		if ok || err != nil {
			return err
		}
		if known := foldedTicketMember(name); known != "" {
			_, err = out.member([]byte(known), v)
		}
		return err
	})
	if err != nil {
		return err
	}
	if p, err := sla.ParsePriority(out.Priority); err == nil {
		out.SLAPriority = p
	}
	*t = out
	return nil
}

// member decodes one member of a ticket object into its field, by the
// field's type; known is false for a name the type does not have.
func (t *Ticket) member(name, v []byte) (known bool, err error) {
	switch f := t.field(name).(type) {
	case *string:
		*f, err = text(v)
	case *TicketType:
		var s string
		s, err = text(v)
		*f = TicketType(s)
	case *time.Time:
		var s string
		s, err = text(v)
		*f = parseTimeLenient(s)
	case **bool:
		var b flexBool
		err = b.UnmarshalJSON(v)
		*f = b.ptr()
	case *[]Comment:
		*f, err = decodeComments(v)
	default:
		return false, nil
	}
	return true, err
}

// field returns a pointer to the field that the member name decodes into,
// or nil for a name the type does not have.
func (t *Ticket) field(name []byte) any {
	switch string(name) {
	case "number":
		return &t.Number
	case "ticket_id":
		return &t.TicketID
	case "priority":
		return &t.Priority
	case "state":
		return &t.State
	case "created":
		return &t.Created
	case "updated":
		return &t.Updated
	case "ticket_type":
		return &t.TicketType
	case "category":
		return &t.Category
	case "type":
		return &t.Type
	case "escalated":
		return &t.Escalated
	case "short_description":
		return &t.ShortDescription
	case "description":
		return &t.Description
	case "alert_description":
		return &t.AlertDescription
	case "alert_investigation":
		return &t.AlertInvestigation
	case "alert_insights":
		return &t.AlertInsights
	case "alert_insights_html":
		return &t.AlertInsightsHTML
	case "soar_case_id":
		return &t.SOARCaseID
	case "soar_alert_ticket_id":
		return &t.SOARAlertTicketID
	case "phishing_investigation":
		return &t.PhishingInvestigation
	case "analyst_notes":
		return &t.AnalystNotes
	case "recommendations":
		return &t.Recommendations
	case "raw_event_description":
		return &t.RawEventDescription
	case "comments":
		return &t.Comments
	}
	return nil
}

// text decodes a value documented as a string, leniently (see flexString).
func text(v []byte) (string, error) {
	if s, ok := jsonwalk.Unquote(v); ok {
		return string(s), nil
	}
	var f flexString
	err := f.UnmarshalJSON(v)
	return string(f), err
}

// ticketMembers are the member names Ticket decodes: its fields' json
// tags.
var ticketMembers = func() []string {
	t := reflect.TypeFor[Ticket]()
	var names []string
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("json"); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}()

// foldedTicketMember returns the member name that name matches ignoring
// case (as bytes.EqualFold, and encoding/json, compare), or "".
func foldedTicketMember(name []byte) string {
	for _, m := range ticketMembers {
		if bytes.EqualFold(name, []byte(m)) {
			return m
		}
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
