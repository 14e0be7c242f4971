package cyderes

import (
	"context"
	"fmt"
	"io"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// noResult passes on the error of a call that must return no value.
func noResult[T any](v *T, err error) error {
	if v != nil {
		return fmt.Errorf("returned %+v with error %w", v, err)
	}
	return err
}

// onlyErr ranges seq and passes on its error, which must be its one and
// only yield.
func onlyErr[T any](seq iter.Seq2[*T, error]) error {
	var errs []error
	for v, err := range seq {
		if v != nil {
			return fmt.Errorf("yielded %+v", v)
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 {
		return fmt.Errorf("%d yields: %v", len(errs), errs)
	}
	return errs[0]
}

// badCall is a call that must be refused before anything is sent.
type badCall struct {
	name string
	call func(*Client) error
	// want is the error's text.
	want string
}

// TestBadInputNotSent checks that every call refuses bad input with an
// *incidentkit.InputError of cyderes, matching ErrInvalidInput, before
// anything is sent; sequences yield the error once and nothing else.
func TestBadInputNotSent(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	upload := func(id string, f incidentkit.Upload) func(*Client) error {
		return func(c *Client) error { return c.Attachments.Upload(ctx, id, f) }
	}
	tests := []badCall{
		{name: "get: no id", call: func(c *Client) error { return noResult(c.Tickets.Get(ctx, "")) }, want: "cyderes: invalid ticket id: is empty"},
		{name: "get: blank id", call: func(c *Client) error { return noResult(c.Tickets.Get(ctx, "  ")) }, want: "cyderes: invalid ticket id: is empty"},
		{name: "get: dot-dot id", call: func(c *Client) error { return noResult(c.Tickets.Get(ctx, "..")) }, want: `cyderes: invalid path: argument 1 is ".."`},
		{name: "get: dot id", call: func(c *Client) error { return noResult(c.Tickets.Get(ctx, ".")) }, want: `cyderes: invalid path: argument 1 is "."`},
		{name: "close: no id", call: func(c *Client) error { return c.Tickets.Close(ctx, "", "x") }, want: "cyderes: invalid ticket id: is empty"},
		{name: "between: reversed", call: func(c *Client) error { return onlyErr(c.Tickets.Between(ctx, at, at.Add(-time.Second), nil)) },
			want: "cyderes: invalid time window: from 2026-11-23T09:00:00Z is after to 2026-11-23T08:59:59Z"},
		{name: "between: no from", call: func(c *Client) error { return onlyErr(c.Tickets.Between(ctx, time.Time{}, at, nil)) },
			want: "cyderes: invalid time window: from and to are both required"},
		{name: "between: no to", call: func(c *Client) error { return onlyErr(c.Tickets.Between(ctx, at, time.Time{}, nil)) },
			want: "cyderes: invalid time window: from and to are both required"},
		{name: "comment: no ticket", call: func(c *Client) error { return c.Comments.Create(ctx, "", &CommentInput{Body: "x"}) },
			want: "cyderes: invalid ticket id: is empty"},
		{name: "comment: nil input", call: func(c *Client) error { return c.Comments.Create(ctx, "T1", nil) }, want: "cyderes: invalid comment: is nil"},
		{name: "comment: no body", call: func(c *Client) error { return c.Comments.Create(ctx, "T1", &CommentInput{Author: "a"}) },
			want: "cyderes: invalid comment body: is empty"},
		{name: "comment: blank body", call: func(c *Client) error { return c.Comments.Create(ctx, "T1", &CommentInput{Body: " \n"}) },
			want: "cyderes: invalid comment body: is empty"},
		{name: "service request: nil", call: func(c *Client) error { return noResult(c.ServiceRequests.Create(ctx, nil)) },
			want: "cyderes: invalid service request: is nil"},
		{name: "service request: no summary", call: func(c *Client) error { return noResult(c.ServiceRequests.Create(ctx, &ServiceRequestInput{Name: "x"})) },
			want: "cyderes: invalid short description: is empty"},
		{name: "service request: no name", call: func(c *Client) error {
			return noResult(c.ServiceRequests.Create(ctx, &ServiceRequestInput{ShortDescription: "x"}))
		}, want: "cyderes: invalid name: is empty"},
		{name: "attachments: blank ticket", call: func(c *Client) error { return onlyErr(c.Attachments.All(ctx, " ")) }, want: "cyderes: invalid ticket id: is empty"},
		{name: "attachment get: no ticket", call: func(c *Client) error { return noResult(c.Attachments.Get(ctx, "", "a")) }, want: "cyderes: invalid ticket id: is empty"},
		{name: "attachment get: no id", call: func(c *Client) error { return noResult(c.Attachments.Get(ctx, "t", "")) }, want: "cyderes: invalid attachment id: is empty"},
		{name: "attachment get: blank id", call: func(c *Client) error { return noResult(c.Attachments.Get(ctx, "t", " ")) }, want: "cyderes: invalid attachment id: is empty"},
		{name: "download: nil writer", call: func(c *Client) error { return noResult(c.Attachments.Download(ctx, "T1", "a1", nil, nil)) },
			want: "cyderes: invalid writer: is nil"},
		{name: "download: no ticket", call: func(c *Client) error { return noResult(c.Attachments.Download(ctx, "", "a1", io.Discard, nil)) },
			want: "cyderes: invalid ticket id: is empty"},
		{name: "download: no attachment", call: func(c *Client) error { return noResult(c.Attachments.Download(ctx, "T1", "", io.Discard, nil)) },
			want: "cyderes: invalid attachment id: is empty"},
		{name: "upload: no ticket", call: upload("", incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a"}), want: "cyderes: invalid ticket id: is empty"},
		{name: "upload: no name", call: upload("T1", incidentkit.Upload{Reader: strings.NewReader("x")}), want: "cyderes: invalid file name: is empty"},
		{name: "upload: no source", call: upload("T1", incidentkit.Upload{FileName: "a"}),
			want: "cyderes: invalid upload: set exactly one of Reader, ReaderAt and Open (got 0)"},
		{name: "upload: two sources", call: upload("T1", incidentkit.Upload{Reader: strings.NewReader("x"), ReaderAt: strings.NewReader("x"), FileName: "a"}),
			want: "cyderes: invalid upload: set exactly one of Reader, ReaderAt and Open (got 2)"},
		{name: "iocs: reversed window", call: func(c *Client) error {
			return noResult(c.IOCs.List(ctx, &IOCListOptions{CreatedFrom: at, CreatedTo: at.Add(-time.Hour)}))
		}, want: "cyderes: invalid time window: from 2026-11-23T09:00:00Z is after to 2026-11-23T08:00:00Z"},
		{name: "iocs all: reversed window", call: func(c *Client) error {
			return onlyErr(c.IOCs.All(ctx, &IOCListOptions{CreatedFrom: at, CreatedTo: at.Add(-time.Hour)}))
		}, want: "cyderes: invalid time window: from 2026-11-23T09:00:00Z is after to 2026-11-23T08:00:00Z"},
		{name: "iocs all: negative cap", call: func(c *Client) error { return onlyErr(c.IOCs.All(ctx, &IOCListOptions{MaxItems: -1})) },
			want: "cyderes: invalid maximum items: -1 is negative"},
	}
	// Every bad ticket list option is refused by List and by All alike.
	for _, o := range []struct {
		name string
		opts ListOptions
		want string
	}{
		{name: "page size too big", opts: ListOptions{PageSize: 251}, want: "cyderes: invalid page size: 251 is outside 1–250"},
		{name: "page size negative", opts: ListOptions{PageSize: -1}, want: "cyderes: invalid page size: -1 is outside 1–250"},
		{name: "offset negative", opts: ListOptions{Offset: -1}, want: "cyderes: invalid offset: -1 is negative"},
		{name: "max items negative", opts: ListOptions{MaxItems: -1}, want: "cyderes: invalid maximum items: -1 is negative"},
		{name: "unknown type", opts: ListOptions{TicketType: "incident"},
			want: `cyderes: invalid ticket type: "incident" is not one of all, alert, service_task, service_proactive, service_request, phishing`},
		{name: "unknown lookup", opts: ListOptions{LookupField: "closed"}, want: `cyderes: invalid lookup field: "closed" is not created or updated`},
		{name: "created reversed", opts: ListOptions{CreatedFrom: Date{2024, 2, 2}, CreatedTo: Date{2024, 2, 1}},
			want: "cyderes: invalid created range: from 2024-02-02 is after to 2024-02-01"},
		{name: "updated reversed", opts: ListOptions{UpdatedFrom: Date{2024, 2, 2}, UpdatedTo: Date{2023, 2, 1}},
			want: "cyderes: invalid updated range: from 2024-02-02 is after to 2023-02-01"},
		{name: "impossible date", opts: ListOptions{CreatedFrom: Date{2024, 2, 30}}, want: "cyderes: invalid created from: is not a valid date"},
	} {
		tests = append(tests,
			badCall{name: "list: " + o.name, call: func(c *Client) error { return noResult(c.Tickets.List(ctx, &o.opts)) }, want: o.want},
			badCall{name: "all: " + o.name, call: func(c *Client) error { return onlyErr(c.Tickets.All(ctx, &o.opts)) }, want: o.want})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			err := tt.call(c)
			testkit.InputError(t, err, "cyderes")
			if err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
			if n := len(m.Requests()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}
