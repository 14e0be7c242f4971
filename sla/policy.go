package sla

import (
	"fmt"
	"time"
)

// Target is the response and resolve goal for one priority, measured on
// Calendar (nil means AlwaysOpen).
type Target struct {
	Response time.Duration
	Resolve  time.Duration
	Calendar Calendar
}

// Policy holds the targets per priority. A priority without an entry has no
// SLA.
type Policy map[Priority]Target

// DefaultPolicy returns the seed targets on a 24×7 calendar: P1 15 min / 4 h,
// P2 30 min / 8 h, P3 4 h / 24 h, P4 8 h / 72 h; P5 has none.
func DefaultPolicy() Policy {
	return Policy{
		P1: {Response: 15 * time.Minute, Resolve: 4 * time.Hour, Calendar: AlwaysOpen{}},
		P2: {Response: 30 * time.Minute, Resolve: 8 * time.Hour, Calendar: AlwaysOpen{}},
		P3: {Response: 4 * time.Hour, Resolve: 24 * time.Hour, Calendar: AlwaysOpen{}},
		P4: {Response: 8 * time.Hour, Resolve: 72 * time.Hour, Calendar: AlwaysOpen{}},
	}
}

// Target returns the target for p and whether p has one.
func (p Policy) Target(pr Priority) (Target, bool) {
	t, ok := p[pr]
	if ok && t.Calendar == nil {
		t.Calendar = AlwaysOpen{}
	}
	return t, ok
}

// Clocks starts the response and resolve clocks for priority pr at start
// (which may lie in the past), each on its target's calendar. A priority
// without a target returns an error matching ErrNoTarget.
func (p Policy) Clocks(pr Priority, start time.Time) (response, resolve *Clock, err error) {
	t, ok := p.Target(pr)
	if !ok {
		return nil, nil, fmt.Errorf("%w %v", ErrNoTarget, pr)
	}
	if response, err = NewClock(t.Calendar, t.Response, start); err != nil {
		return nil, nil, err
	}
	if resolve, err = NewClock(t.Calendar, t.Resolve, start); err != nil {
		return nil, nil, err
	}
	return response, resolve, nil
}
