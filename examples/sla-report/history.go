package main

import (
	"fmt"
	"time"
)

// historyWeeks is how many ISO weeks the met rates cover, the current one
// included.
const historyWeeks = 8

// weekRate is how the SLAs settled in one ISO week went.
type weekRate struct {
	year, week int       // ISO year and week number
	start      time.Time // Monday 00:00 in the report's zone
	response   outcome
	resolution outcome
}

// label is the week's ISO 8601 name, "2026-W47".
func (w weekRate) label() string { return fmt.Sprintf("%04d-W%02d", w.year, w.week) }

// outcome counts SLAs settled as met and as breached.
type outcome struct{ met, breached int }

// settled is the number of SLAs that were settled.
func (o outcome) settled() int { return o.met + o.breached }

// rate is the share of settled SLAs that were met, in percent; ok is false
// when none was settled.
func (o outcome) rate() (pct float64, ok bool) {
	if o.settled() == 0 {
		return 0, false
	}
	return 100 * float64(o.met) / float64(o.settled()), true
}

// weekStart is Monday 00:00, in loc, of the ISO week holding t.
func weekStart(t time.Time, loc *time.Location) time.Time {
	d := t.In(loc)
	back := (int(d.Weekday()) + 6) % 7 // days since Monday
	return time.Date(d.Year(), d.Month(), d.Day()-back, 0, 0, 0, 0, loc)
}

// weekTally counts settled SLAs into the weeks of a window.
type weekTally struct {
	weeks []weekRate // oldest first
	now   time.Time
}

// newWeekTally returns a tally of the n ISO weeks up to and including the
// one holding now, counted in loc.
func newWeekTally(now time.Time, loc *time.Location, n int) *weekTally {
	last := weekStart(now, loc)
	t := &weekTally{weeks: make([]weekRate, n), now: now}
	for i := range t.weeks {
		start := last.AddDate(0, 0, -7*(n-1-i))
		y, w := start.ISOWeek()
		t.weeks[i] = weekRate{year: y, week: w, start: start}
	}
	return t
}

// add counts the settled SLAs of an assessed incident; those settled
// outside the window, or after now, are left out.
func (t *weekTally) add(a assessment) {
	if w := t.find(a.responseSettled); w != nil {
		w.response.count(a.row.responseState())
	}
	if w := t.find(a.resolutionSettled); w != nil {
		w.resolution.count(a.row.resolutionState())
	}
}

// find returns the week holding instant at, or nil.
func (t *weekTally) find(at time.Time) *weekRate {
	if at.IsZero() || at.After(t.now) {
		return nil
	}
	for i := len(t.weeks) - 1; i >= 0; i-- {
		if !at.Before(t.weeks[i].start) {
			return &t.weeks[i] // the latest week starting at or before at
		}
	}
	return nil
}

// count adds one settled SLA in state s.
func (o *outcome) count(s slaState) {
	switch s {
	case stateMet:
		o.met++
	case stateBreached:
		o.breached++
	}
}

// rates returns the weeks, oldest first.
func (t *weekTally) rates() []weekRate { return t.weeks }
