package cyderes

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/sla"
)

func TestTicketDecode(t *testing.T) {
	raw := `{"number":"SR0001","ticket_id":"abc-1","priority":"1 - Critical","state":"Open",
		"created":"2024-05-01 10:20:30","updated":"2024-05-02T11:00:00.5+02:00","ticket_type":"service_request",
		"category":"Access","type":"Reset","escalated":"True","short_description":"s","description":"d",
		"alert_description":"ad","alert_investigation":"ai","alert_insights":"ins","alert_insights_html":"<b>x</b>",
		"soar_case_id":"42","soar_alert_ticket_id":7,"phishing_investigation":"pi","analyst_notes":"an",
		"recommendations":"rec","raw_event_description":"raw","custom_field":{"a":1},
		"comments":[{"id":"c1","created":"2024-05-01T10:21:00Z","author":"Ann","body":"hello"}]}`
	var tk Ticket
	if err := json.Unmarshal([]byte(raw), &tk); err != nil {
		t.Fatal(err)
	}
	want := Ticket{
		Number: "SR0001", TicketID: "abc-1", Priority: "1 - Critical", SLAPriority: sla.P1, State: "Open",
		Created:    time.Date(2024, 5, 1, 10, 20, 30, 0, time.UTC),
		Updated:    time.Date(2024, 5, 2, 9, 0, 0, 5e8, time.UTC),
		TicketType: TicketTypeServiceRequest, Category: "Access", Type: "Reset",
		ShortDescription: "s", Description: "d", AlertDescription: "ad", AlertInvestigation: "ai",
		AlertInsights: "ins", AlertInsightsHTML: "<b>x</b>", SOARCaseID: "42", SOARAlertTicketID: "7",
		PhishingInvestigation: "pi", AnalystNotes: "an", Recommendations: "rec", RawEventDescription: "raw",
	}
	got := tk
	if got.Escalated == nil || !*got.Escalated {
		t.Errorf("Escalated = %v, want true", got.Escalated)
	}
	wantComment := Comment{ID: "c1", Created: time.Date(2024, 5, 1, 10, 21, 0, 0, time.UTC), Author: "Ann", Body: "hello",
		Raw: json.RawMessage(`{"id":"c1","created":"2024-05-01T10:21:00Z","author":"Ann","body":"hello"}`)}
	if len(got.Comments) != 1 || !reflect.DeepEqual(got.Comments[0], wantComment) {
		t.Errorf("Comments = %+v", got.Comments)
	}
	if string(got.Raw) != raw {
		t.Errorf("Raw not kept")
	}
	if !strings.Contains(string(got.Raw), `"custom_field":{"a":1}`) {
		t.Error("unknown field lost from Raw")
	}
	got.Escalated, got.Comments, got.Raw = nil, nil, nil
	if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Errorf("times %v %v, want %v %v", got.Created, got.Updated, want.Created, want.Updated)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ticket\n got %+v\nwant %+v", got, want)
	}
}

func TestTicketEscalatedForms(t *testing.T) {
	tests := []struct {
		in   string
		want *bool
	}{
		{in: `"True"`, want: incidentkit.Ptr(true)}, {in: `"true"`, want: incidentkit.Ptr(true)},
		{in: `true`, want: incidentkit.Ptr(true)}, {in: `"False"`, want: incidentkit.Ptr(false)},
		{in: `false`, want: incidentkit.Ptr(false)}, {in: `null`, want: nil}, {in: `""`, want: nil},
		{in: `"maybe"`, want: nil}, {in: `1`, want: incidentkit.Ptr(true)}, {in: `{"x":1}`, want: nil},
	}
	for _, tt := range tests {
		var tk Ticket
		if err := json.Unmarshal([]byte(`{"escalated":`+tt.in+`}`), &tk); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if (tk.Escalated == nil) != (tt.want == nil) || (tk.Escalated != nil && *tk.Escalated != *tt.want) {
			t.Errorf("escalated %s decoded as %v, want %v", tt.in, fmtPtr(tk.Escalated), fmtPtr(tt.want))
		}
	}
}

