package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
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
	sys, box, run := escalated(t)
	ctx := context.Background()
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

// TestIncidentNeverResolvedGetsTheCasesClose hands the ServiceNow side an
// active incident that was never resolved whose case is closed (as when
// the incident was opened after the case's close was mirrored, or the
// close could not reach it): the case's close is mirrored to it, and the
// case is not reopened.
func TestIncidentNeverResolvedGetsTheCasesClose(t *testing.T) {
	sys, box, _ := escalated(t)
	ctx := context.Background()
	b := sys.bridge(testNow.Add(10*time.Minute), box)
	c, _ := b.caseOf(ctx, "TSI-100001")
	if err := sys.thehive.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: thehive.StatusTruePositive, Summary: "Contained."}); err != nil {
		t.Fatal(err)
	}
	in, _ := b.incidentOf(ctx, "TSI-100001")
	if in.ReopenCount != 0 || !incidentActive(in) {
		t.Fatalf("incident: %+v", in)
	}
	var out bytes.Buffer
	if err := b.incidentChanged(ctx, &out, in, 1); err != nil {
		t.Fatal(err)
	}
	if in, _ = b.incidentOf(ctx, "TSI-100001"); in.State != servicenow.StateResolved || !strings.Contains(in.CloseNotes, "Contained.") {
		t.Errorf("incident: %v, notes %q\n%s", in.State, in.CloseNotes, out.String())
	}
	if c, _ = b.caseOf(ctx, "TSI-100001"); !caseClosed(c) || strings.Contains(out.String(), "reopened") {
		t.Errorf("the case was reopened:\n%s", out.String())
	}
}

// TestAPendingResolutionWinsOverAnOldReopening resolves an incident and
// reopens it before the bridge reads its own close of the case back (which
// must not undo the reopening); then closes the case again while
// ServiceNow refuses the resolution, and touches the incident: the
// waiting resolution wins over the old reopening, and the case stays
// closed.
func TestAPendingResolutionWinsOverAnOldReopening(t *testing.T) {
	sys, box, run := escalated(t)
	ctx := context.Background()
	b := sys.bridge(testNow, box)
	c, _ := b.caseOf(ctx, "TSI-100001")
	in, _ := b.incidentOf(ctx, "TSI-100001")
	if _, err := sys.servicenow.Incidents.Resolve(ctx, in.SysID, servicenow.CloseSolutionProvided, "Done."); err != nil {
		t.Fatal(err)
	}
	run(10 * time.Minute) // the case closes
	if _, err := sys.servicenow.Incidents.Reopen(ctx, in.SysID); err != nil {
		t.Fatal(err)
	}
	// The bridge's own close comes back through the case feed: it must
	// not undo the reopening.
	if out := run(20 * time.Minute); !strings.Contains(out, "ServiceNow "+in.Number+" reopened ⇒ TheHive case #1 reopened") ||
		strings.Contains(out, "closed ⇒ ServiceNow incident resolved") {
		t.Fatalf("run after reopening an incident whose case the bridge closed:\n%s", out)
	}
	if err := sys.thehive.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: thehive.StatusTruePositive, Summary: "Really done."}); err != nil {
		t.Fatal(err)
	}
	// ServiceNow refuses the resolution for two runs; meanwhile a work note
	// moves the incident, whose feed event finds the resolution waiting.
	sys.servicenowFake.Fail(100, http.StatusForbidden, 0, resolutions)
	for _, at := range []time.Duration{30 * time.Minute, 40 * time.Minute} {
		var out bytes.Buffer
		if _, err := sys.bridge(testNow.Add(at), box).run(ctx, &out); err == nil {
			t.Fatalf("the refused resolution was not reported:\n%s", out.String())
		} else if strings.Contains(out.String(), "reopened") {
			t.Fatalf("the old reopening won over the waiting resolution:\n%s", out.String())
		}
		if _, err := sys.servicenow.Incidents.AddWorkNote(ctx, in.SysID, "Still watching the host."); err != nil {
			t.Fatal(err)
		}
	}
	sys.servicenowFake.ClearFaults()
	final := run(50 * time.Minute)
	if c, _ = b.caseOf(ctx, "TSI-100001"); !caseClosed(c) || strings.Contains(final, "reopened") {
		t.Errorf("the old reopening won over the waiting resolution:\n%s", final)
	}
	if in, _ = b.incidentOf(ctx, "TSI-100001"); in.State != servicenow.StateResolved {
		t.Errorf("incident: %v", in.State)
	}
}

// resolutions matches the requests that resolve an incident: PATCHes
// whose body sets state 6. It reads the body and puts it back.
func resolutions(r *http.Request) bool {
	if r.Method != http.MethodPatch || !strings.HasPrefix(r.URL.Path, "/api/now/table/incident/") {
		return false
	}
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	return bytes.Contains(body, []byte(`"state":"6"`))
}

// escalated starts the systems, runs the bridge once, and returns them
// with the runner of later runs.
func escalated(t *testing.T) (*systems, *box, func(at time.Duration) string) {
	t.Helper()
	sys, box := testSystems(t)
	run := runner(t, sys, box)
	run(0)
	return sys, box, run
}
