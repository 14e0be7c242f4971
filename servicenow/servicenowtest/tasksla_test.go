package servicenowtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/sla"
)

// TestTaskSLAsFollowTheIncident attaches an SLA to a new incident in the
// fake and follows it through a pause and the resolution, then compares
// it with the same SLA computed locally.
func TestTaskSLAsFollowTheIncident(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	_, c := setup(t, servicenowtest.WithClock(func() time.Time { return now }),
		servicenowtest.WithSLADefinitions(servicenowtest.SLADefinition{Name: "P2 resolution", Target: 4 * time.Hour}))
	inc, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("Beacon")})
	if err != nil {
		t.Fatal(err)
	}
	read := func() *servicenow.TaskSLA {
		t.Helper()
		p, err := c.TaskSLAs.ListForTask(ctx, inc.SysID, nil)
		if err != nil || len(p.Items) != 1 {
			t.Fatalf("task SLAs: %v, %v", p, err)
		}
		return p.Items[0]
	}
	if s := read(); s.Stage != servicenow.SLAInProgress || !s.PlannedEndTime.Equal(now.Add(4*time.Hour)) {
		t.Fatalf("attached: %+v", s)
	}
	now = now.Add(time.Hour)
	if _, err := c.Incidents.Update(ctx, inc.SysID, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateOnHold),
		HoldReason: incidentkit.Set(servicenow.HoldAwaitingCaller)}); err != nil {
		t.Fatal(err)
	}
	if s := read(); s.Stage != servicenow.SLAPaused || s.Duration != time.Hour {
		t.Fatalf("on hold: %+v", s)
	}
	now = now.Add(2 * time.Hour)
	if _, err := c.Incidents.Update(ctx, inc.SysID, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateInProgress)}); err != nil {
		t.Fatal(err)
	}
	s := read()
	if s.Stage != servicenow.SLAInProgress || s.PauseDuration != 2*time.Hour || !s.PlannedEndTime.Equal(s.OriginalBreachTime.Add(2*time.Hour)) {
		t.Fatalf("resumed: %+v", s)
	}
	now = now.Add(time.Hour)
	if _, err := c.Incidents.Resolve(ctx, inc.SysID, servicenow.CloseCode("Solved (Permanently)"), "blocked"); err != nil {
		t.Fatal(err)
	}
	s = read()
	if s.Stage != servicenow.SLACompleted || s.Active || s.HasBreached || s.Duration != 2*time.Hour || s.Percentage != 50 {
		t.Fatalf("resolved: %+v", s)
	}
	clock, err := sla.NewClock(sla.AlwaysOpen{}, 4*time.Hour, s.StartTime.Time)
	if err != nil {
		t.Fatal(err)
	}
	if err := clock.AddPause(s.StartTime.Add(time.Hour), s.StartTime.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := clock.Stop(s.EndTime.Time); err != nil {
		t.Fatal(err)
	}
	d, err := servicenow.CompareSLA(s, clock, now)
	if err != nil || d.Due != 0 || d.Elapsed != 0 || !d.BreachAgrees {
		t.Errorf("local and instance disagree: %+v, %v", d, err)
	}
}
