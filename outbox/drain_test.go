package outbox

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

func TestDoKeepsWhatFailsAndDrainFinishesIt(t *testing.T) {
	b := openTest(t, filepath.Join(t.TempDir(), "box.db"))
	ctx := context.Background()
	sent := map[string]int{}
	down := true
	send := func(_ context.Context, n note) error {
		if down && n.Ticket != "T-1" {
			return errors.New("503 Service Unavailable")
		}
		sent[n.Ticket]++
		return nil
	}
	for _, ticket := range []string{"T-1", "T-2", "T-3"} {
		err := b.Do(ctx, "comment/"+ticket, note{Ticket: ticket}, send)
		if (err != nil) != (ticket != "T-1") {
			t.Errorf("Do %s: %v", ticket, err)
		}
	}
	if n, _ := b.Len(); n != 2 {
		t.Fatalf("%d pending after Do, want 2", n)
	}

	r, err := b.Drain(ctx, func(ctx context.Context, e Entry[note]) error {
		if e.Attempts != 1 || e.LastError != "503 Service Unavailable" {
			t.Errorf("%s drained with %d attempts, last error %q", e.Key, e.Attempts, e.LastError)
		}
		return send(ctx, e.Effect)
	})
	if r != (DrainResult{Failed: 2}) || err != nil {
		t.Errorf("drain while down: %+v, %v", r, err)
	}
	down = false
	r, err = b.Drain(ctx, func(ctx context.Context, e Entry[note]) error { return send(ctx, e.Effect) })
	if r != (DrainResult{Done: 2}) || err != nil {
		t.Errorf("drain once up: %+v, %v", r, err)
	}
	if sent["T-1"] != 1 || sent["T-2"] != 1 || sent["T-3"] != 1 {
		t.Errorf("sent %v, want each once", sent)
	}
	if n, _ := b.Len(); n != 0 {
		t.Errorf("%d pending at the end", n)
	}
}

func TestDoAttemptsThePendingEffectOfItsKey(t *testing.T) {
	b := openTest(t, filepath.Join(t.TempDir(), "box.db"))
	if _, err := b.Add("resolve/T-1", note{Body: "stored first"}); err != nil {
		t.Fatal(err)
	}
	var got note
	if err := b.Do(context.Background(), "resolve/T-1", note{Body: "second"}, func(_ context.Context, n note) error {
		got = n
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got.Body != "stored first" {
		t.Errorf("Do attempted %+v, want the stored effect", got)
	}
}

func TestDrainStopsWhenTheContextEnds(t *testing.T) {
	b := openTest(t, filepath.Join(t.TempDir(), "box.db"))
	for _, k := range []string{"a", "b", "c"} {
		if _, err := b.Add(k, note{}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, err := b.Drain(ctx, func(context.Context, Entry[note]) error { cancel(); return nil })
	if !errors.Is(err, context.Canceled) || r.Done != 1 {
		t.Errorf("drain: %+v, %v; want one done, then context.Canceled", r, err)
	}
	if n, _ := b.Len(); n != 2 {
		t.Errorf("%d pending, want 2", n)
	}
}

// TestConcurrentUse does effects from several goroutines at once (run
// with -race): each one ends done exactly once, or pending with its
// failure.
func TestConcurrentUse(t *testing.T) {
	b := openTest(t, filepath.Join(t.TempDir(), "box.db"))
	ctx := context.Background()
	var mu sync.Mutex
	done := map[string]int{}
	send := func(_ context.Context, n note) error {
		if n.Body == "fail" {
			return errors.New("502 Bad Gateway")
		}
		mu.Lock()
		done[n.Ticket]++
		mu.Unlock()
		return nil
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				ticket := fmt.Sprintf("T-%d-%d", g, i)
				body := "ok"
				if i%4 == 0 {
					body = "fail"
				}
				_ = b.Do(ctx, "comment/"+ticket, note{Ticket: ticket, Body: body}, send)
			}
		}()
	}
	wg.Wait()
	if n, _ := b.Len(); n != 8*5 {
		t.Errorf("%d pending, want the %d that failed", n, 8*5)
	}
	for ticket, n := range done {
		if n != 1 {
			t.Errorf("%s done %d times", ticket, n)
		}
	}
	if len(done) != 8*15 {
		t.Errorf("%d done, want %d", len(done), 8*15)
	}
}
