package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

const oneIncident = `{"result":{"sys_id":"abc","number":"INC0010001","state":"2","impact":"1","urgency":"2","priority":"2",
"caller_id":{"link":"https://dev1.service-now.com/api/now/table/sys_user/u1","value":"u1"},
"opened_at":"2026-01-02 03:04:05","u_custom":"x"}}`

func TestRequestShapes(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		status int
		call   func(c *Client) error
		method string
		path   string
		query  url.Values
		body   string
	}{
		{name: "create", status: 201, call: func(c *Client) error {
			_, err := c.Incidents.Create(ctx, &IncidentInput{ShortDescription: incidentkit.Ptr("phish"), Urgency: incidentkit.Ptr(UrgencyHigh)})
			return err
		}, method: "POST", path: "/api/now/table/incident", query: url.Values{}, body: `{"short_description":"phish","urgency":"1"}`},
		{name: "create keeps markup as is", status: 201, call: func(c *Client) error {
			_, err := c.Incidents.Create(ctx, &IncidentInput{ShortDescription: incidentkit.Ptr(`<b>"x" & y</b>`)})
			return err
		}, method: "POST", path: "/api/now/table/incident", query: url.Values{}, body: `{"short_description":"<b>\"x\" & y</b>"}`},
		{name: "get", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.Get(ctx, "abc", &GetOptions{DisplayValue: DisplayValueAll, Fields: []string{"number", "state"}})
			return err
		}, method: "GET", path: "/api/now/table/incident/abc", query: url.Values{"sysparm_display_value": {"all"}, "sysparm_fields": {"number,state"}}},
		{name: "update clears", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "abc", &IncidentInput{Description: incidentkit.Clear[string](), AssignedTo: incidentkit.Clear[string](),
				HoldReason: incidentkit.Clear[HoldReason]()})
			return err
		}, method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{}, body: `{"description":"","hold_reason":"","assigned_to":""}`},
		{name: "update sets", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "abc", &IncidentInput{State: incidentkit.Ptr(StateOnHold), HoldReason: incidentkit.Set(HoldAwaitingVendor),
				Category: incidentkit.Set("security"), AssignmentGroup: incidentkit.Set("g1"), Caller: incidentkit.Set("u1"),
				Fields: map[string]string{"u_ticket": "T-1", "u_empty": "", "category": "ignored"}})
			return err
		}, method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{},
			body: `{"state":"3","category":"security","hold_reason":"4","assignment_group":"g1","caller_id":"u1","u_empty":"","u_ticket":"T-1"}`},
		{name: "delete", status: 204, call: func(c *Client) error { return c.Incidents.Delete(ctx, "abc") },
			method: "DELETE", path: "/api/now/table/incident/abc", query: url.Values{}},
		{name: "resolve", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.Resolve(ctx, "abc", CloseSolutionProvided, "fixed")
			return err
		}, method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{}, body: `{"state":"6","close_code":"Solution provided","close_notes":"fixed"}`},
		{name: "close", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.Close(ctx, "abc", CloseDuplicate, "dup")
			return err
		}, method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{}, body: `{"state":"7","close_code":"Duplicate","close_notes":"dup"}`},
		{name: "reopen", status: 200, call: func(c *Client) error { _, err := c.Incidents.Reopen(ctx, "abc"); return err },
			method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{}, body: `{"state":"2"}`},
		{name: "work note", status: 200, call: func(c *Client) error { _, err := c.Incidents.AddWorkNote(ctx, "abc", "looked"); return err },
			method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{}, body: `{"work_notes":"looked"}`},
		{name: "comment", status: 200, call: func(c *Client) error { _, err := c.Incidents.AddComment(ctx, "abc", "hello"); return err },
			method: "PATCH", path: "/api/now/table/incident/abc", query: url.Values{}, body: `{"comments":"hello"}`},
		{name: "list", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.List(ctx, &ListOptions{Query: encodedquery.Field("active").Eq(true), PageSize: 50, Offset: 10, NoCount: true, ExcludeReferenceLink: true})
			return err
		}, method: "GET", path: "/api/now/table/incident", query: url.Values{"sysparm_query": {"active=true^ORDERBYsys_id"}, "sysparm_limit": {"50"},
			"sysparm_offset": {"10"}, "sysparm_no_count": {"true"}, "sysparm_exclude_reference_link": {"true"}}},
		{name: "list ordered", status: 200, call: func(c *Client) error {
			_, err := c.Records("cmdb_ci").List(ctx, &ListOptions{Query: encodedquery.Query{}.OrderByDesc("number")})
			return err
		}, method: "GET", path: "/api/now/table/cmdb_ci", query: url.Values{"sysparm_query": {"ORDERBYDESCnumber^ORDERBYsys_id"}, "sysparm_limit": {"1000"}, "sysparm_offset": {"0"}}},
		{name: "journal", status: 200, call: func(c *Client) error { _, err := c.Incidents.Journal(ctx, "abc"); return err },
			method: "GET", path: "/api/now/table/sys_journal_field", query: url.Values{"sysparm_query": {"element_id=abc^elementINwork_notes,comments^ORDERBYsys_created_on^ORDERBYsys_id"},
				"sysparm_limit": {"1000"}, "sysparm_offset": {"0"}}},
		{name: "journal id cannot inject", status: 200, call: func(c *Client) error {
			_, err := c.Incidents.Journal(ctx, "a^NQactive=true", JournalComments)
			return err
		}, method: "GET", path: "/api/now/table/sys_journal_field",
			query: url.Values{"sysparm_query": {"element_id=a^^NQactive=true^elementINcomments^ORDERBYsys_created_on^ORDERBYsys_id"},
				"sysparm_limit": {"1000"}, "sysparm_offset": {"0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			body := oneIncident
			if tt.method == "GET" && tt.path != "/api/now/table/incident/abc" {
				body = `{"result":[]}`
			}
			if tt.status == 204 {
				body = ""
			}
			answerAll(m, testkit.Answer{Status: tt.status, Body: body})
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			if n := len(m.Requests()); n != 1 {
				t.Fatalf("sent %d requests, want 1", n)
			}
			g := m.Last(t)
			if g.Method != tt.method || g.Path != tt.path || g.Body != tt.body {
				t.Errorf("got %s %s %s, want %s %s %s", g.Method, g.Path, g.Body, tt.method, tt.path, tt.body)
			}
			if g.Query.Encode() != tt.query.Encode() {
				t.Errorf("query %s, want %s", g.Query.Encode(), tt.query.Encode())
			}
			if g.Header.Get("Authorization") == "" {
				t.Error("no Authorization header")
			}
		})
	}
}

