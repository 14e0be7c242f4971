package sla

import "time"

// yearDays marks the closed days of one year: bit i is the day
// Jan 1 + i.
type yearDays [6]uint64

// closedYear computes the closed days of year y: the observed dates of
// the holiday rules (and, with actualDates, their actual dates), and the
// added closed dates. Each rule is evaluated for y and y+1, because a
// rule's January 1 may be observed on December 31.
func (b *BusinessCalendar) closedYear(y int) *yearDays {
	var days yearDays
	jan1 := dayNumber(y, time.January, 1)
	mark := func(t time.Time) {
		if t.IsZero() || t.Year() != y {
			return
		}
		i := dayNumber(t.Year(), t.Month(), t.Day()) - jan1
		days[i/64] |= 1 << (i % 64)
	}
	for _, h := range b.rules {
		for _, year := range [2]int{y, y + 1} {
			actual, observed := h.Calc(year)
			mark(observed)
			if b.actualDates {
				mark(actual)
			}
		}
	}
	for d := range b.closed {
		if d.Year == y {
			mark(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC))
		}
	}
	return &days
}

// closedDays answers "is day n closed" with one evaluation of the rules
// per year: it keeps the last year it looked up, and asks the calendar's
// cache for others.
type closedDays struct {
	b     *BusinessCalendar
	year  int
	jan1  int
	next  int // day number of the next January 1
	table *yearDays
}

func (c *closedDays) closed(n int) bool {
	if c.table == nil || n < c.jan1 || n >= c.next {
		y, _, _ := civil(n)
		c.year, c.jan1, c.next = y, dayNumber(y, time.January, 1), dayNumber(y+1, time.January, 1)
		c.table = c.b.cache.year(c.b, y)
	}
	i := n - c.jan1
	return c.table[i/64]&(1<<(i%64)) != 0
}
