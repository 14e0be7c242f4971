package incidentkit

import "context"

// Limiter paces requests: every attempt, retries included, waits for Wait
// before it is sent. *rate.Limiter from golang.org/x/time/rate satisfies it,
// and so does any limiter shared across processes (a Redis token bucket, for
// example) that blocks until the caller may proceed or its context ends.
type Limiter interface {
	Wait(ctx context.Context) error
}
