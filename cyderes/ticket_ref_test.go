package cyderes

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit/sla"
)

// refTicket decodes a ticket the plain way, through encoding/json and the
// lenient wire types; Ticket.UnmarshalJSON must agree with it.
func refTicket(b []byte) (Ticket, error) {
	var w struct {
		Number                flexString `json:"number"`
		TicketID              flexString `json:"ticket_id"`
		Priority              flexString `json:"priority"`
		State                 flexString `json:"state"`
		Created               flexString `json:"created"`
		Updated               flexString `json:"updated"`
		TicketType            flexString `json:"ticket_type"`
		Category              flexString `json:"category"`
		Type                  flexString `json:"type"`
		Escalated             flexBool   `json:"escalated"`
		ShortDescription      flexString `json:"short_description"`
		Description           flexString `json:"description"`
		AlertDescription      flexString `json:"alert_description"`
		AlertInvestigation    flexString `json:"alert_investigation"`
		AlertInsights         flexString `json:"alert_insights"`
		AlertInsightsHTML     flexString `json:"alert_insights_html"`
		SOARCaseID            flexString `json:"soar_case_id"`
		SOARAlertTicketID     flexString `json:"soar_alert_ticket_id"`
		PhishingInvestigation flexString `json:"phishing_investigation"`
		AnalystNotes          flexString `json:"analyst_notes"`
		Recommendations       flexString `json:"recommendations"`
		RawEventDescription   flexString `json:"raw_event_description"`
		// Comments are decoded one by one below: a repeated "comments"
		// member replaces the list (encoding/json would merge the two
		// lists' objects into the same elements).
		Comments []json.RawMessage `json:"comments"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return Ticket{}, err
	}
	t := Ticket{
		Number: string(w.Number), TicketID: string(w.TicketID), Priority: string(w.Priority), State: string(w.State),
		Created: parseTimeLenient(string(w.Created)), Updated: parseTimeLenient(string(w.Updated)),
		TicketType: TicketType(w.TicketType), Category: string(w.Category), Type: string(w.Type),
		Escalated: w.Escalated.ptr(), ShortDescription: string(w.ShortDescription), Description: string(w.Description),
		AlertDescription: string(w.AlertDescription), AlertInvestigation: string(w.AlertInvestigation),
		AlertInsights: string(w.AlertInsights), AlertInsightsHTML: string(w.AlertInsightsHTML),
		SOARCaseID: string(w.SOARCaseID), SOARAlertTicketID: string(w.SOARAlertTicketID),
		PhishingInvestigation: string(w.PhishingInvestigation), AnalystNotes: string(w.AnalystNotes),
		Recommendations: string(w.Recommendations), RawEventDescription: string(w.RawEventDescription),
		Raw: append(json.RawMessage(nil), b...),
	}
	if p, err := sla.ParsePriority(t.Priority); err == nil {
		t.SLAPriority = p
	}
	for _, raw := range w.Comments {
		var c struct {
			ID      flexString `json:"id"`
			Created flexString `json:"created"`
			Author  flexString `json:"author"`
			Body    flexString `json:"body"`
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			return Ticket{}, err
		}
		t.Comments = append(t.Comments, Comment{ID: string(c.ID), Created: parseTimeLenient(string(c.Created)),
			Author: string(c.Author), Body: string(c.Body)})
	}
	return t, nil
}

// compareWithRef fails when decoding s as a Ticket and as refTicket
// disagree. Comment.Raw, which the reference does not fill, must decode
// to the same comment.
func compareWithRef(t *testing.T, s string) {
	t.Helper()
	if !json.Valid([]byte(s)) {
		return
	}
	want, werr := refTicket([]byte(s))
	var got Ticket
	gerr := json.Unmarshal([]byte(s), &got)
	if (gerr != nil) != (werr != nil) {
		t.Fatalf("%q: error %v, reference error %v", s, gerr, werr)
	}
	if gerr != nil {
		return
	}
	// encoding/json hands UnmarshalJSON the value without the white space
	// around it.
	want.Raw = json.RawMessage(strings.TrimSpace(string(want.Raw)))
	for i := range got.Comments {
		c := got.Comments[i]
		if c.Raw != nil {
			again, err := refTicket([]byte(`{"comments":[` + string(c.Raw) + `]}`))
			if err != nil || len(again.Comments) != 1 || !sameComment(again.Comments[0], c) {
				t.Fatalf("%q: comment %d raw %s does not decode to %+v", s, i, c.Raw, c)
			}
		}
		got.Comments[i].Raw = nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
	}
}

func sameComment(a, b Comment) bool {
	return a.ID == b.ID && a.Created.Equal(b.Created) && a.Author == b.Author && a.Body == b.Body
}

// refSamples are tickets in the shapes the decoder must agree on.
var refSamples = []string{
	`{"ticket_id":"a","escalated":"True","created":"2024-05-01 10:20:30","priority":"P1"}`,
	`{"escalated":true,"comments":[{"id":1,"created":null}]}`,
	`{"escalated":"false","number":12,"soar_case_id":{"x":1}}`,
	`{"escalated":null}`, `[]`, `null`, `{"comments":{}}`, `{"comments":[]}`, `{"comments":null}`,
	`{"comments":[null,{"ID":"x","Body":"y"}]}`, `{"comments":[1]}`, `{"comments":"none"}`,
	`{"Ticket_ID":"upper","TYPE":"t","ticket_id":"lower"}`, `{"ticket_id":"lower","Ticket_ID":"upper"}`,
	"{\"tic\u212aet_id\":\"kelvin\",\"\u017fhort_description\":\"long s\"}",
	`{"short_description":"esc\"aped \u00e9\n","description":"caf\u00e9","state":"\ud83d\ude00"}`,
	`{"priority":1,"state":true,"category":1.5e3,"type":[1,{"a":2}],"unknown":{"nested":[1,2,{"x":null}]}}`,
	`{"created":"2024-05-02T11:00:00.5+02:00","updated":"yesterday","ticket_type":"phishing"}`,
	`{"comments":[{"id":"c1","created":"2024-05-01T10:21:00Z","author":"Ann","body":"hello","extra":[1]}],"comments":[{"id":"c2"}]}`,
	"{\"description\":\"bad \xff utf-8\"}",
}

func TestTicketDecodeMatchesReference(t *testing.T) {
	for _, s := range refSamples {
		compareWithRef(t, s)
	}
}

func FuzzTicketDecodeMatchesReference(f *testing.F) {
	for _, s := range refSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		compareWithRef(t, s)
		// Through the list hook too: the same tickets, Raw included.
		if !json.Valid([]byte(s)) {
			return
		}
		var l ticketList
		lerr := l.DecodeJSON([]byte("[" + s + "]"))
		var one Ticket
		oerr := json.Unmarshal([]byte(s), &one)
		if (lerr != nil) != (oerr != nil) {
			t.Fatalf("%q: list error %v, single error %v", s, lerr, oerr)
		}
		if lerr == nil && strings.TrimSpace(s) != "null" && (len(l.items) != 1 || !reflect.DeepEqual(*l.items[0], one)) {
			t.Fatalf("%q: list decoded %+v, single %+v", s, l, one)
		}
	})
}
