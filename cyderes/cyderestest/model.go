package cyderestest

import (
	"time"
)

// Ticket is a stored ticket. Zero strings are left out of answers.
type Ticket struct {
	TicketID         string
	Number           string
	Priority         string
	State            string
	TicketType       string // alert, service_task, service_proactive, service_request or phishing
	Category, Type   string
	ShortDescription string
	Description      string
	AlertDescription string
	AnalystNotes     string
	Recommendations  string
	// RawEvent is sent as raw_event_description with include_raw_event.
	RawEvent         string
	Escalated        bool
	Created, Updated time.Time
	Comments         []Comment
	// Extra holds further string fields (alert_insights, soar_case_id ...).
	Extra map[string]string
}

// Comment is a ticket comment.
type Comment struct {
	ID, Author, Body string
	Created          time.Time
}

// Attachment is a file on a ticket.
type Attachment struct {
	ID, FileName, MIMEType string
	Data                   []byte
	Created                time.Time
}

// Attribute is a MISP attribute served by /misp.
type Attribute struct {
	ID, EventID      int
	Category, Type   string
	Value            string
	ToIDs            bool
	Comment          string
	Timestamp        time.Time
	EventInfo        string
	EventThreatLevel int // 1 high … 4 undefined
}

// timeLayout is how the fake writes ticket times.
const timeLayout = "2006-01-02T15:04:05.000000"

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
