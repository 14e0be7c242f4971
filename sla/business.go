package sla

import (
	"fmt"
	"sort"
	"time"

	"github.com/rickar/cal/v2"
)

// Hours is one working interval of a day as wall-clock offsets from local
// midnight, e.g. {9 * time.Hour, 17 * time.Hour}. 09:00 stays 09:00 on days
// the clocks change.
type Hours struct {
	Start, End time.Duration
}

// Week holds the working intervals for each weekday, indexed by time.Weekday.
type Week [7][]Hours

// OfficeWeek returns Monday–Friday with a single interval start–end.
func OfficeWeek(start, end time.Duration) Week {
	var w Week
	for d := time.Monday; d <= time.Friday; d++ {
		w[d] = []Hours{{start, end}}
	}
	return w
}

// Date is a calendar day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// BusinessOption configures a BusinessCalendar.
type BusinessOption func(*BusinessCalendar) error

// WithHolidays closes the observed dates of the given holiday rules, such as
// those in github.com/rickar/cal/v2/us.
func WithHolidays(h ...*cal.Holiday) BusinessOption {
	return func(b *BusinessCalendar) error {
		for _, x := range h {
			if x == nil {
				return invalidf("nil holiday")
			}
		}
		b.rules = append(b.rules, h...)
		return nil
	}
}

// WithActualDatesClosed also closes the actual date of every holiday rule,
// not only its observed date: on a calendar that works on Saturdays, a
// holiday falling on a Saturday and observed on the Friday closes both
// days. Without it only the observed date is closed, as holiday calendars
// for office weeks expect.
func WithActualDatesClosed() BusinessOption {
	return func(b *BusinessCalendar) error {
		b.actualDates = true
		return nil
	}
}

// WithClosedDates closes the given extra days.
func WithClosedDates(d ...Date) BusinessOption {
	return func(b *BusinessCalendar) error {
		for _, x := range d {
			t := time.Date(x.Year, x.Month, x.Day, 0, 0, 0, 0, time.UTC)
			if t.Year() != x.Year || t.Month() != x.Month || t.Day() != x.Day {
				return invalidf("invalid date %v", x)
			}
			b.closed[x] = true
		}
		return nil
	}
}

// BusinessCalendar counts time only inside weekly working hours in a
// location, skipping holidays. It is safe for concurrent use.
//
// Holiday rules are evaluated once per year, and business time is summed
// once per week, on first use: Add and Between cost a few days of work at
// each end plus one step per whole week crossed, whatever the duration.
type BusinessCalendar struct {
	loc         *time.Location
	week        Week
	rules       []*cal.Holiday
	closed      map[Date]bool
	actualDates bool
	cache       calendarCache
}

// NewBusinessCalendar validates and builds a business-hours calendar.
func NewBusinessCalendar(loc *time.Location, week Week, opts ...BusinessOption) (*BusinessCalendar, error) {
	if loc == nil {
		return nil, invalidf("nil location")
	}
	b := &BusinessCalendar{loc: loc, closed: map[Date]bool{}}
	open := false
	for d, hs := range week {
		hs = append([]Hours(nil), hs...)
		sort.Slice(hs, func(i, j int) bool { return hs[i].Start < hs[j].Start })
		for i, h := range hs {
			if h.Start < 0 || h.End > 24*time.Hour || h.End <= h.Start {
				return nil, invalidf("%v hours %v–%v invalid", time.Weekday(d), h.Start, h.End)
			}
			if i > 0 && h.Start < hs[i-1].End {
				return nil, invalidf("%v hours overlap", time.Weekday(d))
			}
			open = true
		}
		b.week[d] = hs
	}
	if !open {
		return nil, fmt.Errorf("sla: %w: week has no working hours", ErrNoWorkingTime)
	}
	for _, o := range opts {
		if err := o(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Location returns the calendar's time zone.
func (b *BusinessCalendar) Location() *time.Location { return b.loc }

// IsHoliday reports whether the day is closed by a holiday rule or an
// added date.
func (b *BusinessCalendar) IsHoliday(d Date) bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if t.Year() != d.Year || t.Month() != d.Month || t.Day() != d.Day {
		return false
	}
	cd := closedDays{b: b}
	return cd.closed(dayNumber(d.Year, d.Month, d.Day))
}

// span is one concrete working interval.
type span struct{ start, end time.Time }

// length is the span's business time (none for a span a clock change
// turned around).
func (s span) length() time.Duration { return max(s.end.Sub(s.start), 0) }

// spans returns the concrete working intervals of day n (none for a
// closed day). Wall-clock offsets go through time.Date so they keep their
// meaning across clock changes.
func (b *BusinessCalendar) spans(n int, cd *closedDays, buf []span) []span {
	hs := b.week[weekday(n)]
	if len(hs) == 0 || cd.closed(n) {
		return buf
	}
	y, m, d := civil(n)
	for _, h := range hs {
		buf = append(buf, span{wall(y, m, d, h.Start, b.loc), wall(y, m, d, h.End, b.loc)})
	}
	return buf
}

func wall(y int, m time.Month, d int, off time.Duration, loc *time.Location) time.Time {
	if off == 24*time.Hour {
		return time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	}
	return time.Date(y, m, d, int(off/time.Hour), int(off%time.Hour/time.Minute), int(off%time.Minute/time.Second), int(off%time.Second), loc)
}

// Add returns the instant at which d of business time has passed after t.
// A due time landing exactly on a close is that close. A zero d returns
// where the clock stands at t: t inside working time, else the next
// opening, which is where Add(t, ε) begins to count.
func (b *BusinessCalendar) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, invalidf("negative duration %v", d)
	}
	if d == 0 {
		return b.NextOpen(t)
	}
	cu := cursor{b: b}
	idle := 0
	for k := blockOf(localDay(t, b.loc) - 1); ; k++ {
		sp, total := cu.block(k)
		if total == 0 {
			if idle += 7; idle > MaxSearchDays {
				return time.Time{}, ErrNoWorkingTime
			}
			continue
		}
		idle = 0
		if d > total && !sp[0].start.Before(t) { // the whole week passes
			d -= total
			continue
		}
		for _, s := range sp {
			if !s.end.After(t) || !s.end.After(s.start) {
				continue
			}
			from := s.start
			if from.Before(t) {
				from = t
			}
			avail := s.end.Sub(from)
			if d <= avail {
				return from.Add(d), nil
			}
			d -= avail
		}
	}
}

