package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// TestMirrorBothWays closes a case in TheHive and checks that the next run
// resolves its incident and closes its ticket with a comment, once; then
// reopens the incident in ServiceNow and checks that the case reopens,
// once, and that nothing echoes back.
func TestMirrorBothWays(t *testing.T) {
	sys, box := testSystems(t)
	ctx := context.Background()
	run := runner(t, sys, box)
	run(0)

	b := sys.bridge(testNow, box)
	c, err := b.caseOf(ctx, "TSI-100001")
	if err != nil || c == nil {
		t.Fatalf("case of TSI-100001: %+v, %v", c, err)
	}
	if err := sys.thehive.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: thehive.StatusTruePositive, Summary: "Contained; host reimaged."}); err != nil {
		t.Fatal(err)
	}
	out := run(10 * time.Minute)
	if !strings.Contains(out, "TSI-100001  TheHive case #1 closed ⇒ ServiceNow incident resolved, Cyderes ticket closed") {
		t.Errorf("run after the close:\n%s", out)
	}
	in, _ := b.incidentOf(ctx, "TSI-100001")
	if in.State != servicenow.StateResolved || in.CloseCode != servicenow.CloseSolutionProvided || !strings.Contains(in.CloseNotes, "host reimaged") {
		t.Errorf("incident after the close: state %v, code %q, notes %q", in.State, in.CloseCode, in.CloseNotes)
	}
	tk, _ := sys.cyderesFake.Ticket("TSI-100001")
	if tk.State != "Closed" || len(tk.Comments) != 2 || !strings.Contains(tk.Comments[1].Body, "Resolved in TheHive case #1") {
		t.Errorf("ticket after the close: %s, comments %+v", tk.State, tk.Comments)
	}
	if again := run(20 * time.Minute); strings.Contains(again, "⇒") {
		t.Errorf("a run with nothing new mirrored something:\n%s", again)
	}

	if _, err := sys.servicenow.Incidents.Reopen(ctx, in.SysID); err != nil {
		t.Fatal(err)
	}
	out = run(30 * time.Minute)
	if !strings.Contains(out, "TSI-100001  ServiceNow "+in.Number+" reopened ⇒ TheHive case #1 reopened") {
		t.Errorf("run after the reopen:\n%s", out)
	}
	if c, _ = b.caseOf(ctx, "TSI-100001"); caseClosed(c) {
		t.Errorf("case after the reopen: %s", c.Status)
	}
	if again := run(40 * time.Minute); strings.Contains(again, "⇒") {
		t.Errorf("the reopen echoed back:\n%s", again)
	}
	if tk, _ := sys.cyderesFake.Ticket("TSI-100001"); len(tk.Comments) != 2 {
		t.Errorf("ticket comments after it all: %+v", tk.Comments)
	}
	if pending, _ := box.Pending(); len(pending) != 0 {
		t.Errorf("outbox: %+v", pending)
	}
}

// runner returns a function that runs the bridge at testNow+at, fails the
// test on an error, and returns what the run printed.
func runner(t *testing.T, sys *systems, box *box) func(at time.Duration) string {
	return func(at time.Duration) string {
		t.Helper()
		var out bytes.Buffer
		if _, err := sys.bridge(testNow.Add(at), box).run(context.Background(), &out); err != nil {
			t.Fatalf("run at +%v: %v\n%s", at, err, out.String())
		}
		return out.String()
	}
}
