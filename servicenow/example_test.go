package servicenow_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// newFake starts an in-memory instance with a fixed clock, so that the
// examples print the same times on every run, and a client for it that
// logs in as the fake's default user.
func newFake(opts ...servicenowtest.Option) (*servicenowtest.Server, *servicenow.Client) {
	clock := func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	srv := servicenowtest.New(append([]servicenowtest.Option{servicenowtest.WithClock(clock)}, opts...)...)
	c, err := servicenow.NewClient(srv.URL(), servicenow.WithBasicAuth("admin", "admin"))
	if err != nil {
		panic(err)
	}
	return srv, c
}

// Opening, updating and resolving an incident.
func Example() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()

	in, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: incidentkit.Ptr("Phishing mail reported"),
		Urgency:          incidentkit.Ptr(servicenow.UrgencyHigh),
		Impact:           incidentkit.Ptr(servicenow.ImpactMedium),
		Category:         incidentkit.Set("security"),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(in.Number, in.State, in.Priority, in.Category)

	// A Nullable field left alone is not sent; Clear empties it.
	in, err = c.Incidents.Update(ctx, in.SysID, &servicenow.IncidentInput{
		Description: incidentkit.Set("Reported by three users in finance."),
		Category:    incidentkit.Clear[string](),
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("category %q, description %q\n", in.Category, in.Description)

	in, err = c.Incidents.Resolve(ctx, in.SysID, servicenow.CloseSolutionProvided, "Mail purged")
	if err != nil {
		panic(err)
	}
	got, err := c.Incidents.Get(ctx, in.SysID, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(got.Number, got.State, got.CloseCode, got.ResolvedAt.Format(time.RFC3339))
	// Output:
	// INC0010001 New High security
	// category "", description "Reported by three users in finance."
	// INC0010001 Resolved Solution provided 2026-11-23T09:00:00Z
}

// List reads one page; NextOffset says where the next one starts.
func ExampleIncidentService_List() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	for _, d := range []string{"alert A", "alert B", "alert C", "alert D", "alert E"} {
		srv.Seed("incident", servicenowtest.Record{"short_description": d})
	}

	opts := &servicenow.ListOptions{PageSize: 2}
	for {
		page, err := c.Incidents.List(ctx, opts)
		if err != nil {
			panic(err)
		}
		for _, in := range page.Items {
			fmt.Print(in.Number, " ", in.ShortDescription, "; ")
		}
		fmt.Println("of", page.Total, "next at", page.NextOffset)
		if !page.HasNext() {
			break
		}
		opts.Offset = page.NextOffset
	}
	// Output:
	// INC0010001 alert A; INC0010002 alert B; of 5 next at 2
	// INC0010003 alert C; INC0010004 alert D; of 5 next at 4
	// INC0010005 alert E; of 5 next at -1
}

// All fetches pages as the loop advances; the query is built with
// encodedquery, so values cannot inject conditions.
func ExampleIncidentService_All() {
	srv, c := newFake()
	defer srv.Close()
	for i, d := range []string{"VPN down", "Phishing wave", "Malware on laptop", "Printer jam", "Phishing reply"} {
		srv.Seed("incident", servicenowtest.Record{
			"short_description": d, "category": []string{"network", "security", "security", "hardware", "security"}[i],
			"impact": "2", "urgency": fmt.Sprint(1 + i%3),
		})
	}

	opts := &servicenow.ListOptions{
		Query: encodedquery.And(
			encodedquery.Field("category").Eq("security"),
			encodedquery.Field("state").In(servicenow.StateNew, servicenow.StateInProgress),
		).OrderBy("short_description"),
		PageSize: 2,
	}
	for in, err := range c.Incidents.All(context.Background(), opts) {
		if err != nil {
			panic(err)
		}
		fmt.Println(in.Number, in.ShortDescription, in.Urgency)
	}
	// Output:
	// INC0010003 Malware on laptop Low
	// INC0010005 Phishing reply Medium
	// INC0010002 Phishing wave Medium
}

// The builder writes ServiceNow's encoded query syntax (an Or of Ands
// becomes ^NQ) and refuses values that would change the query's meaning.
func Example_encodedQuery() {
	q := encodedquery.Or(
		encodedquery.And(
			encodedquery.Field("priority").Lte(2),
			encodedquery.Field("assignment_group.name").Eq("SOC"),
		),
		encodedquery.Field("short_description").Like("ransom"),
	).OrderByDesc("opened_at")
	s, err := q.Encode()
	fmt.Println(s, err)

	_, err = encodedquery.Field("short_description").Eq("a\nb").Encode()
	fmt.Println(errors.Is(err, encodedquery.ErrInvalid))
	// Output:
	// priority<=2^assignment_group.name=SOC^NQshort_descriptionLIKEransom^ORDERBYDESCopened_at <nil>
	// true
}

// NewTable gives typed access to any table through the caller's own
// struct; Field, Reference and Time decode every display-value mode.
func ExampleNewTable() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	srv.Seed("change_request", servicenowtest.Record{"number": "CHG0000001", "risk": "3", "start_date": "2026-11-24 22:00:00"})

	type change struct {
		SysID  string               `json:"sys_id"`
		Number string               `json:"number"`
		Risk   servicenow.Field     `json:"risk"`
		Start  servicenow.Time      `json:"start_date"`
		Owner  servicenow.Reference `json:"assigned_to"`
	}
	changes := servicenow.NewTable[change](c, "change_request")
	created, err := changes.Create(ctx, map[string]string{"number": "CHG0000002", "risk": "2", "start_date": "2026-11-25 06:00:00"})
	if err != nil {
		panic(err)
	}
	fmt.Println("created", created.Number)

	for ch, err := range changes.All(ctx, &servicenow.ListOptions{Query: encodedquery.Query{}.OrderBy("start_date")}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(ch.Number, ch.Risk.Value, ch.Start.Format("Mon 15:04"))
	}
	// Output:
	// created CHG0000002
	// CHG0000001 3 Tue 22:00
	// CHG0000002 2 Wed 06:00
}

