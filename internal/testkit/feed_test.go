package testkit

import (
	"iter"
	"strconv"
	"testing"
)

// countCursor is a toy feed cursor: the number of items handled.
type countCursor struct{ n int }

func (c *countCursor) MarshalText() ([]byte, error) {
	return strconv.AppendInt(nil, int64(c.n), 10), nil
}

func (c *countCursor) UnmarshalText(b []byte) (err error) {
	c.n, err = strconv.Atoi(string(b))
	return err
}

// TestFollowWithRestarts follows a feed of 1,000 items that moves its
// cursor as it yields: every item is seen once, in order, across the
// restarts, and the last cursor persisted is at the end.
func TestFollowWithRestarts(t *testing.T) {
	const total = 1000
	pass := func(cur *countCursor) iter.Seq2[int, error] {
		return func(yield func(int, error) bool) {
			for cur.n < total {
				cur.n++
				if !yield(cur.n, nil) {
					return
				}
			}
		}
	}
	var seen []int
	done := make(chan struct{})
	close(done)
	restarts, saved := FollowWithRestarts(t, pass, func(i int) { seen = append(seen, i) }, Restarts{Writing: done, OneIn: 50, Seed: 1})
	if restarts < 5 {
		t.Errorf("%d restarts", restarts)
	}
	for i, v := range seen {
		if v != i+1 {
			t.Fatalf("item %d is %d", i, v)
		}
	}
	if len(seen) != total || string(saved) != strconv.Itoa(total) {
		t.Errorf("saw %d items, saved %q", len(seen), saved)
	}
}
