package servicenow

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// looseRecord is a caller's record type that does not decode itself.
type looseRecord struct {
	SysID string `json:"sys_id"`
}

func TestAllEndsAgainstALoopingServer(t *testing.T) {
	selfLink := testBase + "/api/now/table/incident?sysparm_limit=2&sysparm_query=ORDERBYsys_id"
	tests := []struct {
		name  string
		setup func(m *testkit.Mock)
		opts  ListOptions
	}{
		{
			name:  "offset ignored, no count, no links",
			setup: func(m *testkit.Mock) { answerAll(m, testkit.Answer{Body: records(0, 2)}) },
			opts:  ListOptions{PageSize: 2, NoCount: true},
		},
		{
			name: "offset ignored under a total that never comes",
			setup: func(m *testkit.Mock) {
				answerAll(m, testkit.Answer{Body: records(0, 2), Header: testkit.Headers("X-Total-Count", "1000000")})
			},
			opts: ListOptions{PageSize: 2},
		},
		{
			name: "next link to itself without an offset",
			setup: func(m *testkit.Mock) {
				answerAll(m, testkit.Answer{Body: records(0, 2), Header: testkit.Headers("Link", `<`+selfLink+`>;rel="next"`)})
			},
			opts: ListOptions{PageSize: 2},
		},
		{
			name: "links, then offsets that are ignored",
			setup: func(m *testkit.Mock) {
				m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 2), Header: testkit.Headers("Link", `<`+incidentURL(2, 2)+`>;rel="next"`)})
				answerAll(m, testkit.Answer{Body: records(2, 2)})
			},
			opts: ListOptions{PageSize: 2, NoCount: true},
		},
	}
	for _, tt := range tests {
		for _, typed := range []bool{true, false} {
			name := tt.name + map[bool]string{true: ", Incident", false: ", caller's type"}[typed]
			t.Run(name, func(t *testing.T) {
				c, m := newClient(t)
				tt.setup(m)
				var err error
				if typed {
					_, err = testkit.Drain(c.Incidents.All(context.Background(), &tt.opts), func(in *Incident) string { return in.SysID })
				} else {
					_, err = testkit.Drain(NewTable[looseRecord](c, "incident").All(context.Background(), &tt.opts), func(r *looseRecord) string { return r.SysID })
				}
				var pe *incidentkit.PagingError
				if !errors.As(err, &pe) || !errors.Is(err, ErrServer) || pe.Service != "servicenow" {
					t.Fatalf("err = %v, want a *incidentkit.PagingError matching ErrServer", err)
				}
				if n := len(m.Requests()); n > 2+paging.MaxStalls {
					t.Fatalf("%d requests, want at most %d", n, 2+paging.MaxStalls)
				}
			})
		}
	}
}

func TestAllDropsARecordShiftedIntoTheNextPage(t *testing.T) {
	c, m := newClient(t)
	m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 2), Header: testkit.Headers("X-Total-Count", "5")})
	// A record inserted before the second page shifts id1 into it.
	m.On("GET", incidentURL(2, 2), testkit.Answer{Body: records(1, 2), Header: testkit.Headers("X-Total-Count", "5")})
	m.On("GET", incidentURL(2, 4), testkit.Answer{Body: records(3, 2), Header: testkit.Headers("X-Total-Count", "5")})
	ids, err := testkit.Drain(NewTable[looseRecord](c, "incident").All(context.Background(), &ListOptions{PageSize: 2}),
		func(r *looseRecord) string { return r.SysID })
	if err != nil || ids != "id0,id1,id2,id3,id4" {
		t.Fatalf("ids %s, err %v", ids, err)
	}
	// A record type without a sys_id field is keyed from the raw record.
	type numberOnly struct {
		Number string `json:"number"`
	}
	n, err := testkit.Drain(NewTable[numberOnly](c, "incident").All(context.Background(), &ListOptions{PageSize: 2}),
		func(*numberOnly) string { return "x" })
	if err != nil || n != "x,x,x,x,x" {
		t.Fatalf("records %s, err %v", n, err)
	}
}

func TestAllContinuesPastAnEmptyPageWhileTheServerSaysMore(t *testing.T) {
	tests := []struct {
		name   string
		header func(offset int) []string
	}{
		{name: "X-Total-Count", header: func(int) []string { return []string{"X-Total-Count", "5"} }},
		{name: "next link", header: func(offset int) []string {
			if offset >= 4 {
				return []string{"Link", `<` + incidentURL(2, 0) + `>;rel="first"`}
			}
			return []string{"Link", `<` + incidentURL(2, offset+2) + `>;rel="next"`}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			// ACLs hid every record of the first two pages.
			m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 0), Header: testkit.Headers(tt.header(0)...)})
			m.On("GET", incidentURL(2, 2), testkit.Answer{Body: records(0, 0), Header: testkit.Headers(tt.header(2)...)})
			m.On("GET", incidentURL(2, 4), testkit.Answer{Body: records(4, 1), Header: testkit.Headers(tt.header(4)...)})
			if ids := sysIDs(t, c.Incidents.All(context.Background(), &ListOptions{PageSize: 2})); ids != "id4" || len(m.Requests()) != 3 {
				t.Fatalf("ids %q after %d requests", ids, len(m.Requests()))
			}
		})
	}
}

