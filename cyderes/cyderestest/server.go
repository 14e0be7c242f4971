package cyderestest

import (
	"net/http"
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
	// controls records requests and applies faults; controls_gen.go
	// declares its methods on Server.
	controls fakehttp.Controls

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
	s.controls.Start(http.HandlerFunc(s.route), writeFault)
	return s
}

func writeFault(w http.ResponseWriter, status int) {
	writeDetail(w, status, http.StatusText(status))
}

// writeDetail writes FastAPI's error shape.
func writeDetail(w http.ResponseWriter, status int, detail any) {
	fakehttp.WriteJSON(w, status, map[string]any{"detail": detail})
}

// validation writes FastAPI's 422 answer for one bad parameter.
func validation(w http.ResponseWriter, where, name, msg string) {
	writeDetail(w, http.StatusUnprocessableEntity, []map[string]any{
		{"loc": []string{where, name}, "msg": msg, "type": "value_error"},
	})
}

func (s *Server) clock() time.Time { return s.now().UTC() }

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+s.token {
		w.Header().Set("WWW-Authenticate", "Bearer")
		writeDetail(w, http.StatusUnauthorized, "Not authenticated")
		return
	}
	seg := fakehttp.Segments(r)
	switch {
	case len(seg) == 1 && seg[0] == "misp" && r.Method == http.MethodGet:
		s.misp(w, r)
	case len(seg) >= 2 && seg[0] == "v2" && seg[1] == "tickets":
		s.ticketsAPI(w, r, seg[2:])
	default:
		writeDetail(w, http.StatusNotFound, "Not Found")
	}
}
