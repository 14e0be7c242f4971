package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// TestNotesAreMirroredOnce writes a note in each system on one open
// escalation, with the TheHive side failing in the first run: every note
// reaches the two other systems exactly once (the failed copies through
// the outbox), no copy is copied back, and later runs change nothing.
func TestNotesAreMirroredOnce(t *testing.T) {
	sys, box := testSystems(t)
	ctx := context.Background()
	run := func(at time.Duration) (string, error) {
		var out bytes.Buffer
		_, err := sys.bridge(testNow.Add(at), box).run(ctx, &out)
		return out.String(), err
	}
	if out, err := run(0); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	b := sys.bridge(testNow, box)
	c, _ := b.caseOf(ctx, "TSI-100001")
	in, _ := b.incidentOf(ctx, "TSI-100001")
	if _, err := sys.thehive.Comments.Create(ctx, c.ID, &thehive.CommentInput{Message: "Host FS-02 isolated."}); err != nil {
		t.Fatal(err)
	}
	if _, err := sys.servicenow.Incidents.AddWorkNote(ctx, in.SysID, "Change CHG0031 approved for the restore."); err != nil {
		t.Fatal(err)
	}
	if err := sys.cyderes.Comments.Create(ctx, "TSI-100001", &cyderes.CommentInput{Author: "Cyderes analyst", Body: "Beaconing stopped at 09:12."}); err != nil {
		t.Fatal(err)
	}

	sys.thehiveFake.Fail(100, http.StatusServiceUnavailable, 0, thehivetest.Path(http.MethodPost, "/api/v1/case/"+c.ID+"/comment"))
	out, err := run(10 * time.Minute)
	if err == nil || !strings.Contains(out, "failed, kept in the outbox") {
		t.Errorf("a run whose case comments failed: %v\n%s", err, out)
	}
	sys.thehiveFake.ClearFaults()
	for _, at := range []time.Duration{20 * time.Minute, 30 * time.Minute} {
		if out, err := run(at); err != nil {
			t.Fatalf("run at +%v: %v\n%s", at, err, out)
		}
	}

	hive := texts(sys.thehiveFake.Comments(c.ID), func(m map[string]any) string { return fmt.Sprint(m["message"]) })
	var snow []string
	for _, e := range sys.servicenowFake.Journal(in.SysID) {
		snow = append(snow, e["value"])
	}
	tk, _ := sys.cyderesFake.Ticket("TSI-100001")
	var cy []string
	for _, cm := range tk.Comments {
		cy = append(cy, cm.Body)
	}
	for _, tc := range []struct {
		system string
		notes  []string
		want   []string // each exactly once
	}{
		{"TheHive", hive, []string{"Host FS-02 isolated.", "Change CHG0031 approved", "Beaconing stopped"}},
		{"ServiceNow", snow, []string{"Host FS-02 isolated.", "Change CHG0031 approved", "Beaconing stopped", "[incidentkit:opened:TSI-100001]"}},
		{"Cyderes", cy, []string{"Host FS-02 isolated.", "Change CHG0031 approved", "Beaconing stopped", "[incidentkit:escalated:TSI-100001]"}},
	} {
		if len(tc.notes) != len(tc.want) {
			t.Errorf("%s has %d notes, want %d:\n%s", tc.system, len(tc.notes), len(tc.want), strings.Join(tc.notes, "\n---\n"))
		}
		for _, w := range tc.want {
			if n := countContaining(tc.notes, w); n != 1 {
				t.Errorf("%s: %d notes hold %q, want 1", tc.system, n, w)
			}
		}
	}
	if n := countContaining(hive, "[incidentkit:from-servicenow:"); n != 1 {
		t.Errorf("TheHive: %d copies marked as from ServiceNow", n)
	}
	if n := countContaining(cy, "Cyderes analyst wrote in Cyderes TSI-100001"); n != 0 {
		t.Errorf("a ticket comment was copied back to its own ticket")
	}
	if pending, _ := box.Pending(); len(pending) != 0 {
		t.Errorf("outbox: %+v", pending)
	}
}

