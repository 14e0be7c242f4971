package sla

import (
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// Definition is an SLA definition whose clock is driven by conditions on
// the record, like ServiceNow's contract_sla: an instance attaches when
// Start matches, pauses while Pause matches, completes when Stop matches,
// is cancelled and restarted as its modes say. Conditions are encoded
// queries over the record's own fields (see Replay for the operators).
type Definition struct {
	// Name names the definition in instances and errors.
	Name string
	// Start attaches an instance; it is required.
	Start encodedquery.Query
	// Stop completes the instance (achieved, or breached when late).
	Stop encodedquery.Query
	// Pause pauses the instance while it matches; with ResumeOnCondition,
	// the pause lasts until Resume matches instead.
	Pause  encodedquery.Query
	Resume encodedquery.Query
	// ResumeWhen says when a pause ends.
	ResumeWhen ResumeMode
	// Cancel and CancelWhen say when an instance is cancelled.
	Cancel     encodedquery.Query
	CancelWhen CancelMode
	// Reset ends the current instance (as ResetAction says) and attaches a
	// new one, when it matches while Start still does.
	Reset       encodedquery.Query
	ResetAction ResetAction

	// Target is the business time allowed; Relative, when set, replaces it
	// with a due time computed from the start ("end of the next business
	// day"), and the target becomes the business time up to that due time
	// (as ServiceNow does for relative durations).
	Target   time.Duration
	Relative RelativeTarget
	// Calendar measures business time; nil means AlwaysOpen (24×7).
	Calendar Calendar

	// RetroactiveStart names a date-time field (a stored value such as
	// opened_at's) the instance starts at instead of the event that
	// attached it; with RetroactivePause, the pauses since that time count
	// too (ServiceNow's set_start_to and retroactive_pause).
	RetroactiveStart string
	RetroactivePause bool

	// Thresholds are percentages of the target (for example 50, 75, 90,
	// 100) whose crossing instants each instance reports.
	Thresholds []float64
}

// ResumeMode says when a pause ends (ServiceNow's when_to_resume).
type ResumeMode int

// Resume modes.
const (
	// ResumeNoMatch ends a pause when Pause stops matching (the default).
	ResumeNoMatch ResumeMode = iota
	// ResumeOnCondition ends it when Resume matches.
	ResumeOnCondition
)

// CancelMode says when an instance is cancelled (ServiceNow's
// when_to_cancel).
type CancelMode int

// Cancel modes.
const (
	// CancelNoMatch cancels when Start no longer matches and Stop does
	// not (the default).
	CancelNoMatch CancelMode = iota
	// CancelOnCondition cancels when Cancel matches.
	CancelOnCondition
	// CancelNever never cancels.
	CancelNever
)

// ResetAction says how Reset ends the current instance (ServiceNow's
// reset_action).
type ResetAction int

// Reset actions.
const (
	// ResetCancels cancels the current instance (the default).
	ResetCancels ResetAction = iota
	// ResetCompletes completes it, achieved or breached.
	ResetCompletes
)

// RelativeTarget computes an instance's due time from its start.
type RelativeTarget func(start time.Time) (time.Time, error)

// EndOfNextBusinessDay is the relative target "end of next business day"
// on c: the close of the first working day after the start's day.
func EndOfNextBusinessDay(c *BusinessCalendar) RelativeTarget {
	return func(start time.Time) (time.Time, error) {
		y, m, d := start.In(c.loc).Date()
		open, err := c.NextOpen(time.Date(y, m, d+1, 0, 0, 0, 0, c.loc))
		if err != nil {
			return time.Time{}, err
		}
		return c.closeOf(open)
	}
}

// ByTimeOfDay is the relative target "by hh:mm, days days after the start's
// day" in loc, for example ByTimeOfDay(17, 0, 1, loc): by 17:00 on the
// day after.
func ByTimeOfDay(hour, minute, days int, loc *time.Location) RelativeTarget {
	return func(start time.Time) (time.Time, error) {
		if loc == nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 || days < 0 {
			return time.Time{}, invalidf("relative target %02d:%02d, %d days after, is not a time", hour, minute, days)
		}
		y, m, d := start.In(loc).Date()
		return time.Date(y, m, d+days, hour, minute, 0, 0, loc), nil
	}
}

// closeOf returns the end of the last working interval of the day of t,
// which lies in working time.
func (b *BusinessCalendar) closeOf(t time.Time) (time.Time, error) {
	cd := closedDays{b: b}
	n := localDay(t, b.loc)
	sp := b.spans(n, &cd, nil)
	if len(sp) == 0 {
		return time.Time{}, ErrNoWorkingTime
	}
	return sp[len(sp)-1].end, nil
}
