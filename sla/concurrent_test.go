package sla

import (
	"sync"
	"testing"
	"time"
)

// TestCalendarSharedAcrossGoroutines has goroutines fill a fresh
// calendar's caches at once (run it with -race) and checks that they all
// agree with a calendar used alone.
func TestCalendarSharedAcrossGoroutines(t *testing.T) {
	shared, alone := office(t), office(t)
	start := utc(2026, 11, 2, 14, 0)
	var wg sync.WaitGroup
	got := make([]time.Time, 16)
	for i := range got {
		wg.Go(func() {
			got[i], _ = shared.Add(start, time.Duration(i+1)*97*time.Hour)
		})
	}
	wg.Wait()
	for i, g := range got {
		want, err := alone.Add(start, time.Duration(i+1)*97*time.Hour)
		if err != nil || !g.Equal(want) {
			t.Errorf("goroutine %d: %v, alone %v (%v)", i, g, want, err)
		}
	}
}
