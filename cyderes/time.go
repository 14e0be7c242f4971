package cyderes

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ParseTime leniently parses a time as the API writes it: RFC 3339 with or
// without a zone or fractional seconds ("2024-05-01T10:20:30Z",
// "2024-05-01T10:20:30.123456"), the same with a space for the "T"
// ("2024-05-01 10:20:30"), or a bare date. Times without a zone are taken
// as UTC. The result is in UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, inputErr("time", "is empty")
	}
	if len(s) == len(time.DateOnly) {
		if t, err := time.ParseInLocation(time.DateOnly, s, time.UTC); err == nil {
			return t, nil
		}
		return time.Time{}, inputErr("time", "unrecognised format "+quote(s))
	}
	if len(s) > 10 && s[10] == ' ' {
		s = s[:10] + "T" + s[11:]
	}
	layouts := [...]string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z0700"}
	if !hasZone(s) {
		layouts[0], layouts[1] = layouts[1], layouts[0]
	}
	for _, layout := range layouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			// An offset can carry a time at the edge of year 1 or 9999
			// out of the years RFC 3339 can write ("0000-01-01T00:00+01:00"
			// is in year 0): no ticket time, and one that could not be
			// written back.
			if y := t.UTC().Year(); y < 1 || y > 9999 {
				return time.Time{}, inputErr("time", quote(s)+" is outside the years 1 to 9999 in UTC")
			}
			return t.UTC(), nil
		}
	}
	return time.Time{}, inputErr("time", "unrecognised format "+quote(s))
}

// hasZone reports whether an ISO time ends in a zone: "Z" or a signed
// offset after the clock.
func hasZone(s string) bool {
	if strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z") {
		return true
	}
	return len(s) > 19 && strings.ContainsAny(s[19:], "+-")
}

// parseTimeLenient is ParseTime that returns the zero time for an absent
// or unrecognised value; the original text stays in the raw JSON.
func parseTimeLenient(s string) time.Time {
	t, err := ParseTime(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Date is a calendar day in UTC, the granularity of the ticket list's date
// filters. The zero Date means "no filter".
type Date struct {
	// Year is the four-digit year, Month the month and Day the day of the
	// month, as time.Date takes them.
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the UTC calendar day of t.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String returns the date as YYYY-MM-DD.
func (d Date) String() string { return d.Time().Format(time.DateOnly) }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// valid reports whether d names a real day with a four-digit year.
func (d Date) valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && DateOf(d.Time()) == d
}

// EncodeValues writes d as YYYY-MM-DD under key (go-querystring).
func (d Date) EncodeValues(key string, v *url.Values) error {
	if d.IsZero() {
		return nil
	}
	v.Set(key, d.String())
	return nil
}

// quote returns s quoted for an error message, cut to 64 runes.
func quote(s string) string {
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64]) + "…"
	}
	return strconv.Quote(s)
}
