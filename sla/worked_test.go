package sla

import (
	"errors"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
)

func nyc(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func office(t testing.TB) *BusinessCalendar {
	t.Helper()
	c, err := NewBusinessCalendar(nyc(t), OfficeWeek(9*time.Hour, 17*time.Hour),
		WithHolidays(us.NewYear, us.IndependenceDay, us.ThanksgivingDay, us.ChristmasDay))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func everyDay(t testing.TB, start, end time.Duration) *BusinessCalendar {
	t.Helper()
	var w Week
	for d := range w {
		w[d] = []Hours{{start, end}}
	}
	c, err := NewBusinessCalendar(nyc(t), w)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// utc builds an instant from a UTC wall clock, so expectations are unambiguous.
func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestAddWorked(t *testing.T) {
	off := office(t)
	night := everyDay(t, 0, 6*time.Hour)
	day7 := everyDay(t, 9*time.Hour, 17*time.Hour)
	h := time.Hour
	// New York is UTC−5 in winter (EST) and UTC−4 in summer (EDT).
	tests := []struct {
		name string
		cal  Calendar
		from time.Time
		d    time.Duration
		want time.Time
	}{
		{"inside one day", off, utc(2026, 11, 23, 15, 0), 2 * h, utc(2026, 11, 23, 17, 0)},
		{"lands on close", off, utc(2026, 11, 23, 14, 0), 8 * h, utc(2026, 11, 23, 22, 0)},
		{"over weekend", off, utc(2026, 11, 20, 21, 0), 2 * h, utc(2026, 11, 23, 15, 0)},
		{"start on Saturday", off, utc(2026, 11, 21, 17, 0), 1 * h, utc(2026, 11, 23, 15, 0)},
		{"start before opening", off, utc(2026, 11, 23, 13, 0), 1 * h, utc(2026, 11, 23, 15, 0)},
		{"start exactly at closing", off, utc(2026, 11, 23, 22, 0), 1 * h, utc(2026, 11, 24, 15, 0)},
		{"observed Independence Day (Fri Jul 3)", off, utc(2026, 7, 2, 20, 0), 2 * h, utc(2026, 7, 6, 14, 0)},
		{"Thanksgiving", off, utc(2026, 11, 25, 21, 0), 2 * h, utc(2026, 11, 27, 15, 0)},
		{"72 business hours over Thanksgiving", off, utc(2026, 11, 25, 14, 0), 72 * h, utc(2026, 12, 8, 22, 0)},
		{"Christmas and observed New Year 2027", off, utc(2026, 12, 24, 21, 0), 2 * h, utc(2026, 12, 28, 15, 0)},
		{"spring forward weekend", off, utc(2026, 3, 6, 21, 0), 2 * h, utc(2026, 3, 9, 14, 0)},
		{"fall back weekend", off, utc(2026, 10, 30, 20, 0), 2 * h, utc(2026, 11, 2, 15, 0)},
		{"spring forward day 09-17 stays wall clock", day7, utc(2026, 3, 8, 13, 0), 8 * h, utc(2026, 3, 8, 21, 0)},
		{"into spring forward day", day7, utc(2026, 3, 7, 21, 0), 2 * h, utc(2026, 3, 8, 14, 0)},
		{"night shift spring forward has 5h", night, utc(2026, 3, 8, 5, 0), 5 * h, utc(2026, 3, 8, 10, 0)},
		{"night shift spring forward overflow", night, utc(2026, 3, 8, 5, 0), 6 * h, utc(2026, 3, 9, 5, 0)},
		{"night shift fall back has 7h", night, utc(2026, 11, 1, 4, 0), 7 * h, utc(2026, 11, 1, 11, 0)},
		{"24x7 across spring forward", AlwaysOpen{}, utc(2026, 3, 7, 17, 0), 24 * h, utc(2026, 3, 8, 17, 0)},
		{"24x7 across fall back", AlwaysOpen{}, utc(2026, 10, 31, 16, 0), 24 * h, utc(2026, 11, 1, 16, 0)},
		// A zero duration on a closed day (Saturday) stands where a tiny one
		// starts counting: the next opening, Monday 09:00 New York.
		{"zero duration on a closed day", off, utc(2026, 11, 21, 17, 0), 0, utc(2026, 11, 23, 14, 0)},
		{"zero duration in working time", off, utc(2026, 11, 23, 15, 0), 0, utc(2026, 11, 23, 15, 0)},
		{"one nanosecond on a closed day", off, utc(2026, 11, 21, 17, 0), 1, utc(2026, 11, 23, 14, 0).Add(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cal.Add(tt.from, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("Add = %v, want %v", got.UTC(), tt.want)
			}
		})
	}
}

func TestBetweenAndNextOpenWorked(t *testing.T) {
	off := office(t)
	night := everyDay(t, 0, 6*time.Hour)
	h := time.Hour
	between := []struct {
		name     string
		cal      Calendar
		from, to time.Time
		want     time.Duration
	}{
		{"over weekend", off, utc(2026, 11, 20, 20, 0), utc(2026, 11, 23, 16, 0), 4 * h},
		{"over observed holiday", off, utc(2026, 7, 2, 13, 0), utc(2026, 7, 6, 21, 0), 16 * h},
		{"spring forward night", night, utc(2026, 3, 8, 5, 0), utc(2026, 3, 9, 4, 0), 5 * h},
		{"fall back night", night, utc(2026, 11, 1, 4, 0), utc(2026, 11, 2, 5, 0), 7 * h},
		{"outside hours only", off, utc(2026, 11, 23, 22, 0), utc(2026, 11, 24, 14, 0), 0},
	}
	for _, tt := range between {
		got, err := tt.cal.Between(tt.from, tt.to)
		if err != nil || got != tt.want {
			t.Errorf("%s: Between = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	next := []struct {
		name     string
		at, want time.Time
	}{
		{"Saturday", utc(2026, 11, 21, 17, 0), utc(2026, 11, 23, 14, 0)},
		{"at close", utc(2026, 11, 23, 22, 0), utc(2026, 11, 24, 14, 0)},
		{"open", utc(2026, 11, 23, 17, 0), utc(2026, 11, 23, 17, 0)},
		{"before holiday weekend", utc(2026, 7, 2, 21, 30), utc(2026, 7, 6, 13, 0)},
	}
	for _, tt := range next {
		got, err := off.NextOpen(tt.at)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%s: NextOpen = %v, %v; want %v", tt.name, got.UTC(), err, tt.want)
		}
	}
}

func TestClockWorked(t *testing.T) {
	off := office(t)
	h := time.Hour
	type pause struct{ from, to time.Time }
	tests := []struct {
		name    string
		cal     Calendar
		target  time.Duration
		start   time.Time
		pauses  []pause
		open    time.Time
		stop    time.Time
		at      time.Time
		due     time.Time
		elapsed time.Duration
		percent float64
		stage   Stage
		atRisk  bool
	}{
		{name: "pause inside hours", cal: off, target: 4 * h, start: utc(2026, 11, 23, 14, 0),
			pauses: []pause{{utc(2026, 11, 23, 15, 0), utc(2026, 11, 23, 16, 0)}},
			at:     utc(2026, 11, 23, 17, 0), due: utc(2026, 11, 23, 19, 0), elapsed: 2 * h, percent: 50, stage: Running},
		{name: "pause outside hours", cal: off, target: 2 * h, start: utc(2026, 11, 23, 21, 0),
			pauses: []pause{{utc(2026, 11, 23, 23, 0), utc(2026, 11, 24, 13, 0)}},
			at:     utc(2026, 11, 24, 15, 0), due: utc(2026, 11, 24, 15, 0), elapsed: 2 * h, percent: 100, stage: Running, atRisk: true},
		{name: "pause across close", cal: off, target: 8 * h, start: utc(2026, 11, 23, 14, 0),
			pauses: []pause{{utc(2026, 11, 23, 21, 0), utc(2026, 11, 24, 15, 0)}},
			at:     utc(2026, 11, 24, 15, 0), due: utc(2026, 11, 24, 16, 0), elapsed: 7 * h, percent: 87.5, stage: Running, atRisk: true},
		{name: "open pause moves due", cal: off, target: 4 * h, start: utc(2026, 11, 23, 14, 0),
			open: utc(2026, 11, 23, 15, 0),
			at:   utc(2026, 11, 23, 16, 30), due: utc(2026, 11, 23, 19, 30), elapsed: h, percent: 25, stage: Paused},
		{name: "retroactive start already breached", cal: off, target: 4 * h, start: utc(2026, 11, 20, 14, 0),
			at: utc(2026, 11, 23, 15, 0), due: utc(2026, 11, 20, 18, 0), elapsed: 9 * h, percent: 225, stage: Breached},
		{name: "response overrun 133%", cal: AlwaysOpen{}, target: 15 * time.Minute, start: utc(2026, 11, 23, 15, 0),
			stop: utc(2026, 11, 23, 15, 20), at: utc(2026, 11, 23, 18, 0),
			due: utc(2026, 11, 23, 15, 15), elapsed: 20 * time.Minute, percent: 400.0 / 3, stage: Breached},
		{name: "stop exactly at due is met", cal: AlwaysOpen{}, target: 4 * h, start: utc(2026, 11, 23, 15, 0),
			stop: utc(2026, 11, 23, 19, 0), at: utc(2026, 11, 23, 19, 0),
			due: utc(2026, 11, 23, 19, 0), elapsed: 4 * h, percent: 100, stage: Met},
		{name: "running overrun 200%", cal: AlwaysOpen{}, target: 15 * time.Minute, start: utc(2026, 11, 23, 15, 0),
			at: utc(2026, 11, 23, 15, 30), due: utc(2026, 11, 23, 15, 15), elapsed: 30 * time.Minute, percent: 200, stage: Breached},
		{name: "at risk at 80%", cal: AlwaysOpen{}, target: h, start: utc(2026, 11, 23, 15, 0),
			at: utc(2026, 11, 23, 15, 48), due: utc(2026, 11, 23, 16, 0), elapsed: 48 * time.Minute, percent: 80, stage: Running, atRisk: true},
		{name: "24x7 pause across fall back", cal: AlwaysOpen{}, target: 24 * h, start: utc(2026, 10, 31, 16, 0),
			pauses: []pause{{utc(2026, 11, 1, 5, 0), utc(2026, 11, 1, 7, 0)}},
			at:     utc(2026, 11, 1, 16, 0), due: utc(2026, 11, 1, 18, 0), elapsed: 22 * h, percent: 22.0 / 24 * 100, stage: Running, atRisk: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewClock(tt.cal, tt.target, tt.start)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.pauses {
				if err := c.AddPause(p.from, p.to); err != nil {
					t.Fatal(err)
				}
			}
			if !tt.open.IsZero() {
				if err := c.Pause(tt.open); err != nil {
					t.Fatal(err)
				}
			}
			if !tt.stop.IsZero() {
				if err := c.Stop(tt.stop); err != nil {
					t.Fatal(err)
				}
			}
			s, err := c.Status(tt.at)
			if err != nil {
				t.Fatal(err)
			}
			if !s.Due.Equal(tt.due) || s.Elapsed != tt.elapsed || s.Stage != tt.stage || s.AtRisk != tt.atRisk ||
				s.Remaining != tt.target-tt.elapsed || s.Percent < tt.percent-1e-9 || s.Percent > tt.percent+1e-9 {
				t.Errorf("Status = %+v (due %v), want due %v elapsed %v %.4f%% %v risk %v",
					s, s.Due.UTC(), tt.due, tt.elapsed, tt.percent, tt.stage, tt.atRisk)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	off := office(t)
	t0 := utc(2026, 11, 23, 15, 0)
	if _, err := off.Add(t0, -time.Hour); err == nil {
		t.Error("negative duration accepted")
	}
	if _, err := (AlwaysOpen{}).Add(t0, -time.Hour); err == nil {
		t.Error("negative duration accepted on 24x7")
	}
	if _, err := off.Between(t0, t0.Add(-time.Hour)); err == nil {
		t.Error("end before start accepted")
	}
	if _, err := NewBusinessCalendar(nil, OfficeWeek(9*time.Hour, 17*time.Hour)); err == nil {
		t.Error("nil location accepted")
	}
	if _, err := NewBusinessCalendar(time.UTC, Week{}); !errors.Is(err, ErrNoWorkingTime) {
		t.Errorf("empty week: %v", err)
	}
	if _, err := NewBusinessCalendar(time.UTC, OfficeWeek(17*time.Hour, 9*time.Hour)); err == nil {
		t.Error("reversed hours accepted")
	}
	// Mondays only, every Monday closed for seven years: bounded search fails.
	var w Week
	w[time.Monday] = []Hours{{9 * time.Hour, 17 * time.Hour}}
	var closed []Date
	for d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC); d.Year() < 2034; d = d.AddDate(0, 0, 7) {
		closed = append(closed, Date{d.Year(), d.Month(), d.Day()})
	}
	shut, err := NewBusinessCalendar(time.UTC, w, WithClosedDates(closed...))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := shut.Add(t0, time.Hour); !errors.Is(err, ErrNoWorkingTime) {
		t.Errorf("Add on shut calendar: %v", err)
	}
	if _, err := shut.NextOpen(t0); !errors.Is(err, ErrNoWorkingTime) {
		t.Errorf("NextOpen on shut calendar: %v", err)
	}
	c, _ := NewClock(off, time.Hour, t0)
	if err := c.AddPause(t0.Add(time.Hour), t0.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := c.AddPause(t0.Add(2*time.Hour), t0.Add(4*time.Hour)); err == nil {
		t.Error("overlapping pause accepted")
	}
	if err := c.AddPause(t0.Add(5*time.Hour), t0.Add(4*time.Hour)); err == nil {
		t.Error("reversed pause accepted")
	}
	if err := c.Pause(t0.Add(2 * time.Hour)); err == nil {
		t.Error("open pause inside closed pause accepted")
	}
	if _, err := NewClock(off, -time.Hour, t0); err == nil {
		t.Error("negative target accepted")
	}
	if err := c.SetAtRisk(0); err == nil {
		t.Error("zero threshold accepted")
	}
}
