package servicenow

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"testing"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/jarcoal/httpmock"
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
		{"create", 201, func(c *Client) error {
			_, err := c.Incidents.Create(ctx, &IncidentInput{ShortDescription: Ptr("phish"), Urgency: Ptr(UrgencyHigh)})
			return err
		}, "POST", "/api/now/table/incident", url.Values{}, `{"short_description":"phish","urgency":"1"}`},
		{"get", 200, func(c *Client) error {
			_, err := c.Incidents.Get(ctx, "abc", &GetOptions{DisplayValue: DisplayValueAll, Fields: []string{"number", "state"}})
			return err
		}, "GET", "/api/now/table/incident/abc", url.Values{"sysparm_display_value": {"all"}, "sysparm_fields": {"number,state"}}, ""},
		{"update clears", 200, func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "abc", &IncidentInput{Description: Ptr("")})
			return err
		}, "PATCH", "/api/now/table/incident/abc", url.Values{}, `{"description":""}`},
		{"delete", 204, func(c *Client) error { return c.Incidents.Delete(ctx, "abc") },
			"DELETE", "/api/now/table/incident/abc", url.Values{}, ""},
		{"resolve", 200, func(c *Client) error {
			_, err := c.Incidents.Resolve(ctx, "abc", CloseSolutionProvided, "fixed")
			return err
		}, "PATCH", "/api/now/table/incident/abc", url.Values{}, `{"state":"6","close_code":"Solution provided","close_notes":"fixed"}`},
		{"close", 200, func(c *Client) error {
			_, err := c.Incidents.Close(ctx, "abc", CloseDuplicate, "dup")
			return err
		}, "PATCH", "/api/now/table/incident/abc", url.Values{}, `{"state":"7","close_code":"Duplicate","close_notes":"dup"}`},
		{"reopen", 200, func(c *Client) error { _, err := c.Incidents.Reopen(ctx, "abc"); return err },
			"PATCH", "/api/now/table/incident/abc", url.Values{}, `{"state":"2"}`},
		{"work note", 200, func(c *Client) error { _, err := c.Incidents.AddWorkNote(ctx, "abc", "looked"); return err },
			"PATCH", "/api/now/table/incident/abc", url.Values{}, `{"work_notes":"looked"}`},
		{"comment", 200, func(c *Client) error { _, err := c.Incidents.AddComment(ctx, "abc", "hello"); return err },
			"PATCH", "/api/now/table/incident/abc", url.Values{}, `{"comments":"hello"}`},
		{"list", 200, func(c *Client) error {
			_, err := c.Incidents.List(ctx, &ListOptions{Query: encodedquery.Field("active").Eq(true), PageSize: 50, Offset: 10, NoCount: true, ExcludeReferenceLink: true})
			return err
		}, "GET", "/api/now/table/incident", url.Values{"sysparm_query": {"active=true^ORDERBYsys_id"}, "sysparm_limit": {"50"},
			"sysparm_offset": {"10"}, "sysparm_no_count": {"true"}, "sysparm_exclude_reference_link": {"true"}}, ""},
		{"list ordered", 200, func(c *Client) error {
			_, err := c.Records("cmdb_ci").List(ctx, &ListOptions{Query: encodedquery.Query{}.OrderByDesc("number")})
			return err
		}, "GET", "/api/now/table/cmdb_ci", url.Values{"sysparm_query": {"ORDERBYDESCnumber"}, "sysparm_limit": {"1000"}, "sysparm_offset": {"0"}}, ""},
		{"journal", 200, func(c *Client) error { _, err := c.Incidents.Journal(ctx, "abc"); return err },
			"GET", "/api/now/table/sys_journal_field", url.Values{"sysparm_query": {"element_id=abc^elementINwork_notes,comments^ORDERBYsys_created_on^ORDERBYsys_id"},
				"sysparm_limit": {"1000"}, "sysparm_offset": {"0"}}, ""},
		{"journal id cannot inject", 200, func(c *Client) error {
			_, err := c.Incidents.Journal(ctx, "a^NQactive=true", JournalComments)
			return err
		},
			"GET", "/api/now/table/sys_journal_field", url.Values{"sysparm_query": {"element_id=a^^NQactive=true^elementINcomments^ORDERBYsys_created_on^ORDERBYsys_id"},
				"sysparm_limit": {"1000"}, "sysparm_offset": {"0"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t)
			var got []seen
			body := oneIncident
			if tt.method == "GET" && tt.path != "/api/now/table/incident/abc" {
				body = `{"result":[]}`
			}
			if tt.status == 204 {
				body = ""
			}
			mock.RegisterNoResponder(recorder(&got, tt.status, body))
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Fatalf("sent %d requests, want 1", len(got))
			}
			g := got[0]
			if g.method != tt.method || g.path != tt.path || g.body != tt.body {
				t.Errorf("got %s %s %s, want %s %s %s", g.method, g.path, g.body, tt.method, tt.path, tt.body)
			}
			q, _ := url.ParseQuery(g.query)
			if q.Encode() != tt.query.Encode() {
				t.Errorf("query %s, want %s", q.Encode(), tt.query.Encode())
			}
			if g.header.Get("Authorization") == "" {
				t.Error("no Authorization header")
			}
		})
	}
}

