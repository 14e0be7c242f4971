package testkit

import (
	"encoding"
	"iter"
	"math/rand/v2"
	"testing"
)

// Cursor is a change feed's persistable position.
type Cursor interface {
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}

// Restarts says how FollowWithRestarts stops and resumes a change feed.
type Restarts struct {
	// Writing is closed when the writers are done.
	Writing <-chan struct{}
	// OneIn is how often the process stops: after one change in OneIn, at
	// random.
	OneIn int
	// Seed seeds the random stops.
	Seed uint64
}

// FollowWithRestarts follows a change feed as a process that persists its
// cursor (MarshalText) after handling each change and stops at random
// points, each run starting afresh from the last cursor persisted: pass
// ranges the feed once from a cursor, and see is called with each change in
// order (it fails the test on a change it must not see). It runs passes
// until r.Writing is closed, then until a pass yields nothing (failing t
// when a thousand do not), and returns
// how many times the process stopped and the last cursor persisted.
func FollowWithRestarts[C any, PC interface {
	*C
	Cursor
}, E any](t testing.TB, pass func(cur PC) iter.Seq2[E, error], see func(E), r Restarts) (restarts int, saved []byte) {
	t.Helper()
	rng := rand.New(rand.NewPCG(r.Seed, r.Seed+1))
	saved, err := PC(new(C)).MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	run := func() int {
		cur := PC(new(C))
		if err := cur.UnmarshalText(saved); err != nil {
			t.Fatal(err)
		}
		persist := func() {
			var err error
			if saved, err = cur.MarshalText(); err != nil {
				t.Fatal(err)
			}
		}
		n := 0
		for ch, err := range pass(cur) {
			if err != nil {
				t.Fatal(err)
			}
			see(ch)
			n++
			if rng.IntN(r.OneIn) == 0 {
				// The process persists the cursor once the change is
				// handled, and stops; the next run starts from it.
				// Persisting only here is the same, for what the next run
				// reads, as persisting after every change.
				persist()
				restarts++
				return n
			}
		}
		persist()
		return n
	}
	for writing := true; writing; {
		select {
		case <-r.Writing:
			writing = false
		default:
			run()
		}
	}
	// Catch up after the last write: a feed that keeps yielding with
	// nothing written is broken.
	for runs := 0; run() > 0; runs++ {
		if runs == 1000 {
			t.Fatal("the feed did not catch up in 1,000 runs after the last write")
		}
	}
	return restarts, saved
}
