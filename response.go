package incidentkit

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit/internal/callctx"
)

// Response describes the HTTP answer a call ended with: its status, its
// headers, how many attempts the call took, the server's request ID and its
// rate-limit headers. It is the same for every client.
//
// On success, ask for it with [WithResponse]; on failure, an [*Error]
// carries the same facts ([Error.Response]).
type Response struct {
	// StatusCode is the answer's HTTP status; 0 when no answer arrived.
	StatusCode int
	// Header holds the answer's headers.
	Header http.Header
	// Attempts is how many times the request was sent.
	Attempts int
	// RequestID is the server's identifier of the request, for support
	// tickets and log correlation: the first of X-Request-Id,
	// X-Transaction-Id (ServiceNow), X-Amzn-Requestid (AWS API Gateway,
	// before Cyderes) and X-Correlation-Id that the answer carries.
	RequestID string
	// RateLimit holds the answer's X-RateLimit-* headers.
	RateLimit RateLimit
}

// NewResponse describes an answer with the given status and headers after
// the given number of attempts, reading its request ID and rate limit from
// the headers.
func NewResponse(statusCode int, h http.Header, attempts int) Response {
	r := Response{StatusCode: statusCode, Header: h, Attempts: attempts, RateLimit: RateLimitFrom(h)}
	for _, name := range [...]string{"X-Request-Id", "X-Transaction-Id", "X-Amzn-Requestid", "X-Correlation-Id"} {
		if v := h.Get(name); v != "" {
			r.RequestID = v
			break
		}
	}
	return r
}

// RateLimit holds an answer's rate-limit headers. ServiceNow sends
// X-RateLimit-Limit, X-RateLimit-Reset (a UNIX time) and X-RateLimit-Rule
// when a rate-limit rule applies to the caller; other APIs send
// X-RateLimit-Remaining too.
type RateLimit struct {
	// Limit is the number of requests allowed per period (0 when absent).
	Limit int
	// Remaining is the number of requests left in the period, or -1 when
	// the answer does not say.
	Remaining int
	// Reset is when the period ends (zero when absent).
	Reset time.Time
	// Rule names the rate-limit rule that applied (ServiceNow).
	Rule string
}

// Known reports whether the answer carried any rate-limit header.
func (r RateLimit) Known() bool {
	return r.Limit != 0 || r.Remaining >= 0 || !r.Reset.IsZero() || r.Rule != ""
}

// RateLimitFrom reads the X-RateLimit-* headers of h. Values that are not
// numbers are ignored.
func RateLimitFrom(h http.Header) RateLimit {
	rl := RateLimit{Remaining: -1, Rule: h.Get("X-RateLimit-Rule")}
	if n, err := strconv.Atoi(h.Get("X-RateLimit-Limit")); err == nil && n >= 0 {
		rl.Limit = n
	}
	if n, err := strconv.Atoi(h.Get("X-RateLimit-Remaining")); err == nil && n >= 0 {
		rl.Remaining = n
	}
	if s, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil && s > 0 {
		rl.Reset = time.Unix(s, 0).UTC()
	}
	return rl
}

// WithResponse returns a copy of ctx with which every call records the
// answer it ended with into *r — on success and on failure alike, so a
// caller can read the rate-limit headers or the request ID of a call that
// worked. A call that fetches several pages (All) records the last one; a
// call that got no answer records StatusCode 0 and its attempts.
//
// *r is written without locking: do not share one Response between calls
// that run at the same time.
func WithResponse(ctx context.Context, r *Response) context.Context {
	return callctx.With(ctx, r)
}

// SendOnce returns a copy of ctx with which every write (POST, PUT, PATCH,
// DELETE) is treated as unsafe to repeat: it is sent again only where the
// server provably did not act on it (the connection was refused before
// anything was sent, a 429, a 503 with Retry-After), as a create is. Use it
// for a write the client cannot know is unsafe, such as a ServiceNow update
// of a custom journal field (u_…), which appends a journal entry each time
// it is applied. Reads keep their retries.
func SendOnce(ctx context.Context) context.Context {
	return callctx.With(ctx, callctx.SendOnce{})
}

// WithQuery returns a copy of ctx with which every call adds the
// parameters of q (to those of an earlier WithQuery) to its query string: the escape hatch for a parameter
// the client does not name (a ServiceNow sysparm_ the options lack, a
// parameter a newer release adds). A parameter the call sets itself keeps
// the call's value, so paging and the options cannot be undone this way.
func WithQuery(ctx context.Context, q url.Values) context.Context {
	prev, _ := callctx.Value[callctx.ExtraQuery](ctx)
	return callctx.With(ctx, callctx.ExtraQuery{Values: merged(prev.Values, q)})
}

// WithHeader returns a copy of ctx with which every call sends the fields
// of h (and those of an earlier WithHeader) beside its own: the escape hatch for a header the client does not
// name (ServiceNow's X-no-response-body on a write, a tenant header). A
// field the call sets itself keeps the call's value, and credentials
// (Authorization and the clients' API key headers) cannot be set this
// way. A name or value that cannot be sent fails the call before anything
// is sent.
func WithHeader(ctx context.Context, h http.Header) context.Context {
	prev, _ := callctx.Value[callctx.ExtraHeader](ctx)
	return callctx.With(ctx, callctx.ExtraHeader{Header: merged(prev.Header, h)})
}

// merged returns a new map holding the entries of prev, then those of
// next (which win).
func merged[M ~map[string][]string](prev, next M) map[string][]string {
	out := make(map[string][]string, len(prev)+len(next))
	for k, vs := range prev {
		out[k] = vs
	}
	for k, vs := range next {
		out[k] = vs
	}
	return out
}
