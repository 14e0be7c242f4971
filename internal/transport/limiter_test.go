package transport

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"golang.org/x/time/rate"
)

func TestRateLimitLowerBound(t *testing.T) {
	c, mock, _ := newMockClient(t, WithRateLimit(20, 1))
	mock.RegisterResponder("GET", mockURL, httpmock.NewStringResponder(200, `{}`))
	start := time.Now()
	for range 41 {
		if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	// The first request takes the burst token; 40 more at 20/s need 2 s.
	if d := time.Since(start); d < 2*time.Second-20*time.Millisecond {
		t.Fatalf("41 requests took %s, want at least 2s", d)
	}
}

// countingLimiter counts Wait calls.
type countingLimiter struct {
	n   atomic.Int32
	err error
}

func (l *countingLimiter) Wait(context.Context) error {
	l.n.Add(1)
	return l.err
}

func TestEveryAttemptWaitsForTheLimiter(t *testing.T) {
	lim := &countingLimiter{}
	c, mock, _ := newMockClient(t, WithLimiter(lim))
	mock.RegisterResponder("GET", mockURL, sequence([]int{503, 503, 200}, ""))
	if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil); err != nil {
		t.Fatal(err)
	}
	if lim.n.Load() != 3 {
		t.Fatalf("limiter waited %d times, want 3 (one per attempt)", lim.n.Load())
	}
}

func TestLimiterDeadlineIsDeadlineExceeded(t *testing.T) {
	lim := rate.NewLimiter(rate.Every(time.Hour), 1)
	c, mock, _ := newMockClient(t, WithLimiter(lim))
	mock.RegisterResponder("GET", mockURL, httpmock.NewStringResponder(200, `{}`))
	if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := c.Do(ctxTimeout(t, time.Second), &Request{Path: "/api/thing"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want errors.Is(err, context.DeadlineExceeded)", err)
	}
	var limErr *LimitError
	if !errors.As(err, &limErr) {
		t.Errorf("got %T, want a *LimitError in the chain", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("took %s; the limiter knows at once that the deadline cannot be met", d)
	}
	if n := mock.GetTotalCallCount(); n != 1 {
		t.Errorf("%d requests reached the server, want 1", n)
	}
}

func TestLimiterErrorIsNotRetried(t *testing.T) {
	lim := &countingLimiter{err: errors.New("quota store unavailable")}
	c, mock, _ := newMockClient(t, WithLimiter(lim))
	mock.RegisterResponder("GET", mockURL, httpmock.NewStringResponder(200, `{}`))
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	var limErr *LimitError
	if !errors.As(err, &limErr) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want a *LimitError that is not a deadline", err)
	}
	if lim.n.Load() != 1 || mock.GetTotalCallCount() != 0 {
		t.Fatalf("limiter called %d times, server %d; want 1 and 0", lim.n.Load(), mock.GetTotalCallCount())
	}
}

func TestSharedLimiterAcrossClients(t *testing.T) {
	lim := &countingLimiter{}
	a, mockA, _ := newMockClient(t, WithLimiter(lim))
	b, mockB, _ := newMockClient(t, WithLimiter(lim))
	for _, m := range []*httpmock.MockTransport{mockA, mockB} {
		m.RegisterResponder("GET", mockURL, httpmock.NewStringResponder(http.StatusOK, `{}`))
	}
	for _, c := range []*Client{a, b, a} {
		if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if lim.n.Load() != 3 {
		t.Fatalf("shared limiter saw %d waits, want 3", lim.n.Load())
	}
}
