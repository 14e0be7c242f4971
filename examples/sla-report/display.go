package main

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// left writes a remaining duration as "1h05m", or "-20m" when overdue.
func left(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	return sign + span(d)
}

// span writes a non-negative duration to the minute: "45m", "3h05m",
// "1d22h".
func span(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h >= 24:
		return fmt.Sprintf("%dd%02dh", h/24, h%24)
	case h > 0:
		return fmt.Sprintf("%dh%02dm", h, m)
	}
	return fmt.Sprintf("%dm", m)
}

// clip puts s on one line (tabs and line breaks would break the table's
// columns) and shortens it to n runes, ending it with "…" when cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// shortTime writes t in loc as "Nov 23 15:35".
func shortTime(t time.Time, loc *time.Location) string { return t.In(loc).Format("Jan 02 15:04") }

// instant writes t in loc as RFC 3339, the machine formats' time.
func instant(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.RFC3339) }

// round1 rounds x to one decimal, as the machine formats give percents.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

// asOfText writes the report's instant with its zone: "2026-11-23 12:00
// UTC", or "2026-11-23 13:00 CET (Europe/Berlin)" when the abbreviation
// is not the zone's name.
func asOfText(t time.Time) string {
	s := t.Format("2006-01-02 15:04 MST")
	if name := t.Location().String(); name != t.Format("MST") {
		s += " (" + name + ")"
	}
	return s
}

// orDash is s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