func TestJournalAppendNotRetried(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Status: 503, Body: `{"error":{"message":"busy"},"status":"failure"}`})
	_, err := c.Incidents.AddWorkNote(context.Background(), "abc", "note")
	if !errors.Is(err, ErrServer) {
		t.Fatalf("err = %v", err)
	}
	if n := len(m.Requests()); n != 1 {
		t.Fatalf("sent %d times, want 1", n)
	}
	// Neither are a resolution and a table update that writes a journal
	// field; a plain update is retried.
	tests := []struct {
		name  string
		call  func() error
		tries func(n int) bool
	}{
		{name: "resolve", call: func() error {
			_, err := c.Incidents.Resolve(context.Background(), "abc", CloseDuplicate, "dup")
			return err
		}, tries: func(n int) bool { return n == 1 }},
		{name: "table update with comments", call: func() error {
			_, err := c.Records("incident").Update(context.Background(), "abc", map[string]string{"comments": "hi"})
			return err
		}, tries: func(n int) bool { return n == 1 }},
		{name: "plain update", call: func() error {
			_, err := c.Incidents.Update(context.Background(), "abc", &IncidentInput{Category: incidentkit.Set("x")})
			return err
		}, tries: func(n int) bool { return n >= 2 }},
		{name: "clearing update", call: func() error {
			_, err := c.Incidents.Update(context.Background(), "abc", &IncidentInput{Category: incidentkit.Clear[string]()})
			return err
		}, tries: func(n int) bool { return n >= 2 }},
	}
	for _, tt := range tests {
		m.Reset()
		if err := tt.call(); !errors.Is(err, ErrServer) {
			t.Errorf("%s: err = %v", tt.name, err)
		}
		if n := len(m.Requests()); !tt.tries(n) {
			t.Errorf("%s: sent %d times", tt.name, n)
		}
	}
}

