package incidentkit

import "context"

// RetryPolicy narrows when a client repeats a failed attempt. The client
// asks it only about attempts it would repeat on its own — a read, an
// idempotent write, or a write the server provably did not act on (an
// answer of 429, or 503 with Retry-After, or nothing sent at all) — so a
// policy can refuse a retry but never make a client send a create twice.
// The waits between attempts stay the client's (its retry wait and the
// server's Retry-After). Set it with each client's WithRetryPolicy.
type RetryPolicy interface {
	// Retry reports whether to repeat the attempt. It must not block:
	// the call waits for it.
	Retry(ctx context.Context, a RetryAttempt) bool
}

// RetryPolicyFunc adapts a function to a RetryPolicy.
type RetryPolicyFunc func(ctx context.Context, a RetryAttempt) bool

// Retry calls f.
func (f RetryPolicyFunc) Retry(ctx context.Context, a RetryAttempt) bool { return f(ctx, a) }

// RetryAttempt is a failed attempt the client would repeat.
type RetryAttempt struct {
	// Service names the API ("servicenow", "thehive", "cyderes").
	Service string
	// Method and Path are the request's (the path without its query).
	Method string
	Path   string
	// Attempt counts the attempts made so far, from 1.
	Attempt int
	// StatusCode is the answer's status; 0 when no answer came.
	StatusCode int
	// Err is the attempt's error when no answer came (a reset connection,
	// a timeout) or the answer was cut short.
	Err error
	// Idempotent reports that repeating the request cannot change the
	// outcome (a read, or a write that sets fields); when false, the
	// server is known not to have acted on it.
	Idempotent bool
}
