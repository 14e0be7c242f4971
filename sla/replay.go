package sla

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// storedLayout is how ServiceNow stores a date-time (in UTC).
const storedLayout = "2006-01-02 15:04:05"

// Replay replays a record's history against SLA definitions, as
// ServiceNow's SLA engine would have run them while the record changed,
// and returns every instance in the order they attached, with the
// timings of each as of now (the zero now: the last event's time).
//
// At every event, for each definition, in this order: Reset (when it and
// Start match) ends the current instance and attaches a new one; the
// instance is cancelled as CancelWhen says; Stop completes it; Pause and
// Resume pause and resume it. With no current instance, one attaches when
// Start matches and neither Stop nor an on-condition Cancel does. A
// definition whose instance completed does not attach again (only Reset
// restarts it); one whose instance was cancelled may. These follow
// ServiceNow's SLA condition rules (SLAConditionBase).
//
// Conditions are evaluated on the record's own fields as the history
// leaves them: =, !=, LIKE, NOT LIKE, STARTSWITH, ENDSWITH, IN, NOT IN,
// ISEMPTY, ISNOTEMPTY, EMPTYSTRING, ANYTHING, <, <=, >, >=, BETWEEN,
// SAMEAS, NSAMEAS, the _FIELD comparisons, and VALCHANGES, CHANGESFROM
// and CHANGESTO on what the event changed. Other operators, and fields no
// event sets, are refused before the replay starts.
//
// A fault is a *ReplayError naming the definition and the event.
func Replay(defs []Definition, h History, now time.Time) ([]Instance, error) {
	fields := fieldIndex{}
	runs := make([]*run, len(defs))
	for i := range defs {
		r, err := newRun(&defs[i], fields)
		if err != nil {
			return nil, err
		}
		runs[i] = r
	}
	if len(h) == 0 {
		return nil, nil
	}
	s := state{values: make([]string, len(fields)), previous: make([]string, len(fields)), changed: make([]bool, len(fields))}
	seen := make([]bool, len(fields))
	var touched []int
	var out []*Instance
	var stepErr error
	for i, e := range h {
		if err := checkEvent(h, i); err != nil {
			return nil, err
		}
		for _, f := range touched {
			s.changed[f] = false
		}
		touched = touched[:0]
		for name, v := range e.Fields {
			if f, ok := fields[name]; ok {
				s.previous[f], s.changed[f] = s.values[f], s.values[f] != v
				s.values[f], seen[f] = v, true
				touched = append(touched, f)
			}
		}
		for _, r := range runs {
			if stepErr != nil {
				break
			}
			added, err := r.step(i, e, &s)
			stepErr = err
			out = append(out, added...)
		}
	}
	// A condition on a field the history never sets is the first fault to
	// report, whatever the replay met after it.
	for _, r := range runs {
		for name, f := range r.reads {
			if !seen[f] {
				return nil, replayErr(r.def, 0, h[0].ID, "its conditions read the field "+strconv.Quote(name)+", which no event of the history sets", ErrInvalid)
			}
		}
	}
	if stepErr != nil {
		return nil, stepErr
	}
	if now.IsZero() {
		now = h[len(h)-1].At
	}
	result := make([]Instance, len(out))
	for i, in := range out {
		def := in.def
		if err := in.finish(now, def.Thresholds); err != nil {
			return nil, replayErr(def, len(h)-1, h[len(h)-1].ID, "its timings: "+err.Error(), err)
		}
		in.markBreach()
		result[i] = *in
	}
	return result, nil
}

// checkEvent refuses event i when it has no time or comes before the
// event before it.
func checkEvent(h History, i int) error {
	e := h[i]
	if e.At.IsZero() {
		return replayErr(nil, i, e.ID, "the event has no time", ErrInvalid)
	}
	if i > 0 && e.At.Before(h[i-1].At) {
		return replayErr(nil, i, e.ID, "the event is out of time order: it comes before event "+strconv.Itoa(i-1), ErrInvalid)
	}
	return nil
}

func replayErr(def *Definition, event int, id, problem string, err error) *ReplayError {
	e := &ReplayError{Event: event, EventID: id, Problem: problem, Err: err}
	if def != nil {
		e.Definition = def.Name
	}
	return e
}

