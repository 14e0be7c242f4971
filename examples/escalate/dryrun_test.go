package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
)

// TestDryRunWritesNothing runs the bridge with -dry-run before the first
// run and after a case is closed: it prints what a run would do, and no
// system, nor the outbox, changes.
func TestDryRunWritesNothing(t *testing.T) {
	sys, box := testSystems(t)
	ctx := context.Background()
	state := func() [6]int {
		var comments, notes int
		for _, tk := range sys.cyderesFake.Tickets() {
			comments += len(tk.Comments)
		}
		for _, inc := range sys.servicenowFake.Records("incident") {
			notes += len(sys.servicenowFake.Journal(inc["sys_id"]))
		}
		pending, _ := box.Pending()
		return [6]int{len(sys.thehiveFake.Alerts()), len(sys.thehiveFake.Cases()), len(sys.servicenowFake.Records("incident")),
			notes, comments, len(pending)}
	}
	dry := func(at time.Duration) string {
		t.Helper()
		before := state()
		b := sys.bridge(testNow.Add(at), box)
		b.dry = true
		var out bytes.Buffer
		if _, err := b.run(ctx, &out); err != nil {
			t.Fatal(err)
		}
		if after := state(); after != before {
			t.Errorf("a dry run changed %v to %v", before, after)
		}
		return out.String()
	}
	out := dry(0)
	if !strings.Contains(out, "TSI-100001  P1  Ransomware behaviour on FS-02 — would create the TheHive alert (4 observables, 3 known to MISP), "+
		"promote it to a case, open a ServiceNow incident (impact High, urgency High), add its work note, comment back on the ticket") ||
		!strings.Contains(out, "3 escalated ticket(s) swept; dry run, nothing written") {
		t.Errorf("dry run before the first:\n%s", out)
	}
	if _, err := sys.bridge(testNow, box).run(ctx, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if out := dry(time.Minute); strings.Count(out, "nothing to do") != 3 {
		t.Errorf("dry run after the first:\n%s", out)
	}
	c, _ := sys.bridge(testNow, box).caseOf(ctx, "TSI-100002")
	if err := sys.thehive.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: thehive.StatusFalsePositive, Summary: "Simulation."}); err != nil {
		t.Fatal(err)
	}
	out = dry(2 * time.Minute)
	if !strings.Contains(out, "TSI-100002  would resolve ServiceNow INC0010002 (No resolution provided), close the Cyderes ticket with a comment") {
		t.Errorf("dry run after a close:\n%s", out)
	}
	if out := dry(3 * time.Minute); !strings.Contains(out, "TSI-100002  would resolve") {
		t.Errorf("a second dry run forgot the close (a dry run must not move the feeds' cursors):\n%s", out)
	}
}
