package cyderestest

import (
	"time"
)

// Ticket is a stored ticket. Zero strings are left out of answers.
type Ticket struct {
	// TicketID is the id the API's paths take; AddTicket fills in
	// TSI-100001, TSI-100002 … when empty.
	TicketID string
	// Number is the display number; AddTicket fills one in when empty.
	Number string
	// Priority and State are sent as they are; AddTicket sets State "New"
	// when empty.
	Priority string
	State    string
	// TicketType is alert (the default), service_task, service_proactive,
	// service_request or phishing.
	TicketType string
	// Category and Type classify service tickets.
	Category, Type string
	// ShortDescription, Description, AlertDescription, AnalystNotes and
	// Recommendations are sent under the API's names.
	ShortDescription string
	Description      string
	AlertDescription string
	AnalystNotes     string
	Recommendations  string
	// RawEvent is sent as raw_event_description with include_raw_event.
	RawEvent string
	// Escalated selects the ticket for escalated_only lists; it is sent
	// as "True" or "False" for every type but alert, as the API does.
	Escalated bool
	// Created and Updated are the ticket's times; AddTicket uses the
	// server's clock when Created is zero and Created when Updated is.
	Created, Updated time.Time
	// Comments are sent in order; the comment and close calls append.
	Comments []Comment
	// Extra holds further string fields (alert_insights, soar_case_id ...).
	Extra map[string]string
}

// Comment is a ticket comment.
type Comment struct {
	// ID, Author and Body are sent as they are.
	ID, Author, Body string
	// Created is when the comment was added.
	Created time.Time
}

// Attachment is a file on a ticket.
type Attachment struct {
	// ID is the attachment's id; AddAttachment fills one in when empty.
	// FileName and MIMEType describe the file.
	ID, FileName, MIMEType string
	// Data is the content, sent as base64 in JSON answers and as it is by
	// a download.
	Data []byte
	// Created is when the file was added; AddAttachment uses the server's
	// clock when it is zero.
	Created time.Time
}

// Attribute is a MISP attribute served by /misp.
type Attribute struct {
	// ID and EventID identify the attribute and its event; AddAttribute
	// fills them in when zero.
	ID, EventID int
	// Category, Type and Value are the MISP attribute's.
	Category, Type string
	Value          string
	// ToIDs marks an indicator meant for detection.
	ToIDs bool
	// Comment is the attribute's comment.
	Comment string
	// Timestamp is when the attribute was created; /misp filters on it.
	// AddAttribute uses the server's clock when it is zero.
	Timestamp time.Time
	// EventInfo is the event's title.
	EventInfo string
	// EventThreatLevel is the event's threat level: 1 high … 4 undefined.
	EventThreatLevel int
	// Tags name the attribute's tags.
	Tags []string
	// Data is the content of a malware sample or attachment, sent
	// base64-encoded as MISP sends it.
	Data []byte
	// EventDate, EventAnalysis (0 initial, 1 ongoing, 2 complete) and
	// EventPublished describe the event; EventDate defaults to the
	// attribute's day.
	EventDate      time.Time
	EventAnalysis  int
	EventPublished bool
}

// timeLayout is how the fake writes ticket times.
const timeLayout = "2006-01-02T15:04:05.000000"

// getFields are the members the Cyderes page lists for "get ticket", per
// ticket type; the fake sends each, empty when it has no value.
func getFields(ticketType string) []string {
	common := []string{"number", "ticket_id", "priority", "state", "created", "updated", "ticket_type", "escalated"}
	switch ticketType {
	case "alert":
		return append(common, "short_description", "alert_description", "alert_investigation", "soar_case_id",
			"soar_alert_ticket_id", "analyst_notes", "recommendations")
	case "service_task", "service_proactive", "service_request":
		return append(common, "category", "type", "short_description", "description")
	}
	return append(common, "category", "type", "short_description", "description", "alert_description", "alert_investigation",
		"soar_case_id", "soar_alert_ticket_id", "phishing_investigation", "analyst_notes", "recommendations")
}

// getJSON is the ticket as "get ticket" answers it: every member the page
// lists for its type, escalated included (lists leave it out for alerts).
func (t *Ticket) getJSON() map[string]any {
	out := t.json(true)
	for _, f := range getFields(t.TicketType) {
		if _, ok := out[f]; !ok {
			out[f] = ""
		}
	}
	out["escalated"] = map[bool]string{true: "True", false: "False"}[t.Escalated]
	return out
}

func (t *Ticket) json(rawEvent bool) map[string]any {
	out := map[string]any{"ticket_id": t.TicketID, "ticket_type": t.TicketType,
		"created": t.Created.UTC().Format(timeLayout), "updated": t.Updated.UTC().Format(timeLayout)}
	for k, v := range map[string]string{
		"number": t.Number, "priority": t.Priority, "state": t.State, "category": t.Category, "type": t.Type,
		"short_description": t.ShortDescription, "description": t.Description, "alert_description": t.AlertDescription,
		"analyst_notes": t.AnalystNotes, "recommendations": t.Recommendations,
	} {
		if v != "" {
			out[k] = v
		}
	}
	for k, v := range t.Extra {
		out[k] = v
	}
	if t.TicketType != "alert" {
		out["escalated"] = map[bool]string{true: "True", false: "False"}[t.Escalated]
	}
	if rawEvent && t.RawEvent != "" {
		out["raw_event_description"] = t.RawEvent
	}
	comments := make([]map[string]string, 0, len(t.Comments))
	for _, c := range t.Comments {
		comments = append(comments, map[string]string{"id": c.ID, "author": c.Author, "body": c.Body,
			"created": c.Created.UTC().Format(timeLayout)})
	}
	out["comments"] = comments
	return out
}
