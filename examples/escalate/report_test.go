package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/incidentkit/incidentkit/thehive"
)

// TestJSONReports runs the bridge with -json: every line is one JSON
// object, a note or a ticket's report with its case, incident, comment and
// SLA state.
func TestJSONReports(t *testing.T) {
	sys, box := testSystems(t)
	b := sys.bridge(testNow, box)
	b.json = true
	var out bytes.Buffer
	if _, err := b.run(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	var tickets []report
	notes := 0
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var kind struct{ Type string }
		if err := json.Unmarshal(sc.Bytes(), &kind); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		switch kind.Type {
		case "note":
			notes++
		case "ticket":
			var r report
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			tickets = append(tickets, r)
		default:
			t.Errorf("line of type %q: %s", kind.Type, sc.Text())
		}
	}
	if notes != 3 || len(tickets) != 3 {
		t.Fatalf("%d notes and %d tickets:\n%s", notes, len(tickets), out.String())
	}
	r := tickets[0]
	if r.Ticket != "TSI-100001" || !r.Escalated || r.Case.Number != 1 || r.Case.Observables != 4 || r.Incident.Number != "INC0010001" ||
		r.Incident.Priority != "Critical" || r.Comment == "" || r.EffectsError != "" || r.SLA == nil || r.SLA.ResponseStage != "met" {
		t.Errorf("first report: %+v", r)
	}
}

// TestLinks checks the links to a case and an incident in the systems'
// web interfaces.
func TestLinks(t *testing.T) {
	sys, err := connect(func(k string) string {
		return map[string]string{"THEHIVE_URL": "https://hive.example.test/", "THEHIVE_API_KEY": "k", "SERVICENOW_INSTANCE": "https://dev1.service-now.com",
			"SERVICENOW_USER": "u", "SERVICENOW_PASSWORD": "p"}[k]
	}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	defer sys.close()
	if got, want := sys.caseURL(&thehive.Case{Record: thehive.Record{ID: "~123"}}), "https://hive.example.test/cases/~123/details"; got != want {
		t.Errorf("case link %q, want %q", got, want)
	}
	if got, want := sys.incidentURL("abc"), "https://dev1.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3Dabc"; got != want {
		t.Errorf("incident link %q, want %q", got, want)
	}
}
