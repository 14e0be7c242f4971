package cyderes_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/sla"
)

// now is the fake's clock in the examples.
var now = time.Date(2024, 5, 8, 9, 0, 0, 0, time.UTC)

// newFake starts an in-memory TSI API holding seven alert tickets, one a
// day from May 1 (TSI-100001) to May 7 (TSI-100007); the odd days'
// tickets were escalated.
func newFake() *cyderestest.Server {
	srv := cyderestest.New(cyderestest.WithClock(func() time.Time { return now }))
	for day := 1; day <= 7; day++ {
		srv.AddTicket(cyderestest.Ticket{
			TicketType:       "alert",
			Priority:         "2 - High",
			Escalated:        day%2 == 1,
			Created:          time.Date(2024, 5, day, 12, 0, 0, 0, time.UTC),
			ShortDescription: fmt.Sprintf("alert of May %d", day),
		})
	}
	return srv
}

// newClient returns a client for the fake. Against the real API, pass
// cyderes.DefaultBaseURL and the token Cyderes issued.
func newClient(srv *cyderestest.Server) *cyderes.Client {
	c, err := cyderes.NewClient(srv.URL(), cyderes.WithToken(cyderestest.Token))
	if err != nil {
		log.Fatal(err)
	}
	return c
}

func ExampleNewClient() {
	c, err := cyderes.NewClient(cyderes.DefaultBaseURL,
		cyderes.WithToken("token-issued-by-cyderes"),
		cyderes.WithTimeout(time.Minute))
	fmt.Println(c != nil, err)

	_, err = cyderes.NewClient(cyderes.DefaultBaseURL) // no token
	fmt.Println(err)
	// Output:
	// true <nil>
	// cyderes: invalid authentication: is required
}

// Read one page at a time, passing each page's NextOffset back as the
// offset. The API reports no total; a page shorter than asked for is the
// last.
func ExampleTicketService_List() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)

	opts := &cyderes.ListOptions{TicketType: cyderes.TicketTypeAlert, PageSize: 3}
	for {
		page, err := c.Tickets.List(context.Background(), opts)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("offset %d: %d tickets, next %d\n", page.Offset, len(page.Items), page.NextOffset)
		if !page.HasNext() {
			break
		}
		opts.Offset = page.NextOffset
	}
	// Output:
	// offset 0: 3 tickets, next 3
	// offset 3: 3 tickets, next 6
	// offset 6: 1 tickets, next -1
}

func ExampleTicketService_All() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)

	opts := &cyderes.ListOptions{
		TicketType:    cyderes.TicketTypeAlert,
		EscalatedOnly: true, // always sent; false lists every ticket
		PageSize:      2,
		MaxItems:      3,
	}
	for t, err := range c.Tickets.All(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(t.TicketID, t.SLAPriority, t.Created.Format(time.DateOnly), t.ShortDescription)
	}
	// Output:
	// TSI-100007 P2 2024-05-07 alert of May 7
	// TSI-100005 P2 2024-05-05 alert of May 5
	// TSI-100003 P2 2024-05-03 alert of May 3
}

// The API filters on whole days; Between asks for the days the window
// touches and keeps the tickets inside it exactly.
func ExampleTicketService_Between() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)

	from := time.Date(2024, 5, 2, 6, 0, 0, 0, time.UTC)
	to := time.Date(2024, 5, 4, 12, 0, 0, 0, time.UTC) // excluded
	for t, err := range c.Tickets.Between(context.Background(), from, to, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(t.TicketID, t.Created.Format(time.DateTime))
	}
	// Output:
	// TSI-100003 2024-05-03 12:00:00
	// TSI-100002 2024-05-02 12:00:00
}

func ExampleTicketService_Get() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	id := srv.AddTicket(cyderestest.Ticket{
		TicketType: "phishing", Priority: "P1", Escalated: true, Created: now.Add(-time.Hour),
		Comments: []cyderestest.Comment{{ID: "c1", Author: "SOC", Body: "Investigating", Created: now.Add(-time.Minute)}},
	})

	t, err := c.Tickets.Get(context.Background(), id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.TicketID, t.TicketType, t.Priority, t.SLAPriority, *t.Escalated)
	for _, cm := range t.Comments {
		fmt.Println(cm.Created.Format(time.RFC3339), cm.Author+":", cm.Body)
	}
	// Output:
	// TSI-100008 phishing P1 P1 true
	// 2024-05-08T08:59:00Z SOC: Investigating
}

func ExampleTicketService_Close() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	ctx := context.Background()

	if err := c.Tickets.Close(ctx, "TSI-100007", "False positive: scheduled scan"); err != nil {
		log.Fatal(err)
	}
	t, err := c.Tickets.Get(ctx, "TSI-100007")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.State, t.Comments[0].Body)
	// Output: Closed False positive: scheduled scan
}

