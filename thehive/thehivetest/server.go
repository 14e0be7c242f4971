package thehivetest

import (
	"fmt"
	"net/http"
	"slices"
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

// WithVersion sets the TheHive version GET /api/status reports (default
// "4.1.24-1"); clients of the v0 API read it to tell TheHive 3 from 4.
// The fake speaks TheHive 4's v0 API whatever it reports.
func WithVersion(v string) Option { return func(s *Server) { s.version = v } }

// WithClock sets the server's clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// Server is a fake TheHive. Its methods are safe for concurrent use.
type Server struct {
	// controls records requests and applies faults; controls_gen.go
	// declares its methods on Server.
	controls fakehttp.Controls

	mu                      sync.Mutex
	apiKey, login, password string
	org, version            string
	now                     func() time.Time
	docs                    map[string][]doc // by kind: case, task, log, observable, alert, comment
	analyzers               []Analyzer
	responders              []Responder
	seq, caseNumber         int
}

// New starts a fake TheHive on a loopback address. Close it when done.
func New(opts ...Option) *Server {
	s := &Server{apiKey: APIKey, version: "4.1.24-1", now: time.Now, docs: map[string][]doc{}}
	for _, o := range opts {
		o(s)
	}
	s.controls.Start(http.HandlerFunc(s.route), writeFault)
	return s
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
	fakehttp.WriteJSON(w, status, map[string]any{"type": typ, "message": message})
}

// attributeError writes AttributeCheckingError for invalid fields.
func attributeError(w http.ResponseWriter, problems []map[string]any) {
	var names []string
	for _, p := range problems {
		names = append(names, fmt.Sprint(p["name"]))
	}
	fakehttp.WriteJSON(w, http.StatusBadRequest, map[string]any{"type": "AttributeCheckingError",
		"message": "Invalid attributes: " + strings.Join(names, ", "), "errors": problems})
}

func (s *Server) clock() time.Time { return s.now() }

func (s *Server) millis() int64 { return s.clock().UnixMilli() }

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
	if r.URL.Path == "/api/status" && r.Method == http.MethodGet {
		// Like TheHive's StatusCtrl, the status needs no credentials.
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"versions": map[string]any{"TheHive": s.version,
			"Scalligraph": s.version, "Play": "2.8.x"}})
		return
	}
	user, ok := s.authenticate(w, r)
	if !ok {
		return
	}
	seg := fakehttp.Segments(r)
	if len(seg) < 2 || seg[0] != "api" {
		writeError(w, http.StatusNotFound, "NotFoundError", "unknown path "+r.URL.Path)
		return
	}
	if r.Method == http.MethodGet && s.download(w, r, seg[1:]) {
		return
	}
	if i := slices.Index(seg, "cortex"); i > 0 && i <= 3 && seg[i-1] == "connector" {
		v0 := seg[1] != "v1"
		s.answerJSON(w, r, v0, func(in map[string]any) answer { return s.cortex(r.Method, seg[i+1:], in, v0, user) })
		return
	}
	if seg[1] == "v1" {
		s.v1(w, r, user, seg[2:])
		return
	}
	s.v0(w, r, user, seg[1:])
}
