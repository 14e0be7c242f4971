package sla

import (
	"slices"
	"sort"
	"time"
)

// recentPauses is how many pauses a pauseSet keeps aside before merging
// them into the rest.
const recentPauses = 128

// pauseSet holds a clock's closed pauses, disjoint and sorted by start.
// Pauses that come in time order are appended; others wait, sorted, in a
// small buffer that is merged into the rest when it fills, so that adding
// n pauses in any order costs O(n log n) and not O(n²) moves.
type pauseSet struct {
	main, recent []Interval
}

// overlaps reports whether [from, to] overlaps a pause.
func (s *pauseSet) overlaps(from, to time.Time) bool {
	return overlapsSorted(s.main, from, to) || overlapsSorted(s.recent, from, to)
}

func overlapsSorted(ps []Interval, from, to time.Time) bool {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].From.After(from) })
	return (i > 0 && from.Before(ps[i-1].To)) || (i < len(ps) && ps[i].From.Before(to))
}

// add records p, which overlaps no pause.
func (s *pauseSet) add(p Interval) {
	if n := len(s.main); len(s.recent) == 0 && (n == 0 || !p.From.Before(s.main[n-1].From)) {
		s.main = append(s.main, p)
		return
	}
	i := sort.Search(len(s.recent), func(i int) bool { return s.recent[i].From.After(p.From) })
	s.recent = slices.Insert(s.recent, i, p)
	if len(s.recent) >= recentPauses {
		s.mergeInPlace()
	}
}

// mergeInPlace moves the waiting pauses into main, merging from the back
// so that no pause is copied twice.
func (s *pauseSet) mergeInPlace() {
	n, m := len(s.main), len(s.recent)
	s.main = slices.Grow(s.main, m)[:n+m]
	i, j := n-1, m-1
	for k := n + m - 1; j >= 0; k-- {
		if i >= 0 && s.main[i].From.After(s.recent[j].From) {
			s.main[k], i = s.main[i], i-1
		} else {
			s.main[k], j = s.recent[j], j-1
		}
	}
	s.recent = s.recent[:0]
}

// merged returns every pause in order, in a new slice when some wait.
func (s *pauseSet) merged() []Interval {
	if len(s.recent) == 0 {
		return s.main
	}
	out := make([]Interval, 0, len(s.main)+len(s.recent))
	i, j := 0, 0
	for i < len(s.main) && j < len(s.recent) {
		if s.main[i].From.Before(s.recent[j].From) {
			out, i = append(out, s.main[i]), i+1
		} else {
			out, j = append(out, s.recent[j]), j+1
		}
	}
	return append(append(out, s.main[i:]...), s.recent[j:]...)
}

// sorted returns every pause in order; the caller must not change it.
func (s *pauseSet) sorted() []Interval { return s.merged() }

// end returns the end of the last pause (zero without pauses).
func (s *pauseSet) end() time.Time {
	var last time.Time
	if n := len(s.main); n > 0 {
		last = s.main[n-1].To
	}
	if n := len(s.recent); n > 0 && s.recent[n-1].To.After(last) {
		last = s.recent[n-1].To
	}
	return last
}

// empty reports whether there is no pause.
func (s *pauseSet) empty() bool { return len(s.main) == 0 && len(s.recent) == 0 }
