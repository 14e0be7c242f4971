package incidentkit

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LimitFeedback is implemented by a Limiter that adapts to the server: a
// client tells it about every answer, so that it can slow down when the
// server asks it to. A limiter shared by several processes (a Redis token
// bucket, for example) implements it to share the slow-down too; the SDK
// depends on no such store.
type LimitFeedback interface {
	// Throttled reports an answer asking the client to slow down: a 429,
	// or a 503 with Retry-After, with the wait it named (0 when none).
	Throttled(retryAfter time.Duration)
	// Accepted reports any other answer.
	Accepted()
}

// AdaptiveLimiter is a token-bucket Limiter that halves its rate each time
// a server throttles a request and waits out the Retry-After it names, then
// climbs back towards its configured rate by a thirty-second of it for
// each answer that is not throttled (additive increase, multiplicative
// decrease). Pass it to a client's WithLimiter; one limiter may serve
// several clients of the same server. It is safe for concurrent use.
type AdaptiveLimiter struct {
	mu       sync.Mutex
	bucket   *rate.Limiter
	max, min rate.Limit
	// resume is when a Retry-After ends; zero when none is running.
	resume time.Time
	now    func() time.Time
}

// NewAdaptiveLimiter returns a limiter of perSecond requests per second at
// most, with bursts of up to burst requests. It never drops below a
// sixty-fourth of perSecond.
func NewAdaptiveLimiter(perSecond float64, burst int) (*AdaptiveLimiter, error) {
	if !(perSecond > 0) {
		return nil, &InputError{Field: "rate limit", Problem: "requests per second must be positive"}
	}
	if burst < 1 {
		return nil, &InputError{Field: "rate limit", Problem: "burst must be at least 1"}
	}
	l := rate.Limit(perSecond)
	return &AdaptiveLimiter{bucket: rate.NewLimiter(l, burst), max: l, min: l / 64, now: time.Now}, nil
}

// Wait blocks until a request may be sent, or ctx ends: first until a
// running Retry-After is over, then for a token.
func (a *AdaptiveLimiter) Wait(ctx context.Context) error {
	a.mu.Lock()
	resume := a.resume
	a.mu.Unlock()
	if d := resume.Sub(a.now()); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return a.bucket.Wait(ctx)
}

// Throttled halves the rate (down to its floor) and holds every request
// until retryAfter has passed.
func (a *AdaptiveLimiter) Throttled(retryAfter time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	a.bucket.SetLimitAt(now, max(a.bucket.Limit()/2, a.min))
	if end := now.Add(retryAfter); retryAfter > 0 && end.After(a.resume) {
		a.resume = end
	}
}

// Accepted raises the rate by a thirty-second of the configured rate, up
// to it.
func (a *AdaptiveLimiter) Accepted() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if l := a.bucket.Limit(); l < a.max {
		a.bucket.SetLimitAt(a.now(), min(l+a.max/32, a.max))
	}
}

// Rate returns the current rate, in requests per second.
func (a *AdaptiveLimiter) Rate() float64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return float64(a.bucket.Limit())
}
