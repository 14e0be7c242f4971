package sla

import "time"

// Day numbers count calendar days from 1970-01-01 (day 0), in the
// proleptic Gregorian calendar, so that a calendar can step, index and
// jump over days with integer arithmetic. The conversions are Howard
// Hinnant's days_from_civil and civil_from_days.

// dayNumber returns the day number of the date y-m-d.
func dayNumber(y int, m time.Month, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civil returns the date of day number n.
func civil(n int) (int, time.Month, int) {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), d
}

// weekday returns the day of the week of day number n (day 0 was a
// Thursday).
func weekday(n int) time.Weekday { return time.Weekday(floorMod(n+4, 7)) }

// localDay returns the day number of t's date in loc.
func localDay(t time.Time, loc *time.Location) int {
	y, m, d := t.In(loc).Date()
	return dayNumber(y, m, d)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }
