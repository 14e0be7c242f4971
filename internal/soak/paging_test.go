package soak

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// loop is one way a server can keep a listing from ending: it writes the
// answer to any list request.
type loop struct {
	name string
	// serve answers r; self is the request's own URL, first the first
	// page's.
	serve func(w http.ResponseWriter, r *http.Request, self, first string)
	// only names the one client the loop applies to ("" for all).
	only string
}

// samePage is the answer of a server that ignores the offset, the range
// and the links: the same records, under a total that promises more.
func samePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Total-Count", "1000000")
	w.Header().Set("X-Total", "1000000")
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/now/"):
		_, _ = io.WriteString(w, `{"result":[{"sys_id":"a"},{"sys_id":"b"}]}`)
	case strings.HasPrefix(r.URL.Path, "/v2/"):
		_, _ = io.WriteString(w, `[{"ticket_id":"a"},{"ticket_id":"b"}]`)
	default:
		_, _ = io.WriteString(w, `[{"_id":"~a"},{"_id":"~b"}]`)
	}
}

var loops = []loop{
	{name: "same page whatever is asked", serve: func(w http.ResponseWriter, r *http.Request, _, _ string) { samePage(w, r) }},
	{name: "next link to itself", only: "servicenow", serve: func(w http.ResponseWriter, r *http.Request, self, _ string) {
		w.Header().Set("Link", "<"+self+`>;rel="next"`)
		samePage(w, r)
	}},
	{name: "next link without an offset", only: "servicenow", serve: func(w http.ResponseWriter, r *http.Request, self, _ string) {
		w.Header().Set("Link", "<"+strings.Split(self, "?")[0]+`?sysparm_limit=2>;rel="next"`)
		samePage(w, r)
	}},
	{name: "next link back to the first page", only: "servicenow", serve: func(w http.ResponseWriter, r *http.Request, _, first string) {
		w.Header().Set("Link", "<"+first+`>;rel="next"`)
		samePage(w, r)
	}},
	{name: "empty pages linking onward for ever", only: "servicenow", serve: func(w http.ResponseWriter, r *http.Request, self, _ string) {
		off, _ := strconv.Atoi(r.URL.Query().Get("sysparm_offset"))
		q := r.URL.Query()
		q.Set("sysparm_offset", strconv.Itoa(off+2))
		w.Header().Set("Link", "<"+strings.Split(self, "?")[0]+"?"+q.Encode()+`>;rel="next"`)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"result":[]}`)
	}},
	{name: "empty pages linking to themselves", only: "servicenow", serve: func(w http.ResponseWriter, _ *http.Request, self, _ string) {
		w.Header().Set("Link", "<"+self+`>;rel="next"`)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"result":[]}`)
	}},
}

// TestLoopingServers is the looping-server class: for each client, servers
// that keep a listing from ending (the same page whatever is asked, a
// next link to the page itself, back to the first page, empty pages
// linking onward for ever or to themselves). Every All must end with an
// *incidentkit.PagingError matching ErrServer after a bounded number of
// requests, yield no record twice, and leave no goroutine behind.
func TestLoopingServers(t *testing.T) {
	const bound = 8 // the first page, the bounded repeats, and slack
	before := runtime.NumGoroutine()
	for _, lp := range loops {
		for _, client := range []string{"servicenow", "thehive", "cyderes"} {
			if lp.only != "" && lp.only != client {
				continue
			}
			t.Run(lp.name+" "+client, func(t *testing.T) {
				var requests atomic.Int32
				var first atomic.Value
				var srv *httptest.Server
				srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					_, _ = io.Copy(io.Discard, r.Body)
					if requests.Add(1) > 100 {
						w.WriteHeader(http.StatusTeapot) // end a runaway listing
						return
					}
					self := srv.URL + r.URL.RequestURI()
					first.CompareAndSwap(nil, self)
					lp.serve(w, r, self, first.Load().(string))
				}))
				defer srv.Close()
				ctx := context.Background()
				var ids string
				var err error
				switch client {
				case "servicenow":
					c, _ := servicenow.NewClient(srv.URL, servicenow.WithBasicAuth("u", "p"))
					ids, err = testkit.Drain(c.Incidents.All(ctx, &servicenow.ListOptions{PageSize: 2}), func(in *servicenow.Incident) string { return in.SysID })
				case "thehive":
					c, _ := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"))
					ids, err = testkit.Drain(c.Cases.All(ctx, &thehive.ListOptions{PageSize: 2}), func(c *thehive.Case) string { return c.ID })
				case "cyderes":
					c, _ := cyderes.NewClient(srv.URL, cyderes.WithToken("k"))
					ids, err = testkit.Drain(c.Tickets.All(ctx, &cyderes.ListOptions{PageSize: 2}), func(t *cyderes.Ticket) string { return t.TicketID })
				}
				var pe *incidentkit.PagingError
				if !errors.As(err, &pe) || !errors.Is(err, incidentkit.ErrServer) {
					t.Fatalf("err = %v after %d requests, want a *incidentkit.PagingError", err, requests.Load())
				}
				if r := requests.Load(); r > bound {
					t.Errorf("%d requests, want at most %d", r, bound)
				}
				if strings.Count(ids, ",") > 1 {
					t.Errorf("records %s yielded from a server that holds 2", ids)
				}
			})
		}
	}
	if left := settle(before); left > 2 {
		t.Errorf("%d goroutines outlived the class", left)
	}
}

// TestForeignNextLinks: a next link to another origin ends the listing
// with a server-fault *incidentkit.PagingError; nothing, credentials least
// of all, is sent to that origin.
func TestForeignNextLinks(t *testing.T) {
	var reached atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached.Add(1) }))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "<"+other.URL+r.URL.RequestURI()+`>;rel="next"`)
		samePage(w, r)
	}))
	defer srv.Close()
	c, _ := servicenow.NewClient(srv.URL, servicenow.WithBasicAuth("u", "p"))
	ids, err := testkit.Drain(c.Incidents.All(context.Background(), &servicenow.ListOptions{PageSize: 2}), func(in *servicenow.Incident) string { return in.SysID })
	var pe *incidentkit.PagingError
	if !errors.As(err, &pe) || !errors.Is(err, incidentkit.ErrServer) || errors.Is(err, incidentkit.ErrInvalidInput) {
		t.Fatalf("err = %v, want a server-fault *incidentkit.PagingError", err)
	}
	if ids != "a,b" || reached.Load() != 0 {
		t.Fatalf("records %s; the other origin got %d requests", ids, reached.Load())
	}
}
