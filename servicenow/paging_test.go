package servicenow

import (
	"context"
	"errors"
	"fmt"
	"github.com/incidentkit/incidentkit/internal/paging"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

func records(from, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"sys_id":"id%d"}`, from+i)
	}
	return `{"result":[` + strings.Join(parts, ",") + `]}`
}

// incidentURL is the list URL with the given limit and offset, in the
// order the client sends the query.
func incidentURL(limit, offset int) string {
	return fmt.Sprintf("%s/api/now/table/incident?sysparm_limit=%d&sysparm_offset=%d&sysparm_query=ORDERBYsys_id", testBase, limit, offset)
}

func TestAllFollowsLinks(t *testing.T) {
	c, m := newClient(t)
	next := incidentURL(2, 2)
	m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 2),
		Header: testkit.Headers("Link", `<`+next+`>;rel="next"`, "X-Total-Count", "3")})
	// The second page is short but not the end by itself: the link ends it.
	m.On("GET", next, testkit.Answer{Body: records(2, 1),
		Header: testkit.Headers("Link", `<`+testBase+`/x>;rel="first"`, "X-Total-Count", "3")})
	if ids := sysIDs(t, c.Incidents.All(context.Background(), &ListOptions{PageSize: 2})); ids != "id0,id1,id2" || len(m.Requests()) != 2 {
		t.Fatalf("ids %s after %d requests", ids, len(m.Requests()))
	}
}

func TestListPageMetadata(t *testing.T) {
	next := incidentURL(2, 4)
	tests := []struct {
		name       string
		answer     testkit.Answer
		wantIDs    string
		total      int
		totalKnown bool
		nextOffset int
		nextURL    string
	}{
		{name: "link next", answer: testkit.Answer{Body: records(2, 2), Header: testkit.Headers("Link", `<`+next+`>;rel="next"`, "X-Total-Count", "9")},
			wantIDs: "id2,id3", total: 9, totalKnown: true, nextOffset: 4, nextURL: next},
		{name: "offsets with total", answer: testkit.Answer{Body: records(2, 1), Header: testkit.Headers("X-Total-Count", "9")},
			wantIDs: "id2", total: 9, totalKnown: true, nextOffset: 4},
		{name: "total reached", answer: testkit.Answer{Body: records(2, 2), Header: testkit.Headers("X-Total-Count", "4")},
			wantIDs: "id2,id3", total: 4, totalKnown: true, nextOffset: -1},
		{name: "links without next", answer: testkit.Answer{Body: records(2, 2), Header: testkit.Headers("Link", `<`+incidentURL(2, 0)+`>;rel="first"`)},
			wantIDs: "id2,id3", nextOffset: -1},
		{name: "empty page, nothing says more", answer: testkit.Answer{Body: records(0, 0)}, nextOffset: -1},
		{name: "empty page, total says more", answer: testkit.Answer{Body: records(0, 0), Header: testkit.Headers("X-Total-Count", "9")},
			total: 9, totalKnown: true, nextOffset: 4},
		{name: "v1 404 is empty", answer: testkit.Answer{Status: 404, Body: `{"error":{"message":"No Record found"},"status":"failure"}`}, nextOffset: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			answerAll(m, tt.answer)
			p, err := c.Incidents.List(context.Background(), &ListOptions{PageSize: 2, Offset: 2})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, in := range p.Items {
				ids = append(ids, in.SysID)
			}
			if got := strings.Join(ids, ","); got != tt.wantIDs || p.Offset != 2 || p.Limit != 2 || p.Total != tt.total ||
				p.TotalKnown != tt.totalKnown || p.NextOffset != tt.nextOffset || p.NextURL != tt.nextURL || p.HasNext() != (tt.nextOffset >= 0) {
				t.Fatalf("page %s %+v", got, *p)
			}
		})
	}
}

func TestListItemsShareOnePage(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: records(0, 3)})
	p, err := c.Incidents.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// The items point into one contiguous array, each at its own record.
	if len(p.Items) != 3 || p.Items[0] == p.Items[1] || p.Items[2].SysID != "id2" || string(p.Items[2].Raw) != `{"sys_id":"id2"}` {
		t.Fatalf("items %+v", p.Items)
	}
}

func TestAllOffsetShortPages(t *testing.T) {
	c, m := newClient(t)
	// No links: offsets with X-Total-Count; pages are short (ACL
	// filtering), and one is empty.
	m.RegisterResponder("GET", testBase+"/api/now/table/incident", m.Record(func(r *http.Request) testkit.Answer {
		off, _ := strconv.Atoi(r.URL.Query().Get("sysparm_offset"))
		n := 1
		if off == 3 {
			n = 0
		}
		return testkit.Answer{Body: records(off, n), Header: testkit.Headers("X-Total-Count", "12")}
	}))
	if ids := sysIDs(t, c.Incidents.All(context.Background(), &ListOptions{PageSize: 3})); ids != "id0,id6,id9" || len(m.Requests()) != 4 {
		t.Fatalf("ids %s after %d requests", ids, len(m.Requests()))
	}
}

func TestAllEmptyPageFollowsNextLink(t *testing.T) {
	c, m := newClient(t)
	second, third := incidentURL(2, 2), incidentURL(2, 4)
	m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 2), Header: testkit.Headers("Link", `<`+second+`>;rel="next"`)})
	m.On("GET", second, testkit.Answer{Body: records(0, 0), Header: testkit.Headers("Link", `<`+third+`>;rel="next"`)})
	m.On("GET", third, testkit.Answer{Body: records(4, 1), Header: testkit.Headers("Link", `<`+incidentURL(2, 0)+`>;rel="first"`)})
	if ids := sysIDs(t, c.Incidents.All(context.Background(), &ListOptions{PageSize: 2})); ids != "id0,id1,id4" || len(m.Requests()) != 3 {
		t.Fatalf("ids %s after %d requests", ids, len(m.Requests()))
	}
}

func TestAllSameNextLinkEnds(t *testing.T) {
	c, m := newClient(t)
	second := incidentURL(2, 2)
	m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 2), Header: testkit.Headers("Link", `<`+second+`>;rel="next"`)})
	m.On("GET", second, testkit.Answer{Body: records(2, 2), Header: testkit.Headers("Link", `<`+second+`>;rel="next"`)})
	var n int
	var last error
	for _, err := range c.Incidents.All(context.Background(), &ListOptions{PageSize: 2}) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	// The self link is asked again a bounded number of times; its
	// repeated records are not yielded twice.
	var pe *incidentkit.PagingError
	if !errors.As(last, &pe) || !errors.Is(last, ErrServer) || n != 4 || len(m.Requests()) != 1+paging.MaxStalls {
		t.Fatalf("%d items, err %v after %d requests", n, last, len(m.Requests()))
	}
}

func TestAllLazyBreakAndRestart(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: records(0, 2), Header: testkit.Headers("X-Total-Count", "100")})
	seq := c.Incidents.All(context.Background(), &ListOptions{PageSize: 2})
	if len(m.Requests()) != 0 {
		t.Fatal("All sent a request before the loop")
	}
	for range 2 {
		var first *Incident
		for in, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			first = in
			break
		}
		if first == nil || first.SysID != "id0" {
			t.Fatalf("first = %+v", first)
		}
	}
	if n := len(m.Requests()); n != 2 {
		t.Fatalf("two loops that break at once sent %d requests", n)
	}
}

func TestAllMaxItemsAndOffset(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: records(0, 2)})
	n := 0
	for _, err := range c.Incidents.All(context.Background(), &ListOptions{PageSize: 10, Offset: 5, MaxItems: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	reqs := m.Requests()
	if n != 2 || len(reqs) != 1 || reqs[0].Query.Get("sysparm_offset") != "5" || reqs[0].Query.Get("sysparm_limit") != "2" {
		t.Fatalf("n=%d requests=%+v", n, reqs)
	}
}

func TestListErrors(t *testing.T) {
	tests := []struct {
		name   string
		answer testkit.Answer
		check  func(t *testing.T, err error)
	}{
		{name: "v1 404 no record is empty",
			answer: testkit.Answer{Status: 404, Body: `{"error":{"message":"No Record found","detail":"Records not found"},"status":"failure"}`},
			check: func(t *testing.T, err error) {
				if err != nil {
					t.Fatal(err)
				}
			}},
		{name: "other 404 is an error",
			answer: testkit.Answer{Status: 404, Body: `{"error":{"message":"Invalid table"},"status":"failure"}`},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("err = %v", err)
				}
			}},
		{name: "envelope on 200", answer: testkit.Answer{Body: `{"error":{"message":"Invalid table","detail":"nope"},"status":"failure"}`},
			check: func(t *testing.T, err error) {
				var e *incidentkit.Error
				if !errors.As(err, &e) || e.Message != "Invalid table" || e.Detail != "nope" || e.Service != "servicenow" {
					t.Fatalf("err = %#v", err)
				}
			}},
		{name: "429 rate limit", answer: testkit.Answer{Status: 429, Body: `{"error":{"message":"Rate limit exceeded","detail":"Rate limit of 100 requests per hour"},"status":"failure"}`,
			Header: testkit.Headers("X-RateLimit-Limit", "100", "X-RateLimit-Reset", "1767225600", "X-RateLimit-Rule", "r1", "Retry-After", "0")},
			check: func(t *testing.T, err error) {
				var e *incidentkit.Error
				if !errors.Is(err, ErrRateLimited) || !errors.As(err, &e) {
					t.Fatalf("err = %v", err)
				}
				rl := e.Response().RateLimit
				if !rl.Known() || rl.Limit != 100 || rl.Rule != "r1" || rl.Reset.Unix() != 1767225600 || e.RetryAfter != 0 {
					t.Fatalf("rate limit %+v", rl)
				}
			}},
		{name: "html page", answer: testkit.Answer{Status: 503, Body: `<html><head><title>Instance Hibernating page</title></head></html>`,
			Header: testkit.Headers("Content-Type", "text/html")},
			check: func(t *testing.T, err error) {
				if err == nil || !strings.Contains(err.Error(), "Hibernating") {
					t.Fatalf("err = %v", err)
				}
			}},
		{name: "truncated json", answer: testkit.Answer{Body: `{"result":[{"sys_id":"a"`},
			check: func(t *testing.T, err error) {
				var be *incidentkit.BodyError
				if !errors.As(err, &be) {
					t.Fatalf("err = %v", err)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t, WithoutRetries())
			answerAll(m, tt.answer)
			_, err := c.Incidents.List(context.Background(), nil)
			tt.check(t, err)
		})
	}
}
