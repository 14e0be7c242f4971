package sla

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
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
