package thehivetest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestCaseHistory changes a case against the fake, reads its audit trail
// back as a history, and replays a 24×7 resolution SLA over it.
func TestCaseHistory(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	srv, c := setup(t, thehive.V1, thehivetest.WithClock(func() time.Time { return now }))
	cs, err := c.Cases.Create(ctx, &thehive.CaseInput{Title: "ransomware", Description: "files encrypted", Severity: thehive.SeverityCritical})
	if err != nil {
		t.Fatal(err)
	}
	step := func(d time.Duration, in *thehive.CaseUpdate) {
		t.Helper()
		now = now.Add(d)
		if err := c.Cases.Update(ctx, cs.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	step(time.Hour, &thehive.CaseUpdate{Status: incidentkit.Ptr(thehive.CaseStatus("InProgress"))})
	step(3*time.Hour, &thehive.CaseUpdate{Status: incidentkit.Ptr(thehive.CaseStatus("TruePositive"))})
	h, err := c.Cases.History(ctx, cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 || h[0].Fields["status"] != "New" || h[0].Fields["severity"] != "4" || h[2].Fields["status"] != "TruePositive" || !h[2].At.Equal(now) {
		t.Fatalf("history %+v", h)
	}
	F := func(name string) encodedquery.Field { return encodedquery.Field(name) }
	def := sla.Definition{Name: "critical cases", Target: 6 * time.Hour, Start: F("severity").Eq(4), Stop: F("stage").Eq("Closed")}
	ins, err := sla.Replay([]sla.Definition{def}, h, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 1 || ins[0].Stage != sla.Met || ins[0].BusinessElapsed != 4*time.Hour {
		t.Errorf("replayed %+v", ins)
	}

	if _, err := client(t, srv, thehive.V0).Cases.History(ctx, cs.ID); !errors.Is(err, thehive.ErrUnsupported) {
		t.Errorf("v0: %v, want ErrUnsupported", err)
	}
}