// TestIncidentStatesMirrorToTheCase resolves one incident in ServiceNow,
// cancels another and reopens a third whose ticket is closed: the first
// case closes with the status its close code maps to and its ticket
// closes, once; the cancel is reported and left alone.
func TestIncidentStatesMirrorToTheCase(t *testing.T) {
	sys, box, run := escalated(t)
	ctx := context.Background()
	b := sys.bridge(testNow, box)
	one, _ := b.incidentOf(ctx, "TSI-100001")
	two, _ := b.incidentOf(ctx, "TSI-100002")
	if _, err := sys.servicenow.Incidents.Resolve(ctx, one.SysID, servicenow.CloseDuplicate, "Same as INC0009911."); err != nil {
		t.Fatal(err)
	}
	canceled := servicenow.StateCanceled
	if _, err := sys.servicenow.Incidents.Update(ctx, two.SysID, &servicenow.IncidentInput{State: &canceled}); err != nil {
		t.Fatal(err)
	}
	out := run(10 * time.Minute)
	for _, want := range []string{
		"TSI-100001  ServiceNow " + one.Number + " resolved ⇒ TheHive case #1 closed (Duplicated), Cyderes ticket closed",
		"TSI-100002  ServiceNow " + two.Number + " is Canceled: not mirrored",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("run after the changes lacks %q:\n%s", want, out)
		}
	}
	c, _ := b.caseOf(ctx, "TSI-100001")
	if !caseClosed(c) || (c.Status != thehive.StatusDuplicated && c.ResolutionStatus != thehive.StatusDuplicated) {
		t.Errorf("case after the resolve: status %q, resolution %q", c.Status, c.ResolutionStatus)
	}
	if tk, _ := sys.cyderesFake.Ticket("TSI-100001"); tk.State != "Closed" || countContaining(commentBodies(tk.Comments), "Resolved in ServiceNow") != 1 {
		t.Errorf("ticket after the resolve: %s, %+v", tk.State, tk.Comments)
	}
	if c2, _ := b.caseOf(ctx, "TSI-100002"); caseClosed(c2) {
		t.Error("a canceled incident closed its case")
	}
	if again := run(20 * time.Minute); strings.Contains(again, "⇒") {
		t.Errorf("the resolve echoed back:\n%s", again)
	}

	if _, err := sys.servicenow.Incidents.Reopen(ctx, one.SysID); err != nil {
		t.Fatal(err)
	}
	if out := run(30 * time.Minute); !strings.Contains(out, "reopened ⇒ TheHive case #1 reopened (the Cyderes ticket stays closed") {
		t.Errorf("run after reopening an incident whose ticket is closed:\n%s", out)
	}
}

func texts[T any](items []T, text func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = text(it)
	}
	return out
}

func commentBodies(cs []cyderestest.Comment) []string {
	return texts(cs, func(c cyderestest.Comment) string { return c.Body })
}

func countContaining(notes []string, s string) (n int) {
	for _, note := range notes {
		if strings.Contains(note, s) {
			n++
		}
	}
	return n
}

// TestNotesWithoutCaseComments mirrors notes through a TheHive 3/4 client,
// whose cases have no comments: a work note reaches the ticket, and
// nothing is read from or written to the case.
func TestNotesWithoutCaseComments(t *testing.T) {
	sys, box, _ := escalated(t)
	ctx := context.Background()
	v0, err := thehive.NewClient(sys.thehiveFake.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithDialect(thehive.V0))
	if err != nil {
		t.Fatal(err)
	}
	sys.thehive = v0
	b := sys.bridge(testNow.Add(10*time.Minute), box)
	in, _ := b.incidentOf(ctx, "TSI-100001")
	if _, err := sys.servicenow.Incidents.AddWorkNote(ctx, in.SysID, "Backups verified clean."); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := b.mirrorComments(ctx, &out); err != nil {
		t.Fatalf("mirroring with TheHive 3/4: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "copied to Cyderes TSI-100001\n") {
		t.Errorf("output:\n%s", out.String())
	}
	tk, _ := sys.cyderesFake.Ticket("TSI-100001")
	if n := countContaining(commentBodies(tk.Comments), "Backups verified clean."); n != 1 {
		t.Errorf("the ticket has %d copies of the work note", n)
	}
}
