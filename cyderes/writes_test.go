package cyderes

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

func TestAddComment(t *testing.T) {
	var rec recorder
	c, mock := newMock(t)
	mock.RegisterNoResponder(rec.respond(201, ``))
	if err := c.AddComment(context.Background(), "T1", NewComment{Author: "Ann Analyst", Body: "Contained <host>"}); err != nil {
		t.Fatal(err)
	}
	s := rec.one(t)
	checkAuth(t, s)
	if s.method != "POST" || s.path != "/v2/tickets/T1/comment" || s.query != "" {
		t.Errorf("sent %s %s?%s", s.method, s.path, s.query)
	}
	if s.body != `{"author":"Ann Analyst","body":"Contained <host>"}` {
		t.Errorf("body %s", s.body)
	}
	if ct := s.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	for _, tc := range []struct {
		id string
		c  NewComment
	}{{"", NewComment{Body: "x"}}, {"T1", NewComment{Author: "a"}}, {"T1", NewComment{Body: " \n"}}} {
		if err := c.AddComment(context.Background(), tc.id, tc.c); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: error %v", tc, err)
		}
	}
	if len(rec.requests()) != 1 {
		t.Error("bad input was sent")
	}
}

func TestCloseTicket(t *testing.T) {
	tests := []struct {
		comment, wantQuery string
	}{
		{"", ""},
		{"Resolved: false positive & noise", "comment=Resolved%3A+false+positive+%26+noise"},
	}
	for _, tt := range tests {
		var rec recorder
		c, mock := newMock(t)
		mock.RegisterNoResponder(rec.respond(200, `{}`))
		if err := c.CloseTicket(context.Background(), "T1", tt.comment); err != nil {
			t.Fatal(err)
		}
		s := rec.one(t)
		checkAuth(t, s)
		if s.method != "POST" || s.path != "/v2/tickets/T1/close" || s.query != tt.wantQuery || s.body != "" {
			t.Errorf("sent %s %s?%s body %q", s.method, s.path, s.query, s.body)
		}
	}
	c, mock := newMock(t)
	if err := c.CloseTicket(context.Background(), "", "x"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("empty id: %v", err)
	}
	if mock.GetTotalCallCount() != 0 {
		t.Error("sent")
	}
}

func TestCreateServiceRequest(t *testing.T) {
	for _, answer := range []string{
		`{"status":201,"ticket_id":"SR-9","message":"Ticket has been created."}`,
		`{"status":201,"ticket_id":9,"message":"Ticket has been created."}`,
	} {
		var rec recorder
		c, mock := newMock(t)
		mock.RegisterNoResponder(rec.respond(201, answer))
		id, err := c.CreateServiceRequest(context.Background(), ServiceRequest{
			Name: "Ann", Priority: "P3", Category: "Access", Type: "Firewall", ShortDescription: "Open port", Description: "Please",
		})
		if err != nil {
			t.Fatal(err)
		}
		if id != "SR-9" && id != "9" {
			t.Errorf("id %q", id)
		}
		s := rec.one(t)
		checkAuth(t, s)
		want := `{"name":"Ann","priority":"P3","category":"Access","type":"Firewall","short_description":"Open port","description":"Please"}`
		if s.method != "POST" || s.path != "/v2/tickets/create" || s.body != want {
			t.Errorf("sent %s %s %s", s.method, s.path, s.body)
		}
	}
	c, mock := newMock(t)
	if _, err := c.CreateServiceRequest(context.Background(), ServiceRequest{Name: "x"}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("no summary: %v", err)
	}
	if mock.GetTotalCallCount() != 0 {
		t.Error("sent")
	}
}

// TestWritesNotRepeated checks that a comment, a close and a create are
// sent once when the answer leaves the outcome unknown, and repeated only
// when the server says it did not act (429).
func TestWritesNotRepeated(t *testing.T) {
	ops := map[string]func(*Client) error{
		"comment": func(c *Client) error {
			return c.AddComment(context.Background(), "T1", NewComment{Author: "a", Body: "b"})
		},
		"close": func(c *Client) error { return c.CloseTicket(context.Background(), "T1", "done") },
		"create": func(c *Client) error {
			_, err := c.CreateServiceRequest(context.Background(), ServiceRequest{ShortDescription: "s"})
			return err
		},
	}
	for name, op := range ops {
		for _, tc := range []struct {
			status    int
			header    []string
			wantCalls int
		}{{500, nil, 1}, {502, nil, 1}, {504, nil, 1}, {503, nil, 1}, {429, []string{"Retry-After", "0"}, 2}} {
			var rec recorder
			c, mock := newMock(t)
			mock.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
				if len(rec.requests()) == 0 {
					return rec.respond(tc.status, `{"detail":"x"}`, tc.header...)(req)
				}
				return rec.respond(201, `{"ticket_id":"1"}`)(req)
			})
			err := op(c)
			if n := len(rec.requests()); n != tc.wantCalls {
				t.Errorf("%s after %d: %d attempts, want %d (err %v)", name, tc.status, n, tc.wantCalls, err)
			}
		}
	}
}
