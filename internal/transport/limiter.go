package transport

import (
	"context"
	"errors"
	"net/http"

	"github.com/incidentkit/incidentkit"
)

// limitTransport makes every attempt, retries included, wait for the
// limiter before it is sent.
type limitTransport struct {
	next    http.RoundTripper
	limiter Limiter
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if err := t.limiter.Wait(ctx); err != nil {
		closeBody(req)
		return nil, limiterError(ctx, err)
	}
	resp, err := t.next.RoundTrip(req)
	if fb, ok := t.limiter.(incidentkit.LimitFeedback); ok && resp != nil {
		d, hasWait := retryAfter(resp)
		switch {
		case resp.StatusCode == http.StatusTooManyRequests,
			resp.StatusCode == http.StatusServiceUnavailable && hasWait:
			fb.Throttled(d)
		default:
			fb.Accepted()
		}
	}
	return resp, err
}

// LimitError reports that the rate limiter refused to wait. When the
// caller's deadline would pass before a token is free (x/time/rate answers
// this without waiting), it matches context.DeadlineExceeded.
type LimitError struct {
	Err      error
	deadline bool
}

func (e *LimitError) Error() string { return "rate limiter: " + e.Err.Error() }

// Unwrap returns the limiter's own error.
func (e *LimitError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, context.DeadlineExceeded) hold when the wait
// would have passed the deadline.
func (e *LimitError) Is(target error) bool {
	return e.deadline && target == context.DeadlineExceeded
}

func limiterError(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	_, hasDeadline := ctx.Deadline()
	return &LimitError{Err: err, deadline: hasDeadline}
}
