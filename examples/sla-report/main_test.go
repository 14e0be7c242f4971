package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// asOf is the instant the golden files are made at.
const asOf = "2026-11-23T12:00:00Z"

// runReport runs the program on the built-in fake with args after -now asOf
// and returns what it wrote to stdout.
func runReport(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := cli(context.Background(), append([]string{"-now", asOf}, args...), &stdout, &stderr, config{}); code != 0 {
		t.Fatalf("sla-report %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	if want := "(SERVICENOW_INSTANCE is not set: reporting on an in-memory instance)\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	return stdout.String()
}

// TestGolden runs the report on the built-in fake as of a fixed instant in
// each machine-checked format and compares it with its golden file. To
// regenerate one after a deliberate change, run the command in its case
// from the module root.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		format, golden, regen string
	}{
		{"table", "testdata/report.golden",
			"go run ./examples/sla-report -now " + asOf + " > examples/sla-report/testdata/report.golden"},
		{"json", "testdata/report.json.golden",
			"go run ./examples/sla-report -now " + asOf + " -format json > examples/sla-report/testdata/report.json.golden"},
		{"csv", "testdata/report.csv.golden",
			"go run ./examples/sla-report -now " + asOf + " -format csv > examples/sla-report/testdata/report.csv.golden"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			got := runReport(t, "-format", tc.format)
			want, err := os.ReadFile(tc.golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (if the change is deliberate, regenerate it with\n\t%s\n):\n%s", tc.golden, tc.regen, got)
			}
		})
	}
}

// TestTableContent checks the facts the default run's table must show,
// whatever its layout.
func TestTableContent(t *testing.T) {
	got := runReport(t)
	for _, tc := range []struct{ want, why string }{
		{"P1: 2 open, 1 at risk, 1 breached", "the P1 tally"},
		{"INC0010002  P1  New          SOC Tier 1  -          25m    breached   running ", "no response within 15 minutes, resolution still running"},
		{"Chen Wei   7h00m  met        paused", "the on-hold incident pauses its resolution clock"},
		{"no target  no target", "P5 has no SLA by default"},
		{"-3h00m  112%", "an overrun shows negative time left"},
		{"2026-W48    57%  4 of 7    50%  1 of 2   (so far)", "the current week's met rates"},
	} {
		if !strings.Contains(got, tc.want) {
			t.Errorf("report lacks %q (%s)", tc.want, tc.why)
		}
	}
	if strings.Contains(got, "Malware blocked on kiosk") {
		t.Error("a resolved incident is listed as open")
	}
}

// TestTimeZone shows times in the -tz zone and counts weeks in it.
func TestTimeZone(t *testing.T) {
	for _, tc := range []struct {
		zone string
		want []string
	}{
		{"UTC", []string{"as of 2026-11-23 12:00 UTC\n", "Nov 23 12:10", "SLAs met per ISO week (UTC)"}},
		{"America/New_York", []string{"as of 2026-11-23 07:00 EST (America/New_York)\n", "Nov 23 07:10", "SLAs met per ISO week (America/New_York)"}},
		{"Asia/Kolkata", []string{"as of 2026-11-23 17:30 IST (Asia/Kolkata)\n", "Nov 23 17:40"}},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			got := runReport(t, "-tz", tc.zone)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("report lacks %q:\n%s", w, got)
				}
			}
		})
	}
	if got := runReport(t, "-tz", "Asia/Tokyo", "-format", "json"); !strings.Contains(got, `"resolve_by": "2026-11-23T21:10:00+09:00"`) {
		t.Errorf("JSON times are not in the -tz zone:\n%s", got)
	}
}

// TestBadArguments fails with exit code 2 and a message that names the
// flag, the value and what it takes, before any request.
func TestBadArguments(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"unknown zone", []string{"-tz", "Mars/Olympus_Mons"},
			[]string{`invalid value "Mars/Olympus_Mons" for flag -tz`, `unknown time zone "Mars/Olympus_Mons"`, "IANA"}},
		{"empty zone", []string{"-tz", ""}, []string{"flag -tz", "empty time zone"}},
		{"unknown format", []string{"-format", "xml"},
			[]string{`invalid value "xml" for flag -format`, `unknown format "xml": want table, json, csv or html`}},
		{"bad instant", []string{"-now", "yesterday"}, []string{`invalid value "yesterday" for flag -now`, "RFC 3339"}},
		{"stray argument", []string{"html"}, []string{`unexpected argument "html"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := cli(context.Background(), tc.args, &stdout, &stderr, config{}); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout = %q, want nothing", stdout.String())
			}
		})
	}
}

// stalledInstance returns the configuration of an instance that accepts
// every request and does not answer for an hour.
func stalledInstance(t *testing.T) config {
	srv := servicenowtest.New()
	t.Cleanup(srv.Close)
	srv.Delay(100, time.Hour, nil)
	return config{instance: srv.URL(), user: "admin", password: "admin"}
}

// A server that takes the request and never answers ends the run at the
// -timeout deadline.
func TestGivesUpAtTimeout(t *testing.T) {
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := cli(context.Background(), []string{"-timeout", "200ms"}, &stdout, &stderr, stalledInstance(t))
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), context.DeadlineExceeded.Error()) {
		t.Errorf("stderr = %q, want it to say the deadline passed", stderr.String())
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("gave up after %v", d)
	}
}

// Ctrl-C cancels the context main passes in; the run stops with
// context.Canceled and writes no partial report.
func TestStopsWhenInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	opts, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	err = run(ctx, &stdout, io.Discard, stalledInstance(t), opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if stdout.Len() > 0 {
		t.Errorf("a cancelled run wrote %q", stdout.String())
	}
}

func TestLeft(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{10 * time.Minute, "10m"},
		{-20 * time.Minute, "-20m"},
		{3*time.Hour + 35*time.Minute, "3h35m"},
		{46 * time.Hour, "1d22h"},
		{-27 * time.Hour, "-1d03h"},
		{0, "0m"},
	} {
		if got := left(tc.d); got != tc.want {
			t.Errorf("left(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// The journal is read for many incidents at a time, not once per
// incident: a report over weeks of history stays a handful of requests.
func TestJournalReadInBatches(t *testing.T) {
	now, err := time.Parse(time.RFC3339, asOf)
	if err != nil {
		t.Fatal(err)
	}
	srv, cfg := startFake(now)
	defer srv.Close()
	opts, err := parseFlags([]string{"-now", asOf}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), io.Discard, io.Discard, cfg, opts); err != nil {
		t.Fatal(err)
	}
	// about fifty incidents: two batches of at most journalBatch each
	if n := srv.CountRequests("GET", "/api/now/table/sys_journal_field"); n < 1 || n > 4 {
		t.Errorf("%d journal requests for the default run, want 1 to 4", n)
	}
}
