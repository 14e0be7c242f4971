package cyderes

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const (
	benchTickets = 25000
	benchPage    = 250
)

// benchServer serves benchTickets realistic alert tickets, newest first,
// with skip/limit paging. Pages are rendered once, before timing.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	pages := make(map[int][]byte)
	for skip := 0; skip <= benchTickets; skip += benchPage {
		var sb strings.Builder
		sb.WriteByte('[')
		for i := skip; i < skip+benchPage && i < benchTickets; i++ {
			if i > skip {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"number":"ALR%07d","ticket_id":"%08x-7c1e-4b8f-9a51-2f3c4d5e6f70","priority":"2 - High","state":"Open",`+
				`"created":"2024-05-01T10:%02d:%02d.123456Z","updated":"2024-05-01 11:%02d:%02d","ticket_type":"alert",`+
				`"short_description":"Suspicious PowerShell on host-%d","alert_description":"Encoded command observed",`+
				`"alert_insights":"Parent process winword.exe","alert_insights_html":"<p>Parent process <b>winword.exe</b></p>",`+
				`"soar_case_id":"%d","soar_alert_ticket_id":"%d","analyst_notes":"Confirmed true positive","recommendations":"Isolate host",`+
				`"escalated":"True","comments":[{"id":"c%d","created":"2024-05-01T10:30:00Z","author":"SOC","body":"Escalated to customer"}]}`,
				i, i, i%60, i%60, i%60, i%60, i%500, 100000+i, 200000+i, i)
		}
		sb.WriteByte(']')
		pages[skip] = []byte(sb.String())
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		body, ok := pages[skip]
		if !ok {
			body = []byte("[]")
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkAllTickets ranges every ticket through the client.
func BenchmarkAllTickets(b *testing.B) {
	srv := benchServer(b)
	c, err := NewClient(WithToken("bench-token"), WithBaseURL(srv.URL))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for t, err := range c.AllTickets(context.Background(), &ListOptions{Limit: benchPage, TicketType: TicketTypeAlert}) {
			if err != nil {
				b.Fatal(err)
			}
			if t.TicketID != "" {
				n++
			}
		}
		if n != benchTickets {
			b.Fatalf("got %d tickets", n)
		}
	}
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
// loop over the same server: no retries, no validation, times left as
// strings.
func BenchmarkAllTicketsBaseline(b *testing.B) {
	srv := benchServer(b)
	hc := &http.Client{}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for skip := 0; ; {
			q := url.Values{"skip": {strconv.Itoa(skip)}, "limit": {strconv.Itoa(benchPage)},
				"ticket_type": {"alert"}, "escalated_only": {"false"}}
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v2/tickets?"+q.Encode(), nil)
			req.Header.Set("Authorization", "Bearer bench-token")
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var page []rawTicket
			err = json.NewDecoder(resp.Body).Decode(&page)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			for _, t := range page {
				if t.TicketID != "" {
					n++
				}
			}
			if len(page) < benchPage {
				break
			}
			skip += len(page)
		}
		if n != benchTickets {
			b.Fatalf("got %d tickets", n)
		}
	}
}
