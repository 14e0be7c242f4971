package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// TestTheHive4 runs the bridge with THEHIVE_VERSION=4: it escalates through
// TheHive 3/4's API, mirrors a case resolved there and a reopened
// incident, and copies notes between ServiceNow and Cyderes only.
func TestTheHive4(t *testing.T) {
	sys, err := connect(func(k string) string { return map[string]string{"THEHIVE_VERSION": "4"}[k] }, testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sys.close)
	if sys.thehive.Dialect() != thehive.V0 {
		t.Fatalf("dialect %v, want V0", sys.thehive.Dialect())
	}
	box := testOutbox(t)
	run := runner(t, sys, box)
	ctx := context.Background()
	if out := run(0); !strings.Contains(out, "3 escalated ticket(s) swept, 3 newly escalated") ||
		!strings.Contains(out, "TSI-100003  note by Cyderes SOC in Cyderes TSI-100003 ⇒ copied to ServiceNow INC0010003\n") {
		t.Fatalf("first run:\n%s", out)
	}

	b := sys.bridge(testNow, box)
	c, _ := b.caseOf(ctx, "TSI-100001")
	if err := sys.thehive.Cases.Close(ctx, c.ID, &thehive.CaseClose{Status: thehive.StatusFalsePositive, Summary: "Backup job, not ransomware."}); err != nil {
		t.Fatal(err)
	}
	if out := run(10 * time.Minute); !strings.Contains(out, "TSI-100001  TheHive case #1 closed ⇒ ServiceNow incident resolved, Cyderes ticket closed") {
		t.Errorf("run after the close:\n%s", out)
	}
	in, _ := b.incidentOf(ctx, "TSI-100001")
	if in.State != servicenow.StateResolved || in.CloseCode != servicenow.CloseNoResolution {
		t.Errorf("incident after the close: %v, %q", in.State, in.CloseCode)
	}
	if _, err := sys.servicenow.Incidents.Reopen(ctx, in.SysID); err != nil {
		t.Fatal(err)
	}
	if out := run(20 * time.Minute); !strings.Contains(out, "reopened ⇒ TheHive case #1 reopened") {
		t.Errorf("run after the reopen:\n%s", out)
	}
	if c, _ = b.caseOf(ctx, "TSI-100001"); c.Status != thehive.StatusOpen {
		t.Errorf("case after the reopen: %s", c.Status)
	}
}

func TestTheHiveVersionIsChecked(t *testing.T) {
	if _, err := connect(func(k string) string { return map[string]string{"THEHIVE_VERSION": "6"}[k] }, testNow); err == nil ||
		!strings.Contains(err.Error(), "THEHIVE_VERSION") {
		t.Errorf("THEHIVE_VERSION=6: %v", err)
	}
}
