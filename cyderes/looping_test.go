package cyderes

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestSweepEndsWhenTheServerIgnoresTheOffset(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{name: "tickets with ids", body: `[{"ticket_id":"a"},{"ticket_id":"b"}]`},
		{name: "tickets with numbers only", body: `[{"number":"TSI-1"},{"number":"TSI-2"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: tt.body})
			var got int
			var last error
			for tk, err := range c.Tickets.All(context.Background(), &ListOptions{PageSize: 2}) {
				if err != nil {
					last = err
					break
				}
				if tk != nil {
					got++
				}
			}
			var pe *incidentkit.PagingError
			if !errors.As(last, &pe) || !errors.Is(last, ErrServer) || pe.Service != "cyderes" {
				t.Fatalf("err = %v, want a *incidentkit.PagingError matching ErrServer", last)
			}
			if got != 2 || len(m.Requests()) != 1+paging.MaxStalls {
				t.Fatalf("%d tickets after %d requests", got, len(m.Requests()))
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
