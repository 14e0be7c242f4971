package cyderestest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// Token is the bearer token the server accepts by default.
const Token = "cyderes-test-token"

// Option configures a Server.
type Option func(*Server)

// WithToken sets the accepted bearer token.
func WithToken(token string) Option { return func(s *Server) { s.token = token } }

// WithClock sets the server's clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// Server is a fake TSI API. Its methods are safe for concurrent use.
type Server struct {
	srv      *httptest.Server
	faults   fakehttp.Injector
	recorder fakehttp.Recorder

	mu          sync.Mutex
	token       string
	now         func() time.Time
	tickets     []*Ticket
	attachments map[string][]*Attachment
	attributes  []Attribute
	seq         int
}

// New starts a fake API on a loopback address. Close it when done.
func New(opts ...Option) *Server {
	s := &Server{token: Token, now: time.Now, attachments: map[string][]*Attachment{}}
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(s.recorder.Wrap(s.faults.Wrap(http.HandlerFunc(s.route), writeFault)))
	return s
}

// URL is the base URL to give cyderes.WithBaseURL.
func (s *Server) URL() string { return s.srv.URL }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []fakehttp.Request { return s.recorder.Requests() }

// CountRequests counts requests with the method ("" for any) whose path
// starts with prefix.
func (s *Server) CountRequests(method, prefix string) int { return s.recorder.Count(method, prefix) }

// Fail answers the next n requests matching match (nil: any) with status,
// sending Retry-After when retryAfter > 0. Nothing is stored.
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
	writeDetail(w, status, http.StatusText(status))
}

// writeDetail writes FastAPI's error shape.
func writeDetail(w http.ResponseWriter, status int, detail any) {
	writeJSON(w, status, map[string]any{"detail": detail})
}

// validation writes FastAPI's 422 answer for one bad parameter.
func validation(w http.ResponseWriter, where, name, msg string) {
	writeDetail(w, http.StatusUnprocessableEntity, []map[string]any{
		{"loc": []string{where, name}, "msg": msg, "type": "value_error"},
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func (s *Server) clock() time.Time { return s.now().UTC() }

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+s.token {
		w.Header().Set("WWW-Authenticate", "Bearer")
		writeDetail(w, http.StatusUnauthorized, "Not authenticated")
		return
	}
	seg := segments(r)
	switch {
	case len(seg) == 1 && seg[0] == "misp" && r.Method == http.MethodGet:
		s.misp(w, r)
	case len(seg) >= 2 && seg[0] == "v2" && seg[1] == "tickets":
		s.ticketsAPI(w, r, seg[2:])
	default:
		writeDetail(w, http.StatusNotFound, "Not Found")
	}
}
