package cyderestest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/sla"
)

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T) (*cyderestest.Server, *cyderes.Client) {
	t.Helper()
	srv := cyderestest.New(cyderestest.WithClock(func() time.Time { return now }))
	t.Cleanup(srv.Close)
	c, err := cyderes.NewClient(srv.URL(), cyderes.WithToken(cyderestest.Token),
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
		for _, err := range c.Tickets.All(ctx, o) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
	if n := count(&cyderes.ListOptions{PageSize: 5, TicketType: cyderes.TicketTypeAll}); n != 23 {
		t.Errorf("all tickets: %d", n)
	}
	if n := count(&cyderes.ListOptions{PageSize: 5, TicketType: cyderes.TicketTypeAll, EscalatedOnly: true}); n != 8 {
		t.Errorf("escalated: %d", n)
	}
	if n := count(&cyderes.ListOptions{PageSize: 4, TicketType: cyderes.TicketTypePhishing}); n != 11 {
		t.Errorf("phishing: %d", n)
	}
	var got []string
	for tk, err := range c.Tickets.Between(ctx, now.Add(-26*time.Hour), now.Add(-9*time.Hour), &cyderes.ListOptions{TicketType: cyderes.TicketTypeAll}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tk.ShortDescription)
	}
	// created at 0, 5, 10, 15, 20, 25 hours ago: [now-26h, now-9h) holds 10, 15, 20 and 25.
	if strings.Join(got, ",") != "t2,t3,t4,t5" {
		t.Errorf("window: %v", got)
	}
	tk, err := c.Tickets.Get(ctx, "TSI-100001")
	if err != nil || tk.SLAPriority != sla.P1 || tk.TicketType != cyderes.TicketTypeAlert {
		t.Fatalf("get: %+v %v", tk, err)
	}
	if _, err := c.Tickets.Get(ctx, "TSI-999999"); !errors.Is(err, cyderes.ErrNotFound) {
		t.Fatalf("missing ticket: %v", err)
	}
	page, err := c.Tickets.List(ctx, &cyderes.ListOptions{PageSize: 250, Offset: 1000})
	if err != nil || len(page.Items) != 0 || page.HasNext() {
		t.Fatalf("past the end: %+v %v", page, err)
	}
	page, err = c.Tickets.List(ctx, &cyderes.ListOptions{PageSize: 10, Offset: 20, TicketType: cyderes.TicketTypeAll})
	if err != nil || len(page.Items) != 3 || page.Offset != 20 || page.NextOffset != -1 || page.TotalKnown {
		t.Fatalf("last page: %+v %v", page, err)
	}
}

