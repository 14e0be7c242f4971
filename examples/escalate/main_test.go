package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/sla"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// TestEscalateTwice runs the bridge against the fakes, compares its output
// with testdata/first-run.golden (regenerate with:
// go run ./examples/escalate -now 2026-11-23T12:00:00Z), then runs it
// again and checks that nothing was created twice.
func TestEscalateTwice(t *testing.T) {
	sys, box := testSystems(t)
	ctx := context.Background()
	var first bytes.Buffer
	out, err := sys.bridge(testNow, box).run(ctx, &first)
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/first-run.golden")
	if err != nil {
		t.Fatal(err)
	}
	if first.String() != string(golden) {
		t.Errorf("first run differs from testdata/first-run.golden:\n%s", first.String())
	}
	if len(out) != 3 {
		t.Fatalf("escalated %d tickets, want the 3 escalated alerts of the last day", len(out))
	}
	counts := func() [5]int {
		var comments int
		for _, tk := range sys.cyderesFake.Tickets() {
			comments += len(tk.Comments)
		}
		var notes int
		for _, inc := range sys.servicenowFake.Records("incident") {
			notes += len(sys.servicenowFake.Journal(inc["sys_id"]))
		}
		return [5]int{len(sys.thehiveFake.Alerts()), len(sys.thehiveFake.Cases()),
			len(sys.servicenowFake.Records("incident")), notes, comments}
	}
	before := counts()
	// TSI-100003 came with a comment from Cyderes, which is copied to its
	// incident as a work note (and to its case).
	if before != [5]int{3, 3, 3, 4, 4} {
		t.Fatalf("after the first run: alerts, cases, incidents, work notes, comments = %v", before)
	}
	// The ransomware ticket's case carries the MISP IOC that only MISP knew.
	c := sys.thehiveFake.Cases()[0]
	obs := sys.thehiveFake.Observables(c["_id"].(string))
	var values []string
	for _, o := range obs {
		values = append(values, o["data"].(string))
	}
	if !strings.Contains(strings.Join(values, " "), "203.0.113.46") {
		t.Errorf("case observables %v lack the MISP-only address", values)
	}
	// The phishing ticket's case carries the URL its text names, refanged,
	// and the URL's host once, marked as known to MISP.
	phish := sys.thehiveFake.Observables(sys.thehiveFake.Cases()[1]["_id"].(string))
	found := map[string]string{}
	for _, o := range phish {
		found[o["dataType"].(string)+" "+o["data"].(string)] = o["message"].(string)
	}
	if len(phish) != 3 || found["url https://invoices-portal.example/login"] != "from the Cyderes ticket" ||
		found["domain invoices-portal.example"] != "MISP: Finance-themed credential phishing" {
		t.Errorf("phishing case observables %v", found)
	}
	// The incident's impact and urgency follow the ticket's priority.
	inc := sys.servicenowFake.Records("incident")[0]
	if inc["impact"] != "1" || inc["urgency"] != "1" || inc["priority"] != "1" || inc["correlation_id"] != "TSI-100001" {
		t.Errorf("incident %v", inc)
	}

	var second bytes.Buffer
	if _, err := sys.bridge(testNow.Add(10*time.Minute), box).run(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if after := counts(); after != before {
		t.Fatalf("the second run created more: %v, before %v", after, before)
	}
	if got := strings.Count(second.String(), "already escalated earlier"); got != 3 {
		t.Errorf("second run:\n%s", second.String())
	}
	if !strings.Contains(second.String(), "3 escalated ticket(s) swept, 0 newly escalated") {
		t.Errorf("second run summary:\n%s", second.String())
	}
}

// testSystems starts the fakes as of testNow, stopped when the test ends,
// and opens an outbox of the test's own.
func testSystems(t *testing.T) (*systems, *box) {
	t.Helper()
	sys, err := connect(func(string) string { return "" }, testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sys.close)
	return sys, testOutbox(t)
}

// testOutbox opens an outbox in a directory of the test's own.
func testOutbox(t *testing.T) *box {
	t.Helper()
	b, err := openBox(filepath.Join(t.TempDir(), "escalate.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func TestImpactUrgency(t *testing.T) {
	for p, want := range map[int][2]int{1: {1, 1}, 2: {1, 2}, 3: {2, 2}, 4: {2, 3}, 5: {3, 3}} {
		i, u := impactUrgency(sla.Priority(p))
		if [2]int{i, u} != want {
			t.Errorf("P%d -> %d/%d, want %v", p, i, u, want)
		}
	}
}
