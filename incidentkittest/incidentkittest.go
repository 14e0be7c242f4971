package incidentkittest

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Request is one request a fake received, as it arrived: a fake records it
// before any fault applies, so a request that was failed, dropped, delayed
// or truncated is recorded too.
type Request struct {
	// Method is the HTTP method ("GET", "POST", ...).
	Method string
	// Path is the request path with escapes decoded
	// ("/api/now/table/incident/a/b" for ".../incident/a%2Fb").
	Path string
	// RawPath is the path with its escapes as sent
	// ("/api/now/table/incident/a%2Fb"): compare it to check how a client
	// escaped an ID.
	RawPath string
	// Query is the parsed query string.
	Query url.Values
	// Header is a copy of the request's headers, credentials included
	// (Authorization, x-sn-apikey).
	Header http.Header
	// Body is the request body, up to its first MiB (an upload may be
	// larger; only the record is cut, the fake reads the whole body).
	Body []byte
}

// Fault is one misbehaviour a fake applies to a request instead of, or on
// top of, answering it normally. A fake queues a fault for the next n
// requests it matches (see a fake's Server.Inject); each matching request
// uses up one of the n.
//
// Delay comes first; then at most one of Drop, Status and Truncate applies,
// in that order of precedence. A fault with none of them set (only Delay,
// say) lets the request through to the fake's normal handling.
type Fault struct {
	// Status, when non-zero, answers with this HTTP status and the fake's own
	// error body (ServiceNow's error envelope, TheHive's {"type","message"},
	// Cyderes' {"detail"}) instead of handling the request: nothing is
	// stored or changed (unless Handled is set).
	Status int
	// RetryAfter, with Status and when positive, is sent as a Retry-After
	// header, rounded up to whole seconds.
	RetryAfter time.Duration
	// HTML, with Status, answers with an HTML error page (as a proxy, load
	// balancer or hibernating instance in front of the API would) instead of
	// the API's own error body.
	HTML bool
	// Handled, with Status, handles the request first (a write takes
	// effect) and then answers with Status instead of the API's answer, as
	// a proxy that gave up waiting while the server acted would: the
	// answer is lost, the write is not.
	Handled bool
	// Delay holds the request this long before going on. If the client
	// gives up first (its context ends or it times out), the request is not
	// handled at all.
	Delay time.Duration
	// Drop closes the connection without any answer: the client sees a
	// connection error, and the request is not handled.
	Drop bool
	// Truncate handles the request (a write takes effect), then sends the
	// answer's headers with the full Content-Length but only the first half
	// of its body, and closes the connection: the client sees an unexpected
	// EOF for a request the server did act on.
	Truncate bool
	// Match limits the fault to the requests it returns true for; nil
	// matches every request. A request Match rejects passes untouched and
	// does not use up the fault. [Path] builds the usual matcher.
	Match func(*http.Request) bool
}

// Path returns a matcher for [Fault].Match (and for the match argument of a
// fake's Fail, Drop, Truncate and Delay) that accepts requests with the
// method ("" for any) whose decoded path starts with prefix:
// Path("POST", "/api/now/table/incident") matches incident creates,
// Path("", "/api/v1/case") every call under TheHive's case endpoint.
func Path(method, prefix string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return (method == "" || r.Method == method) && strings.HasPrefix(r.URL.Path, prefix)
	}
}
