package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
)

// refCalendar is the slow reference the calendar is checked against: it
// works out each day from scratch (every holiday rule, every day) and
// moves through business time a minute at a time, each step cut at the
// edges of working intervals.
type refCalendar struct {
	loc    *time.Location
	week   Week
	rules  []*cal.Holiday
	closed map[Date]bool
	actual bool
}

func (r refCalendar) closedOn(y int, m time.Month, d int) bool {
	if r.closed[Date{y, m, d}] {
		return true
	}
	for _, h := range r.rules {
		for _, year := range []int{y, y + 1} {
			actual, observed := h.Calc(year)
			for _, x := range []time.Time{observed, actual} {
				if !x.IsZero() && x.Year() == y && x.Month() == m && x.Day() == d {
					return true
				}
				if !r.actual {
					break
				}
			}
		}
	}
	return false
}

// spansOf returns the working intervals of the local day i days after t's.
func (r refCalendar) spansOf(t time.Time, i int) []span {
	y, m, d := t.In(r.loc).Date()
	mid := time.Date(y, m, d+i, 0, 0, 0, 0, r.loc)
	yy, mm, dd := mid.Date()
	if r.closedOn(yy, mm, dd) {
		return nil
	}
	var out []span
	for _, h := range r.week[mid.Weekday()] {
		out = append(out, span{wall(yy, mm, dd, h.Start, r.loc), wall(yy, mm, dd, h.End, r.loc)})
	}
	return out
}

// next returns the first working interval that ends after u.
func (r refCalendar) next(u time.Time) (span, bool) {
	for i := -1; i < 3*366; i++ {
		for _, s := range r.spansOf(u, i) {
			if s.end.After(u) && s.end.After(s.start) {
				return s, true
			}
		}
	}
	return span{}, false
}

func (r refCalendar) add(t time.Time, d time.Duration) (time.Time, bool) {
	u := t
	for {
		s, ok := r.next(u)
		if !ok {
			return time.Time{}, false
		}
		if u.Before(s.start) {
			u = s.start
		}
		if d == 0 {
			return u, true
		}
		for d > 0 && u.Before(s.end) {
			step := min(time.Minute, d, s.end.Sub(u))
			u, d = u.Add(step), d-step
		}
		if d == 0 {
			return u, true
		}
	}
}

func (r refCalendar) between(from, to time.Time) time.Duration {
	var total time.Duration
	for u := from; u.Before(to); {
		s, ok := r.next(u)
		if !ok || !s.start.Before(to) {
			break
		}
		if u.Before(s.start) {
			u = s.start
		}
		for u.Before(s.end) && u.Before(to) {
			step := min(time.Minute, s.end.Sub(u), to.Sub(u))
			u, total = u.Add(step), total+step
		}
	}
	return total
}

// refZones are zones with unusual clock changes: 30-minute (Lord Howe), 2-hour
// (Troll), southern hemisphere (Santiago, Sydney), a 45-minute offset
// (Chatham), none (Kolkata), and the usual ones.
var refZones = []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "Antarctica/Troll",
	"America/Santiago", "Australia/Sydney", "Pacific/Chatham", "Asia/Kolkata", "UTC"}

// randomCalendar builds a calendar and its reference from seed: a zone,
// one to three working intervals on random weekdays (quarter-hour edges),
// some US holiday rules, some closed dates, actual dates closed or not.
func randomCalendar(t *testing.T, seed uint64) (*BusinessCalendar, refCalendar) {
	rng := rand.New(rand.NewPCG(seed, seed>>7))
	loc, err := time.LoadLocation(refZones[rng.IntN(len(refZones))])
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	var w Week
	for allEmpty(w) {
		for d := range w {
			w[d] = nil
			if rng.IntN(4) == 0 {
				continue
			}
			at := time.Duration(rng.IntN(24*4)) * 15 * time.Minute
			for k := 0; k < 1+rng.IntN(3) && at < 24*time.Hour; k++ {
				end := min(at+time.Duration(1+rng.IntN(32))*15*time.Minute, 24*time.Hour)
				w[d] = append(w[d], Hours{at, end})
				at = end + time.Duration(1+rng.IntN(8))*15*time.Minute
			}
		}
	}
	all := []*cal.Holiday{us.NewYear, us.MlkDay, us.MemorialDay, us.IndependenceDay, us.LaborDay,
		us.ThanksgivingDay, us.ChristmasDay, us.VeteransDay, us.Juneteenth}
	var rules []*cal.Holiday
	for _, h := range all {
		if rng.IntN(2) == 0 {
			rules = append(rules, h)
		}
	}
	var dates []Date
	closed := map[Date]bool{}
	for range rng.IntN(20) {
		x := time.Date(2025+rng.IntN(3), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		dt := Date{x.Year(), x.Month(), x.Day()}
		dates, closed[dt] = append(dates, dt), true
	}
	actual := rng.IntN(2) == 0
	opts := []BusinessOption{WithHolidays(rules...), WithClosedDates(dates...)}
	if actual {
		opts = append(opts, WithActualDatesClosed())
	}
	c, err := NewBusinessCalendar(loc, w, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c, refCalendar{loc: loc, week: c.week, rules: rules, closed: closed, actual: actual}
}

func allEmpty(w Week) bool {
	for _, hs := range w {
		if len(hs) > 0 {
			return false
		}
	}
	return true
}

// FuzzAgainstReference checks Add, Between and NextOpen against the
// minute-stepping reference on random calendars, to the second.
func FuzzAgainstReference(f *testing.F) {
	for _, seed := range []uint64{1, 2, 3, 42, 1 << 40, 99991} {
		f.Add(seed, int64(1772900000), int64(72*3600))
	}
	f.Add(uint64(7), int64(1793500000), int64(0))
	f.Fuzz(func(t *testing.T, seed uint64, sec, dur int64) {
		c, ref := randomCalendar(t, seed)
		start := time.Unix(1735689600+floorModInt64(sec, 3*365*86400), 0) // 2025 … 2027
		d := time.Duration(floorModInt64(dur, 300*3600)) * time.Second
		got, err := c.Add(start, d)
		want, ok := ref.add(start, d)
		if !ok {
			return // the reference gave up: nothing to compare
		}
		if err != nil || !got.Equal(want) {
			t.Fatalf("%v: Add(%v, %v) = %v, %v; the reference says %v", c.loc, start, d, got, err, want)
		}
		open, err := c.NextOpen(start)
		if wantOpen, _ := ref.add(start, 0); err != nil || !open.Equal(wantOpen) {
			t.Fatalf("%v: NextOpen(%v) = %v, %v; the reference says %v", c.loc, start, open, err, wantOpen)
		}
		end := start.Add(time.Duration(floorModInt64(dur*7+sec, 60*86400)) * time.Second)
		between, err := c.Between(start, end)
		if wantB := ref.between(start, end); err != nil || between != wantB {
			t.Fatalf("%v: Between(%v, %v) = %v, %v; the reference says %v", c.loc, start, end, between, err, wantB)
		}
	})
}

func floorModInt64(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}
