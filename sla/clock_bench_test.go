package sla

import (
	"math/rand/v2"
	"testing"
	"time"
)

// benchPauses returns n ten-minute pauses an hour apart from start.
func benchPauses(start time.Time, n int) []Interval {
	out := make([]Interval, n)
	for i := range out {
		from := start.Add(time.Duration(i)*time.Hour + 5*time.Minute)
		out[i] = Interval{from, from.Add(10 * time.Minute)}
	}
	return out
}

// BenchmarkAddPause10000 records 10,000 pauses in time order and in a
// random order.
func BenchmarkAddPause10000(b *testing.B) {
	start := utc(2026, 1, 5, 14, 0)
	pauses := benchPauses(start, 10000)
	shuffled := make([]Interval, len(pauses))
	for i, j := range rand.New(rand.NewPCG(1, 2)).Perm(len(pauses)) {
		shuffled[i] = pauses[j]
	}
	for name, ps := range map[string][]Interval{"ordered": pauses, "shuffled": shuffled} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, _ := NewClock(nil, time.Hour, start)
				for _, p := range ps {
					if err := c.AddPause(p.From, p.To); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkStatus1000Pauses reads the status of a business-hours clock
// with 1,000 pauses; BenchmarkStatus1000PausesBaseline works the same
// figures out pause by pause with Between and Add.
func BenchmarkStatus1000Pauses(b *testing.B) {
	off := office(b)
	start := utc(2026, 1, 5, 14, 0)
	c, _ := NewClock(off, 400*time.Hour, start)
	for _, p := range benchPauses(start, 1000) {
		if err := c.AddPause(p.From, p.To); err != nil {
			b.Fatal(err)
		}
	}
	now := start.Add(1200 * time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Status(now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStatus1000PausesBaseline is the pause-by-pause computation.
func BenchmarkStatus1000PausesBaseline(b *testing.B) {
	off := office(b)
	start := utc(2026, 1, 5, 14, 0)
	pauses := benchPauses(start, 1000)
	now := start.Add(1200 * time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		elapsed, _ := off.Between(start, now)
		due, _ := off.Add(start, 400*time.Hour)
		for _, p := range pauses {
			pd, _ := off.Between(p.From, minTime(p.To, now))
			elapsed -= pd
			if p.From.Before(due) && pd > 0 {
				due, _ = off.Add(due, pd)
			}
		}
		if elapsed < 0 {
			b.Fatal(elapsed)
		}
	}
}
