package sla

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

type F = encodedquery.Field

// ev builds an event at t0 + d.
func ev(t0 time.Time, d time.Duration, kv ...string) Event {
	e := Event{At: t0.Add(d), Fields: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		e.Fields[kv[i]] = kv[i+1]
	}
	return e
}

// resolution is a 4-hour 24×7 resolution SLA for P1 incidents: paused on
// hold, stopped when resolved or closed.
func resolution() Definition {
	return Definition{Name: "P1 resolution", Target: 4 * time.Hour,
		Start: And(F("priority").Eq(1), F("active").Eq(true)), Stop: F("state").In(6, 7), Pause: F("state").Eq(3),
		Thresholds: []float64{50, 75, 100}}
}

// And is encodedquery.And, short for the tables.
func And(qs ...encodedquery.Query) encodedquery.Query { return encodedquery.And(qs...) }

func stages(in Instance) []Stage {
	var out []Stage
	for _, s := range in.Stages {
		out = append(out, s.Stage)
	}
	return out
}

func TestReplay(t *testing.T) {
	t0 := utc(2026, 11, 23, 10, 0)
	h := time.Hour
	created := ev(t0, 0, "priority", "1", "active", "true", "state", "1", "opened_at", "2026-11-23 09:00:00")
	tests := []struct {
		name    string
		def     Definition
		history History
		now     time.Time
		check   func(t *testing.T, ins []Instance)
	}{
		{name: "paused on hold, achieved", def: resolution(),
			history: History{created, ev(t0, h/2, "state", "2"), ev(t0, h, "state", "3"), ev(t0, 3*h, "state", "2"), ev(t0, 5*h, "state", "6", "active", "false")},
			check: func(t *testing.T, ins []Instance) {
				in := ins[0]
				if len(ins) != 1 || in.Stage != Met || in.Active || !in.EndTime.Equal(t0.Add(5*h)) || in.PauseDuration != 2*h ||
					in.BusinessElapsed != 3*h || !in.PlannedEnd.Equal(t0.Add(6*h)) || !in.OriginalBreachTime.Equal(t0.Add(4*h)) ||
					in.ActualPercent != 75 || in.BusinessPercent != 75 || in.HasBreached || in.ActualTimeLeft != h {
					t.Fatalf("%+v", in)
				}
				if got := stages(in); !reflect.DeepEqual(got, []Stage{Running, Paused, Running, Met}) {
					t.Errorf("stages %v", got)
				}
				if len(in.Crossings) != 2 || !in.Crossings[1].At.Equal(t0.Add(5*h)) || !in.Crossings[1].Reached {
					t.Errorf("crossings of an ended instance: %+v", in.Crossings)
				}
			}},
		{name: "breached while running", def: resolution(),
			history: History{created, ev(t0, 5*h, "state", "6")},
			check: func(t *testing.T, ins []Instance) {
				in := ins[0]
				if in.Stage != Breached || !in.HasBreached || in.ActualTimeLeft != 0 || in.BusinessTimeLeft != 0 || in.ActualPercent != 125 {
					t.Fatalf("%+v", in)
				}
				if got := stages(in); !reflect.DeepEqual(got, []Stage{Running, Breached, Breached}) || !in.Stages[1].At.Equal(t0.Add(4*h)) {
					t.Errorf("stages %+v", in.Stages)
				}
			}},
		{name: "running, thresholds ahead", def: resolution(), now: t0.Add(150 * time.Minute),
			history: History{created},
			check: func(t *testing.T, ins []Instance) {
				in := &ins[0]
				if in.Stage != Running || !in.Active || in.BusinessTimeLeft != 90*time.Minute {
					t.Fatalf("%+v", in)
				}
				next, ok := in.NextCrossing(t0.Add(150 * time.Minute))
				if !ok || next.Percent != 75 || !next.At.Equal(t0.Add(3*h)) || next.Reached {
					t.Errorf("next crossing %+v %v", next, ok)
				}
				if !in.Crossings[0].Reached || !in.Crossings[0].At.Equal(t0.Add(2*h)) {
					t.Errorf("crossings %+v", in.Crossings)
				}
			}},
		{name: "cancelled when it no longer applies, and again", def: resolution(),
			history: History{created, ev(t0, h, "priority", "3"), ev(t0, 2*h, "priority", "1")},
			check: func(t *testing.T, ins []Instance) {
				if len(ins) != 2 || ins[0].Stage != Cancelled || ins[1].Cycle != 1 || !ins[1].StartTime.Equal(t0.Add(2*h)) || ins[1].Stage != Running {
					t.Fatalf("%+v", ins)
				}
			}},
		{name: "completed does not attach again", def: resolution(),
			history: History{created, ev(t0, h, "state", "6"), ev(t0, 2*h, "state", "2")},
			check: func(t *testing.T, ins []Instance) {
				if len(ins) != 1 || ins[0].Stage != Met {
					t.Fatalf("%+v", ins)
				}
			}},
		{name: "reset starts a new cycle", def: func() Definition {
			d := resolution()
			d.Reset = F("assignment_group").ValChanges()
			return d
		}(),
			history: History{ev(t0, 0, "priority", "1", "active", "true", "state", "1", "assignment_group", "a"), ev(t0, h, "assignment_group", "b")},
			check: func(t *testing.T, ins []Instance) {
				if len(ins) != 2 || ins[0].Stage != Cancelled || !ins[0].EndTime.Equal(t0.Add(h)) || ins[1].Cycle != 1 || ins[1].Stage != Running {
					t.Fatalf("%+v", ins)
				}
			}},
		{name: "retroactive start and pauses", def: func() Definition {
			d := resolution()
			d.Start, d.RetroactiveStart, d.RetroactivePause = And(F("priority").Eq(1)), "opened_at", true
			return d
		}(),
			history: History{ev(t0, 0, "priority", "3", "state", "3", "opened_at", "2026-11-23 09:00:00"), ev(t0, h, "state", "2"), ev(t0, 2*h, "priority", "1")},
			check: func(t *testing.T, ins []Instance) {
				in := ins[0]
				// Started at 09:00, paused 10:00–11:00 (on hold before it attached at 12:00).
				if !in.StartTime.Equal(t0.Add(-h)) || in.PauseDuration != h || in.BusinessElapsed != 2*h || !in.OriginalBreachTime.Equal(t0.Add(4*h)) {
					t.Fatalf("%+v", in)
				}
			}},
		{name: "starts paused", def: resolution(),
			history: History{ev(t0, 0, "priority", "1", "active", "true", "state", "3"), ev(t0, h, "state", "2")},
			check: func(t *testing.T, ins []Instance) {
				if got := stages(ins[0]); !reflect.DeepEqual(got, []Stage{Paused, Running}) || ins[0].PauseDuration != h {
					t.Fatalf("%+v", ins[0])
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, err := Replay([]Definition{tt.def}, tt.history, tt.now)
			if err != nil {
				t.Fatal(err)
			}
			if len(ins) == 0 {
				t.Fatal("no instance")
			}
			tt.check(t, ins)
		})
	}
}

// TestReplayOnABusinessCalendar replays a relative target: "end of next
// business day" on New York office hours.
func TestReplayOnABusinessCalendar(t *testing.T) {
	off := office(t)
	d := Definition{Name: "next day", Start: F("active").Eq(true), Stop: F("active").Eq(false), Calendar: off,
		Relative: EndOfNextBusinessDay(off)}
	friday := utc(2026, 11, 20, 20, 0) // 15:00 New York
	ins, err := Replay([]Definition{d}, History{ev(friday, 0, "active", "true")}, friday.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	in := ins[0]
	// Monday 17:00 New York; the target is Friday's two hours and Monday's eight.
	if !in.PlannedEnd.Equal(utc(2026, 11, 23, 22, 0)) || in.Target != 10*time.Hour || in.BusinessElapsed != time.Hour {
		t.Fatalf("%+v", in)
	}
}

// TestReplayBadInput checks the typed errors: each names the definition
// and the event.
func TestReplayBadInput(t *testing.T) {
	t0 := utc(2026, 11, 23, 10, 0)
	created := ev(t0, 0, "priority", "1", "active", "true", "state", "1")
	var mondays []Date
	for d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC); d.Year() < 2034; d = d.AddDate(0, 0, 7) {
		mondays = append(mondays, Date{d.Year(), d.Month(), d.Day()})
	}
	var w Week
	w[time.Monday] = []Hours{{9 * time.Hour, 17 * time.Hour}}
	shut, err := NewBusinessCalendar(time.UTC, w, WithClosedDates(mondays...))
	if err != nil {
		t.Fatal(err)
	}
	withDef := func(change func(*Definition)) []Definition {
		d := resolution()
		change(&d)
		return []Definition{d}
	}
	tests := []struct {
		name    string
		defs    []Definition
		history History
		cause   error
		event   int
	}{
		{name: "a field no event sets", defs: withDef(func(d *Definition) { d.Stop = F("resolved_at").IsNotEmpty() }),
			history: History{created}, cause: ErrInvalid, event: 0},
		{name: "out of time order", defs: withDef(func(*Definition) {}),
			history: History{created, ev(t0, 2*time.Hour, "state", "2"), ev(t0, time.Hour, "state", "3")}, cause: ErrInvalid, event: 2},
		{name: "an operator a history cannot answer", defs: withDef(func(d *Definition) { d.Pause = F("sys_updated_on").On(encodedquery.Today) }),
			history: History{created}, cause: ErrInvalid, event: -1},
		{name: "a calendar without working time", defs: withDef(func(d *Definition) { d.Calendar = shut }),
			history: History{created}, cause: ErrNoWorkingTime, event: 0},
		{name: "a relative target never met", defs: withDef(func(d *Definition) { d.Relative = ByTimeOfDay(8, 0, 0, time.UTC) }),
			history: History{created}, cause: ErrUnreachableTarget, event: 0},
		{name: "no start condition", defs: withDef(func(d *Definition) { d.Start = encodedquery.Query{} }),
			history: History{created}, cause: ErrInvalid, event: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Replay(tt.defs, tt.history, time.Time{})
			var re *ReplayError
			if !errors.As(err, &re) || !errors.Is(err, tt.cause) || re.Event != tt.event {
				t.Fatalf("error %v (%+v), want a *ReplayError for event %d matching %v", err, re, tt.event, tt.cause)
			}
			if tt.event >= 0 && re.Definition == "" && tt.name != "out of time order" {
				t.Errorf("the error names no definition: %v", err)
			}
		})
	}
}