func TestJournalAppendNotRetried(t *testing.T) {
	c, mock := newMock(t)
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 503, `{"error":{"message":"busy"},"status":"failure"}`))
	_, err := c.Incidents.AddWorkNote(context.Background(), "abc", "note")
	if !errors.Is(err, ErrServer) {
		t.Fatalf("err = %v", err)
	}
	if len(got) != 1 {
		t.Fatalf("sent %d times, want 1", len(got))
	}
	// A plain update is retried.
	got = nil
	_, _ = c.Incidents.Update(context.Background(), "abc", &IncidentInput{Category: Ptr("x")})
	if len(got) < 2 {
		t.Fatalf("plain update sent %d times, want retries", len(got))
	}
}

func TestBadInput(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		call func(c *Client) error
	}{
		{"empty id get", func(c *Client) error { _, err := c.Incidents.Get(ctx, " ", nil); return err }},
		{"empty id delete", func(c *Client) error { return c.Incidents.Delete(ctx, "") }},
		{"resolve no code", func(c *Client) error { _, err := c.Incidents.Resolve(ctx, "a", "", "n"); return err }},
		{"resolve no notes", func(c *Client) error { _, err := c.Incidents.Resolve(ctx, "a", CloseDuplicate, ""); return err }},
		{"unknown state", func(c *Client) error {
			_, err := c.Incidents.Update(ctx, "a", &IncidentInput{State: Ptr(State("42"))})
			return err
		}},
		{"create no description", func(c *Client) error { _, err := c.Incidents.Create(ctx, &IncidentInput{}); return err }},
		{"page size 0 is default, -1 bad", func(c *Client) error { _, err := c.Incidents.List(ctx, &ListOptions{PageSize: -1}); return err }},
		{"page size too big", func(c *Client) error { _, err := c.Incidents.List(ctx, &ListOptions{PageSize: 10001}); return err }},
		{"bad display value", func(c *Client) error { _, err := c.Incidents.List(ctx, &ListOptions{DisplayValue: "yes"}); return err }},
		{"query newline", func(c *Client) error {
			for _, err := range c.Incidents.All(ctx, &ListOptions{Query: encodedquery.Raw("a=b\nc")}) {
				return err
			}
			return nil
		}},
		{"journal unknown field", func(c *Client) error { _, err := c.Incidents.Journal(ctx, "a", "u_notes"); return err }},
		{"empty note", func(c *Client) error { _, err := c.Incidents.AddWorkNote(ctx, "a", " "); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t)
			if err := tt.call(c); !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("err = %v, want invalid input", err)
			}
			if n := mock.GetTotalCallCount(); n != 0 {
				t.Fatalf("sent %d requests", n)
			}
		})
	}
}

func TestNewClientRejects(t *testing.T) {
	tests := []struct {
		name string
		url  string
		opts []Option
	}{
		{"plain http", "http://dev1.service-now.com", nil},
		{"empty", "", nil},
		{"two auths", testBase, []Option{WithBasicAuth("a", "b"), WithAPIKey("k")}},
		{"empty key", testBase, []Option{WithAPIKey("")}},
		{"oauth missing secret", testBase, []Option{WithOAuthClientCredentials("id", "")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewClient(tt.url, tt.opts...); err == nil {
				t.Fatal("no error")
			}
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
	mock := httpmock.NewMockTransport()
	c, err := NewClient(testBase, WithHTTPClient(&http.Client{Transport: mock}), WithAPIKey("key-1"))
	if err != nil {
		t.Fatal(err)
	}
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 200, oneIncident))
	in, err := c.Incidents.Get(context.Background(), "abc", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].header.Get("X-Sn-Apikey") != "key-1" {
		t.Fatalf("headers %v", got[0].header)
	}
	if in.State != StateInProgress || in.Caller.Value != "u1" || in.OpenedAt.Hour() != 3 || in.Priority.String() != "High" {
		t.Fatalf("decoded %+v", in)
	}
	var custom string
	if ok, err := in.Extra("u_custom", &custom); !ok || err != nil || custom != "x" {
		t.Fatalf("extra = %v %v %q", ok, err, custom)
	}
}
