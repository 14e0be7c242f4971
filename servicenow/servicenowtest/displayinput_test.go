package servicenowtest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
)

// TestWritesByDisplayValue writes references and choices by display
// value against the fake, one at a time and in bulk: names resolve to
// sys_ids, labels to values, and a name that matches no record is
// reported with the record it was written to.
func TestWritesByDisplayValue(t *testing.T) {
	ctx := servicenow.WithInputDisplayValue(context.Background())
	srv, c := setup(t)
	groups := srv.Seed("sys_user_group", map[string]string{"name": "SOC"})
	users := srv.Seed("sys_user", map[string]string{"name": "Ann Lee"})
	in := &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("phish"), AssignmentGroup: incidentkit.Set("SOC"),
		Caller: incidentkit.Set("Ann Lee"), Fields: map[string]string{"urgency": "1 - High"}}
	got, err := c.Incidents.Create(ctx, in)
	if err != nil || got.AssignmentGroup.Value != groups[0] || got.Caller.Value != users[0] || got.Urgency != servicenow.UrgencyHigh {
		t.Fatalf("create by display value: %+v, %v", got, err)
	}
	got, err = c.Incidents.Update(ctx, got.SysID, &servicenow.IncidentInput{AssignedTo: incidentkit.Set(users[0])})
	if err != nil || got.AssignedTo.Value != users[0] {
		t.Fatalf("a sys_id is a display value too: %+v, %v", got, err)
	}
	got, err = c.Incidents.Update(ctx, got.SysID, &servicenow.IncidentInput{AssignmentGroup: incidentkit.Set("Nobody")})
	var dv *servicenow.DisplayValueError
	if !errors.As(err, &dv) || got == nil || got.AssignmentGroup.Value != "" || dv.Fields[0] != "assignment_group" {
		t.Fatalf("an unmatched name: %+v, %v", got, err)
	}

	tbl := servicenow.NewTable[servicenow.Incident](c, "incident")
	out, err := tbl.CreateMany(ctx, []any{
		&servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("a"), AssignmentGroup: incidentkit.Set("SOC")},
		&servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("b"), AssignmentGroup: incidentkit.Set("Nobody")},
		map[string]string{"short_description": "c", "caller_id": "Ann Lee"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Err != nil || out[0].Record.AssignmentGroup.Value != groups[0] {
		t.Errorf("bulk item by display value: %+v", out[0])
	}
	if !errors.Is(out[1].Err, servicenow.ErrUnmatchedDisplayValue) || out[1].Record == nil || out[1].SysID == "" {
		t.Errorf("bulk item with an unmatched name: %+v", out[1])
	}
	if out[2].Err != nil || out[2].Record.Caller.Value != users[0] {
		t.Errorf("bulk item of another type: %+v", out[2])
	}
}
