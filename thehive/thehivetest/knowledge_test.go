package thehivetest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestProceduresAndPages records ATT&CK techniques on a case and an alert
// and keeps a case's pages, against the fake TheHive 5.
func TestProceduresAndPages(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, thehive.V1)
	caseID := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "d"})
	alertID := srv.AddAlert(thehivetest.Alert{Type: "edr", Source: "s", SourceRef: "1", Title: "t", Description: "d"})
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

	p, err := c.Procedures.AddToCase(ctx, caseID, &thehive.ProcedureInput{PatternID: "T1059.006", OccurDate: at, Tactic: "execution"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Procedures.AddToAlert(ctx, alertID, &thehive.ProcedureInput{PatternID: "T1566", OccurDate: at}); err != nil {
		t.Fatal(err)
	}
	if err := c.Procedures.Update(ctx, p.ID, &thehive.ProcedureUpdate{Description: incidentkit.Ptr("python one-liner")}); err != nil {
		t.Fatal(err)
	}
	got, err := c.Procedures.ListForCase(ctx, caseID, nil)
	if err != nil || got.Total != 1 || got.Items[0].PatternID != "T1059.006" || got.Items[0].Description != "python one-liner" ||
		!got.Items[0].OccurDate.Equal(at) {
		t.Fatalf("case procedures: %+v, %v", got, err)
	}
	if alertSide, err := c.Procedures.ListForAlert(ctx, alertID, nil); err != nil || alertSide.Total != 1 || alertSide.Items[0].PatternID != "T1566" {
		t.Fatalf("alert procedures: %+v, %v", alertSide, err)
	}
	if err := c.Procedures.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Procedures.ListForCase(ctx, caseID, nil); got.Total != 0 {
		t.Errorf("%d procedures after delete", got.Total)
	}

	page, err := c.Pages.Create(ctx, caseID, &thehive.PageInput{Title: "Timeline", Content: "# 09:00 beacon", Category: "notes"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Pages.Update(ctx, caseID, page.ID, &thehive.PageUpdate{Content: incidentkit.Ptr("# 09:00 beacon\n# 09:05 isolated")}); err != nil {
		t.Fatal(err)
	}
	pages, err := c.Pages.List(ctx, caseID, nil)
	if err != nil || pages.Total != 1 || pages.Items[0].Content != "# 09:00 beacon\n# 09:05 isolated" {
		t.Fatalf("pages: %+v, %v", pages, err)
	}
	other := srv.AddCase(thehivetest.Case{Title: "Other", Description: "d"})
	if err := c.Pages.Delete(ctx, other, page.ID); !errors.Is(err, thehive.ErrNotFound) {
		t.Errorf("deleting a page through another case: %v, want ErrNotFound", err)
	}
	if err := c.Pages.Delete(ctx, caseID, page.ID); err != nil {
		t.Fatal(err)
	}
}
