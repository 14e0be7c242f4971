package sla

import (
	"fmt"
	"iter"
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
type BusinessCalendar struct {
	loc    *time.Location
	week   Week
	rules  []*cal.Holiday
	closed map[Date]bool
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

// IsHoliday reports whether the day is closed by a holiday rule or an added date.
func (b *BusinessCalendar) IsHoliday(d Date) bool {
	if b.closed[d] {
		return true
	}
	for _, h := range b.rules {
		for _, y := range [2]int{d.Year, d.Year + 1} { // Jan 1 may be observed Dec 31
			_, obs := h.Calc(y)
			if !obs.IsZero() && obs.Year() == d.Year && obs.Month() == d.Month && obs.Day() == d.Day {
				return true
			}
		}
	}
	return false
}

// span is one concrete working interval.
type span struct{ start, end time.Time }

// day returns the concrete working intervals of the local day i days after
// the day of t (nil for closed days). Wall-clock offsets go through
// time.Date so they keep their meaning across DST changes.
func (b *BusinessCalendar) day(y int, m time.Month, dd, i int, buf []span) []span {
	mid := time.Date(y, m, dd+i, 0, 0, 0, 0, b.loc)
	buf = buf[:0]
	hs := b.week[mid.Weekday()]
	if len(hs) == 0 {
		return buf
	}
	yy, mm, d := mid.Date()
	if b.IsHoliday(Date{yy, mm, d}) {
		return buf
	}
	for _, h := range hs {
		buf = append(buf, span{wall(yy, mm, d, h.Start, b.loc), wall(yy, mm, d, h.End, b.loc)})
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
// A due time landing exactly on a close is that close.
func (b *BusinessCalendar) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, invalidf("negative duration %v", d)
	}
	if d == 0 {
		return t, nil
	}
	for s := range b.spansAfter(t) {
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
	return time.Time{}, ErrNoWorkingTime
}

// Between returns the business time inside [from, to].
func (b *BusinessCalendar) Between(from, to time.Time) (time.Duration, error) {
	if to.Before(from) {
		return 0, invalidf("end %v before start %v", to, from)
	}
	y, m, dd := from.In(b.loc).Date()
	var total time.Duration
	var buf [4]span
	for i := -1; ; i++ {
		if i > MaxSearchDays*4 {
			return 0, invalidf("range %v–%v too long", from, to)
		}
		sp := b.day(y, m, dd, i, buf[:0])
		if i > 0 && !time.Date(y, m, dd+i, 0, 0, 0, 0, b.loc).Before(to) {
			return total, nil
		}
		for _, s := range sp {
			lo, hi := s.start, s.end
			if lo.Before(from) {
				lo = from
			}
			if hi.After(to) {
				hi = to
			}
			if hi.After(lo) {
				total += hi.Sub(lo)
			}
		}
	}
}

// NextOpen returns t if it lies within working time, otherwise the next
// opening.
func (b *BusinessCalendar) NextOpen(t time.Time) (time.Time, error) {
	for s := range b.spansAfter(t) {
		if s.start.After(t) {
			return s.start, nil
		}
		return t, nil
	}
	return time.Time{}, ErrNoWorkingTime
}

// spansAfter yields, in order, the working intervals that end after t,
// from the day before t's local day up to MaxSearchDays after it.
func (b *BusinessCalendar) spansAfter(t time.Time) iter.Seq[span] {
	return func(yield func(span) bool) {
		y, m, dd := t.In(b.loc).Date()
		var buf [4]span
		for i := -1; i <= MaxSearchDays; i++ {
			for _, s := range b.day(y, m, dd, i, buf[:0]) {
				if s.end.After(t) && !yield(s) {
					return
				}
			}
		}
	}
}
