package servicenowtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/sla"
)

// TestHistoryFromTheAudit changes an incident over five hours against the
// fake, reads its history back from sys_audit and replays a resolution
// SLA over it.
func TestHistoryFromTheAudit(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	srv, c := setup(t, servicenowtest.WithClock(func() time.Time { return now }))
	in, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("ransomware"),
		Impact: incidentkit.Ptr(servicenow.ImpactHigh), Urgency: incidentkit.Ptr(servicenow.UrgencyHigh)})
	if err != nil {
		t.Fatal(err)
	}
	step := func(d time.Duration, input *servicenow.IncidentInput) {
		t.Helper()
		now = now.Add(d)
		if _, err := c.Incidents.Update(ctx, in.SysID, input); err != nil {
			t.Fatal(err)
		}
	}
	step(time.Hour, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateInProgress)})
	step(time.Hour, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateOnHold), HoldReason: incidentkit.Set(servicenow.HoldAwaitingVendor)})
	step(2*time.Hour, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateInProgress)})
	now = now.Add(time.Hour)
	if _, err := c.Incidents.Resolve(ctx, in.SysID, servicenow.CloseSolutionProvided, "restored from backup"); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Records("sys_audit")); n < 5 {
		t.Fatalf("%d audit rows", n)
	}
	h, err := c.Audit.History(ctx, "incident", in.SysID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 5 || h[0].Fields["state"] != "1" || h[4].Fields["state"] != "6" || !h[4].At.Equal(now) {
		t.Fatalf("history %+v", h)
	}
	F := func(name string) encodedquery.Field { return encodedquery.Field(name) }
	def := sla.Definition{Name: "P1 resolution", Target: 4 * time.Hour, Start: F("priority").Eq(1),
		Stop: F("state").In(6, 7), Pause: F("state").Eq(3)}
	ins, err := sla.Replay([]sla.Definition{def}, h, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := ins[0]
	if len(ins) != 1 || got.Stage != sla.Met || got.PauseDuration != 2*time.Hour || got.BusinessElapsed != 3*time.Hour ||
		!got.PlannedEnd.Equal(h[0].At.Add(6*time.Hour)) {
		t.Errorf("replayed %+v", got)
	}
}