// run is a definition's progress through a replay.
type run struct {
	def                                       *Definition
	start, stop, pause, resume, cancel, reset compiled
	reads                                     map[string]int // the fields its conditions read
	retro                                     int            // the retroactive start field, -1 without
	current                                   *Instance
	completed                                 bool
	cycle                                     int
	pausing                                   time.Time  // since when Pause has matched (zero: it does not)
	paused                                    []Interval // when Pause matched, for retroactive pauses
}

func newRun(def *Definition, fields fieldIndex) (*run, error) {
	bad := func(problem string) error { return replayErr(def, -1, "", problem, ErrInvalid) }
	switch {
	case def.Name == "":
		return nil, replayErr(def, -1, "", "a definition needs a name", ErrInvalid)
	case def.Start.IsZero():
		return nil, bad("it has no start condition")
	case def.Target < 0:
		return nil, bad("its target " + def.Target.String() + " is negative")
	case def.CancelWhen == CancelOnCondition && def.Cancel.IsZero():
		return nil, bad("it cancels on a condition but has none")
	case def.ResumeWhen == ResumeOnCondition && def.Resume.IsZero():
		return nil, bad("it resumes on a condition but has none")
	}
	for _, p := range def.Thresholds {
		if !(p >= 0) {
			return nil, bad(fmt.Sprintf("its threshold %v%% is not a percentage", p))
		}
	}
	local := fieldIndex{}
	r := &run{def: def, retro: -1}
	conds := []struct {
		dst  *compiled
		name string
		q    encodedquery.Query
	}{
		{&r.start, "start", def.Start}, {&r.stop, "stop", def.Stop}, {&r.pause, "pause", def.Pause},
		{&r.resume, "resume", def.Resume}, {&r.cancel, "cancel", def.Cancel}, {&r.reset, "reset", def.Reset},
	}
	for _, c := range conds {
		q, problem := compile(c.q, local)
		if problem != "" {
			return nil, bad("its " + c.name + " condition: " + problem)
		}
		*c.dst = q
	}
	if def.RetroactiveStart != "" {
		local.of(def.RetroactiveStart)
	}
	// Move the definition's fields into the replay's index.
	remap := make([]int, len(local))
	r.reads = make(map[string]int, len(local))
	for name, i := range local {
		remap[i] = fields.of(name)
		r.reads[name] = remap[i]
	}
	for _, q := range []*compiled{&r.start, &r.stop, &r.pause, &r.resume, &r.cancel, &r.reset} {
		q.remap(remap)
	}
	if def.RetroactiveStart != "" {
		r.retro = r.reads[def.RetroactiveStart]
	}
	return r, nil
}

// step runs the definition on event i and returns the instances it
// attached.
func (r *run) step(i int, e Event, s *state) ([]*Instance, error) {
	fail := func(problem string, err error) ([]*Instance, error) {
		return nil, replayErr(r.def, i, e.ID, problem, err)
	}
	pauseMatch := r.pause.match(s)
	if pauseMatch && r.pausing.IsZero() {
		r.pausing = e.At
	} else if !pauseMatch && !r.pausing.IsZero() {
		if r.def.RetroactivePause && r.retro >= 0 { // only a retroactive start looks back
			r.paused = append(r.paused, Interval{r.pausing, e.At})
		}
		r.pausing = time.Time{}
	}
	startMatch, stopMatch := r.start.match(s), r.stop.match(s)
	restart := false
	if in := r.current; in != nil {
		c := in.clock
		switch {
		case r.reset.set && r.reset.match(s) && startMatch:
			if r.def.ResetAction == ResetCompletes {
				if err := r.complete(e.At); err != nil {
					return fail("completing the instance: "+err.Error(), err)
				}
			} else if err := r.cancelAt(e.At); err != nil {
				return fail("cancelling the instance: "+err.Error(), err)
			}
			restart = true
		case r.cancels(s, startMatch, stopMatch):
			if err := r.cancelAt(e.At); err != nil {
				return fail("cancelling the instance: "+err.Error(), err)
			}
		case stopMatch:
			if err := r.complete(e.At); err != nil {
				return fail("completing the instance: "+err.Error(), err)
			}
		case c.open.IsZero() && pauseMatch:
			if err := c.Pause(e.At); err != nil {
				return fail("pausing: "+err.Error(), err)
			}
			in.Stages = append(in.Stages, StageChange{e.At, Paused})
		case !c.open.IsZero() && r.resumes(s, pauseMatch):
			if err := c.Resume(e.At); err != nil {
				return fail("resuming: "+err.Error(), err)
			}
			in.Stages = append(in.Stages, StageChange{e.At, Running})
		}
	}
	if r.current != nil || (r.completed && !restart) || !startMatch || stopMatch ||
		(r.def.CancelWhen == CancelOnCondition && r.cancel.match(s)) {
		return nil, nil
	}
	in, err := r.attach(e, s, pauseMatch)
	if err != nil {
		var re *ReplayError
		if errors.As(err, &re) {
			return nil, err
		}
		cause := err
		if !errors.Is(err, ErrNoWorkingTime) && !errors.Is(err, ErrUnreachableTarget) {
			cause = errors.Join(ErrInvalid, err)
		}
		return fail("attaching an instance: "+err.Error(), cause)
	}
	return []*Instance{in}, nil
}

