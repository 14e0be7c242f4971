package cyderes

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

func TestListTicketsQuery(t *testing.T) {
	tests := []struct {
		name string
		opts *ListOptions
		want string
	}{
		{"nil sends escalated_only=false", nil, "escalated_only=false&limit=50&skip=0"},
		{"zero", &ListOptions{}, "escalated_only=false&limit=50&skip=0"},
		{"everything", &ListOptions{
			Skip: 10, Limit: 250, CreatedFrom: Date{2024, 1, 2}, CreatedTo: Date{2024, 1, 31},
			UpdatedFrom: Date{2024, 2, 1}, UpdatedTo: Date{2024, 2, 1}, TicketType: TicketTypePhishing,
			LookupField: LookupUpdated, EscalatedOnly: true, IncludeRawEvent: true, MaxItems: 3,
		}, "created_from=2024-01-02&created_to=2024-01-31&escalated_only=true&include_raw_event=true&limit=250&lookup_fields=updated&skip=10&ticket_type=phishing&updated_from=2024-02-01&updated_to=2024-02-01"},
		{"all types", &ListOptions{TicketType: TicketTypeAll, Limit: 1}, "escalated_only=false&limit=1&skip=0&ticket_type=all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			c, mock := newMock(t)
			mock.RegisterNoResponder(rec.respond(200, `[{"ticket_id":"a"},{"ticket_id":"b"}]`))
			got, err := c.ListTickets(context.Background(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[1].TicketID != "b" {
				t.Errorf("tickets = %+v", got)
			}
			s := rec.one(t)
			checkAuth(t, s)
			if s.method != "GET" || s.path != "/v2/tickets" || s.query != tt.want {
				t.Errorf("sent %s %s?%s\nwant GET /v2/tickets?%s", s.method, s.path, s.query, tt.want)
			}
			if s.header.Get("Accept") != "application/json" {
				t.Errorf("Accept = %q", s.header.Get("Accept"))
			}
		})
	}
}

func TestListTicketsBadInput(t *testing.T) {
	tests := []struct {
		name string
		opts ListOptions
		want string
	}{
		{"limit too big", ListOptions{Limit: 251}, "limit"},
		{"limit negative", ListOptions{Limit: -1}, "limit"},
		{"skip negative", ListOptions{Skip: -1}, "skip"},
		{"max items negative", ListOptions{MaxItems: -1}, "maximum items"},
		{"unknown type", ListOptions{TicketType: "incident"}, "ticket type"},
		{"unknown lookup", ListOptions{LookupField: "closed"}, "lookup field"},
		{"created reversed", ListOptions{CreatedFrom: Date{2024, 2, 2}, CreatedTo: Date{2024, 2, 1}}, "created range"},
		{"updated reversed", ListOptions{UpdatedFrom: Date{2024, 2, 2}, UpdatedTo: Date{2023, 2, 1}}, "updated range"},
		{"impossible date", ListOptions{CreatedFrom: Date{2024, 2, 30}}, "created from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t)
			_, err := c.ListTickets(context.Background(), &tt.opts)
			if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want invalid input about %q", err, tt.want)
			}
			for _, err := range c.AllTickets(context.Background(), &tt.opts) {
				if !errors.Is(err, ErrInvalidInput) {
					t.Errorf("AllTickets error %v", err)
				}
			}
			if n := mock.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}

// pagedServer answers /v2/tickets from total tickets numbered from 0,
// honouring skip and limit. shift, when set, is called before each page
// and may insert tickets at the front (newest first).
type pagedServer struct {
	ids   []string
	calls atomic.Int32
	seen  []url.Values
	shift func(call int, ids []string) []string
}

func newPagedServer(total int) *pagedServer {
	p := &pagedServer{}
	for i := range total {
		p.ids = append(p.ids, "T"+strconv.Itoa(i))
	}
	return p
}

func (p *pagedServer) responder(req *http.Request) (*http.Response, error) {
	call := int(p.calls.Add(1))
	if p.shift != nil {
		p.ids = p.shift(call, p.ids)
	}
	q := req.URL.Query()
	p.seen = append(p.seen, q)
	skip, _ := strconv.Atoi(q.Get("skip"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	var b strings.Builder
	b.WriteByte('[')
	for i := skip; i < skip+limit && i < len(p.ids); i++ {
		if i > skip {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"ticket_id":%q,"created":"2024-05-01T00:00:00Z"}`, p.ids[i])
	}
	b.WriteByte(']')
	resp := httpmock.NewStringResponse(200, b.String())
	resp.Header.Set("Content-Type", "application/json")
	return resp, nil
}

func collectIDs(t *testing.T, seq func(func(*Ticket, error) bool)) []string {
	t.Helper()
	var ids []string
	for tk, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, tk.TicketID)
	}
	return ids
}

func TestAllTicketsPaging(t *testing.T) {
	tests := []struct {
		name      string
		total     int
		opts      ListOptions
		wantItems int
		wantCalls int
		wantSkips []string
	}{
		{"exact multiple ends on empty page", 6, ListOptions{Limit: 3}, 6, 3, []string{"0", "3", "6"}},
		{"short last page", 7, ListOptions{Limit: 3}, 7, 3, []string{"0", "3", "6"}},
		{"empty", 0, ListOptions{Limit: 3}, 0, 1, []string{"0"}},
		{"start skip", 7, ListOptions{Limit: 3, Skip: 5}, 2, 1, []string{"5"}},
		{"cap inside page", 10, ListOptions{Limit: 4, MaxItems: 5}, 5, 2, []string{"0", "4"}},
		{"cap on boundary", 10, ListOptions{Limit: 5, MaxItems: 5}, 5, 1, []string{"0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t)
			srv := newPagedServer(tt.total)
			mock.RegisterNoResponder(srv.responder)
			ids := collectIDs(t, c.AllTickets(context.Background(), &tt.opts))
			if len(ids) != tt.wantItems {
				t.Errorf("got %d tickets, want %d", len(ids), tt.wantItems)
			}
			if int(srv.calls.Load()) != tt.wantCalls {
				t.Errorf("%d requests, want %d", srv.calls.Load(), tt.wantCalls)
			}
			var skips []string
			for _, q := range srv.seen {
				skips = append(skips, q.Get("skip"))
				if q.Get("escalated_only") != "false" {
					t.Errorf("escalated_only = %q", q.Get("escalated_only"))
				}
			}
			if fmt.Sprint(skips) != fmt.Sprint(tt.wantSkips) {
				t.Errorf("skips %v, want %v", skips, tt.wantSkips)
			}
		})
	}
}

func TestAllTicketsCapAsksForLess(t *testing.T) {
	c, mock := newMock(t)
	srv := newPagedServer(100)
	mock.RegisterNoResponder(srv.responder)
	ids := collectIDs(t, c.AllTickets(context.Background(), &ListOptions{Limit: 10, MaxItems: 13}))
	if len(ids) != 13 {
		t.Fatalf("got %d", len(ids))
	}
	if got := srv.seen[1].Get("limit"); got != "3" {
		t.Errorf("second page limit = %s, want 3", got)
	}
}

func TestAllTicketsDeduplicates(t *testing.T) {
	c, mock := newMock(t)
	srv := newPagedServer(9)
	// Before the second page, two new tickets arrive at the front, so the
	// second page repeats two tickets of the first.
	srv.shift = func(call int, ids []string) []string {
		if call == 2 {
			return append([]string{"N1", "N0"}, ids...)
		}
		return ids
	}
	mock.RegisterNoResponder(srv.responder)
	ids := collectIDs(t, c.AllTickets(context.Background(), &ListOptions{Limit: 4}))
	want := "[T0 T1 T2 T3 T4 T5 T6 T7 T8]"
	if fmt.Sprint(ids) != want {
		t.Errorf("ids %v, want %v", ids, want)
	}
}

func TestAllTicketsLazyBreakRestart(t *testing.T) {
	c, mock := newMock(t)
	srv := newPagedServer(10)
	mock.RegisterNoResponder(srv.responder)
	seq := c.AllTickets(context.Background(), &ListOptions{Limit: 2})
	if srv.calls.Load() != 0 {
		t.Fatal("request sent before ranging")
	}
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 3 {
			break
		}
	}
	if srv.calls.Load() != 2 {
		t.Errorf("%d requests after break at item 3, want 2", srv.calls.Load())
	}
	if ids := collectIDs(t, seq); len(ids) != 10 || ids[0] != "T0" {
		t.Errorf("second range got %v", ids)
	}
}

func TestAllTicketsErrorOnce(t *testing.T) {
	c, mock := newMock(t, WithoutRetries())
	calls := 0
	mock.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		calls++
		if calls == 2 {
			return httpmock.NewStringResponse(500, `{"detail":"boom"}`), nil
		}
		return httpmock.NewStringResponse(200, `[{"ticket_id":"a"},{"ticket_id":"b"}]`), nil
	})
	var items, errs int
	for tk, err := range c.AllTickets(context.Background(), &ListOptions{Limit: 2}) {
		if err != nil {
			errs++
			if !errors.Is(err, ErrServer) || tk != nil {
				t.Errorf("error %v with ticket %v", err, tk)
			}
			continue
		}
		items++
	}
	if items != 2 || errs != 1 {
		t.Errorf("items %d errors %d, want 2 and 1", items, errs)
	}
}

func TestTicketsBetween(t *testing.T) {
	c, mock := newMock(t)
	var rec recorder
	body := `[
		{"ticket_id":"late","created":"2024-05-03T00:00:00Z","updated":"2024-05-03T00:00:00Z"},
		{"ticket_id":"in2","created":"2024-05-02T23:59:59.999Z","updated":"2024-04-01T00:00:00Z"},
		{"ticket_id":"in1","created":"2024-05-01 10:00:00","updated":"2024-05-02T00:00:00Z"},
		{"ticket_id":"early","created":"2024-05-01T09:59:59Z","updated":"2024-05-02T01:00:00Z"},
		{"ticket_id":"notime"}]`
	mock.RegisterNoResponder(rec.respond(200, body))
	from := time.Date(2024, 5, 1, 12, 0, 0, 0, time.FixedZone("X", 2*3600)) // 10:00 UTC
	to := time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)
	ids := collectIDs(t, c.TicketsBetween(context.Background(), from, to, &ListOptions{
		Limit: 10, CreatedFrom: Date{2000, 1, 1}, UpdatedTo: Date{2000, 1, 1},
	}))
	if fmt.Sprint(ids) != "[in2 in1]" {
		t.Errorf("ids %v", ids)
	}
	q, _ := url.ParseQuery(rec.one(t).query)
	if q.Get("created_from") != "2024-05-01" || q.Get("created_to") != "2024-05-04" || q.Has("updated_to") || q.Has("updated_from") {
		t.Errorf("query %v", q)
	}

	var rec2 recorder
	c2, mock2 := newMock(t)
	mock2.RegisterNoResponder(rec2.respond(200, body))
	ids = collectIDs(t, c2.TicketsBetween(context.Background(), from, to, &ListOptions{LookupField: LookupUpdated, MaxItems: 1}))
	if fmt.Sprint(ids) != "[in1]" {
		t.Errorf("updated window ids %v", ids)
	}
	q, _ = url.ParseQuery(rec2.one(t).query)
	if q.Get("updated_from") != "2024-05-01" || q.Get("updated_to") != "2024-05-04" || q.Get("lookup_fields") != "updated" {
		t.Errorf("query %v", q)
	}
}

func TestTicketsBetweenBadInput(t *testing.T) {
	c, mock := newMock(t)
	now := time.Now()
	for _, w := range [][2]time.Time{{now, now.Add(-time.Second)}, {{}, now}, {now, {}}} {
		for _, err := range c.TicketsBetween(context.Background(), w[0], w[1], nil) {
			if !errors.Is(err, ErrInvalidInput) {
				t.Errorf("window %v: error %v", w, err)
			}
		}
	}
	if mock.GetTotalCallCount() != 0 {
		t.Error("request sent")
	}
}

func TestGetTicket(t *testing.T) {
	var rec recorder
	c, mock := newMock(t)
	mock.RegisterNoResponder(rec.respond(200, `{"ticket_id":"a/b","escalated":"False","ticket_type":"alert"}`))
	tk, err := c.GetTicket(context.Background(), "a/b")
	if err != nil {
		t.Fatal(err)
	}
	if tk.TicketID != "a/b" || tk.Escalated == nil || *tk.Escalated || tk.TicketType != TicketTypeAlert {
		t.Errorf("ticket %+v", tk)
	}
	s := rec.one(t)
	checkAuth(t, s)
	if s.method != "GET" || s.rawPath != "/v2/tickets/a%2Fb" || s.query != "" {
		t.Errorf("sent %s %s?%s", s.method, s.rawPath, s.query)
	}
	for _, id := range []string{"", "  ", "..", "."} {
		if _, err := c.GetTicket(context.Background(), id); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("GetTicket(%q) error %v", id, err)
		}
	}
	if len(rec.requests()) != 1 {
		t.Error("bad id was sent")
	}
}

func TestAllTicketsCancelled(t *testing.T) {
	c, mock := newMock(t)
	srv := newPagedServer(10)
	mock.RegisterNoResponder(srv.responder)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, errs := 0, 0
	for _, err := range c.AllTickets(ctx, &ListOptions{Limit: 2}) {
		if err != nil {
			errs++
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v is not context.Canceled", err)
			}
			continue
		}
		n++
		if n == 2 {
			cancel()
		}
	}
	if n != 2 || errs != 1 || srv.calls.Load() != 1 {
		t.Errorf("items %d errors %d calls %d, want 2, 1, 1", n, errs, srv.calls.Load())
	}
}
