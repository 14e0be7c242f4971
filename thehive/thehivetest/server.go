package thehivetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// APIKey is the API key the server accepts by default.
const APIKey = "thehive-test-key"

// Option configures a Server.
type Option func(*Server)

// WithAPIKey sets the accepted API key.
func WithAPIKey(key string) Option { return func(s *Server) { s.apiKey = key } }

// WithBasicAuth also accepts basic auth with this login and password.
func WithBasicAuth(login, password string) Option {
	return func(s *Server) { s.login, s.password = login, password }
}

// WithOrganisation requires X-Organisation, when sent, to name org.
func WithOrganisation(org string) Option { return func(s *Server) { s.org = org } }

// WithClock sets the server's clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// Server is a fake TheHive. Its methods are safe for concurrent use.
type Server struct {
	srv      *httptest.Server
	faults   fakehttp.Injector
	recorder fakehttp.Recorder

	mu                      sync.Mutex
	apiKey, login, password string
	org                     string
	now                     func() time.Time
	docs                    map[string][]doc // by kind: case, task, log, observable, alert, comment
	seq, caseNumber         int
}

// New starts a fake TheHive on a loopback address. Close it when done.
func New(opts ...Option) *Server {
	s := &Server{apiKey: APIKey, now: time.Now, docs: map[string][]doc{}}
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(s.recorder.Wrap(s.faults.Wrap(http.HandlerFunc(s.route), writeFault)))
	return s
}

// URL is the base URL to give thehive.NewClient.
func (s *Server) URL() string { return s.srv.URL }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []fakehttp.Request { return s.recorder.Requests() }

// CountRequests counts requests with the method ("" for any) whose path
// starts with prefix.
func (s *Server) CountRequests(method, prefix string) int { return s.recorder.Count(method, prefix) }

// Fail answers the next n requests matching match (nil: any) with status
// and TheHive's error body, with Retry-After when retryAfter > 0.
func (s *Server) Fail(n, status int, retryAfter time.Duration, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Status: status, RetryAfter: retryAfter, Match: match})
}

// Drop closes the connection of the next n matching requests unanswered.
func (s *Server) Drop(n int, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Drop: true, Match: match})
}

// Truncate handles the next n matching requests but cuts their answers.
func (s *Server) Truncate(n int, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Truncate: true, Match: match})
}

// Delay holds the next n matching requests for d.
func (s *Server) Delay(n int, d time.Duration, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Delay: d, Match: match})
}

// Fault is a misbehaviour to inject: a status (optionally with an HTML
// page instead of the API's body), a delay, a dropped connection or a
// truncated answer, limited to matching requests.
type Fault = fakehttp.Fault

// Inject applies f to the next n matching requests.
func (s *Server) Inject(n int, f Fault) { s.faults.Add(n, f) }

// ClearFaults drops every fault not yet applied.
func (s *Server) ClearFaults() { s.faults.Clear() }

// Path returns a request matcher: the method ("" for any) and a path
// prefix.
func Path(method, prefix string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return (method == "" || r.Method == method) && strings.HasPrefix(r.URL.Path, prefix)
	}
}

func writeFault(w http.ResponseWriter, status int) {
	typ := "InternalError"
	switch status {
	case http.StatusTooManyRequests:
		typ = "RateLimited"
	case http.StatusBadRequest:
		typ = "BadRequest"
	case http.StatusNotFound:
		typ = "NotFoundError"
	}
	writeError(w, status, typ, http.StatusText(status))
}

func writeError(w http.ResponseWriter, status int, typ, message string) {
	writeJSON(w, status, map[string]any{"type": typ, "message": message})
}

// attributeError writes AttributeCheckingError for invalid fields.
func attributeError(w http.ResponseWriter, problems []map[string]any) {
	var names []string
	for _, p := range problems {
		names = append(names, fmt.Sprint(p["name"]))
	}
	writeJSON(w, http.StatusBadRequest, map[string]any{"type": "AttributeCheckingError",
		"message": "Invalid attributes: " + strings.Join(names, ", "), "errors": problems})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func (s *Server) clock() time.Time { return s.now() }

func (s *Server) millis() int64 { return s.clock().UnixMilli() }

func segments(r *http.Request) []string {
	parts := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return parts
}

// authenticate checks the API key or basic auth and the organisation.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (string, bool) {
	user := ""
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && tok == s.apiKey {
		user = "api@thehive.local"
	} else if l, p, ok := r.BasicAuth(); ok && s.login != "" && l == s.login && p == s.password {
		user = l
	}
	if user == "" {
		writeError(w, http.StatusUnauthorized, "AuthenticationError", "Authentication failure")
		return "", false
	}
	if org := r.Header.Get("X-Organisation"); org != "" && s.org != "" && org != s.org {
		writeError(w, http.StatusForbidden, "AuthorizationError", "Organisation "+org+" not found or not accessible")
		return "", false
	}
	return user, true
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	user, ok := s.authenticate(w, r)
	if !ok {
		return
	}
	seg := segments(r)
	if len(seg) < 2 || seg[0] != "api" {
		writeError(w, http.StatusNotFound, "NotFoundError", "unknown path "+r.URL.Path)
		return
	}
	if seg[1] == "v1" {
		s.v1(w, r, user, seg[2:])
		return
	}
	s.v0(w, r, user, seg[1:])
}