// cancels reports whether the current instance is cancelled now.
func (r *run) cancels(s *state, startMatch, stopMatch bool) bool {
	switch r.def.CancelWhen {
	case CancelOnCondition:
		return r.cancel.match(s)
	case CancelNever:
		return false
	}
	return !startMatch && !stopMatch
}

// resumes reports whether the current pause ends now.
func (r *run) resumes(s *state, pauseMatch bool) bool {
	if r.def.ResumeWhen == ResumeOnCondition {
		return r.resume.match(s)
	}
	return !pauseMatch
}

// attach starts an instance at event e.
func (r *run) attach(e Event, s *state, pauseMatch bool) (*Instance, error) {
	def := r.def
	start := e.At
	if r.retro >= 0 {
		v := s.values[r.retro]
		t, err := time.Parse(storedLayout, v)
		if err != nil {
			return nil, fmt.Errorf("the retroactive start field %s holds %q, not a date-time", def.RetroactiveStart, v)
		}
		start = t
	}
	cal := def.Calendar
	if cal == nil {
		cal = AlwaysOpen{}
	}
	target := def.Target
	if def.Relative != nil {
		due, err := def.Relative(start)
		if err != nil {
			return nil, err
		}
		if !due.After(start) {
			return nil, fmt.Errorf("%w: the relative due time %v is not after the start %v", ErrUnreachableTarget, due, start)
		}
		if target, err = cal.Between(start, due); err != nil {
			return nil, err
		}
		if target == 0 {
			return nil, fmt.Errorf("%w: no working time between the start %v and the relative due time %v", ErrUnreachableTarget, start, due)
		}
	}
	c, err := NewClock(cal, target, start)
	if err != nil {
		return nil, err
	}
	if def.RetroactivePause && start.Before(e.At) {
		for _, p := range r.paused {
			if p.To.After(start) && p.From.Before(e.At) {
				if err := c.AddPause(p.From, minTime(p.To, e.At)); err != nil {
					return nil, err
				}
			}
		}
	}
	in := &Instance{Definition: def.Name, Cycle: r.cycle, Active: true, StartTime: start, Target: target, clock: c, def: def}
	first := Running
	if pauseMatch {
		at := e.At
		if def.RetroactivePause && r.pausing.Before(at) {
			at = r.pausing
		}
		if err := c.Pause(at); err != nil {
			return nil, err
		}
		first = Paused
	}
	in.Stages = []StageChange{{start, first}}
	if in.OriginalBreachTime, err = c.dueAt(e.At); err != nil {
		return nil, err
	}
	r.current, r.cycle = in, r.cycle+1
	return in, nil
}

// complete stops the current instance at t: achieved, or breached when
// late.
func (r *run) complete(t time.Time) error {
	in := r.current
	if err := in.clock.Stop(t); err != nil {
		return err
	}
	in.Active, in.EndTime, in.completed = false, t, true // finish tells achieved from breached
	r.current, r.completed = nil, true
	return nil
}

// cancelAt cancels the current instance at t.
func (r *run) cancelAt(t time.Time) error {
	in := r.current
	if err := in.clock.Stop(t); err != nil {
		return err
	}
	in.Stage, in.Active, in.EndTime = Cancelled, false, t
	in.Stages = append(in.Stages, StageChange{t, Cancelled})
	r.current = nil
	return nil
}
