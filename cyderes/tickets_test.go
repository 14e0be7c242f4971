package cyderes

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestListQuery(t *testing.T) {
	tests := []struct {
		name string
		opts *ListOptions
		want string
	}{
		{name: "nil sends escalated_only=false", opts: nil, want: "escalated_only=false&limit=50&skip=0"},
		{name: "zero", opts: &ListOptions{}, want: "escalated_only=false&limit=50&skip=0"},
		{name: "everything", opts: &ListOptions{
			Offset: 10, PageSize: 250, CreatedFrom: Date{2024, 1, 2}, CreatedTo: Date{2024, 1, 31},
			UpdatedFrom: Date{2024, 2, 1}, UpdatedTo: Date{2024, 2, 1}, TicketType: TicketTypePhishing,
			LookupField: LookupUpdated, EscalatedOnly: true, IncludeRawEvent: true, MaxItems: 3,
		}, want: "created_from=2024-01-02&created_to=2024-01-31&escalated_only=true&include_raw_event=true&limit=250&lookup_fields=updated&skip=10&ticket_type=phishing&updated_from=2024-02-01&updated_to=2024-02-01"},
		{name: "all types", opts: &ListOptions{TicketType: TicketTypeAll, PageSize: 1}, want: "escalated_only=false&limit=1&skip=0&ticket_type=all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: `[{"ticket_id":"a"},{"ticket_id":"b"}]`})
			page, err := c.Tickets.List(context.Background(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 2 || page.Items[1].TicketID != "b" {
				t.Errorf("tickets = %+v", page.Items)
			}
			r := sentTo(t, m, "GET", "/v2/tickets", tt.want)
			if r.Header.Get("Accept") != "application/json" {
				t.Errorf("Accept = %q", r.Header.Get("Accept"))
			}
		})
	}
}

// ticketsJSON renders n tickets numbered from first as a JSON array.
func ticketsJSON(first, n int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"ticket_id":"T%d"}`, first+i)
	}
	b.WriteByte(']')
	return b.String()
}

func TestListPage(t *testing.T) {
	tests := []struct {
		name       string
		opts       *ListOptions
		got        int
		wantOffset int
		wantLimit  int
		wantNext   int
	}{
		{name: "full first page", opts: &ListOptions{PageSize: 3}, got: 3, wantOffset: 0, wantLimit: 3, wantNext: 3},
		{name: "full later page", opts: &ListOptions{PageSize: 3, Offset: 6}, got: 3, wantOffset: 6, wantLimit: 3, wantNext: 9},
		{name: "short page ends", opts: &ListOptions{PageSize: 3, Offset: 6}, got: 2, wantOffset: 6, wantLimit: 3, wantNext: -1},
		{name: "empty page ends", opts: &ListOptions{PageSize: 3, Offset: 9}, got: 0, wantOffset: 9, wantLimit: 3, wantNext: -1},
		{name: "default size", opts: nil, got: 50, wantOffset: 0, wantLimit: 50, wantNext: 50},
		{name: "max items ignored", opts: &ListOptions{PageSize: 4, MaxItems: 1}, got: 4, wantOffset: 0, wantLimit: 4, wantNext: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: ticketsJSON(0, tt.got)})
			p, err := c.Tickets.List(context.Background(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) != tt.got || p.Offset != tt.wantOffset || p.Limit != tt.wantLimit || p.NextOffset != tt.wantNext {
				t.Errorf("page of %d: offset %d limit %d next %d; want %d %d %d", len(p.Items), p.Offset, p.Limit, p.NextOffset, tt.wantOffset, tt.wantLimit, tt.wantNext)
			}
			if p.TotalKnown || p.Total != 0 || p.NextURL != "" {
				t.Errorf("total %d known %v next URL %q: the API reports neither", p.Total, p.TotalKnown, p.NextURL)
			}
			if p.HasNext() != (tt.wantNext >= 0) {
				t.Errorf("HasNext = %v", p.HasNext())
			}
			if got := only(t, m).Query.Get("limit"); got != strconv.Itoa(tt.wantLimit) {
				t.Errorf("limit sent %s, want %d", got, tt.wantLimit)
			}
		})
	}
}

func TestListNullEntries(t *testing.T) {
	answers := []testkit.Answer{
		{Body: `[{"ticket_id":"a"},null,{"ticket_id":"b"}]`},
		{Body: `[null,{"ticket_id":"c"}]`},
	}
	c, m := newTestClient(t)
	m.On("GET", anyURL, answers...)
	p, err := c.Tickets.List(context.Background(), &ListOptions{PageSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || p.Items[1].TicketID != "b" || p.NextOffset != 3 {
		t.Errorf("page of %d, next %d; want 2 tickets, next 3 (the null counts)", len(p.Items), p.NextOffset)
	}
	c, m = newTestClient(t)
	m.On("GET", anyURL, answers...)
	ids := collectIDs(t, c.Tickets.All(context.Background(), &ListOptions{PageSize: 3}))
	if fmt.Sprint(ids) != "[a b c]" {
		t.Errorf("ids %v", ids)
	}
	if skips := queryValues(m, "skip"); fmt.Sprint(skips) != "[0 3]" {
		t.Errorf("skips %v, want [0 3]", skips)
	}
}

// pagedServer answers /v2/tickets from tickets T0, T1 … (newest first),
// honouring skip and limit. shift, when set, is called before each page
// and may insert tickets at the front.
type pagedServer struct {
	mu    sync.Mutex
	ids   []string
	calls int
	shift func(call int, ids []string) []string
}

func newPagedServer(total int) *pagedServer {
	p := &pagedServer{}
	for i := range total {
		p.ids = append(p.ids, "T"+strconv.Itoa(i))
	}
	return p
}

// serve registers the server on m.
func (p *pagedServer) serve(m *testkit.Mock) {
	m.RegisterResponder("GET", anyURL, m.Record(p.answer))
}

func (p *pagedServer) answer(req *http.Request) testkit.Answer {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if p.shift != nil {
		p.ids = p.shift(p.calls, p.ids)
	}
	q := req.URL.Query()
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
	return testkit.Answer{Body: b.String()}
}

// collectIDs ranges seq to its end and returns the ticket ids.
func collectIDs(t *testing.T, seq iter.Seq2[*Ticket, error]) []string {
	t.Helper()
	return testkit.Collect(t, seq, func(tk *Ticket) string { return tk.TicketID })
}

// queryValues returns one query parameter of every recorded request.
func queryValues(m *testkit.Mock, name string) []string {
	var out []string
	for _, r := range m.Requests() {
		out = append(out, r.Query.Get(name))
	}
	return out
}

func TestAllPaging(t *testing.T) {
	tests := []struct {
		name      string
		total     int
		opts      ListOptions
		wantItems int
		wantSkips []string
	}{
		{name: "exact multiple ends on empty page", total: 6, opts: ListOptions{PageSize: 3}, wantItems: 6, wantSkips: []string{"0", "3", "6"}},
		{name: "short last page", total: 7, opts: ListOptions{PageSize: 3}, wantItems: 7, wantSkips: []string{"0", "3", "6"}},
		{name: "empty", total: 0, opts: ListOptions{PageSize: 3}, wantItems: 0, wantSkips: []string{"0"}},
		{name: "start offset", total: 7, opts: ListOptions{PageSize: 3, Offset: 5}, wantItems: 2, wantSkips: []string{"5"}},
		{name: "cap inside page", total: 10, opts: ListOptions{PageSize: 4, MaxItems: 5}, wantItems: 5, wantSkips: []string{"0", "4"}},
		{name: "cap on boundary", total: 10, opts: ListOptions{PageSize: 5, MaxItems: 5}, wantItems: 5, wantSkips: []string{"0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			newPagedServer(tt.total).serve(m)
			ids := collectIDs(t, c.Tickets.All(context.Background(), &tt.opts))
			if len(ids) != tt.wantItems {
				t.Errorf("got %d tickets, want %d", len(ids), tt.wantItems)
			}
			if skips := queryValues(m, "skip"); fmt.Sprint(skips) != fmt.Sprint(tt.wantSkips) {
				t.Errorf("skips %v, want %v", skips, tt.wantSkips)
			}
			for _, v := range queryValues(m, "escalated_only") {
				if v != "false" {
					t.Errorf("escalated_only = %q", v)
				}
			}
		})
	}
}

func TestAllCapAsksForLess(t *testing.T) {
	c, m := newTestClient(t)
	newPagedServer(100).serve(m)
	ids := collectIDs(t, c.Tickets.All(context.Background(), &ListOptions{PageSize: 10, MaxItems: 13}))
	if len(ids) != 13 {
		t.Fatalf("got %d", len(ids))
	}
	if got := queryValues(m, "limit"); fmt.Sprint(got) != "[10 3]" {
		t.Errorf("limits %v, want [10 3]", got)
	}
}

func TestAllDeduplicates(t *testing.T) {
	c, m := newTestClient(t)
	srv := newPagedServer(9)
	// Before the second page, two new tickets arrive at the front, so the
	// second page repeats two tickets of the first.
	srv.shift = func(call int, ids []string) []string {
		if call == 2 {
			return append([]string{"N1", "N0"}, ids...)
		}
		return ids
	}
	srv.serve(m)
	ids := collectIDs(t, c.Tickets.All(context.Background(), &ListOptions{PageSize: 4}))
	if want := "[T0 T1 T2 T3 T4 T5 T6 T7 T8]"; fmt.Sprint(ids) != want {
		t.Errorf("ids %v, want %v", ids, want)
	}
}

func TestAllDeduplicatesByNumber(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL,
		testkit.Answer{Body: `[{"number":"1"},{"number":"2"}]`},
		testkit.Answer{Body: `[{"number":"2"},{"ticket_id":"2"}]`},
		testkit.Answer{Body: `[{}]`})
	var got []string
	for tk, err := range c.Tickets.All(context.Background(), &ListOptions{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tk.Number+"/"+tk.TicketID)
	}
	if want := "[1/ 2/ /2 /]"; fmt.Sprint(got) != want {
		t.Errorf("tickets %v, want %v", got, want)
	}
}

func TestAllLazyBreakRestart(t *testing.T) {
	c, m := newTestClient(t)
	newPagedServer(10).serve(m)
	seq := c.Tickets.All(context.Background(), &ListOptions{PageSize: 2})
	if len(m.Requests()) != 0 {
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
	if got := len(m.Requests()); got != 2 {
		t.Errorf("%d requests after break at item 3, want 2", got)
	}
	if ids := collectIDs(t, seq); len(ids) != 10 || ids[0] != "T0" {
		t.Errorf("second range got %v", ids)
	}
}

func TestAllErrorOnce(t *testing.T) {
	c, m := newTestClient(t, WithoutRetries())
	m.On("GET", anyURL,
		testkit.Answer{Body: `[{"ticket_id":"a"},{"ticket_id":"b"}]`},
		testkit.Answer{Status: 500, Body: `{"detail":"boom"}`})
	var items, errs int
	for tk, err := range c.Tickets.All(context.Background(), &ListOptions{PageSize: 2}) {
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

func TestAllCancelled(t *testing.T) {
	c, m := newTestClient(t)
	newPagedServer(10).serve(m)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, errs := 0, 0
	for _, err := range c.Tickets.All(ctx, &ListOptions{PageSize: 2}) {
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
	if calls := len(m.Requests()); n != 2 || errs != 1 || calls != 1 {
		t.Errorf("items %d errors %d calls %d, want 2, 1, 1", n, errs, calls)
	}
}

const windowBody = `[
	{"ticket_id":"late","created":"2024-05-03T00:00:00Z","updated":"2024-05-03T00:00:00Z"},
	{"ticket_id":"in2","created":"2024-05-02T23:59:59.999Z","updated":"2024-04-01T00:00:00Z"},
	{"ticket_id":"in1","created":"2024-05-01 10:00:00","updated":"2024-05-02T00:00:00Z"},
	{"ticket_id":"early","created":"2024-05-01T09:59:59Z","updated":"2024-05-02T01:00:00Z"},
	{"ticket_id":"notime"}]`

func TestBetween(t *testing.T) {
	from := time.Date(2024, 5, 1, 12, 0, 0, 0, time.FixedZone("X", 2*3600)) // 10:00 UTC
	to := time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		opts      *ListOptions
		wantIDs   string
		wantQuery map[string]string
		absent    []string
	}{
		{
			name:      "created, dates in opts replaced",
			opts:      &ListOptions{PageSize: 10, CreatedFrom: Date{2000, 1, 1}, UpdatedTo: Date{2000, 1, 1}},
			wantIDs:   "[in2 in1]",
			wantQuery: map[string]string{"created_from": "2024-05-01", "created_to": "2024-05-04"},
			absent:    []string{"updated_from", "updated_to"},
		},
		{
			name:      "updated, capped",
			opts:      &ListOptions{LookupField: LookupUpdated, MaxItems: 1},
			wantIDs:   "[in1]",
			wantQuery: map[string]string{"updated_from": "2024-05-01", "updated_to": "2024-05-04", "lookup_fields": "updated", "limit": "50"},
			absent:    []string{"created_from", "created_to"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: windowBody})
			ids := collectIDs(t, c.Tickets.Between(context.Background(), from, to, tt.opts))
			if fmt.Sprint(ids) != tt.wantIDs {
				t.Errorf("ids %v, want %s", ids, tt.wantIDs)
			}
			q := only(t, m).Query
			for k, v := range tt.wantQuery {
				if q.Get(k) != v {
					t.Errorf("%s = %q, want %q (query %v)", k, q.Get(k), v, q)
				}
			}
			for _, k := range tt.absent {
				if q.Has(k) {
					t.Errorf("%s sent: %v", k, q)
				}
			}
		})
	}
}

func TestGet(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL, testkit.Answer{Body: `{"ticket_id":"a/b","escalated":"False","ticket_type":"alert"}`})
	tk, err := c.Tickets.Get(context.Background(), "a/b")
	if err != nil {
		t.Fatal(err)
	}
	if tk.TicketID != "a/b" || tk.Escalated == nil || *tk.Escalated || tk.TicketType != TicketTypeAlert {
		t.Errorf("ticket %+v", tk)
	}
	if string(tk.Raw) != `{"ticket_id":"a/b","escalated":"False","ticket_type":"alert"}` {
		t.Errorf("raw %s", tk.Raw)
	}
	sentTo(t, m, "GET", "/v2/tickets/a%2Fb", "")
}

func TestSweepEndsWhenTheServerIgnoresTheOffset(t *testing.T) {
	for _, body := range []string{`[{"ticket_id":"a"},{"ticket_id":"b"}]`, `[{"number":"a"},{"number":"b"}]`} {
		t.Run(body, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: body})
			got, err := testkit.Drain(c.Tickets.All(context.Background(), &ListOptions{PageSize: 2}),
				func(tk *Ticket) string { return tk.TicketID + tk.Number })
			var pe *incidentkit.PagingError
			if !errors.As(err, &pe) || !errors.Is(err, ErrServer) || pe.Service != "cyderes" {
				t.Fatalf("err = %v, want a *incidentkit.PagingError matching ErrServer", err)
			}
			if got != "a,b" || len(m.Requests()) != 1+paging.MaxStalls {
				t.Fatalf("tickets %s after %d requests", got, len(m.Requests()))
			}
		})
	}
}

func TestGetAnswerWithoutATicketIsABodyError(t *testing.T) {
	for _, body := range []string{`{}`, `null`, `{"result":{"ticket_id":"T1"}}`} {
		t.Run(body, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: body})
			tk, err := c.Tickets.Get(context.Background(), "T1")
			var be *incidentkit.BodyError
			if !errors.As(err, &be) || tk != nil {
				t.Fatalf("got %+v, %v; want a *incidentkit.BodyError", tk, err)
			}
		})
	}
}
