package sla

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"
)

// benchHolidays are the rules both implementations use.
var benchHolidays = []*cal.Holiday{us.NewYear, us.IndependenceDay, us.ThanksgivingDay, us.ChristmasDay}

// BenchmarkDue72h computes a 72-business-hour due time across Thanksgiving
// with this package's calendar.
func BenchmarkDue72h(b *testing.B) {
	c, err := NewBusinessCalendar(nyc(b), OfficeWeek(9*time.Hour, 17*time.Hour), WithHolidays(benchHolidays...))
	if err != nil {
		b.Fatal(err)
	}
	start := utc(2026, 11, 25, 14, 0)
	want := utc(2026, 12, 8, 22, 0)
	b.ReportAllocs()
	for b.Loop() {
		got, err := c.Add(start, 72*time.Hour)
		if err != nil || !got.Equal(want) {
			b.Fatalf("Add = %v, %v", got, err)
		}
	}
}

// BenchmarkDue72hRickarCal is the same computation with the holiday
// library's own AddWorkHours, as the baseline.
func BenchmarkDue72hRickarCal(b *testing.B) {
	c := cal.NewBusinessCalendar()
	c.AddHoliday(benchHolidays...)
	start := utc(2026, 11, 25, 14, 0).In(nyc(b))
	want := utc(2026, 12, 8, 22, 0)
	b.ReportAllocs()
	for b.Loop() {
		if got := c.AddWorkHours(start, 72*time.Hour); !got.Equal(want) {
			b.Fatalf("AddWorkHours = %v", got)
		}
	}
}

// manyHolidays are 40-odd rules from several countries: the cost of a due
// time must not grow with them (they are evaluated once per year).
func manyHolidays() []*cal.Holiday {
	var rules []*cal.Holiday
	for _, set := range [][]*cal.Holiday{us.Holidays, gb.Holidays, fr.Holidays, de.Holidays} {
		rules = append(rules, set...)
	}
	return rules
}

// BenchmarkDue72hManyHolidays is BenchmarkDue72h with every rule of
// manyHolidays.
func BenchmarkDue72hManyHolidays(b *testing.B) {
	c, err := NewBusinessCalendar(nyc(b), OfficeWeek(9*time.Hour, 17*time.Hour), WithHolidays(manyHolidays()...))
	if err != nil {
		b.Fatal(err)
	}
	start := utc(2026, 11, 25, 14, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Add(start, 72*time.Hour); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDue72hReference is BenchmarkDue72h with the minute-stepping
// reference the fuzz target checks the calendar against.
func BenchmarkDue72hReference(b *testing.B) {
	ref := refCalendar{loc: nyc(b), week: OfficeWeek(9*time.Hour, 17*time.Hour), rules: benchHolidays}
	start, want := utc(2026, 11, 25, 14, 0), utc(2026, 12, 8, 22, 0)
	for b.Loop() {
		if got, ok := ref.add(start, 72*time.Hour); !ok || !got.Equal(want) {
			b.Fatalf("reference = %v", got)
		}
	}
}

// BenchmarkDueLong adds business time of growing length, from one week
// to ten years of office hours: the cost per week crossed is what stays
// constant. The calendar is warmed first, as a long-lived one is.
func BenchmarkDueLong(b *testing.B) {
	c, err := NewBusinessCalendar(nyc(b), OfficeWeek(9*time.Hour, 17*time.Hour), WithHolidays(benchHolidays...))
	if err != nil {
		b.Fatal(err)
	}
	start := utc(2026, 11, 25, 14, 0)
	const year = 52 * 40 * time.Hour
	for _, tt := range []struct {
		name  string
		d     time.Duration
		weeks float64
	}{
		{"1week", 40 * time.Hour, 1}, {"10weeks", 400 * time.Hour, 10}, {"1year", year, 52},
		{"10years", 10 * year, 520}, {"100years", 100 * year, 5200},
	} {
		b.Run(tt.name, func(b *testing.B) {
			if _, err := c.Add(start, tt.d); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Add(start, tt.d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/tt.weeks, "ns/week")
		})
	}
}

// BenchmarkBetweenLong measures ten years of business time.
func BenchmarkBetweenLong(b *testing.B) {
	c, err := NewBusinessCalendar(nyc(b), OfficeWeek(9*time.Hour, 17*time.Hour), WithHolidays(benchHolidays...))
	if err != nil {
		b.Fatal(err)
	}
	from := utc(2026, 11, 25, 14, 0)
	to := from.AddDate(10, 0, 0)
	if _, err := c.Between(from, to); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Between(from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDue72hCold is BenchmarkDue72h on a calendar made for the call:
// the first use computes the year's holidays and the weeks' totals.
func BenchmarkDue72hCold(b *testing.B) {
	loc := nyc(b)
	start := utc(2026, 11, 25, 14, 0)
	b.ReportAllocs()
	for b.Loop() {
		c, err := NewBusinessCalendar(loc, OfficeWeek(9*time.Hour, 17*time.Hour), WithHolidays(benchHolidays...))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Add(start, 72*time.Hour); err != nil {
			b.Fatal(err)
		}
	}
}