func TestBadInput(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		call func(c *Client) error
	}{
		{name: "empty id get", call: func(c *Client) error { _, err := c.Incidents.Get(ctx, " ", nil); return err }},
		{name: "empty id delete", call: func(c *Client) error { return c.Incidents.Delete(ctx, "") }},
		{name: "resolve no code", call: func(c *Client) error { _, err := c.Incidents.Resolve(ctx, "a", "", "n"); return err }},
		{name: "resolve no notes", call: func(c *Client) error { _, err := c.Incidents.Resolve(ctx, "a", CloseDuplicate, ""); return err }},
		{name: "unknown state", call: func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "a", &IncidentInput{State: incidentkit.Ptr(State("42"))})
			return err
		}},
		{name: "empty impact", call: func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "a", &IncidentInput{Impact: incidentkit.Ptr(Impact(""))})
			return err
		}},
		{name: "short description emptied", call: func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "a", &IncidentInput{ShortDescription: incidentkit.Ptr(" ")})
			return err
		}},
		{name: "journal field in Fields", call: func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "a", &IncidentInput{Fields: map[string]string{"work_notes": "x"}})
			return err
		}},
		{name: "create nil", call: func(c *Client) error { _, err := c.Incidents.Create(ctx, nil); return err }},
		{name: "update nil", call: func(c *Client) error { _, err := c.Incidents.Update(ctx, "a", nil); return err }},
		{name: "table create nil", call: func(c *Client) error { _, err := c.Records("x").Create(ctx, nil); return err }},
		{name: "table create nil map", call: func(c *Client) error {
			_, err := c.Records("x").Create(ctx, map[string]string(nil))
			return err
		}},
		{name: "table update nil pointer", call: func(c *Client) error {
			_, err := c.Records("x").Update(ctx, "a", (*change)(nil))
			return err
		}},
		{name: "table update not an object", call: func(c *Client) error { _, err := c.Records("x").Update(ctx, "a", "state=2"); return err }},
		{name: "create no description", call: func(c *Client) error { _, err := c.Incidents.Create(ctx, &IncidentInput{}); return err }},
		{name: "page size 0 is default, -1 bad", call: func(c *Client) error { _, err := c.Incidents.List(ctx, &ListOptions{PageSize: -1}); return err }},
		{name: "page size too big", call: func(c *Client) error { _, err := c.Incidents.List(ctx, &ListOptions{PageSize: 10001}); return err }},
		{name: "bad display value", call: func(c *Client) error { _, err := c.Incidents.List(ctx, &ListOptions{DisplayValue: "yes"}); return err }},
		{name: "query newline", call: func(c *Client) error {
			for _, err := range c.Incidents.All(ctx, &ListOptions{Query: encodedquery.Raw("a=b\nc")}) {
				return err
			}
			return nil
		}},
		{name: "journal unknown field", call: func(c *Client) error { _, err := c.Incidents.Journal(ctx, "a", "u_notes"); return err }},
		{name: "empty note", call: func(c *Client) error { _, err := c.Incidents.AddWorkNote(ctx, "a", " "); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			err := tt.call(c)
			testkit.InputError(t, err, "servicenow")
			if n := len(m.Requests()); n != 0 {
				t.Fatalf("sent %d requests", n)
			}
		})
	}
}

func TestQueryErrorMatchesBoth(t *testing.T) {
	c, m := newClient(t)
	_, err := c.Incidents.List(context.Background(), &ListOptions{Query: encodedquery.Field("Bad Field").Eq(1)})
	var qe *encodedquery.Error
	if !errors.Is(err, ErrInvalidInput) || !errors.Is(err, encodedquery.ErrInvalid) || !errors.As(err, &qe) || qe.Field != "Bad Field" {
		t.Fatalf("err = %v", err)
	}
	if len(m.Requests()) != 0 {
		t.Fatal("a bad query was sent")
	}
}

