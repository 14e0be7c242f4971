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
	pauses  pauseSet
	open    time.Time // start of the open pause, zero if none
	stop    time.Time
	stopped bool
	atRisk  float64
}

// NewClock starts a clock for target on cal at start (which may lie in the
// past). A nil cal means AlwaysOpen. A zero target is due where the clock
// stands at start (the next opening of cal) and breached as soon as any
// business time passes, as ServiceNow's engine does: it divides the
// elapsed time by the duration, and a zero duration makes that 100 % or
// more as soon as anything has elapsed (SLACalculatorNG).
func NewClock(cal Calendar, target time.Duration, start time.Time) (*Clock, error) {
	if target < 0 {
		return nil, invalidf("target %v is negative", target)
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

// AddPause records a closed pause [from, to]. A pause that begins before
// the start counts from the start (the clock was not running; ServiceNow's
// retroactive SLAs likewise only subtract pauses after their start), and
// one that ends before it is ignored. It must not overlap another pause,
// nor end after a stop. Pauses may come in any order; each costs a binary
// search.
func (c *Clock) AddPause(from, to time.Time) error {
	switch {
	case to.Before(from):
		return invalidf("pause end %v before start %v", to, from)
	case c.stopped && to.After(c.stop):
		return invalidf("pause ends after stop")
	}
	if from.Before(c.start) {
		if !to.After(c.start) {
			return nil
		}
		from = c.start
	}
	if c.pauses.overlaps(from, to) || (!c.open.IsZero() && to.After(c.open)) {
		return invalidf("pause %v–%v overlaps another", from, to)
	}
	c.pauses.add(Interval{from, to})
	return nil
}

// Pause opens a pause at t; a pause opened before the start makes the
// clock start paused. Only one pause may be open, after every closed one.
func (c *Clock) Pause(t time.Time) error {
	switch {
	case !c.open.IsZero():
		return invalidf("clock already paused")
	case c.stopped:
		return invalidf("clock stopped")
	}
	if t.Before(c.start) {
		t = c.start // the clock starts paused
	}
	if t.Before(c.pauses.end()) {
		return invalidf("pause at %v overlaps another", t)
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
	c.pauses.add(Interval{c.open, t})
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
	if t.Before(c.pauses.end()) {
		return invalidf("stop %v inside a pause", t)
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

// Status reports the clock at instant at (times after a stop report the
// stop). It reads the calendar once for all the pauses.
func (c *Clock) Status(at time.Time) (Status, error) {
	m, err := c.measure(at)
	if err != nil {
		return Status{}, err
	}
	return c.statusOf(m)
}

// statusOf is Status from a measurement.
func (c *Clock) statusOf(m measurement) (Status, error) {
	due, err := c.dueFor(m, c.target)
	if err != nil {
		return Status{}, err
	}
	s := Status{Due: due, Elapsed: m.elapsed, Remaining: c.target - m.elapsed}
	switch {
	case c.target > 0:
		s.Percent = float64(m.elapsed) / float64(c.target) * 100
	case m.elapsed > 0:
		s.Percent = 100
	}
	switch {
	case c.stopped && !c.stop.After(due):
		s.Stage = Met
	case c.stopped, m.end.After(due):
		s.Stage = Breached
	case m.paused:
		s.Stage = Paused
	default:
		s.Stage = Running
	}
	s.AtRisk = (s.Stage == Running || s.Stage == Paused) && s.Percent >= c.atRisk
	return s, nil
}

// Crossings returns, for each percentage of the target, the instant the
// clock reaches it: as it happened for those reached by at, and for the
// others as it will if the clock runs on from at without another pause.
func (c *Clock) Crossings(at time.Time, percents ...float64) ([]time.Time, error) {
	m, err := c.measure(at)
	if err != nil {
		return nil, err
	}
	return c.crossingsOf(m, percents)
}

// crossingsOf is Crossings from a measurement.
func (c *Clock) crossingsOf(m measurement, percents []float64) ([]time.Time, error) {
	var err error
	out := make([]time.Time, len(percents))
	for i, p := range percents {
		if !(p >= 0) {
			return nil, invalidf("threshold %v%% is not a percentage", p)
		}
		if out[i], err = c.dueFor(m, time.Duration(float64(c.target)*p/100)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// measurement is what a clock's pauses make of the business time up to an
// instant.
type measurement struct {
	end     time.Time       // the instant, cut to the start and the stop
	paused  bool            // an open pause covers end
	elapsed time.Duration   // business time counted, pauses excluded
	from    []time.Duration // for each pause begun by end: business time from the start to its beginning
	length  []time.Duration // and its business time, cut at end
}

func (c *Clock) measure(at time.Time) (measurement, error) {
	m := measurement{end: at}
	if c.stopped && c.stop.Before(m.end) {
		m.end = c.stop
	}
	if m.end.Before(c.start) {
		m.end = c.start
	}
	pauses := c.pauses.sorted()
	if !c.open.IsZero() && !m.end.Before(c.open) {
		pauses = append(pauses[:len(pauses):len(pauses)], Interval{c.open, m.end})
		m.paused = true
	}
	// The pauses that began by end, cut at end: their edges, then end.
	n := sort.Search(len(pauses), func(i int) bool { return !pauses[i].From.Before(m.end) })
	points := make([]time.Time, 0, 2*n+1)
	for _, p := range pauses[:n] {
		points = append(points, p.From, minTime(p.To, m.end))
	}
	points = append(points, m.end)
	f := make([]time.Duration, len(points))
	if err := cumulative(c.cal, c.start, points, f); err != nil {
		return measurement{}, err
	}
	m.elapsed = f[len(f)-1]
	m.from, m.length = make([]time.Duration, n), make([]time.Duration, n)
	for i := range n {
		m.from[i], m.length[i] = f[2*i], f[2*i+1]-f[2*i]
		m.elapsed -= m.length[i]
	}
	return m, nil
}

// dueAt returns the due time as of at: without pauses, straight from the
// calendar.
func (c *Clock) dueAt(at time.Time) (time.Time, error) {
	if c.pauses.empty() && c.open.IsZero() {
		return c.cal.Add(c.start, c.target)
	}
	st, err := c.Status(at)
	return st.Due, err
}

// dueFor returns when target is reached: a pause that begins before the
// due time (as moved by the pauses before it) moves it by its business
// time.
func (c *Clock) dueFor(m measurement, target time.Duration) (time.Time, error) {
	moved := target
	for i, from := range m.from {
		if from < moved {
			moved += m.length[i]
		}
	}
	return c.cal.Add(c.start, moved)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// cumulative sets out[i] to the business time of cal in [from, points[i]]
// (points ascending, none before from): in one pass on the package's
// calendars, with one Between per point on others.
func cumulative(cal Calendar, from time.Time, points []time.Time, out []time.Duration) error {
	switch c := cal.(type) {
	case *BusinessCalendar:
		c.cumulative(from, points, out)
	case AlwaysOpen:
		for i, p := range points {
			out[i] = p.Sub(from)
		}
	default:
		for i, p := range points {
			d, err := cal.Between(from, p)
			if err != nil {
				return err
			}
			out[i] = d
		}
	}
	return nil
}

// Target returns the clock's target duration.
func (c *Clock) Target() time.Duration { return c.target }

// Start returns the instant the clock started.
func (c *Clock) Start() time.Time { return c.start }

// Calendar returns the calendar the clock measures on.
func (c *Clock) Calendar() Calendar { return c.cal }