func TestAllRefusesANextLinkToAnotherOrigin(t *testing.T) {
	for _, link := range []string{"https://evil.example/api/now/table/incident?sysparm_offset=2", "//evil.example/x", "http://dev1.service-now.com/api/now/table/incident"} {
		t.Run(link, func(t *testing.T) {
			c, m := newClient(t)
			m.On("GET", incidentURL(2, 0), testkit.Answer{Body: records(0, 2), Header: testkit.Headers("Link", `<`+link+`>;rel="next"`)})
			ids, err := testkit.Drain(c.Incidents.All(context.Background(), &ListOptions{PageSize: 2}), func(in *Incident) string { return in.SysID })
			var pe *incidentkit.PagingError
			if !errors.As(err, &pe) || !errors.Is(err, ErrServer) || errors.Is(err, ErrInvalidInput) {
				t.Fatalf("err = %v, want a server-fault *incidentkit.PagingError", err)
			}
			if ids != "id0,id1" || len(m.Requests()) != 1 {
				t.Fatalf("ids %q after %d requests: the link was followed", ids, len(m.Requests()))
			}
		})
	}
}

func TestListAnswerWithoutResultIsABodyError(t *testing.T) {
	for _, body := range []string{`{}`, `{"result":null}`, `{"records":[{"sys_id":"a"}]}`} {
		t.Run(body, func(t *testing.T) {
			c, m := newClient(t)
			answerAll(m, testkit.Answer{Body: body})
			calls := map[string]func() error{
				"Incidents.List": func() error { _, err := c.Incidents.List(context.Background(), nil); return err },
				"Records.List":   func() error { _, err := c.Records("cmdb_ci").List(context.Background(), nil); return err },
				"Table.All": func() error {
					_, err := testkit.Drain(NewTable[looseRecord](c, "x").All(context.Background(), nil), func(r *looseRecord) string { return r.SysID })
					return err
				},
			}
			for name, call := range calls {
				var be *incidentkit.BodyError
				if err := call(); !errors.As(err, &be) {
					t.Errorf("%s: err = %v, want a *incidentkit.BodyError", name, err)
				}
			}
		})
	}
}

func TestCallersOrderKeepsSysIDAsTheTieBreaker(t *testing.T) {
	tests := []struct {
		name, query, want string
	}{
		{name: "no order", want: "ORDERBYsys_id"},
		{name: "caller's order", query: "active=true^ORDERBYDESCpriority", want: "active=true^ORDERBYDESCpriority^ORDERBYsys_id"},
		{name: "sys_id already ordered", query: "ORDERBYDESCsys_id", want: "ORDERBYDESCsys_id"},
		{name: "sys_id first", query: "ORDERBYsys_id^ORDERBYnumber", want: "ORDERBYsys_id^ORDERBYnumber"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			answerAll(m, testkit.Answer{Body: records(0, 0)})
			opts := &ListOptions{}
			if tt.query != "" {
				opts.Query = encodedquery.Raw(tt.query)
			}
			if _, err := c.Incidents.List(context.Background(), opts); err != nil {
				t.Fatal(err)
			}
			if got := m.Requests()[0].Query.Get("sysparm_query"); got != tt.want {
				t.Fatalf("sysparm_query = %q, want %q", got, tt.want)
			}
		})
	}
}

// SysIDInner is embedded by pointer in a test record type.
type SysIDInner struct {
	SysID string `json:"sys_id"`
}

func TestSysIDField(t *testing.T) {
	type embeddedValue struct{ SysIDInner }
	type embeddedPointer struct{ *SysIDInner }
	type numeric struct {
		SysID int `json:"sys_id"`
	}
	tests := []struct {
		name string
		got  func() ([]int, bool)
		want bool
	}{
		{name: "tagged string field", got: sysIDField[looseRecord], want: true},
		{name: "embedded by value", got: sysIDField[embeddedValue], want: true},
		{name: "embedded by pointer, maybe nil", got: sysIDField[embeddedPointer]},
		{name: "not a string", got: sysIDField[numeric]},
		{name: "decodes itself", got: sysIDField[Incident]},
		{name: "map", got: sysIDField[Record]},
	}
	for _, tt := range tests {
		if _, ok := tt.got(); ok != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, ok, tt.want)
		}
	}
}
