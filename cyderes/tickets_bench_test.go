package cyderes

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/incidentkit/incidentkit/internal/benchkit"
)

const (
	benchTickets = 25000
	benchPage    = 250
)

// benchPages are benchTickets realistic alert tickets, newest first,
// benchPage to a page. They are rendered on first use, so that test runs
// do not pay for them.
var benchPages = benchkit.LazyPages(benchTickets, benchPage, "[", "]", func(b *bytes.Buffer, i int) {
	fmt.Fprintf(b, `{"number":"ALR%07d","ticket_id":"%08x-7c1e-4b8f-9a51-2f3c4d5e6f70","priority":"2 - High","state":"Open",`+
		`"created":"2024-05-01T10:%02d:%02d.123456Z","updated":"2024-05-01 11:%02d:%02d","ticket_type":"alert",`+
		`"short_description":"Suspicious PowerShell on host-%d","alert_description":"Encoded command observed",`+
		`"alert_insights":"Parent process winword.exe","alert_insights_html":"<p>Parent process <b>winword.exe</b></p>",`+
		`"soar_case_id":"%d","soar_alert_ticket_id":"%d","analyst_notes":"Confirmed true positive","recommendations":"Isolate host",`+
		`"escalated":"True","comments":[{"id":"c%d","created":"2024-05-01T10:30:00Z","author":"SOC","body":"Escalated to customer"}]}`,
		i, i, i%60, i%60, i%60, i%60, i%500, 100000+i, 200000+i, i)
})

// benchListing times a side of the tickets comparison against the
// listing, served by skip and limit from a server of its own, which counts
// the connections the side opens (see benchkit.Server.Loop). prepare
// builds what every run shares and returns one run, which reports the
// tickets it counted.
func benchListing(b *testing.B, prepare func(srv *benchkit.Server) (list func(context.Context) (int, error), err error)) {
	srv := benchkit.ServeListing(b, benchkit.Listing{Pages: benchPages(), PageSize: benchPage, Offset: benchkit.QueryOffset("skip")})
	list, err := prepare(srv)
	if err != nil {
		b.Fatal(err)
	}
	srv.Loop(b, func(ctx context.Context) error {
		n, err := list(ctx)
		if err == nil && n != benchTickets {
			err = fmt.Errorf("got %d tickets, want %d", n, benchTickets)
		}
		return err
	})
}

// BenchmarkAllTickets ranges every ticket through Tickets.All.
func BenchmarkAllTickets(b *testing.B) {
	benchListing(b, func(srv *benchkit.Server) (func(context.Context) (int, error), error) {
		c, err := NewClient(srv.URL, WithToken("bench-token"), WithHTTPClient(srv.Client()))
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) (int, error) {
			n := 0
			for t, err := range c.Tickets.All(ctx, &ListOptions{PageSize: benchPage, TicketType: TicketTypeAlert}) {
				if err != nil {
					return n, err
				}
				if t.TicketID != "" {
					n++
				}
			}
			return n, nil
		}, nil
	})
}

// rawTicket is the baseline's plain decoding target.
type rawTicket struct {
	Number            string `json:"number"`
	TicketID          string `json:"ticket_id"`
	Priority          string `json:"priority"`
	State             string `json:"state"`
	Created           string `json:"created"`
	Updated           string `json:"updated"`
	TicketType        string `json:"ticket_type"`
	ShortDescription  string `json:"short_description"`
	AlertDescription  string `json:"alert_description"`
	AlertInsights     string `json:"alert_insights"`
	AlertInsightsHTML string `json:"alert_insights_html"`
	SOARCaseID        string `json:"soar_case_id"`
	SOARAlertTicketID string `json:"soar_alert_ticket_id"`
	AnalystNotes      string `json:"analyst_notes"`
	Recommendations   string `json:"recommendations"`
	Escalated         string `json:"escalated"`
	Comments          []struct {
		ID, Created, Author, Body string
	} `json:"comments"`
}

// BenchmarkAllTicketsBaseline is a hand-written net/http + encoding/json
// loop over the same listing: no retries, no validation, times left as
// strings, every body drained and closed.
func BenchmarkAllTicketsBaseline(b *testing.B) {
	benchListing(b, func(srv *benchkit.Server) (func(context.Context) (int, error), error) {
		hc := srv.Client()
		return func(ctx context.Context) (int, error) {
			n := 0
			_, err := benchkit.ListByOffset(func(skip int) (int, bool, error) {
				q := url.Values{"skip": {strconv.Itoa(skip)}, "limit": {strconv.Itoa(benchPage)},
					"ticket_type": {"alert"}, "escalated_only": {"false"}}
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v2/tickets?"+q.Encode(), nil)
				if err != nil {
					return 0, false, err
				}
				req.Header.Set("Authorization", "Bearer bench-token")
				req.Header.Set("Accept", "application/json")
				var page []rawTicket
				if _, err := benchkit.DecodeJSON(hc, req, &page); err != nil {
					return 0, false, err
				}
				for _, t := range page {
					if t.TicketID != "" {
						n++
					}
				}
				return len(page), len(page) == benchPage, nil
			})
			return n, err
		}, nil
	})
}
