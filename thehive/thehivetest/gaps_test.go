package thehivetest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestAlertPromoteImportAndObservables promotes an alert on TheHive 3/4,
// adds an observable to an alert there, follows an alert and imports one
// into a case on TheHive 5.
func TestAlertPromoteImportAndObservables(t *testing.T) {
	ctx := context.Background()
	t.Run("v0", func(t *testing.T) {
		srv, c := setup(t, thehive.V0)
		id := srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "s", SourceRef: "1", Title: "Beacon", Description: "d"})
		if _, err := c.Alerts.AddObservable(ctx, id, &thehive.ObservableInput{DataType: "ip", Data: []string{"10.0.0.9"}}); err != nil {
			t.Fatal(err)
		}
		cs, err := c.Alerts.Promote(ctx, id, &thehive.CaseInput{Template: "phishing"})
		if err != nil || cs.Title != "Beacon" {
			t.Fatalf("Promote: %+v, %v", cs, err)
		}
		again, err := c.Alerts.Promote(ctx, id, nil)
		if err != nil || again.ID != cs.ID {
			t.Errorf("promoting again on TheHive 3/4 answers the alert's case: %+v, %v", again, err)
		}
		if obs, err := c.Observables.List(ctx, cs.ID, nil); err != nil || obs.Total != 1 {
			t.Errorf("case observables: %+v, %v", obs, err)
		}
	})
	t.Run("v1", func(t *testing.T) {
		srv, c := setup(t, thehive.V1)
		caseID := srv.AddCase(thehivetest.Case{Title: "Wave", Description: "d", Tags: []string{"wave"}})
		id := srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "s", SourceRef: "2", Title: "Beacon", Description: "d",
			Tags: []string{"edr"}, Observables: []thehivetest.Observable{{DataType: "ip", Data: "10.0.0.9"}}})
		if err := c.Alerts.Follow(ctx, id); err != nil {
			t.Fatal(err)
		}
		cs, err := c.Alerts.Import(ctx, id, caseID)
		if err != nil || len(cs.Tags) != 1 || strings.Contains(cs.Description, "Merged") {
			t.Fatalf("Import keeps the case's tags and description: %+v, %v", cs, err)
		}
		a, err := c.Alerts.Get(ctx, id)
		if err != nil || !a.Follow || a.CaseID != caseID || a.Status != thehive.AlertImported {
			t.Errorf("alert after import: %+v, %v", a, err)
		}
		var page []map[string]any
		step, err := thehive.PageStep(0, 10, "total")
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Query(ctx, []thehive.Step{{"_name": "listAlert"}, step}, &page); err != nil || len(page) != 1 {
			t.Errorf("raw query: %v, %v", page, err)
		}
	})
}

// TestAlertAndLogAttachments attaches files to an alert and to a task
// log entry, lists and deletes them, against the fake TheHive 5.
func TestAlertAndLogAttachments(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, thehive.V1)
	alertID := srv.AddAlert(thehivetest.Alert{Type: "mail", Source: "gw", SourceRef: "M-1", Title: "Lure", Description: "d"})
	caseID := srv.AddCase(thehivetest.Case{Title: "Case", Description: "d"})
	task, err := c.Tasks.Create(ctx, caseID, &thehive.TaskInput{Title: "Analyse"})
	if err != nil {
		t.Fatal(err)
	}
	log, err := c.Tasks.AddLog(ctx, task.ID, &thehive.LogInput{Message: "headers"})
	if err != nil {
		t.Fatal(err)
	}
	file := func(name string) incidentkit.Upload {
		return incidentkit.Upload{Reader: strings.NewReader("Received: from evil"), FileName: name}
	}
	a, err := c.Attachments.UploadToAlert(ctx, alertID, file("lure.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Attachments.UploadToLog(ctx, log.ID, file("headers.txt")); err != nil {
		t.Fatal(err)
	}
	onLog, err := c.Attachments.ListForLog(ctx, log.ID, nil)
	if err != nil || onLog.Total != 1 || onLog.Items[0].Name != "headers.txt" {
		t.Fatalf("log attachments: %+v, %v", onLog, err)
	}
	if err := c.Attachments.DeleteFromLog(ctx, log.ID, onLog.Items[0].AttachmentID); err != nil {
		t.Fatal(err)
	}
	if err := c.Attachments.DeleteFromAlert(ctx, alertID, a.AttachmentID); err != nil {
		t.Fatal(err)
	}
	if p, err := c.Attachments.ListForAlert(ctx, alertID, nil); err != nil || p.Total != 0 {
		t.Errorf("alert attachments after delete: %+v, %v", p, err)
	}
}