// Between returns the business time inside [from, to].
func (b *BusinessCalendar) Between(from, to time.Time) (time.Duration, error) {
	if to.Before(from) {
		return 0, invalidf("end %v before start %v", to, from)
	}
	cu := cursor{b: b}
	var total time.Duration
	last := blockOf(localDay(to, b.loc))
	for k := blockOf(localDay(from, b.loc) - 1); k <= last; k++ {
		sp, week := cu.block(k)
		if week == 0 {
			continue
		}
		if !sp[0].start.Before(from) && !sp[len(sp)-1].end.After(to) { // a whole week inside
			total += week
			continue
		}
		for _, s := range sp {
			total += clip(s, from, to)
		}
	}
	return total, nil
}

// clip returns the business time of s inside [from, to].
func clip(s span, from, to time.Time) time.Duration {
	lo, hi := s.start, s.end
	if lo.Before(from) {
		lo = from
	}
	if hi.After(to) {
		hi = to
	}
	return max(hi.Sub(lo), 0)
}

// NextOpen returns t if it lies within working time, otherwise the next
// opening.
func (b *BusinessCalendar) NextOpen(t time.Time) (time.Time, error) {
	cu := cursor{b: b}
	for k, idle := blockOf(localDay(t, b.loc)-1), 0; idle <= MaxSearchDays; k++ {
		sp, total := cu.block(k)
		if total == 0 {
			idle += 7
			continue
		}
		idle = 0
		for _, s := range sp {
			if s.end.After(t) && s.end.After(s.start) {
				if s.start.After(t) {
					return s.start, nil
				}
				return t, nil
			}
		}
	}
	return time.Time{}, ErrNoWorkingTime
}

// cumulative sets out[i] to the business time inside [from, points[i]],
// for points in ascending order, none before from, in one pass over the
// working intervals: the cost of many Between calls that share a start.
func (b *BusinessCalendar) cumulative(from time.Time, points []time.Time, out []time.Duration) {
	if len(points) == 0 {
		return
	}
	cu := cursor{b: b}
	var acc time.Duration // business time in [from, the interval being read)
	pi := 0
	last := blockOf(localDay(points[len(points)-1], b.loc))
	for k := blockOf(localDay(from, b.loc) - 1); k <= last && pi < len(points); k++ {
		sp, week := cu.block(k)
		if week == 0 {
			continue
		}
		if !sp[0].start.Before(from) && !sp[len(sp)-1].end.After(points[pi]) {
			acc += week // the whole week lies before the next point
			continue
		}
		for _, s := range sp {
			for pi < len(points) && points[pi].Before(s.end) {
				out[pi] = acc + clip(s, from, points[pi])
				pi++
			}
			acc += clip(s, from, s.end)
		}
	}
	for ; pi < len(points); pi++ {
		out[pi] = acc
	}
}
