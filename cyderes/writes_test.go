package cyderes

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestCommentsCreate(t *testing.T) {
	c, m := newTestClient(t)
	m.On("POST", anyURL, testkit.Answer{Status: 201})
	if err := c.Comments.Create(context.Background(), "T1", &CommentInput{Author: "Ann Analyst", Body: "Contained <host>"}); err != nil {
		t.Fatal(err)
	}
	r := sentTo(t, m, "POST", "/v2/tickets/T1/comment", "")
	if r.Body != `{"author":"Ann Analyst","body":"Contained <host>"}` {
		t.Errorf("body %s", r.Body)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestTicketsClose(t *testing.T) {
	tests := []struct {
		name      string
		comment   string
		wantQuery string
	}{
		{name: "no comment", comment: "", wantQuery: ""},
		{name: "blank comment sends none", comment: "  ", wantQuery: ""},
		{name: "comment escaped", comment: "Resolved: false positive & noise", wantQuery: "comment=Resolved%3A+false+positive+%26+noise"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("POST", anyURL, testkit.Answer{Body: `{}`})
			if err := c.Tickets.Close(context.Background(), "T1", tt.comment); err != nil {
				t.Fatal(err)
			}
			if r := sentTo(t, m, "POST", "/v2/tickets/T1/close", tt.wantQuery); r.Body != "" {
				t.Errorf("body %q, want none", r.Body)
			}
		})
	}
}

func TestServiceRequestsCreate(t *testing.T) {
	tests := []struct {
		name   string
		answer string
		want   ServiceRequestResult
	}{
		{
			name:   "quoted id",
			answer: `{"status":201,"ticket_id":"SR-9","message":"Ticket has been created."}`,
			want:   ServiceRequestResult{TicketID: "SR-9", Status: 201, Message: "Ticket has been created."},
		},
		{
			name:   "number id",
			answer: `{"status":"201","ticket_id":9,"message":"Ticket has been created."}`,
			want:   ServiceRequestResult{TicketID: "9", Status: 201, Message: "Ticket has been created."},
		},
		{
			name:   "no id",
			answer: `{"status":201}`,
			want:   ServiceRequestResult{Status: 201},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("POST", anyURL, testkit.Answer{Status: 201, Body: tt.answer})
			got, err := c.ServiceRequests.Create(context.Background(), &ServiceRequestInput{
				Name: "Ann", Priority: "P3", Category: "Access", Type: "Firewall", ShortDescription: "Open port", Description: "Please",
			})
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Raw) != tt.answer {
				t.Errorf("raw %s", got.Raw)
			}
			got.Raw = nil
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("result %+v, want %+v", *got, tt.want)
			}
			r := sentTo(t, m, "POST", "/v2/tickets/create", "")
			if want := `{"name":"Ann","priority":"P3","category":"Access","type":"Firewall","short_description":"Open port","description":"Please"}`; r.Body != want {
				t.Errorf("body %s, want %s", r.Body, want)
			}
		})
	}
	// The optional fields the page's example shows (priority, category,
	// type) are left out when empty, not sent as "".
	c, m := newTestClient(t)
	m.On("POST", anyURL, testkit.Answer{Status: 201, Body: `{"status":201,"ticket_id":"T9"}`})
	if _, err := c.ServiceRequests.Create(context.Background(), &ServiceRequestInput{Name: "Ann", ShortDescription: "Open port"}); err != nil {
		t.Fatal(err)
	}
	if r := sentTo(t, m, "POST", "/v2/tickets/create", ""); r.Body != `{"name":"Ann","short_description":"Open port","description":""}` {
		t.Errorf("body without optional fields %s", r.Body)
	}
}

// TestWritesNotRepeated checks that a comment, a close, a create and an
// upload are sent once when the answer leaves the outcome unknown, and
// repeated only when the server says it did not act (429, or 503 with
// Retry-After).
func TestWritesNotRepeated(t *testing.T) {
	ops := []struct {
		name string
		op   func(*Client) error
	}{
		{name: "comment", op: func(c *Client) error {
			return c.Comments.Create(context.Background(), "T1", &CommentInput{Author: "a", Body: "b"})
		}},
		{name: "close", op: func(c *Client) error { return c.Tickets.Close(context.Background(), "T1", "done") }},
		{name: "create", op: func(c *Client) error {
			_, err := c.ServiceRequests.Create(context.Background(), &ServiceRequestInput{Name: "n", ShortDescription: "s"})
			return err
		}},
		{name: "upload", op: func(c *Client) error {
			return c.Attachments.Upload(context.Background(), "T1", incidentkit.Upload{ReaderAt: strings.NewReader("data"), Size: 4, FileName: "a.txt"})
		}},
	}
	answers := []struct {
		status    int
		header    []string
		wantCalls int
	}{
		{status: 500, wantCalls: 1},
		{status: 502, wantCalls: 1},
		{status: 504, wantCalls: 1},
		{status: 503, wantCalls: 1},
		{status: 503, header: []string{"Retry-After", "0"}, wantCalls: 2},
		{status: 429, header: []string{"Retry-After", "0"}, wantCalls: 2},
	}
	for _, op := range ops {
		for _, a := range answers {
			c, m := newTestClient(t)
			m.On("POST", anyURL,
				testkit.Answer{Status: a.status, Body: `{"detail":"x"}`, Header: testkit.Headers(a.header...)},
				testkit.Answer{Status: 201, Body: `{"ticket_id":"1"}`})
			err := op.op(c)
			if n := len(m.Requests()); n != a.wantCalls {
				t.Errorf("%s after %d %v: %d attempts, want %d (err %v)", op.name, a.status, a.header, n, a.wantCalls, err)
			}
			if (err == nil) != (a.wantCalls == 2) {
				t.Errorf("%s after %d %v: error %v", op.name, a.status, a.header, err)
			}
		}
	}
}
