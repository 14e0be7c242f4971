package incidentkit

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestAdaptiveLimiter checks the rate's halving down to its floor, its
// climb back, the hold a Retry-After puts on Wait, and bad settings.
func TestAdaptiveLimiter(t *testing.T) {
	l, err := NewAdaptiveLimiter(64, 1)
	if err != nil {
		t.Fatal(err)
	}
	for range 10 {
		l.Throttled(0)
	}
	if r := l.Rate(); r != 1 {
		t.Errorf("rate after ten throttles: %v, want the floor 1", r)
	}
	for range 100 {
		l.Accepted()
	}
	if r := l.Rate(); r != 64 {
		t.Errorf("rate after a hundred successes: %v, want 64", r)
	}
	l.Throttled(time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait during a Retry-After: %v, want the context's deadline", err)
	}
	clock := time.Now().Add(2 * time.Hour)
	l.now = func() time.Time { return clock }
	if err := l.Wait(context.Background()); err != nil {
		t.Errorf("Wait after the Retry-After: %v", err)
	}
	for _, bad := range []struct {
		rate  float64
		burst int
	}{{0, 1}, {-1, 1}, {1, 0}} {
		if _, err := NewAdaptiveLimiter(bad.rate, bad.burst); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("NewAdaptiveLimiter(%v, %d): %v", bad.rate, bad.burst, err)
		}
	}
}
