package sla

import (
	"testing"
	"time"
)

// FuzzAddBetween checks that a longer duration never yields an earlier due
// time and that measuring an added duration back returns it.
func FuzzAddBetween(f *testing.F) {
	f.Add(int64(0), int64(3600), int64(60))
	f.Add(int64(1772900000), int64(72*3600), int64(1))      // around spring forward 2026
	f.Add(int64(1793500000), int64(5*3600+17), int64(7200)) // around fall back 2026
	off := office(f)
	night := everyDay(f, 0, 6*time.Hour)
	f.Fuzz(func(t *testing.T, sec, dur, extra int64) {
		base := time.Unix(1767225600+sec%(3*365*86400), 0) // 2026 … 2028
		d := time.Duration(dur%(200*3600)) * time.Second
		e := time.Duration(extra%(50*3600)) * time.Second
		if d < 0 {
			d = -d
		}
		if e < 0 {
			e = -e
		}
		for _, c := range []Calendar{off, night, AlwaysOpen{}} {
			a, err := c.Add(base, d)
			if err != nil {
				t.Fatal(err)
			}
			b, err := c.Add(base, d+e)
			if err != nil {
				t.Fatal(err)
			}
			if b.Before(a) {
				t.Fatalf("Add(%v,%v)=%v later than Add(..,%v)=%v", base, d, a, d+e, b)
			}
			back, err := c.Between(base, a)
			if err != nil {
				t.Fatal(err)
			}
			if back != d {
				t.Fatalf("Between(%v, Add(%v)) = %v", base, d, back)
			}
		}
	})
}
