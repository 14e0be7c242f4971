package sla

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestZeroTargetAndEarlyPauses checks the rules for what ServiceNow's
// engine does not refuse: a zero target is due where the clock stands and
// breached once business time passes, and a pause that begins before the
// start counts from the start.
func TestZeroTargetAndEarlyPauses(t *testing.T) {
	off := office(t)
	saturday := utc(2026, 11, 21, 17, 0)
	monday9 := utc(2026, 11, 23, 14, 0)
	c, err := NewClock(off, 0, saturday)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		at      time.Time
		stage   Stage
		percent float64
	}{
		{saturday.Add(time.Hour), Running, 0},
		{monday9, Running, 0},
		{monday9.Add(time.Minute), Breached, 100},
	} {
		s, err := c.Status(tt.at)
		if err != nil || !s.Due.Equal(monday9) || s.Stage != tt.stage || s.Percent != tt.percent {
			t.Errorf("zero target at %v: %+v, %v", tt.at, s, err)
		}
	}

	start := monday9.Add(2 * time.Hour) // 11:00 New York
	c, _ = NewClock(off, 4*time.Hour, start)
	if err := c.AddPause(start.Add(-3*time.Hour), start.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := c.AddPause(start.Add(-5*time.Hour), start.Add(-4*time.Hour)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Status(start.Add(3 * time.Hour))
	if err != nil || s.Elapsed != 2*time.Hour || !s.Due.Equal(start.Add(5*time.Hour)) {
		t.Errorf("pause from before the start: %+v, %v", s, err)
	}

	c, _ = NewClock(off, time.Hour, start)
	if err := c.Pause(start.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if s, err := c.Status(start.Add(time.Hour)); err != nil || s.Stage != Paused || s.Elapsed != 0 {
		t.Errorf("a clock paused before its start starts paused: %+v, %v", s, err)
	}
}

// TestStatusMatchesPauseByPause checks the one-pass Status against the
// rule it implements, applied pause by pause with Between and Add, on
// random pauses of a business calendar.
func TestStatusMatchesPauseByPause(t *testing.T) {
	off := office(t)
	rng := rand.New(rand.NewPCG(3, 5))
	start := utc(2026, 11, 2, 13, 17)
	for round := range 200 {
		target := time.Duration(1+rng.IntN(80)) * time.Hour
		c, _ := NewClock(off, target, start)
		var pauses []Interval
		at := start
		for range rng.IntN(12) {
			from := at.Add(time.Duration(rng.IntN(3000)) * time.Minute)
			to := from.Add(time.Duration(rng.IntN(2000)) * time.Minute)
			if err := c.AddPause(from, to); err != nil {
				t.Fatal(err)
			}
			pauses, at = append(pauses, Interval{from, to}), to
		}
		now := start.Add(time.Duration(rng.IntN(40000)) * time.Minute)
		got, err := c.Status(now)
		if err != nil {
			t.Fatal(err)
		}
		elapsed, _ := off.Between(start, now)
		due, _ := off.Add(start, target)
		for _, p := range pauses {
			to := minTime(p.To, now)
			if !to.After(p.From) {
				continue
			}
			pd, _ := off.Between(p.From, to)
			elapsed -= pd
			if p.From.Before(due) && pd > 0 {
				due, _ = off.Add(due, pd)
			}
		}
		if got.Elapsed != elapsed || !got.Due.Equal(due) {
			t.Fatalf("round %d: Status = elapsed %v, due %v; pause by pause: %v, %v", round, got.Elapsed, got.Due, elapsed, due)
		}
		shuffled, _ := NewClock(off, target, start)
		for _, i := range rng.Perm(len(pauses)) {
			if err := shuffled.AddPause(pauses[i].From, pauses[i].To); err != nil {
				t.Fatal(err)
			}
		}
		if again, err := shuffled.Status(now); err != nil || again != got {
			t.Fatalf("round %d: pauses added out of order give %+v, %v; in order %+v", round, again, err, got)
		}
	}
}

// TestManyPausesInAnyOrder adds a thousand pauses in random order (so
// that the waiting ones are merged several times) and checks the status
// against the same pauses added in order, and that an overlap with a
// pause in either part is refused.
func TestManyPausesInAnyOrder(t *testing.T) {
	off := office(t)
	start := utc(2026, 1, 5, 14, 0)
	pauses := benchPauses(start, 1000)
	ordered, _ := NewClock(off, 300*time.Hour, start)
	shuffled, _ := NewClock(off, 300*time.Hour, start)
	for _, p := range pauses {
		if err := ordered.AddPause(p.From, p.To); err != nil {
			t.Fatal(err)
		}
	}
	perm := rand.New(rand.NewPCG(9, 9)).Perm(len(pauses))
	for n, i := range perm {
		if err := shuffled.AddPause(pauses[i].From, pauses[i].To); err != nil {
			t.Fatal(err)
		}
		if n == len(perm)-5 { // some wait in the buffer, most are merged
			for _, j := range []int{perm[0], perm[n]} {
				p := pauses[j]
				if err := shuffled.AddPause(p.From.Add(time.Minute), p.To.Add(time.Minute)); err == nil {
					t.Fatalf("an overlap with pause %d was accepted", j)
				}
			}
		}
	}
	for _, at := range []time.Time{start.Add(10 * time.Hour), start.Add(500 * time.Hour), start.Add(2000 * time.Hour)} {
		a, errA := ordered.Status(at)
		b, errB := shuffled.Status(at)
		if errA != nil || errB != nil || a != b {
			t.Fatalf("at %v: in order %+v, %v; shuffled %+v, %v", at, a, errA, b, errB)
		}
	}
}
