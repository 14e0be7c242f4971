package fakehttp

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Controls is what every fake offers besides its API: the requests it
// received and the faults to inject. The fakes embed it, so its methods
// are the fakes' own.
type Controls struct {
	faults   Injector
	recorder Recorder
}

// Handle returns api behind c: every request is recorded, then meets the
// next matching fault; errorBody writes the API's own error answer for a
// status fault.
func Handle(c *Controls, api http.Handler, errorBody func(w http.ResponseWriter, status int)) http.Handler {
	return c.recorder.Wrap(c.faults.Wrap(api, errorBody))
}

// Requests returns the requests received so far, oldest first, including
// those a fault answered.
func (c *Controls) Requests() []Request { return c.recorder.Requests() }

// CountRequests counts requests with the method ("" for any) whose path
// starts with prefix.
func (c *Controls) CountRequests(method, prefix string) int { return c.recorder.Count(method, prefix) }

// Fail answers the next n requests matching match (nil: any) with status
// and the API's error body, with Retry-After when retryAfter > 0.
// Nothing is stored.
func (c *Controls) Fail(n, status int, retryAfter time.Duration, match func(*http.Request) bool) {
	c.faults.Add(n, Fault{Status: status, RetryAfter: retryAfter, Match: match})
}

// Drop closes the connection of the next n matching requests without an
// answer. Nothing is stored.
func (c *Controls) Drop(n int, match func(*http.Request) bool) {
	c.faults.Add(n, Fault{Drop: true, Match: match})
}

// Truncate handles the next n matching requests (their writes are
// stored) but cuts each answer's body in half.
func (c *Controls) Truncate(n int, match func(*http.Request) bool) {
	c.faults.Add(n, Fault{Truncate: true, Match: match})
}

// Delay holds the next n matching requests for d before handling them.
func (c *Controls) Delay(n int, d time.Duration, match func(*http.Request) bool) {
	c.faults.Add(n, Fault{Delay: d, Match: match})
}

// Inject applies f to the next n matching requests.
func (c *Controls) Inject(n int, f Fault) { c.faults.Add(n, f) }

// ClearFaults drops every fault not yet applied.
func (c *Controls) ClearFaults() { c.faults.Clear() }

// Path returns a request matcher for faults: the method ("" for any) and
// a path prefix.
func Path(method, prefix string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return (method == "" || r.Method == method) && strings.HasPrefix(r.URL.Path, prefix)
	}
}

// Segments splits a request's escaped path into unescaped segments, so an
// escaped "/" inside an ID stays inside its segment.
func Segments(r *http.Request) []string {
	parts := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return parts
}

// WriteJSON answers with status and v as JSON, HTML escaping off.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
