package sla

import (
	"errors"
	"time"
)

// MaxSearchDays bounds how long a calendar searches through closed time
// (about five years): a search that meets that many days in a row without
// working time returns ErrNoWorkingTime. Durations themselves have no
// bound.
const MaxSearchDays = 5 * 366

// ErrNoWorkingTime reports that a calendar has no working time for
// MaxSearchDays in a row from the requested instant.
var ErrNoWorkingTime = errors.New("sla: no working time within search bound")

// Calendar measures business time.
type Calendar interface {
	// Add returns the instant at which d of business time has passed after t.
	// A zero d returns where the clock stands at t (NextOpen). The result
	// never lies past a close it lands on.
	Add(t time.Time, d time.Duration) (time.Time, error)
	// Between returns the business time in [from, to].
	Between(from, to time.Time) (time.Duration, error)
	// NextOpen returns t if it is within working time, else the next opening.
	NextOpen(t time.Time) (time.Time, error)
}

// AlwaysOpen is the 24×7 calendar: business time equals elapsed time.
type AlwaysOpen struct{}

// Add returns t.Add(d).
func (AlwaysOpen) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, invalidf("negative duration %v", d)
	}
	return t.Add(d), nil
}

// Between returns to.Sub(from).
func (AlwaysOpen) Between(from, to time.Time) (time.Duration, error) {
	if to.Before(from) {
		return 0, invalidf("end %v before start %v", to, from)
	}
	return to.Sub(from), nil
}

// NextOpen returns t.
func (AlwaysOpen) NextOpen(t time.Time) (time.Time, error) { return t, nil }
