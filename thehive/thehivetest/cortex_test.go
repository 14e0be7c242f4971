package thehivetest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestCortexBothDialects runs an analyzer on an observable and follows
// the job to its report, and runs a responder on a case, in both
// dialects.
func TestCortexBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		srv.AddAnalyzer(thehivetest.Analyzer{ID: "vt", Name: "VirusTotal_GetReport_3_1", DataTypes: []string{"domain", "hash"}, Level: "malicious"})
		srv.AddAnalyzer(thehivetest.Analyzer{ID: "abuse", Name: "AbuseIPDB_1_0", DataTypes: []string{"ip"}})
		srv.AddResponder(thehivetest.Responder{ID: "mail", Name: "Mailer_1_0", ObjectTypes: []string{"case"}})
		srv.AddResponder(thehivetest.Responder{ID: "block", Name: "Firewall_1_0", ObjectTypes: []string{"case_artifact"}})
		caseID := srv.AddCase(thehivetest.Case{Title: "Beacon", Description: "d"})
		srv.AddObservable(caseID, thehivetest.Observable{DataType: "domain", Data: "evil.test"})
		obs, err := c.Observables.List(ctx, caseID, nil)
		if err != nil || obs.Total != 1 {
			t.Fatalf("observables: %v, %v", obs, err)
		}
		o := obs.Items[0]

		analyzers, err := c.Cortex.AnalyzersFor(ctx, o.DataType)
		if err != nil || analyzers.Total != 1 || analyzers.Items[0].ID != "vt" {
			t.Fatalf("analyzers for domain: %+v, %v", analyzers, err)
		}
		job, err := c.Cortex.RunAnalyzer(ctx, o, analyzers.Items[0], nil)
		if err != nil || job.Status != thehive.JobWaiting {
			t.Fatalf("RunAnalyzer: %+v, %v", job, err)
		}
		done, err := c.Cortex.WaitJob(ctx, job.ID, time.Millisecond)
		if err != nil || done.Status != thehive.JobSuccess {
			t.Fatalf("WaitJob: %+v, %v", done, err)
		}
		if tax := done.Taxonomies(); len(tax) != 1 || tax[0].Level != "malicious" || tax[0].Value != "evil.test" {
			t.Errorf("taxonomies %+v", tax)
		}
		all, err := c.Cortex.Analyzers(ctx)
		if err != nil || all.Total != 2 {
			t.Fatalf("analyzers: %+v, %v", all, err)
		}
		for _, a := range all.Items {
			if a.ID == "abuse" {
				if _, err := c.Cortex.RunAnalyzer(ctx, o, a, nil); !errors.Is(err, thehive.ErrInvalidInput) {
					t.Errorf("an IP analyzer on a domain: %v, want an input error", err)
				}
			}
		}

		if _, err := c.Cortex.RunResponder(ctx, &thehive.ActionInput{ResponderID: "mail", ObjectType: thehive.EntityCase, ObjectID: caseID}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Cortex.RunResponder(ctx, &thehive.ActionInput{ResponderID: "block", ObjectType: thehive.EntityCase,
			ObjectID: caseID}); !errors.Is(err, thehive.ErrInvalidInput) {
			t.Errorf("an observable responder on a case: %v, want an input error", err)
		}
		actions, err := c.Cortex.Actions(ctx, thehive.EntityCase, caseID)
		if err != nil || actions.Total != 1 || actions.Items[0].ResponderID != "mail" {
			t.Fatalf("actions: %+v, %v", actions, err)
		}
	})
}
