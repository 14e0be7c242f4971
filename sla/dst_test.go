package sla

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
)

// TestDSTAgainstFixedOffsetArithmetic shows the difference from adding a
// fixed duration to local midnight: on the spring-forward day a 09:00–17:00
// day opens at 09:00 wall clock here, not at 10:00.
func TestDSTAgainstFixedOffsetArithmetic(t *testing.T) {
	loc := nyc(t)
	ours := everyDay(t, 9*time.Hour, 17*time.Hour)
	theirs := cal.NewBusinessCalendar()
	for d := time.Sunday; d <= time.Saturday; d++ {
		theirs.SetWorkday(d, true)
	}
	sunday := time.Date(2026, 3, 8, 0, 30, 0, 0, loc)
	got, err := ours.NextOpen(sunday)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 3, 8, 9, 0, 0, 0, loc)
	if !got.Equal(want) {
		t.Fatalf("NextOpen = %v, want %v", got, want)
	}
	if lib := theirs.WorkdayStart(sunday); lib.Equal(want) {
		t.Logf("library now matches wall clock (%v)", lib)
	} else {
		t.Logf("library opens at %v, wall-clock opening is %v", lib, want)
	}
}
