package servicenowtest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestImportSets imports rows through a transform map of the fake: an
// insert, an update by the coalesce field, a skipped and a rejected row,
// many rows at once, and a staging row's result read back.
func TestImportSets(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, servicenowtest.WithTransformMap(servicenowtest.TransformMap{Name: "Alerts to incidents",
		StagingTable: "u_imp_alert", TargetTable: "incident", Coalesce: "correlation_id", Required: []string{"u_title"},
		Fields: map[string]string{"u_title": "short_description", "u_ref": "correlation_id"}}))
	first, err := c.ImportSets.Insert(ctx, "u_imp_alert", map[string]string{"u_title": "Beacon", "u_ref": "EDR-1"})
	if err != nil || first.Results[0].Status != servicenow.ImportInserted || first.Results[0].Table != "incident" {
		t.Fatalf("insert: %+v, %v", first, err)
	}
	again, err := c.ImportSets.Insert(ctx, "u_imp_alert", map[string]string{"u_title": "Beacon (again)", "u_ref": "EDR-1"})
	if err != nil || again.Results[0].Status != servicenow.ImportUpdated || again.Results[0].SysID != first.Results[0].SysID {
		t.Fatalf("coalesced update: %+v, %v", again, err)
	}
	skipped, err := c.ImportSets.Insert(ctx, "u_imp_alert", map[string]string{"u_title": "No ref"})
	if err != nil || skipped.Results[0].Status != servicenow.ImportSkipped {
		t.Fatalf("row without the coalesce value: %+v, %v", skipped, err)
	}
	rejected, err := c.ImportSets.Insert(ctx, "u_imp_alert", map[string]string{"u_ref": "EDR-2"})
	var ie *servicenow.ImportError
	if !errors.As(err, &ie) || rejected.Results[0].Status != servicenow.ImportFailed {
		t.Fatalf("rejected row: %+v, %v", rejected, err)
	}
	if n := len(srv.Records("incident")); n != 1 {
		t.Errorf("%d incidents, want 1", n)
	}
	multi, err := c.ImportSets.InsertMultiple(ctx, "u_imp_alert", []map[string]string{{"u_title": "A", "u_ref": "EDR-3"}, {"u_title": "B", "u_ref": "EDR-4"}}, nil)
	if err != nil || multi.ImportSetID == "" {
		t.Fatalf("insertMultiple: %+v, %v", multi, err)
	}
	if n := len(srv.Records("incident")); n != 3 {
		t.Errorf("%d incidents after insertMultiple, want 3", n)
	}
	staged := srv.Records("u_imp_alert")
	got, err := c.ImportSets.Get(ctx, "u_imp_alert", staged[0]["sys_id"])
	if err != nil || got.Results[0].SysID != first.Results[0].SysID {
		t.Errorf("staging row's result: %+v, %v", got, err)
	}
	if _, err := c.ImportSets.Insert(ctx, "u_imp_unknown", map[string]string{"a": "b"}); err == nil {
		t.Error("an import into a table without a transform map succeeded")
	}
}
