package servicenowtest

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

// Option configures a Server.
type Option func(*Server)

// WithBasicAuth sets the user and password basic auth accepts (default
// "admin" / "admin").
func WithBasicAuth(user, password string) Option {
	return func(s *Server) { s.users = map[string]string{user: password} }
}

// WithAPIKey accepts key in the x-sn-apikey header.
func WithAPIKey(key string) Option { return func(s *Server) { s.apiKeys[key] = true } }

// WithBearerToken accepts a fixed bearer token.
func WithBearerToken(token string) Option {
	return func(s *Server) { s.tokens[token] = time.Time{} }
}

// WithOAuthClient registers an OAuth client for /oauth_token.do.
func WithOAuthClient(id, secret string) Option { return func(s *Server) { s.clients[id] = secret } }

// WithTokenLifetime sets how long issued OAuth access tokens live
// (default 30 minutes).
func WithTokenLifetime(d time.Duration) Option { return func(s *Server) { s.tokenTTL = d } }

// WithClock sets the server's clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithMaxAttachmentBytes caps attachment size (default 64 MiB); larger
// uploads are answered 413.
func WithMaxAttachmentBytes(n int64) Option { return func(s *Server) { s.maxAttachment = n } }

// Server is a fake ServiceNow instance. Its methods are safe for
// concurrent use.
type Server struct {
	srv      *httptest.Server
	faults   fakehttp.Injector
	recorder fakehttp.Recorder

	mu            sync.Mutex
	now           func() time.Time
	users         map[string]string
	apiKeys       map[string]bool
	tokens        map[string]time.Time // access token → expiry (zero: never)
	refresh       map[string]string    // refresh token → user
	clients       map[string]string
	tokenTTL      time.Duration
	maxAttachment int64
	tables        map[string]*table
	content       map[string]attachmentContent
	seq           int
	numbers       map[string]int
}

// New starts a fake instance on a loopback address. Close it when done.
func New(opts ...Option) *Server {
	s := &Server{
		now:           time.Now,
		users:         map[string]string{"admin": "admin"},
		apiKeys:       map[string]bool{},
		tokens:        map[string]time.Time{},
		refresh:       map[string]string{},
		clients:       map[string]string{},
		tokenTTL:      30 * time.Minute,
		maxAttachment: 64 << 20,
		tables:        map[string]*table{},
		content:       map[string]attachmentContent{},
		numbers:       map[string]int{},
	}
	for _, o := range opts {
		o(s)
	}
	for _, name := range []string{"incident", "sys_journal_field", "sys_user", "sys_user_group", "sys_attachment"} {
		s.table(name)
	}
	s.srv = httptest.NewServer(s.recorder.Wrap(s.faults.Wrap(http.HandlerFunc(s.route), s.writeFault)))
	return s
}

// URL is the instance URL to give servicenow.NewClient.
func (s *Server) URL() string { return s.srv.URL }

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []fakehttp.Request { return s.recorder.Requests() }

// CountRequests counts requests with the method ("" for any) whose path
// starts with prefix.
func (s *Server) CountRequests(method, prefix string) int { return s.recorder.Count(method, prefix) }

// Fail answers the next n requests matching match (nil: any) with status
// and ServiceNow's error body, sending Retry-After when retryAfter > 0.
// Nothing is stored.
func (s *Server) Fail(n, status int, retryAfter time.Duration, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Status: status, RetryAfter: retryAfter, Match: match})
}

// Drop closes the connection of the next n matching requests without an
// answer. Nothing is stored.
func (s *Server) Drop(n int, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Drop: true, Match: match})
}

// Truncate handles the next n matching requests (their writes are
// stored) but cuts each answer's body in half.
func (s *Server) Truncate(n int, match func(*http.Request) bool) {
	s.faults.Add(n, fakehttp.Fault{Truncate: true, Match: match})
}

// Delay holds the next n matching requests for d before handling them.
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

// Path returns a request matcher for faults: the method ("" for any) and
// a path prefix.
func Path(method, prefix string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return (method == "" || r.Method == method) && strings.HasPrefix(r.URL.Path, prefix)
	}
}

// writeFault writes ServiceNow's envelope for an injected status.
func (s *Server) writeFault(w http.ResponseWriter, status int) {
	msg := http.StatusText(status)
	detail := ""
	switch status {
	case http.StatusTooManyRequests:
		msg, detail = "Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded"
		w.Header().Set("X-RateLimit-Limit", "100")
		w.Header().Set("X-RateLimit-Rule", "fake-table-api")
		w.Header().Set("X-RateLimit-Reset", fmt.Sprint(s.clock().Add(time.Hour).Unix()))
	case http.StatusServiceUnavailable:
		detail = "the instance is busy"
	}
	writeError(w, status, msg, detail)
}

func writeError(w http.ResponseWriter, status int, message, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error":  map[string]any{"message": message, "detail": detail},
		"status": "failure",
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func (s *Server) clock() time.Time { return s.now().UTC() }

// segments splits the escaped path into unescaped segments, so an
// escaped "/" inside an ID stays inside it.
func segments(r *http.Request) []string {
	parts := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return parts
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/oauth_token.do" {
		s.oauthToken(w, r)
		return
	}
	user, ok := s.authenticate(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "User Not Authenticated", "Required to provide Auth information")
		return
	}
	seg := segments(r)
	if len(seg) >= 3 && seg[0] == "api" && seg[1] == "now" && (seg[2] == "v1" || seg[2] == "v2") {
		seg = append(seg[:2], seg[3:]...)
	}
	if len(seg) < 3 || seg[0] != "api" || seg[1] != "now" {
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
		return
	}
	switch seg[2] {
	case "table":
		s.tableAPI(w, r, user, seg[3:])
	case "attachment":
		s.attachmentAPI(w, r, user, seg[3:])
	case "stats":
		s.statsAPI(w, r, seg[3:])
	default:
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
	}
}
