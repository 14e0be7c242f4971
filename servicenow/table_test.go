package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// change is a caller's own struct for the change_request table.
type change struct {
	SysID  string    `json:"sys_id"`
	Number string    `json:"number"`
	Risk   Field     `json:"risk"`
	Start  Time      `json:"start_date"`
	Owner  Reference `json:"assigned_to"`
}

func TestTypedTable(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":{"sys_id":"c1","number":"CHG0001","risk":{"value":"2","display_value":"High"},` +
		`"start_date":"2026-11-23 08:00:00","assigned_to":{"link":"https://x/api/now/table/sys_user/u9","value":"u9"}}}`})
	tbl := NewTable[change](c, "change_request")
	ch, err := tbl.Get(ctx, "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Number != "CHG0001" || ch.Risk.DisplayValue != "High" || ch.Risk.Value != "2" ||
		!ch.Start.Equal(time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)) || ch.Owner.Value != "u9" {
		t.Fatalf("decoded %+v", ch)
	}
	if _, err := tbl.Create(ctx, map[string]string{"short_description": "patch"}); err != nil {
		t.Fatal(err)
	}
	if _, err := tbl.Update(ctx, "c1", map[string]any{"risk": 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := tbl.Update(ctx, "c1", &struct {
		Notes string `json:"close_notes"`
	}{Notes: "a < b & c"}); err != nil {
		t.Fatal(err)
	}
	want := []struct{ method, path, body string }{
		{method: "GET", path: "/api/now/table/change_request/c1"},
		{method: "POST", path: "/api/now/table/change_request", body: `{"short_description":"patch"}`},
		{method: "PATCH", path: "/api/now/table/change_request/c1", body: `{"risk":3}`},
		{method: "PATCH", path: "/api/now/table/change_request/c1", body: `{"close_notes":"a < b & c"}`},
	}
	got := m.Requests()
	if len(got) != len(want) {
		t.Fatalf("sent %d requests, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Method != w.method || got[i].Path != w.path || got[i].Body != w.body {
			t.Errorf("request %d: %s %s %s, want %v", i, got[i].Method, got[i].Path, got[i].Body, w)
		}
	}
}

func TestTypedTableListAndAll(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"c1","number":"CHG1"},{"sys_id":"c2","number":"CHG2"}]}`,
		Header: testkit.Headers("X-Total-Count", "2")})
	tbl := NewTable[change](c, "change_request")
	p, err := tbl.List(context.Background(), nil)
	if err != nil || len(p.Items) != 2 || p.Items[1].Number != "CHG2" || p.NextOffset != -1 {
		t.Fatalf("page %+v, %v", p, err)
	}
	var numbers []string
	for ch, err := range tbl.All(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		numbers = append(numbers, ch.Number)
	}
	if strings.Join(numbers, ",") != "CHG1,CHG2" {
		t.Fatalf("numbers %v", numbers)
	}
}

func TestUntypedRecordsAndEscapedIDs(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":{"sys_id":"x","u_score":"7"}}`})
	rec, err := c.Records("u_custom_table").Get(ctx, "../../sys_user/abc", &GetOptions{ExcludeReferenceLink: true})
	if err != nil {
		t.Fatal(err)
	}
	var score string
	if err := json.Unmarshal((*rec)["u_score"], &score); err != nil || score != "7" {
		t.Fatalf("u_score = %q, %v", score, err)
	}
	g := m.Last(t)
	if g.RawPath != "/api/now/table/u_custom_table/..%2F..%2Fsys_user%2Fabc" {
		t.Fatalf("id not escaped as one segment: %q", g.RawPath)
	}
	if g.Query.Get("sysparm_exclude_reference_link") != "true" {
		t.Fatalf("query %v", g.Query)
	}
	for _, name := range []string{"", "incident/../sys_user", "a?b"} {
		if _, err := c.Records(name).Get(ctx, "x", nil); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("table %q: %v", name, err)
		}
	}
}

func TestJournalEntries(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[
{"sys_id":"j1","element":"work_notes","element_id":"abc","name":"incident","value":"first look","sys_created_on":"2026-11-23 08:00:00","sys_created_by":"ann"},
{"sys_id":"j2","element":"comments","element_id":"abc","name":"incident","value":"we are on it","sys_created_on":"2026-11-23 08:05:00","sys_created_by":"bob","u_x":"1"}]}`,
		Header: testkit.Headers("X-Total-Count", "2")})
	entries, err := c.Incidents.Journal(context.Background(), "abc")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Field != JournalWorkNotes || entries[1].Value != "we are on it" ||
		entries[1].CreatedBy != "bob" || !entries[0].CreatedOn.Before(entries[1].CreatedOn.Time) ||
		!strings.Contains(string(entries[1].Raw), `"u_x":"1"`) {
		t.Fatalf("entries %+v", entries)
	}
}

func TestXMLErrorBody(t *testing.T) {
	c, m := newClient(t, WithoutRetries())
	answerAll(m, testkit.Answer{Status: 400, Body: `<?xml version="1.0"?><response><error><message>Invalid query</message></error></response>`,
		Header: testkit.Headers("Content-Type", "application/xml")})
	_, err := c.Incidents.List(context.Background(), nil)
	var e *incidentkit.Error
	if !errors.As(err, &e) || e.StatusCode != 400 || !strings.Contains(err.Error(), "Invalid query") {
		t.Fatalf("err = %v", err)
	}
}
