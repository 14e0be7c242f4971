package servicenowtest

import (
	"encoding/json"
	"fmt"
	"net/http"
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

// WithBatchLimit makes the Batch API run at most n items of each batch
// and name the others in unserviced_requests, as an instance does when a
// batch hits a size or time limit (0, the default, runs every item).
func WithBatchLimit(n int) Option { return func(s *Server) { s.batchLimit = n } }

// WithMaxAttachmentBytes caps attachment size (default 64 MiB); larger
// uploads are answered 413.
func WithMaxAttachmentBytes(n int64) Option { return func(s *Server) { s.maxAttachment = n } }

// Server is a fake ServiceNow instance. Its methods are safe for
// concurrent use.
type Server struct {
	// controls records requests and applies faults; controls_gen.go
	// declares its methods on Server.
	controls fakehttp.Controls

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
	batchLimit    int
	maps          map[string]TransformMap
	imports       map[string]map[string]any // by staging row sys_id
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
		maps:          map[string]TransformMap{},
		imports:       map[string]map[string]any{},
	}
	for _, o := range opts {
		o(s)
	}
	for _, name := range []string{"incident", "sys_journal_field", "sys_user", "sys_user_group", "sys_attachment"} {
		s.table(name)
	}
	s.controls.Start(http.HandlerFunc(s.route), s.writeFault)
	return s
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

func (s *Server) clock() time.Time { return s.now().UTC() }

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
	s.dispatch(w, r, user)
}

// dispatch answers an authenticated request to the instance's APIs.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, user string) {
	seg := fakehttp.Segments(r)
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
	case "import":
		s.importAPI(w, r, user, seg[3:])
	case "batch":
		if !strings.HasPrefix(r.URL.Path, "/api/now/v1/batch") {
			// The unversioned path is not served (ServiceNow answers so).
			writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
			return
		}
		s.batchAPI(w, r, user)
	default:
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
	}
}
