package sla

import (
	"strconv"
	"testing"
	"time"
)

// benchHistory is 1,000 events of one incident over about six weeks:
// state moving between in progress and on hold, reassignments, a priority
// change now and then.
func benchHistory() History {
	t0 := utc(2026, 11, 2, 14, 0)
	h := History{ev(t0, 0, "priority", "1", "active", "true", "state", "1", "assignment_group", "g0", "opened_at", "2026-11-02 14:00:00")}
	for i := 1; i < 1000; i++ {
		e := ev(t0, time.Duration(i)*time.Hour, "state", []string{"2", "3"}[i%2])
		if i%7 == 0 {
			e.Fields["assignment_group"] = "g" + strconv.Itoa(i%5)
		}
		if i%50 == 0 {
			e.Fields["priority"] = []string{"1", "2"}[i/50%2]
		}
		h = append(h, e)
	}
	return h
}

func benchDefinitions(b testing.TB) []Definition {
	off := office(b)
	response := Definition{Name: "response", Target: time.Hour, Start: F("active").Eq(true), Stop: F("state").NotIn(1), Calendar: off}
	resolution := resolution()
	resolution.Calendar = off
	ola := Definition{Name: "group OLA", Target: 8 * time.Hour, Start: F("active").Eq(true), Stop: F("state").In(6, 7),
		Pause: F("state").Eq(3), Reset: F("assignment_group").ValChanges(), Thresholds: []float64{50, 75, 90, 100}}
	return []Definition{response, resolution, ola}
}

// BenchmarkReplay1000Events replays 1,000 events against three
// definitions (one with resets on every reassignment) and computes every
// instance's timings.
func BenchmarkReplay1000Events(b *testing.B) {
	defs, h := benchDefinitions(b), benchHistory()
	ins, err := Replay(defs, h, time.Time{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(ins)), "instances")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Replay(defs, h, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}