func TestNewClientRejects(t *testing.T) {
	tests := []struct {
		name string
		url  string
		opts []Option
	}{
		{name: "plain http", url: "http://dev1.service-now.com"},
		{name: "empty", url: ""},
		{name: "two auths", url: testBase, opts: []Option{WithBasicAuth("a", "b"), WithAPIKey("k")}},
		{name: "oauth and basic", url: testBase, opts: []Option{WithOAuthClientCredentials("id", "s"), WithBasicAuth("a", "b")}},
		{name: "empty key", url: testBase, opts: []Option{WithAPIKey("")}},
		{name: "empty password", url: testBase, opts: []Option{WithBasicAuth("admin", "")}},
		{name: "oauth missing secret", url: testBase, opts: []Option{WithOAuthClientCredentials("id", "")}},
		{name: "oauth password missing user", url: testBase, opts: []Option{WithOAuthPassword("id", "s", "", "pw")}},
		{name: "negative retries", url: testBase, opts: []Option{WithRetries(-1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewClient(tt.url, tt.opts...)
			testkit.InputError(t, err, "servicenow")
		})
	}
	if _, err := NewClient("http://dev1.service-now.com", WithInsecureHTTP()); err != nil {
		t.Fatalf("explicit insecure: %v", err)
	}
	if _, err := NewClient("http://127.0.0.1:8080"); err != nil {
		t.Fatalf("loopback: %v", err)
	}
}

func TestAPIKeyHeader(t *testing.T) {
	m := testkit.New()
	c, err := NewClient(testBase, WithHTTPClient(m.HTTPClient()), WithAPIKey("key-1"))
	if err != nil {
		t.Fatal(err)
	}
	answerAll(m, testkit.Answer{Body: oneIncident})
	in, err := c.Incidents.Get(context.Background(), "abc", nil)
	if err != nil {
		t.Fatal(err)
	}
	if h := m.Last(t).Header; h.Get("X-Sn-Apikey") != "key-1" || h.Get("Authorization") != "" {
		t.Fatalf("headers %v", h)
	}
	if in.State != StateInProgress || in.Caller.Value != "u1" || in.OpenedAt.Hour() != 3 || in.Priority.String() != "High" {
		t.Fatalf("decoded %+v", in)
	}
	var custom string
	if ok, err := in.Extra("u_custom", &custom); !ok || err != nil || custom != "x" {
		t.Fatalf("extra = %v %v %q", ok, err, custom)
	}
}

func TestIncidentInputJSON(t *testing.T) {
	tests := []struct {
		name string
		in   IncidentInput
		want string
	}{
		{name: "zero sends nothing", in: IncidentInput{}, want: `{}`},
		{name: "set and clear", in: IncidentInput{Description: incidentkit.Set("d"), CloseCode: incidentkit.Clear[CloseCode](),
			Subcategory: incidentkit.Set("")}, want: `{"description":"d","subcategory":"","close_code":""}`},
		{name: "escapes", in: IncidentInput{ShortDescription: incidentkit.Ptr("a\"b\\c\n\x01\u00e9\xff")},
			want: `{"short_description":"a\"b\\c\n\u0001\u00e9\ufffd"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.in.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			testkit.JSONEqual(t, string(b), tt.want)
		})
	}
}

func TestUserAgent(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want *regexp.Regexp
	}{
		{name: "default", want: regexp.MustCompile(`^incidentkit/\d+\.\d+\.\d+ \(go[^)]*\)$`)},
		{name: "replaced", opts: []Option{WithUserAgent("soc-bridge/2.0")}, want: regexp.MustCompile(`^soc-bridge/2\.0$`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t, tt.opts...)
			answerAll(m, testkit.Answer{Body: oneIncident})
			if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
				t.Fatal(err)
			}
			if ua := m.Last(t).Header.Get("User-Agent"); !tt.want.MatchString(ua) {
				t.Fatalf("User-Agent = %q", ua)
			}
		})
	}
}

// TestIncidentFieldsByTag checks that every tagged field of Incident is
// reached by its json name and decodes: as text, or by itself.
func TestIncidentFieldsByTag(t *testing.T) {
	var in Incident
	rv := reflect.ValueOf(&in).Elem()
	for i := range rv.NumField() {
		name, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		f := in.field([]byte(name))
		// A field read through a conversion (an int sent as text) is
		// reached at its own address under another type.
		if f == nil || reflect.ValueOf(f).Pointer() != rv.Field(i).Addr().Pointer() {
			t.Errorf("%s reaches %T, not field %s", name, f, rv.Type().Field(i).Name)
		}
		if _, ok := f.(json.Unmarshaler); !ok {
			if _, ok := f.(*string); !ok {
				t.Errorf("%s: %T is neither text nor self-decoding", name, f)
			}
		}
	}
	if in.field([]byte("u_custom")) != nil {
		t.Error("an unnamed member reaches a field")
	}
}
