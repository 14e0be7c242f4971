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
//	            └─ authentication (same-origin only, on a copy of the header)
//	                 └─ send tracking (did any byte of this attempt go out?)
//	                      └─ the base http.RoundTripper
//
// A call is built (build.go: URL, body, header; nothing is sent when that
// fails), sent (send.go: the attempts, under the policy of retry.go), and
// read (response.go: decode, stream or turn into an error). The state of
// one call is one struct (call, in call.go), carried in the request's
// context. The go-retryablehttp client and the layers are built once per
// Client, in [New].
//
// Non-idempotent requests (creates, journal appends, uploads) are repeated
// only when the server provably did not act on them: nothing was sent, the
// answer was 429, or the answer was 503 with Retry-After. Everything else a
// server can answer becomes an [*Error] that matches the sentinel errors
// ([incidentkit.ErrNotFound], [incidentkit.ErrRateLimited], ...) with errors.Is, or a [*BodyError]
// when a successful answer cannot be read or decoded.
//
// An API package builds its client with [NewSettingsFor] (its name, base
// URL and the caller's options), sets its authentication and error decoder,
// and calls [New]. Every *InputError the core returns then names the API:
// "servicenow: invalid path: argument 1 is empty".
package transport