func TestWritesAndAttachments(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	id := srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Escalated: true})
	if err := c.Comments.Create(ctx, id, &cyderes.CommentInput{Author: "SOC bot", Body: "escalated to TheHive"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Tickets.Close(ctx, id, "resolved upstream"); err != nil {
		t.Fatal(err)
	}
	tk, _ := srv.Ticket(id)
	if tk.State != "Closed" || len(tk.Comments) != 2 || tk.Comments[0].Body != "escalated to TheHive" {
		t.Fatalf("stored %+v", tk)
	}
	data := []byte("GIF89a fake image bytes")
	if err := c.Attachments.Upload(ctx, id, incidentkit.Upload{Reader: bytes.NewReader(data), FileName: "shot.gif"}); err != nil {
		t.Fatal(err)
	}
	page, err := c.Attachments.List(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	list := page.Items
	if len(list) != 1 || !bytes.Equal(list[0].Data, data) || list[0].FileName != "shot.gif" || list[0].ContentType != "image/gif" {
		t.Fatalf("attachments %+v", list)
	}
	one, err := c.Attachments.Get(ctx, id, list[0].ID)
	if err != nil || !bytes.Equal(one.Data, data) {
		t.Fatalf("get attachment %+v %v", one, err)
	}
	var buf bytes.Buffer
	var last, total int64
	info, err := c.Attachments.Download(ctx, id, list[0].ID, &buf, func(n, of int64) { last, total = n, of })
	want := incidentkit.FileInfo{Name: "shot.gif", ContentType: "image/gif", Size: int64(len(data))}
	if err != nil || !bytes.Equal(buf.Bytes(), data) || *info != want || last != want.Size || total != want.Size {
		t.Fatalf("download %+v %v, progress %d of %d", info, err, last, total)
	}
	res, err := c.ServiceRequests.Create(ctx, &cyderes.ServiceRequestInput{Name: "Ana Ortiz", Priority: "P3", Category: "Access",
		Type: "Request", ShortDescription: "Allow-list a vendor domain", Description: "vendor.example"})
	if err != nil || res.Status != 201 || res.Message != "Ticket has been created." {
		t.Fatalf("service request %+v %v", res, err)
	}
	if tk, ok := srv.Ticket(res.TicketID); !ok || tk.TicketType != "service_request" || tk.Extra["requested_by"] != "Ana Ortiz" {
		t.Fatalf("service request %q stored as %+v", res.TicketID, tk)
	}
	res, err = c.ServiceRequests.Create(ctx, &cyderes.ServiceRequestInput{Name: "Ana Ortiz", ShortDescription: "no optional fields"})
	if err != nil {
		t.Fatalf("service request without optional fields: %v", err)
	}
	if tk, _ := srv.Ticket(res.TicketID); tk.Priority != "" || tk.Category != "" || tk.Type != "" {
		t.Errorf("optional fields stored as %+v", tk)
	}
	_, err = c.ServiceRequests.Create(ctx, &cyderes.ServiceRequestInput{ShortDescription: "no name"})
	if !errors.Is(err, cyderes.ErrInvalidInput) {
		t.Fatalf("service request without a name: %v", err)
	}
	status, body := rawPost(t, srv, "/v2/tickets/create", `{"short_description":"no name"}`)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "field required") {
		t.Errorf("the fake takes a request without a name: %d %s", status, body)
	}
	srv.AddAttribute(cyderestest.Attribute{Category: "Network activity", Type: "ip-dst", Value: "203.0.113.7", ToIDs: true,
		Timestamp: now.Add(-time.Hour), EventInfo: "Phishing kit", EventThreatLevel: 1})
	srv.AddAttribute(cyderestest.Attribute{Type: "domain", Value: "old.example", Timestamp: now.AddDate(0, 0, -30)})
	iocs, err := c.IOCs.List(ctx, nil)
	if err != nil || len(iocs.Items) != 1 || iocs.Items[0].Value != "203.0.113.7" || !iocs.Items[0].ToIDs ||
		iocs.Items[0].Event.Info != "Phishing kit" || len(iocs.Items[0].Event.Raw) == 0 {
		t.Fatalf("iocs %+v %v", iocs, err)
	}
	iocs, err = c.IOCs.List(ctx, &cyderes.IOCListOptions{CreatedFrom: now.AddDate(0, 0, -31), CreatedTo: now.AddDate(0, 0, -29)})
	if err != nil || len(iocs.Items) != 1 || iocs.Items[0].Value != "old.example" {
		t.Fatalf("old iocs %+v %v", iocs, err)
	}
}

func TestFaultsAndAuth(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	id := srv.AddTicket(cyderestest.Ticket{Escalated: true})
	srv.Fail(1, http.StatusInternalServerError, 0, cyderestest.Path("POST", "/v2/tickets"))
	if err := c.Comments.Create(ctx, id, &cyderes.CommentInput{Author: "a", Body: "b"}); !errors.Is(err, cyderes.ErrServer) {
		t.Fatalf("500 comment: %v", err)
	}
	if tk, _ := srv.Ticket(id); len(tk.Comments) != 0 {
		t.Fatal("a failed comment was stored")
	}
	srv.Fail(2, http.StatusServiceUnavailable, time.Second, cyderestest.Path("GET", "/v2/tickets"))
	if _, err := c.Tickets.Get(ctx, id); err != nil {
		t.Fatalf("503s on a read were not retried: %v", err)
	}
	if _, err := c.Tickets.List(ctx, &cyderes.ListOptions{PageSize: 10}); err != nil {
		t.Fatal(err)
	}
	bad, _ := cyderes.NewClient(srv.URL(), cyderes.WithToken("wrong"))
	if _, err := bad.Tickets.Get(ctx, id); !errors.Is(err, cyderes.ErrUnauthorized) {
		t.Fatalf("wrong token: %v", err)
	}
	if n := srv.CountRequests("POST", "/v2/tickets/"+id+"/comment"); n != 1 {
		t.Fatalf("comment sent %d times", n)
	}
}

// rawPost posts body to the fake with its token and returns the status
// and the answer's body.
func rawPost(t *testing.T, srv *cyderestest.Server, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+cyderestest.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}