func ExampleCommentService_Create() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	ctx := context.Background()

	err := c.Comments.Create(ctx, "TSI-100007", &cyderes.CommentInput{Author: "Ann Analyst", Body: "Host isolated."})
	fmt.Println(err)
	err = c.Comments.Create(ctx, "TSI-100007", &cyderes.CommentInput{Author: "Ann Analyst"})
	fmt.Println(err)

	t, _ := c.Tickets.Get(ctx, "TSI-100007")
	fmt.Println(len(t.Comments), t.Comments[0].Author+":", t.Comments[0].Body)
	// Output:
	// <nil>
	// cyderes: invalid comment body: is empty
	// 1 Ann Analyst: Host isolated.
}

func ExampleAttachmentService_Upload() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	ctx := context.Background()

	// incidentkit.FileUpload(path) builds the same from a file on disk.
	file := incidentkit.Upload{
		Reader:      strings.NewReader("Received: from mail.example.com"),
		FileName:    "headers.txt",
		ContentType: "text/plain",
	}
	if err := c.Attachments.Upload(ctx, "TSI-100007", file); err != nil {
		log.Fatal(err)
	}
	for a, err := range c.Attachments.All(ctx, "TSI-100007") {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.FileName, a.ContentType, len(a.Data))
	}
	// Output: headers.txt text/plain 31
}

func ExampleAttachmentService_Download() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	id := srv.AddAttachment("TSI-100007", cyderestest.Attachment{
		FileName: "headers.txt", MIMEType: "text/plain", Data: []byte("Received: from mail.example.com"),
	})

	var buf bytes.Buffer
	var done, total int64
	info, err := c.Attachments.Download(context.Background(), "TSI-100007", id, &buf,
		func(n, of int64) { done, total = n, of })
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(buf.String())
	fmt.Println(info.Name, info.ContentType, info.Size)
	fmt.Printf("progress: %d of %d bytes\n", done, total)
	// Output:
	// Received: from mail.example.com
	// headers.txt text/plain 31
	// progress: 31 of 31 bytes
}

func ExampleServiceRequestService_Create() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)

	res, err := c.ServiceRequests.Create(context.Background(), &cyderes.ServiceRequestInput{
		Name:             "Ann Analyst",
		Priority:         "P3",
		ShortDescription: "Allow-list a sender",
		Description:      "Please allow newsletters from news.example.com.",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Status, res.TicketID, res.Message)
	// Output: 201 TSI-100008 Ticket has been created.
}

func ExampleIOCService_List() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	srv.AddAttribute(cyderestest.Attribute{Category: "Payload delivery", Type: "filename|sha256", Value: "invoice.exe|9f86d081", ToIDs: true,
		Timestamp: now.Add(-2 * time.Hour), EventInfo: "Phishing wave", EventThreatLevel: 1})
	srv.AddAttribute(cyderestest.Attribute{Category: "Network activity", Type: "ip-dst", Value: "203.0.113.7", ToIDs: true,
		Timestamp: now.Add(-time.Hour), EventInfo: "Phishing wave", EventThreatLevel: 1})
	srv.AddAttribute(cyderestest.Attribute{Type: "domain", Value: "old.example", Timestamp: now.AddDate(0, 0, -30)})

	// nil options ask for the API's default window, the last 7 days.
	page, err := c.IOCs.List(context.Background(), nil)
	levels := sla.DefaultMISPThreatLevels() // threat level → TheHive severity
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range page.Items {
		for _, o := range a.Observables() {
			fmt.Println(o.DataType, o.Value, "severity", levels.Severity(a.Event.ThreatLevelID))
		}
	}
	// Output:
	// filename invoice.exe severity 3
	// hash 9f86d081 severity 3
	// ip 203.0.113.7 severity 3
}

func ExampleIOCService_All() {
	srv := newFake()
	defer srv.Close()
	c := newClient(srv)
	for h := 1; h <= 3; h++ {
		srv.AddAttribute(cyderestest.Attribute{Type: "ip-dst", Value: fmt.Sprintf("203.0.113.%d", h),
			Timestamp: now.Add(-time.Duration(h) * time.Hour)})
	}

	opts := &cyderes.IOCListOptions{CreatedFrom: now.Add(-150 * time.Minute), CreatedTo: now}
	for a, err := range c.IOCs.All(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.Type, a.Value, a.Timestamp.Format(time.TimeOnly))
	}
	// Output:
	// ip-dst 203.0.113.1 08:00:00
	// ip-dst 203.0.113.2 07:00:00
}

func ExampleSplitComposite() {
	for _, v := range cyderes.SplitComposite("ip-dst|port", "203.0.113.7|8443") {
		fmt.Println(v.Type, v.Value, cyderes.TheHiveDataType("Network activity", v.Type))
	}
	// Output:
	// ip-dst 203.0.113.7 ip
	// port 8443 other
}

func ExampleParseTime() {
	for _, s := range []string{"2024-05-01T10:20:30Z", "2024-05-01T12:20:30+02:00", "2024-05-01 10:20:30", "2024-05-01T10:20:30.5"} {
		t, err := cyderes.ParseTime(s)
		fmt.Println(t.Format(time.RFC3339Nano), err)
	}
	// Output:
	// 2024-05-01T10:20:30Z <nil>
	// 2024-05-01T10:20:30Z <nil>
	// 2024-05-01T10:20:30Z <nil>
	// 2024-05-01T10:20:30.5Z <nil>
}
