// Package transport is the HTTP core shared by the incidentkit API clients.
//
// A [Client] turns a [Request] (method, path template with escaped segments,
// query struct, JSON or streamed body, and whether it is safe to repeat) into
// one or more HTTP attempts and a decoded result or a typed error. Under the
// hood every call goes through the same layers:
//
//	retry (go-retryablehttp, idempotency-aware policy, clamped Retry-After)
//	  └─ rate limiter (every attempt waits for a token)
//	       └─ logging (one slog record per attempt, secrets redacted)
//	            └─ authentication (same-origin only; the request is cloned)
//	                 └─ send tracking (did any byte of this attempt go out?)
//	                      └─ the base http.RoundTripper
//
// Non-idempotent requests (creates, journal appends, uploads) are repeated
// only when the server provably did not act on them: nothing was sent, the
// answer was 429, or the answer was 503 with Retry-After. Everything else a
// server can answer becomes an [*Error] that matches the sentinel errors
// ([ErrNotFound], [ErrRateLimited], ...) with errors.Is, or a [*BodyError]
// when a successful answer cannot be read or decoded.
package transport
