package cyderes

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestChangeRequests checks the listing a pass sends: by update time,
// every ticket type unless told, from the day of the cursor's position
// less the skew window, and no further than the first older ticket.
func TestChangeRequests(t *testing.T) {
	at := time.Date(2026, 11, 23, 0, 0, 30, 0, time.UTC)
	for _, tt := range []struct {
		name  string
		cur   *ChangeCursor
		opts  *ChangeOptions
		query string
		keys  string // yielded, oldest first
	}{
		{name: "from the start", cur: &ChangeCursor{},
			query: "escalated_only=false&limit=50&lookup_fields=updated&skip=0&ticket_type=all", keys: "TSI-0 TSI-1 TSI-2"},
		{name: "from a time, the skew window crossing midnight", cur: NewChangeCursor(at),
			query: "escalated_only=false&limit=50&lookup_fields=updated&skip=0&ticket_type=all&updated_from=2026-11-22", keys: "TSI-2"},
		{name: "escalated phishing", cur: NewChangeCursor(at),
			opts:  &ChangeOptions{TicketType: TicketTypePhishing, EscalatedOnly: true, PageSize: 2, SkewWindow: time.Second},
			query: "escalated_only=true&limit=2&lookup_fields=updated&skip=0&ticket_type=phishing&updated_from=2026-11-23", keys: "TSI-2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: `[{"ticket_id":"TSI-2","updated":"2026-11-23T10:00:00.000000"},` +
				`{"ticket_id":"TSI-1","updated":"2026-11-22T10:00:00.000000"},{"ticket_id":"TSI-0","updated":"2026-11-21T10:00:00.000000"}]`})
			var got []string
			for ch, err := range c.Tickets.Changes(context.Background(), tt.cur, tt.opts) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, ch.ID)
			}
			sentTo(t, m, "GET", "/v2/tickets", tt.query)
			if s := strings.Join(got, " "); s != tt.keys {
				t.Errorf("yielded %q, want %q", s, tt.keys)
			}
			if want := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC); !tt.cur.Position().Equal(want) {
				t.Errorf("position %v after the pass, want %v", tt.cur.Position(), want)
			}
		})
	}
}

// TestChangeFeedBadInput checks what is refused before anything is sent.
func TestChangeFeedBadInput(t *testing.T) {
	for _, tt := range []struct {
		name string
		cur  *ChangeCursor
		opts *ChangeOptions
	}{
		{name: "nil cursor"},
		{name: "cursor of other options", cur: &ChangeCursor{scope: "alert,true"}},
		{name: "page size over the maximum", cur: &ChangeCursor{}, opts: &ChangeOptions{PageSize: MaxPageSize + 1}},
		{name: "unknown ticket type", cur: &ChangeCursor{}, opts: &ChangeOptions{TicketType: "incident"}},
		{name: "negative skew window", cur: &ChangeCursor{}, opts: &ChangeOptions{SkewWindow: -time.Second}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			for _, err := range c.Tickets.Changes(context.Background(), tt.cur, tt.opts) {
				testkit.InputError(t, err, "cyderes")
				break
			}
			if n := len(m.Requests()); n != 0 {
				t.Errorf("sent %d requests", n)
			}
		})
	}
	for _, text := range []string{`not json`, `{"v":2}`, `7`} {
		var cur ChangeCursor
		if err := cur.UnmarshalText([]byte(text)); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("UnmarshalText(%s) = %v, want an input error", text, err)
		}
	}
}

// TestChangeFeedEndsAgainstAServerIgnoringTheOffset checks that a server
// answering the same full page whatever the offset ends the pass with a
// PagingError instead of looping, and that nothing of it is yielded.
func TestChangeFeedEndsAgainstAServerIgnoringTheOffset(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL, testkit.Answer{Body: `[{"ticket_id":"TSI-2","updated":"2026-11-23T10:00:00.000000"},` +
		`{"ticket_id":"TSI-1","updated":"2026-11-23T09:00:00.000000"}]`})
	var got []string
	var last error
	for ch, err := range c.Tickets.Changes(context.Background(), &ChangeCursor{}, &ChangeOptions{PageSize: 2}) {
		if err != nil {
			last = err
			continue
		}
		got = append(got, ch.ID)
	}
	var pe *incidentkit.PagingError
	if !errors.As(last, &pe) || !errors.Is(last, ErrServer) {
		t.Fatalf("feed ended with %v, want a PagingError", last)
	}
	if len(got) != 0 {
		t.Errorf("yielded %v from a pass that did not end", got)
	}
	if n := len(m.Requests()); n != 3 {
		t.Errorf("sent %d requests, want 3", n)
	}
}

// TestChangeFeedTellsStatesWithinOneMicrosecondApart checks that a ticket
// read again at the same update time is yielded again when it changed
// (a comment within the same microsecond), and not when it did not.
func TestChangeFeedTellsStatesWithinOneMicrosecondApart(t *testing.T) {
	c, m := newTestClient(t)
	one := `[{"ticket_id":"TSI-1","updated":"2026-11-23T10:00:00.000001","comments":[{"body":"a"}]}]`
	two := `[{"ticket_id":"TSI-1","updated":"2026-11-23T10:00:00.000001","comments":[{"body":"a"},{"body":"b"}]}]`
	m.On("GET", anyURL, testkit.Answer{Body: one}, testkit.Answer{Body: one}, testkit.Answer{Body: two})
	cur := &ChangeCursor{}
	var got []int
	for range 3 {
		for ch, err := range c.Tickets.Changes(context.Background(), cur, nil) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, len(ch.Record.Comments))
		}
	}
	if want := []int{1, 2}; !slices.Equal(got, want) {
		t.Errorf("yielded states with %v comments, want %v", got, want)
	}
}
