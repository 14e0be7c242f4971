package sla

import (
	"errors"
	"testing"
	"time"
)

func TestDefaultPolicyTargets(t *testing.T) {
	want := map[Priority][2]time.Duration{
		P1: {15 * time.Minute, 4 * time.Hour},
		P2: {30 * time.Minute, 8 * time.Hour},
		P3: {4 * time.Hour, 24 * time.Hour},
		P4: {8 * time.Hour, 72 * time.Hour},
	}
	pol := DefaultPolicy()
	if len(pol) != len(want) {
		t.Fatalf("default policy has %d targets, want %d", len(pol), len(want))
	}
	for p, w := range want {
		tg, ok := pol.Target(p)
		if !ok || tg.Response != w[0] || tg.Resolve != w[1] {
			t.Errorf("%v: %+v, %v; want %v / %v", p, tg, ok, w[0], w[1])
		}
		if _, ok := tg.Calendar.(AlwaysOpen); !ok {
			t.Errorf("%v: calendar %T, want AlwaysOpen", p, tg.Calendar)
		}
	}
}

func TestPolicyClocks(t *testing.T) {
	off := office(t)
	pol := DefaultPolicy()
	pol[P3] = Target{Response: 4 * time.Hour, Resolve: 24 * time.Hour, Calendar: off}
	pol[P5] = Target{Response: 24 * time.Hour, Resolve: 5 * 24 * time.Hour} // nil calendar: 24×7
	opened := utc(2026, 11, 25, 20, 0)                                      // Wed 15:00 New York, before Thanksgiving
	tests := []struct {
		p                 Priority
		respDue, resolDue time.Time
	}{
		{P1, utc(2026, 11, 25, 20, 15), utc(2026, 11, 26, 0, 0)},
		// 2 h Wednesday, Thanksgiving closed, then Friday, Monday and 6 h Tuesday.
		{P3, utc(2026, 11, 27, 16, 0), utc(2026, 12, 1, 20, 0)},
		{P5, utc(2026, 11, 26, 20, 0), utc(2026, 11, 30, 20, 0)},
	}
	for _, tt := range tests {
		resp, resol, err := pol.Clocks(tt.p, opened)
		if err != nil {
			t.Fatalf("%v: %v", tt.p, err)
		}
		rs, _ := resp.Status(opened)
		ls, _ := resol.Status(opened)
		if !rs.Due.Equal(tt.respDue) || !ls.Due.Equal(tt.resolDue) {
			t.Errorf("%v: due %v / %v, want %v / %v", tt.p, rs.Due.UTC(), ls.Due.UTC(), tt.respDue, tt.resolDue)
		}
		if !resp.Start().Equal(opened) || resol.Calendar() == nil || resp.Target() <= 0 {
			t.Errorf("%v: accessors %v %v %v", tt.p, resp.Start(), resol.Calendar(), resp.Target())
		}
	}
	if _, _, err := DefaultPolicy().Clocks(P5, opened); !errors.Is(err, ErrNoTarget) {
		t.Errorf("P5 on the default policy: %v, want ErrNoTarget", err)
	}
}

func TestBadInputIsErrInvalid(t *testing.T) {
	off := office(t)
	t0 := utc(2026, 11, 23, 15, 0)
	c, _ := NewClock(off, time.Hour, t0)
	_ = c.AddPause(t0.Add(time.Hour), t0.Add(3*time.Hour))
	calls := map[string]func() error{
		"impact 4":          func() error { _, err := DefaultMatrix().Priority(4, 1); return err },
		"urgency 0":         func() error { _, err := DefaultMatrix().Priority(1, 0); return err },
		"priority text":     func() error { _, err := ParsePriority("urgent"); return err },
		"negative duration": func() error { _, err := off.Add(t0, -time.Second); return err },
		"end before start":  func() error { _, err := AlwaysOpen{}.Between(t0, t0.Add(-1)); return err },
		"overlapping pause": func() error { return c.AddPause(t0.Add(2*time.Hour), t0.Add(4*time.Hour)) },
		"nil location": func() error {
			_, err := NewBusinessCalendar(nil, OfficeWeek(9*time.Hour, 17*time.Hour))
			return err
		},
		"negative target": func() error { _, err := NewClock(nil, -time.Second, t0); return err },
		"bad date": func() error {
			_, err := NewBusinessCalendar(time.UTC, OfficeWeek(9*time.Hour, 17*time.Hour), WithClosedDates(Date{2026, 2, 30}))
			return err
		},
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}
