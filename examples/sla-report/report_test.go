package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/sla"
)

func TestStateOf(t *testing.T) {
	for _, tc := range []struct {
		name      string
		status    sla.Status
		hasTarget bool
		want      slaState
	}{
		{"met", sla.Status{Stage: sla.Met, Percent: 90}, true, stateMet},
		{"breached while running", sla.Status{Stage: sla.Breached, Percent: 120}, true, stateBreached},
		{"stopped late", sla.Status{Stage: sla.Breached, Percent: 101}, true, stateBreached},
		{"at risk beats running", sla.Status{Stage: sla.Running, Percent: 80, AtRisk: true}, true, stateAtRisk},
		{"at risk beats paused", sla.Status{Stage: sla.Paused, Percent: 80, AtRisk: true}, true, stateAtRisk},
		{"paused", sla.Status{Stage: sla.Paused, Percent: 40}, true, statePaused},
		{"running", sla.Status{Stage: sla.Running, Percent: 10}, true, stateRunning},
		{"no target", sla.Status{}, false, stateNoTarget},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stateOf(tc.status, tc.hasTarget); got != tc.want {
				t.Errorf("stateOf = %q, want %q", got, tc.want)
			}
		})
	}
}

// The same vocabulary everywhere: the CSS classes are the words with a
// hyphen, and every state the JSON and CSV write is one of the six.
func TestStateWords(t *testing.T) {
	words := map[slaState]string{
		stateMet: "met", stateBreached: "breached", stateAtRisk: "at-risk",
		statePaused: "paused", stateRunning: "running", stateNoTarget: "no-target",
	}
	for s, class := range words {
		if s.class() != class {
			t.Errorf("%q.class() = %q, want %q", s, s.class(), class)
		}
	}
	var doc struct {
		Incidents []struct{ Response, Resolution slaState }
	}
	if err := json.Unmarshal([]byte(runReport(t, "-format", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(strings.NewReader(runReport(t, "-format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[slaState]bool{}
	for i, in := range doc.Incidents {
		csvResponse, csvResolution := slaState(records[i+1][6]), slaState(records[i+1][7])
		for _, s := range []slaState{in.Response, in.Resolution, csvResponse, csvResolution} {
			if _, ok := words[s]; !ok {
				t.Errorf("state %q is not in the vocabulary", s)
			}
			seen[s] = true
		}
		if csvResponse != in.Response || csvResolution != in.Resolution {
			t.Errorf("row %d: CSV says %s/%s, JSON %s/%s", i, csvResponse, csvResolution, in.Response, in.Resolution)
		}
	}
	if len(seen) != len(words) {
		t.Errorf("the default run shows the states %v, want all six", seen)
	}
}

func TestWeekStart(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at   string
		loc  *time.Location
		want string
	}{
		{"2026-11-23T12:00:00Z", time.UTC, "2026-11-23T00:00:00Z"},         // a Monday
		{"2026-11-22T23:59:59Z", time.UTC, "2026-11-16T00:00:00Z"},         // a Sunday
		{"2026-11-22T23:30:00Z", berlin, "2026-11-23T00:00:00+01:00"},      // Monday already in Berlin
		{"2026-11-23T12:00:00Z", tokyo, "2026-11-23T00:00:00+09:00"},       //
		{"2026-03-30T10:00:00Z", berlin, "2026-03-30T00:00:00+02:00"},      // the week after the clocks change
		{"2026-03-29T10:00:00Z", berlin, "2026-03-23T00:00:00+01:00"},      // the day they change
		{"2027-01-01T00:00:00Z", time.UTC, "2026-12-28T00:00:00Z"},         // ISO week 2026-W53
		{"2026-01-01T00:00:00+01:00", berlin, "2025-12-29T00:00:00+01:00"}, //
	} {
		at, err := time.Parse(time.RFC3339, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := weekStart(at, tc.loc).Format(time.RFC3339); got != tc.want {
			t.Errorf("weekStart(%s, %s) = %s, want %s", tc.at, tc.loc, got, tc.want)
		}
	}
}

func TestWeekTally(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) // Monday of 2026-W48
	tally := newWeekTally(now, time.UTC, 3)
	if got := []string{tally.weeks[0].label(), tally.weeks[1].label(), tally.weeks[2].label()}; fmt.Sprint(got) != "[2026-W46 2026-W47 2026-W48]" {
		t.Fatalf("weeks %v", got)
	}
	met := func(respond, resolve time.Time) assessment {
		return assessment{row: incidentRow{hasTarget: true,
			response: sla.Status{Stage: sla.Met}, resolution: sla.Status{Stage: sla.Met}},
			responseSettled: respond, resolutionSettled: resolve}
	}
	for _, tc := range []struct {
		name string
		a    assessment
		week int // index of the week counting it; -1: none
	}{
		{"first instant of the window", met(time.Date(2026, 11, 9, 0, 0, 0, 0, time.UTC), time.Time{}), 0},
		{"last instant of a week", met(time.Date(2026, 11, 15, 23, 59, 59, 0, time.UTC), time.Time{}), 0},
		{"first instant of the next", met(time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC), time.Time{}), 1},
		{"now", met(now, time.Time{}), 2},
		{"before the window", met(time.Date(2026, 11, 8, 23, 59, 0, 0, time.UTC), time.Time{}), -1},
		{"after now", met(now.Add(time.Minute), time.Time{}), -1},
		{"not settled", met(time.Time{}, time.Time{}), -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tally := newWeekTally(now, time.UTC, 3)
			tally.add(tc.a)
			for i, w := range tally.rates() {
				want := 0
				if i == tc.week {
					want = 1
				}
				if w.response.met != want || w.resolution.settled() != 0 {
					t.Errorf("week %s: response %+v, resolution %+v", w.label(), w.response, w.resolution)
				}
			}
		})
	}
}

func TestOutcomeRate(t *testing.T) {
	for _, tc := range []struct {
		o    outcome
		pct  float64
		ok   bool
		text string
	}{
		{outcome{}, 0, false, "   -"},
		{outcome{met: 3}, 100, true, "100%  3 of 3"},
		{outcome{met: 4, breached: 3}, 400.0 / 7, true, " 57%  4 of 7"},
		{outcome{breached: 2}, 0, true, "  0%  0 of 2"},
	} {
		pct, ok := tc.o.rate()
		if pct != tc.pct || ok != tc.ok || metText(tc.o) != tc.text {
			t.Errorf("%+v: rate %v %v, text %q; want %v %v, %q", tc.o, pct, ok, metText(tc.o), tc.pct, tc.ok, tc.text)
		}
	}
}

func TestCountAxis(t *testing.T) {
	for _, tc := range []struct {
		n         int
		max, step float64
	}{
		{0, 1, 1}, {1, 1, 1}, {5, 5, 1}, {6, 6, 2}, {7, 8, 2}, {11, 15, 5}, {30, 30, 10}, {47, 50, 10}, {230, 250, 50},
	} {
		if a := countAxis(tc.n); a.max != tc.max || a.step != tc.step {
			t.Errorf("countAxis(%d) = max %v step %v, want %v %v", tc.n, a.max, a.step, tc.max, tc.step)
		}
	}
}

// The CSV header, the JSON members and the table's columns are the same
// list, in the same order, and the rows are the table's rows.
func TestMachineFormatsMatchTable(t *testing.T) {
	var keys []string
	for _, c := range incidentColumns() {
		keys = append(keys, c.key)
	}
	records, err := csv.NewReader(strings.NewReader(runReport(t, "-format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(records[0]) != fmt.Sprint(keys) {
		t.Errorf("CSV header %v, want %v", records[0], keys)
	}
	var doc struct {
		Incidents []json.RawMessage `json:"incidents"`
	}
	if err := json.Unmarshal([]byte(runReport(t, "-format", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	table := runReport(t)
	if len(doc.Incidents) != len(records)-1 {
		t.Fatalf("%d JSON incidents, %d CSV rows", len(doc.Incidents), len(records)-1)
	}
	for i, raw := range doc.Incidents {
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		if _, err := dec.Token(); err != nil { // {
			t.Fatal(err)
		}
		var members []string
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			members = append(members, k.(string))
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
		if fmt.Sprint(members) != fmt.Sprint(keys) {
			t.Errorf("JSON incident %d has members %v, want %v", i, members, keys)
		}
		var in struct{ Number string }
		if err := json.Unmarshal(raw, &in); err != nil {
			t.Fatal(err)
		}
		number := records[i+1][0]
		if in.Number != number || !strings.Contains(table, "\n"+number+"  ") {
			t.Errorf("row %d: CSV %s is not the JSON's and the table's", i, number)
		}
	}
}

func TestInstanceLabel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://acme.service-now.com", "https://acme.service-now.com"},
		{"https://acme.service-now.com/", "https://acme.service-now.com"},
		{"https://bot:s3cret@acme.service-now.com/?token=x#y", "https://acme.service-now.com"},
		{"not a url", "the configured instance"},
	} {
		if got := instanceLabel(tc.in); got != tc.want {
			t.Errorf("instanceLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"Ransomware note on file server FS-02 and more", 20, "Ransomware note on…"},
		{"tabs\tand\nlines", 20, "tabs and lines"},
		{"ünïcödé letters", 6, "ünïcö…"},
	} {
		if got := clip(tc.in, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
