package sla

import (
	"sort"
	"time"
)

// DefaultAtRisk is the default at-risk threshold in percent.
const DefaultAtRisk = 75.0

// Interval is a closed pause [From, To].
type Interval struct {
	From, To time.Time
}

// Clock is one SLA clock: a target duration measured on a calendar from a
// start, with pauses and an optional stop. Build it with NewClock; methods
// are not safe for concurrent mutation.
type Clock struct {
	cal     Calendar
	target  time.Duration
	start   time.Time
	pauses  []Interval
	open    time.Time // start of the open pause, zero if none
	stop    time.Time
	stopped bool
	atRisk  float64
}

// NewClock starts a clock for target on cal at start (which may lie in the
// past). A nil cal means AlwaysOpen.
func NewClock(cal Calendar, target time.Duration, start time.Time) (*Clock, error) {
	if target <= 0 {
		return nil, invalidf("target %v must be positive", target)
	}
	if start.IsZero() {
		return nil, invalidf("zero start time")
	}
	if cal == nil {
		cal = AlwaysOpen{}
	}
	return &Clock{cal: cal, target: target, start: start, atRisk: DefaultAtRisk}, nil
}

// SetAtRisk sets the at-risk threshold in percent of the target (0 < pct).
func (c *Clock) SetAtRisk(pct float64) error {
	if !(pct > 0) {
		return invalidf("at-risk threshold %v must be positive", pct)
	}
	c.atRisk = pct
	return nil
}

func (c *Clock) overlaps(from, to time.Time) bool {
	for _, p := range c.pauses {
		if from.Before(p.To) && p.From.Before(to) {
			return true
		}
	}
	return !c.open.IsZero() && to.After(c.open)
}

// AddPause records a closed pause [from, to]. It must lie at or after the
// start, not overlap another pause, and end no later than a stop.
func (c *Clock) AddPause(from, to time.Time) error {
	switch {
	case to.Before(from):
		return invalidf("pause end %v before start %v", to, from)
	case from.Before(c.start):
		return invalidf("pause %v before clock start %v", from, c.start)
	case c.stopped && to.After(c.stop):
		return invalidf("pause ends after stop")
	case c.overlaps(from, to):
		return invalidf("pause %v–%v overlaps another", from, to)
	}
	c.pauses = append(c.pauses, Interval{from, to})
	sort.Slice(c.pauses, func(i, j int) bool { return c.pauses[i].From.Before(c.pauses[j].From) })
	return nil
}

// Pause opens a pause at t. Only one pause may be open.
func (c *Clock) Pause(t time.Time) error {
	switch {
	case !c.open.IsZero():
		return invalidf("clock already paused")
	case c.stopped:
		return invalidf("clock stopped")
	case t.Before(c.start):
		return invalidf("pause %v before clock start %v", t, c.start)
	}
	for _, p := range c.pauses {
		if t.Before(p.To) {
			return invalidf("pause at %v overlaps another", t)
		}
	}
	c.open = t
	return nil
}

// Resume closes the open pause at t.
func (c *Clock) Resume(t time.Time) error {
	if c.open.IsZero() {
		return invalidf("clock not paused")
	}
	if t.Before(c.open) {
		return invalidf("resume %v before pause %v", t, c.open)
	}
	c.pauses = append(c.pauses, Interval{c.open, t})
	c.open = time.Time{}
	return nil
}

// Stop stops the clock at t, closing an open pause there.
func (c *Clock) Stop(t time.Time) error {
	if c.stopped {
		return invalidf("clock already stopped")
	}
	if t.Before(c.start) {
		return invalidf("stop %v before start %v", t, c.start)
	}
	for _, p := range c.pauses {
		if t.Before(p.To) {
			return invalidf("stop %v inside a pause", t)
		}
	}
	if !c.open.IsZero() {
		if err := c.Resume(t); err != nil {
			return err
		}
	}
	c.stop, c.stopped = t, true
	return nil
}

// Status is a clock's state at an instant.
type Status struct {
	Due       time.Time     // when the target is reached, moved by pauses so far
	Elapsed   time.Duration // business time counted, pauses excluded
	Remaining time.Duration // Target − Elapsed; negative once overrun
	Percent   float64       // Elapsed / Target × 100; may pass 100
	Stage     Stage
	AtRisk    bool // running or paused, not breached, and Percent ≥ threshold
}

// Status reports the clock at instant at (times after a stop report the stop).
func (c *Clock) Status(at time.Time) (Status, error) {
	end := at
	if c.stopped && c.stop.Before(end) {
		end = c.stop
	}
	if end.Before(c.start) {
		end = c.start
	}
	pauses := append([]Interval(nil), c.pauses...)
	paused := false
	if !c.open.IsZero() && !end.Before(c.open) {
		pauses = append(pauses, Interval{c.open, end})
		paused = true
	}
	elapsed, err := c.cal.Between(c.start, end)
	if err != nil {
		return Status{}, err
	}
	due, err := c.cal.Add(c.start, c.target)
	if err != nil {
		return Status{}, err
	}
	for _, p := range pauses {
		to := p.To
		if to.After(end) {
			to = end
		}
		if !to.After(p.From) {
			continue
		}
		pd, err := c.cal.Between(p.From, to)
		if err != nil {
			return Status{}, err
		}
		elapsed -= pd
		if p.From.Before(due) && pd > 0 {
			if due, err = c.cal.Add(due, pd); err != nil {
				return Status{}, err
			}
		}
	}
	s := Status{Due: due, Elapsed: elapsed, Remaining: c.target - elapsed}
	s.Percent = float64(elapsed) / float64(c.target) * 100
	switch {
	case c.stopped && !c.stop.After(due):
		s.Stage = Met
	case c.stopped, end.After(due):
		s.Stage = Breached
	case paused:
		s.Stage = Paused
	default:
		s.Stage = Running
	}
	s.AtRisk = (s.Stage == Running || s.Stage == Paused) && s.Percent >= c.atRisk
	return s, nil
}

// Target returns the clock's target duration.
func (c *Clock) Target() time.Duration { return c.target }

// Start returns the instant the clock started.
func (c *Clock) Start() time.Time { return c.start }

// Calendar returns the calendar the clock measures on.
func (c *Clock) Calendar() Calendar { return c.cal }
