package cyderestest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/sla"
)

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T) (*cyderestest.Server, *cyderes.Client) {
	t.Helper()
	srv := cyderestest.New(cyderestest.WithClock(func() time.Time { return now }))
	t.Cleanup(srv.Close)
	c, err := cyderes.NewClient(cyderes.WithBaseURL(srv.URL()), cyderes.WithToken(cyderestest.Token),
		cyderes.WithRetryWait(time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func TestTicketsPagingAndFilters(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	for i := range 23 {
		srv.AddTicket(cyderestest.Ticket{TicketType: []string{"alert", "phishing"}[i%2], Escalated: i%3 == 0,
			Priority: fmt.Sprintf("P%d", 1+i%4), Created: now.Add(-time.Duration(i) * 5 * time.Hour), ShortDescription: fmt.Sprint("t", i)})
	}
	count := func(o *cyderes.ListOptions) int {
		n := 0
		for _, err := range c.AllTickets(ctx, o) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
	if n := count(&cyderes.ListOptions{Limit: 5, TicketType: cyderes.TicketTypeAll}); n != 23 {
		t.Errorf("all tickets: %d", n)
	}
	if n := count(&cyderes.ListOptions{Limit: 5, TicketType: cyderes.TicketTypeAll, EscalatedOnly: true}); n != 8 {
		t.Errorf("escalated: %d", n)
	}
	if n := count(&cyderes.ListOptions{Limit: 4, TicketType: cyderes.TicketTypePhishing}); n != 11 {
		t.Errorf("phishing: %d", n)
	}
	var got []string
	for tk, err := range c.TicketsBetween(ctx, now.Add(-26*time.Hour), now.Add(-9*time.Hour), &cyderes.ListOptions{TicketType: cyderes.TicketTypeAll}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tk.ShortDescription)
	}
	// created at 0, 5, 10, 15, 20, 25 hours ago: [now-26h, now-9h) holds 10, 15, 20 and 25.
	if strings.Join(got, ",") != "t2,t3,t4,t5" {
		t.Errorf("window: %v", got)
	}
	tk, err := c.GetTicket(ctx, "TSI-100001")
	if err != nil || tk.SLAPriority != sla.P1 || tk.TicketType != cyderes.TicketTypeAlert {
		t.Fatalf("get: %+v %v", tk, err)
	}
	if _, err := c.GetTicket(ctx, "TSI-999999"); !errors.Is(err, cyderes.ErrNotFound) {
		t.Fatalf("missing ticket: %v", err)
	}
	if _, err := c.ListTickets(ctx, &cyderes.ListOptions{Limit: 250, Skip: 1000}); err != nil {
		t.Fatalf("past the end: %v", err)
	}
}

func TestWritesAndAttachments(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	id := srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Escalated: true})
	if err := c.AddComment(ctx, id, cyderes.NewComment{Author: "SOC bot", Body: "escalated to TheHive"}); err != nil {
		t.Fatal(err)
	}
	if err := c.CloseTicket(ctx, id, "resolved upstream"); err != nil {
		t.Fatal(err)
	}
	tk, _ := srv.Ticket(id)
	if tk.State != "Closed" || len(tk.Comments) != 2 || tk.Comments[0].Body != "escalated to TheHive" {
		t.Fatalf("stored %+v", tk)
	}
	data := []byte("GIF89a fake image bytes")
	if err := c.UploadAttachment(ctx, id, cyderes.Upload{Reader: bytes.NewReader(data), FileName: "shot.gif"}); err != nil {
		t.Fatal(err)
	}
	list, err := c.ListAttachments(ctx, id)
	if err != nil || len(list) != 1 || !bytes.Equal(list[0].Data, data) || list[0].FileName != "shot.gif" {
		t.Fatalf("attachments %+v %v", list, err)
	}
	one, err := c.GetAttachment(ctx, id, list[0].ID)
	if err != nil || !bytes.Equal(one.Data, data) {
		t.Fatalf("get attachment %+v %v", one, err)
	}
	var buf bytes.Buffer
	info, err := c.DownloadAttachment(ctx, id, list[0].ID, &buf)
	if err != nil || !bytes.Equal(buf.Bytes(), data) || info.FileName != "shot.gif" {
		t.Fatalf("download %+v %v", info, err)
	}
	newID, err := c.CreateServiceRequest(ctx, cyderes.ServiceRequest{Name: "Ana Ortiz", Priority: "P3", Category: "Access",
		Type: "Request", ShortDescription: "Allow-list a vendor domain", Description: "vendor.example"})
	if _, ok := srv.Ticket(newID); err != nil || !ok {
		t.Fatalf("service request %q %v", newID, err)
	}
	srv.AddAttribute(cyderestest.Attribute{Category: "Network activity", Type: "ip-dst", Value: "203.0.113.7", ToIDs: true,
		Timestamp: now.Add(-time.Hour), EventInfo: "Phishing kit", EventThreatLevel: 1})
	srv.AddAttribute(cyderestest.Attribute{Type: "domain", Value: "old.example", Timestamp: now.AddDate(0, 0, -30)})
	iocs, err := c.IOCs(ctx, time.Time{}, time.Time{})
	if err != nil || len(iocs) != 1 || iocs[0].Value != "203.0.113.7" || !iocs[0].ToIDs {
		t.Fatalf("iocs %+v %v", iocs, err)
	}
}

func TestFaultsAndAuth(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	id := srv.AddTicket(cyderestest.Ticket{Escalated: true})
	srv.Fail(1, http.StatusInternalServerError, 0, cyderestest.Path("POST", "/v2/tickets"))
	if err := c.AddComment(ctx, id, cyderes.NewComment{Author: "a", Body: "b"}); !errors.Is(err, cyderes.ErrServer) {
		t.Fatalf("500 comment: %v", err)
	}
	if tk, _ := srv.Ticket(id); len(tk.Comments) != 0 {
		t.Fatal("a failed comment was stored")
	}
	srv.Fail(2, http.StatusServiceUnavailable, time.Second, cyderestest.Path("GET", "/v2/tickets"))
	if _, err := c.GetTicket(ctx, id); err != nil {
		t.Fatalf("503s on a read were not retried: %v", err)
	}
	_, err := c.ListTickets(ctx, &cyderes.ListOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := cyderes.NewClient(cyderes.WithBaseURL(srv.URL()), cyderes.WithToken("wrong"))
	if _, err := bad.GetTicket(ctx, id); !errors.Is(err, cyderes.ErrUnauthorized) {
		t.Fatalf("wrong token: %v", err)
	}
	if n := srv.CountRequests("POST", "/v2/tickets/"+id+"/comment"); n != 1 {
		t.Fatalf("comment sent %d times", n)
	}
}