// Uploads take an incidentkit.Upload: a reader, or a file on disk through
// incidentkit.FileUpload, which a retry opens again.
func ExampleAttachmentService_Upload() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	ids := srv.Seed("incident", servicenowtest.Record{"short_description": "Phishing wave"})

	a, err := c.Attachments.Upload(ctx, "incident", ids[0], incidentkit.Upload{
		Reader:   strings.NewReader("From: attacker@example.com\r\nSubject: invoice\r\n\r\nPay now."),
		FileName: "mail.eml", ContentType: "message/rfc822",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.FileName, a.ContentType, a.SizeBytes)

	dir, err := os.MkdirTemp("", "evidence")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "iocs.txt")
	if err := os.WriteFile(path, []byte("203.0.113.7\nevil.example\n"), 0o600); err != nil {
		panic(err)
	}
	file, err := incidentkit.FileUpload(path)
	if err != nil {
		panic(err)
	}
	if _, err := c.Attachments.UploadMultipart(ctx, "incident", ids[0], file); err != nil {
		panic(err)
	}

	for a, err := range c.Incidents.Attachments(ctx, ids[0]) {
		if err != nil {
			panic(err)
		}
		fmt.Println(a.FileName, a.ContentType, a.SizeBytes)
	}
	// Output:
	// mail.eml message/rfc822 56
	// mail.eml message/rfc822 56
	// iocs.txt text/plain; charset=utf-8 25
}

// Download streams to any io.Writer and reports progress as bytes arrive.
func ExampleAttachmentService_Download() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	ids := srv.Seed("incident", servicenowtest.Record{"short_description": "Suspicious binary"})
	a, err := c.Incidents.Attach(ctx, ids[0], incidentkit.Upload{
		Reader: bytes.NewReader(bytes.Repeat([]byte{0x4d, 0x5a, 0x90, 0x00}, 4096)), FileName: "sample.bin",
	})
	if err != nil {
		panic(err)
	}

	var buf bytes.Buffer
	var done, total int64
	info, err := c.Attachments.Download(ctx, a.SysID, &buf, func(d, t int64) { done, total = d, t })
	if err != nil {
		panic(err)
	}
	fmt.Println(info.Name, info.ContentType, info.Size, buf.Len())
	fmt.Println("progress", done, "of", total)
	// Output:
	// sample.bin application/octet-stream 16384 16384
	// progress 16384 of 16384
}

// With OAuth, the client asks the instance's token endpoint for an access
// token at the first call and renews it when it expires.
func ExampleWithOAuthClientCredentials() {
	srv, _ := newFake(servicenowtest.WithOAuthClient("soc-bridge", "client-secret"))
	defer srv.Close()
	ctx := context.Background()
	srv.Seed("incident", servicenowtest.Record{"short_description": "Impossible travel"})

	c, err := servicenow.NewClient(srv.URL(), servicenow.WithOAuthClientCredentials("soc-bridge", "client-secret"))
	if err != nil {
		panic(err)
	}
	page, err := c.Incidents.List(ctx, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(page.Items), page.Items[0].ShortDescription)

	bad, err := servicenow.NewClient(srv.URL(), servicenow.WithOAuthClientCredentials("soc-bridge", "wrong"))
	if err != nil {
		panic(err)
	}
	_, err = bad.Incidents.List(ctx, nil)
	var te *servicenow.TokenError
	fmt.Println(errors.As(err, &te), te.Code, errors.Is(err, servicenow.ErrUnauthorized))
	// Output:
	// 1 Impossible travel
	// true access_denied true
}

// Work notes and comments are appended, never sent twice, and read back
// oldest first.
func ExampleIncidentService_Journal() {
	srv, c := newFake()
	defer srv.Close()
	ctx := context.Background()
	ids := srv.Seed("incident", servicenowtest.Record{"short_description": "Phishing wave"})

	if _, err := c.Incidents.AddWorkNote(ctx, ids[0], "Blocked the sender domain."); err != nil {
		panic(err)
	}
	if _, err := c.Incidents.AddComment(ctx, ids[0], "We are on it."); err != nil {
		panic(err)
	}
	entries, err := c.Incidents.Journal(ctx, ids[0])
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		fmt.Println(e.Field, e.CreatedBy, e.CreatedOn.Format(time.Kitchen), e.Value)
	}
	// Output:
	// work_notes admin 9:00AM Blocked the sender domain.
	// comments admin 9:00AM We are on it.
}

// The Aggregate API counts records per group.
func ExampleStatsService_Get() {
	srv, c := newFake()
	defer srv.Close()
	for _, iu := range [][2]string{{"1", "1"}, {"1", "1"}, {"2", "2"}, {"3", "3"}, {"3", "3"}, {"3", "3"}} {
		srv.Seed("incident", servicenowtest.Record{"short_description": "alert", "impact": iu[0], "urgency": iu[1]})
	}
	groups, err := c.Stats.Get(context.Background(), "incident", &servicenow.StatsOptions{
		Query:        encodedquery.Field("active").Eq(true),
		Count:        true,
		GroupBy:      []string{"priority"},
		DisplayValue: servicenow.DisplayValueTrue,
	})
	if err != nil {
		panic(err)
	}
	for _, g := range groups {
		p, _ := g.Value("priority")
		fmt.Println(p.DisplayValue, g.Count)
	}
	// Output:
	// 1 - Critical 2
	// 3 - Moderate 1
	// 5 - Planning 3
}