func TestTicketUnknownTypeAndPriority(t *testing.T) {
	var tk Ticket
	if err := json.Unmarshal([]byte(`{"ticket_type":"incident","priority":"Urgent-ish","created":"yesterday"}`), &tk); err != nil {
		t.Fatal(err)
	}
	if tk.TicketType != "incident" || tk.TicketType.Known() {
		t.Errorf("type %q known=%v", tk.TicketType, tk.TicketType.Known())
	}
	if tk.Priority != "Urgent-ish" || tk.SLAPriority != 0 {
		t.Errorf("priority %q → %v", tk.Priority, tk.SLAPriority)
	}
	if !tk.Created.IsZero() {
		t.Errorf("unparsable created gave %v", tk.Created)
	}
}

func TestTicketPriorityForms(t *testing.T) {
	for in, want := range map[string]sla.Priority{"P1": sla.P1, "2": sla.P2, "3 - Moderate": sla.P3, "Low": sla.P4, "critical": sla.P1} {
		var tk Ticket
		if err := json.Unmarshal([]byte(`{"priority":"`+in+`"}`), &tk); err != nil {
			t.Fatal(err)
		}
		if tk.SLAPriority != want || tk.Priority != in {
			t.Errorf("priority %q → %v (kept %q), want %v", in, tk.SLAPriority, tk.Priority, want)
		}
	}
}

func TestParseTime(t *testing.T) {
	want := time.Date(2024, 5, 1, 10, 20, 30, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
	}{
		{in: "2024-05-01T10:20:30Z", want: want},
		{in: "2024-05-01T10:20:30", want: want},
		{in: "2024-05-01 10:20:30", want: want},
		{in: " 2024-05-01T12:20:30+02:00 ", want: want},
		{in: "2024-05-01T10:20:30.250", want: want.Add(250 * time.Millisecond)},
		{in: "2024-05-01 10:20:30.123456", want: want.Add(123456 * time.Microsecond)},
		{in: "2024-05-01T10:20:30.5+0000", want: want.Add(500 * time.Millisecond)},
		{in: "2024-05-01", want: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "05/01/2024", "2024-13-01 00:00:00", "1714558830", "0000-01-01 0:00:00+0100", "9999-12-31T23:30:00-01:00"} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("ParseTime(%q) succeeded", bad)
		}
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{"True": true, "TRUE": true, "1": true, "yes": true, "False": false, "0": false, "no": false} {
		if v, ok := ParseBool(in); !ok || v != want {
			t.Errorf("ParseBool(%q) = %v, %v", in, v, ok)
		}
	}
	if _, ok := ParseBool("perhaps"); ok {
		t.Error("ParseBool accepted perhaps")
	}
}

func fmtPtr(b *bool) string {
	if b == nil {
		return "nil"
	}
	if *b {
		return "true"
	}
	return "false"
}

// TestTicketFieldsByTag checks that every member name Ticket lists reaches
// the field its json tag names, of a type member decodes.
func TestTicketFieldsByTag(t *testing.T) {
	var tk Ticket
	rv := reflect.ValueOf(&tk).Elem()
	byName := map[string]any{}
	for i := range rv.NumField() {
		byName[rv.Type().Field(i).Tag.Get("json")] = rv.Field(i).Addr().Interface()
	}
	if len(ticketMembers) != rv.NumField()-2 { // SLAPriority and Raw are not members
		t.Errorf("%d member names for %d fields", len(ticketMembers), rv.NumField())
	}
	for _, name := range ticketMembers {
		if f := tk.field([]byte(name)); f == nil || f != byName[name] {
			t.Errorf("%s reaches %T, not its field", name, f)
		}
		if known, _ := tk.member([]byte(name), []byte("null")); !known {
			t.Errorf("member does not decode %s", name)
		}
	}
	if tk.field([]byte("custom_field")) != nil {
		t.Error("an unnamed member reaches a field")
	}
}
