package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// TestReportAgainstFake runs the report on the built-in fake as of a
// fixed instant and compares it with testdata/report.golden (regenerate
// with: go run ./examples/sla-report -now 2026-11-23T12:00:00Z).
func TestReportAgainstFake(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := run(context.Background(), &out, config{}, now); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"P1: 2 open, 1 at risk, 1 breached",
		"INC0010002  P1  New          late", // no response within 15 minutes
		"paused",                            // the on-hold incident
		"no target",                         // P5 has no SLA by default
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(got, "Malware blocked on kiosk") {
		t.Error("a resolved incident is listed as open")
	}
	golden, err := os.ReadFile("testdata/report.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(golden) {
		t.Errorf("report differs from testdata/report.golden:\n%s", got)
	}
}

func TestLeft(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Minute: "10m", -20 * time.Minute: "-20m", 3*time.Hour + 35*time.Minute: "3h35m", 46 * time.Hour: "1d22h",
	} {
		if got := left(d); got != want {
			t.Errorf("left(%v) = %q, want %q", d, got, want)
		}
	}
}
