package sla

import (
	"slices"
	"time"
)

// Instance is one SLA of a definition on a record, as ServiceNow's
// task_sla row reports it, computed as of the end of the replay (or of the
// instance, once it has ended).
type Instance struct {
	// Definition is the definition's name; Cycle counts the instances of
	// the definition before this one (resets and restarts after a cancel).
	Definition string
	Cycle      int
	// Stage is the instance's stage (Running, Paused, Met, Breached,
	// Cancelled; Stage.TaskSLA spells it as ServiceNow does), Active false
	// once it has ended, HasBreached set once it is late.
	Stage       Stage
	Active      bool
	HasBreached bool
	// Stages are the stage changes over time, oldest first.
	Stages []StageChange

	// StartTime is when the clock started (a retroactive start when the
	// definition has one); EndTime when it stopped or was cancelled.
	StartTime time.Time
	EndTime   time.Time
	// PauseTime is the start of the current pause (zero when running);
	// PauseDuration the wall-clock time spent paused and
	// BusinessPauseDuration the part of it inside the calendar's hours.
	PauseTime             time.Time
	PauseDuration         time.Duration
	BusinessPauseDuration time.Duration
	// PlannedEnd is the breach time, moved by the pauses;
	// OriginalBreachTime the breach time when the instance attached.
	PlannedEnd         time.Time
	OriginalBreachTime time.Time
	// Target is the business time allowed.
	Target time.Duration

	// ActualElapsed, ActualPercent and ActualTimeLeft are the 24×7 timings
	// (task_sla duration, percentage, time_left); BusinessElapsed,
	// BusinessPercent and BusinessTimeLeft those on the calendar. Time
	// left is zero once none is left.
	ActualElapsed    time.Duration
	ActualPercent    float64
	ActualTimeLeft   time.Duration
	BusinessElapsed  time.Duration
	BusinessPercent  float64
	BusinessTimeLeft time.Duration

	// Crossings are the instants the definition's thresholds are reached:
	// past ones as they happened, the others predicted as if the clock ran
	// on without another pause. An ended instance keeps only those it
	// reached.
	Crossings []Crossing

	clock     *Clock
	def       *Definition
	completed bool // stopped by Stop (or a completing reset), not cancelled
}

// StageChange is a stage an instance entered, and when.
type StageChange struct {
	At    time.Time
	Stage Stage
}

// Crossing is the instant a threshold (a percentage of the target) is
// reached; Reached says it happened by the end of the replay.
type Crossing struct {
	Percent float64
	At      time.Time
	Reached bool
}

// NextCrossing returns the first threshold not reached at now, for
// alerting; false when every threshold has been reached or the instance
// has ended.
func (in *Instance) NextCrossing(now time.Time) (Crossing, bool) {
	if !in.Active {
		return Crossing{}, false
	}
	for _, c := range in.Crossings {
		if c.At.After(now) {
			return c, true
		}
	}
	return Crossing{}, false
}

// Clock returns the instance's clock, to read its status at another
// instant.
func (in *Instance) Clock() *Clock { return in.clock }

// finish fills the timings as of at (the end of the replay, or the end of
// the instance), from its clock and its wall-clock pauses, with
// SLACalculatorNG's formulas: actual percentage = elapsed ÷ (planned end −
// start − pause duration), business percentage = business elapsed ÷
// target, has breached = the business percentage (the actual one without
// a schedule) at 100 or more.
func (in *Instance) finish(at time.Time, thresholds []float64) error {
	if !in.Active {
		at = in.EndTime
	}
	c := in.clock
	m, err := c.measure(at)
	if err != nil {
		return err
	}
	st, err := c.statusOf(m)
	if err != nil {
		return err
	}
	in.PlannedEnd, in.BusinessElapsed, in.BusinessPercent = st.Due, st.Elapsed, st.Percent
	in.BusinessPauseDuration, in.PauseDuration = 0, 0
	for _, l := range m.length {
		in.BusinessPauseDuration += l
	}
	for _, p := range c.pauses.sorted() {
		if to := minTime(p.To, at); to.After(p.From) {
			in.PauseDuration += to.Sub(p.From)
		}
	}
	if open := c.open; !open.IsZero() && at.After(open) {
		in.PauseDuration += at.Sub(open)
	}
	in.ActualElapsed = max(at.Sub(in.StartTime)-in.PauseDuration, 0)
	window := in.PlannedEnd.Sub(in.StartTime) - in.PauseDuration
	if in.PlannedEnd.Sub(in.StartTime) < in.PauseDuration {
		window = in.PlannedEnd.Sub(in.StartTime) - in.BusinessPauseDuration
	}
	in.ActualPercent = percentOf(in.ActualElapsed, window)
	in.ActualTimeLeft = max(in.PlannedEnd.Sub(at), 0)
	in.BusinessTimeLeft = 0
	if in.ActualTimeLeft > 0 {
		if in.BusinessTimeLeft, err = c.cal.Between(at, in.PlannedEnd); err != nil {
			return err
		}
	}
	if _, plain := c.cal.(AlwaysOpen); plain {
		in.HasBreached = in.ActualPercent >= 100
	} else {
		in.HasBreached = in.BusinessPercent >= 100
	}
	switch {
	case in.Active:
		in.Stage = st.Stage
	case in.completed:
		in.Stage = st.Stage
		in.Stages = append(in.Stages, StageChange{in.EndTime, st.Stage})
	}
	in.PauseTime = time.Time{}
	if in.Active && !c.open.IsZero() {
		in.PauseTime = c.open
	}
	times, err := c.crossingsOf(m, thresholds)
	if err != nil {
		return err
	}
	in.Crossings = in.Crossings[:0]
	for i, t := range times {
		reached := !t.After(at)
		if reached || in.Active {
			in.Crossings = append(in.Crossings, Crossing{Percent: thresholds[i], At: t, Reached: reached})
		}
	}
	return nil
}

// percentOf returns part as a percentage of whole: 0 for nothing of
// nothing, 100 for something of nothing.
func percentOf(part, whole time.Duration) float64 {
	switch {
	case whole > 0:
		return float64(part) / float64(whole) * 100
	case part > 0:
		return 100
	}
	return 0
}

// markBreach adds the instant the instance became late to its stages:
// its planned end, when that came while it was still running.
func (in *Instance) markBreach() {
	end := in.EndTime
	if in.Active || end.IsZero() {
		end = time.Time{}
	}
	if !in.HasBreached || (!end.IsZero() && !in.PlannedEnd.Before(end)) {
		return
	}
	i := 0
	for i < len(in.Stages) && !in.Stages[i].At.After(in.PlannedEnd) {
		i++
	}
	in.Stages = slices.Insert(in.Stages, i, StageChange{in.PlannedEnd, Breached})
}
