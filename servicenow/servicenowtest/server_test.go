package servicenowtest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

type F = encodedquery.Field

var fixed = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// setup starts a fake whose clock stands at fixed (unless opts set
// another) and returns it with a client of it.
func setup(t *testing.T, opts ...servicenowtest.Option) (*servicenowtest.Server, *servicenow.Client) {
	t.Helper()
	srv := servicenowtest.New(append([]servicenowtest.Option{servicenowtest.WithClock(func() time.Time { return fixed })}, opts...)...)
	t.Cleanup(srv.Close)
	return srv, newClient(srv)
}

func TestIncidentLifecycle(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	users := srv.Seed("sys_user", servicenowtest.Record{"name": "Ann Analyst", "department": "SOC"})
	in, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{
		ShortDescription: incidentkit.Ptr("Phishing wave"), Impact: incidentkit.Ptr(servicenow.ImpactHigh),
		Urgency: incidentkit.Ptr(servicenow.UrgencyMedium), AssignedTo: incidentkit.Set(users[0]),
	})
	if err != nil {
		t.Fatal(err)
	}
	if in.Number != "INC0010001" || in.Priority != servicenow.PriorityHigh || in.State != servicenow.StateNew || in.AssignedTo.Value != users[0] {
		t.Fatalf("created %+v", in)
	}
	if _, err := c.Incidents.AddWorkNote(ctx, in.SysID, "looking"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Incidents.AddComment(ctx, in.SysID, "on it"); err != nil {
		t.Fatal(err)
	}
	// Resolving without a close code breaks the data policy.
	_, err = c.Incidents.Update(ctx, in.SysID, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateResolved)})
	var e *incidentkit.Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusForbidden || !strings.Contains(e.Detail, "mandatory") {
		t.Fatalf("resolve without code: %v", err)
	}
	res, err := c.Incidents.Resolve(ctx, in.SysID, servicenow.CloseSolutionProvided, "mails purged")
	if err != nil || res.State != servicenow.StateResolved || res.ResolvedAt.IsZero() {
		t.Fatalf("resolve: %+v %v", res, err)
	}
	j, err := c.Incidents.Journal(ctx, in.SysID)
	if err != nil || len(j) != 2 || j[0].Value != "looking" || j[1].Field != servicenow.JournalComments {
		t.Fatalf("journal %+v %v", j, err)
	}
	got, err := c.Incidents.Get(ctx, in.SysID, &servicenow.GetOptions{DisplayValue: servicenow.DisplayValueAll})
	if err != nil || got.AssignedTo.DisplayValue != "Ann Analyst" || got.State != servicenow.StateResolved {
		t.Fatalf("display all: %+v %v", got, err)
	}
	// Back from Resolved to an active state is a reopening, counted.
	if in.ReopenCount != 0 || res.ReopenCount != 0 {
		t.Errorf("reopen_count before any reopening: %d, %d", in.ReopenCount, res.ReopenCount)
	}
	again, err := c.Incidents.Reopen(ctx, in.SysID)
	if err != nil || again.ReopenCount != 1 || !again.ReopenedAt.Equal(fixed) || again.ReopenedBy.Value != "admin" || !again.ResolvedAt.IsZero() {
		t.Fatalf("reopen: count %d at %v by %+v, resolved at %v; %v", again.ReopenCount, again.ReopenedAt, again.ReopenedBy, again.ResolvedAt, err)
	}
	if busy, _ := c.Incidents.Update(ctx, in.SysID, &servicenow.IncidentInput{State: incidentkit.Ptr(servicenow.StateOnHold),
		HoldReason: incidentkit.Set(servicenow.HoldAwaitingCaller)}); busy == nil || busy.ReopenCount != 1 {
		t.Errorf("a move between active states counted as a reopening: %+v", busy)
	}
	if err := c.Incidents.Delete(ctx, in.SysID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Incidents.Get(ctx, in.SysID, nil); !errors.Is(err, servicenow.ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestQueriesAndPaging(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	groups := srv.Seed("sys_user_group", servicenowtest.Record{"name": "SOC"}, servicenowtest.Record{"name": "NOC"})
	var recs []servicenowtest.Record
	for i := range 25 {
		recs = append(recs, servicenowtest.Record{
			"short_description": fmt.Sprintf("alert %02d", i), "impact": fmt.Sprint(1 + i%3), "urgency": fmt.Sprint(1 + i%2),
			"category": []string{"security", "network"}[i%2], "assignment_group": groups[i%2],
		})
	}
	srv.Seed("incident", recs...)
	tests := []struct {
		name string
		q    encodedquery.Query
		want int
	}{
		{name: "all", q: encodedquery.Query{}, want: 25},
		{name: "eq", q: F("category").Eq("security"), want: 13},
		{name: "and or", q: encodedquery.And(F("category").Eq("network"), encodedquery.Or(F("impact").Eq(1), F("impact").Eq(2))), want: 8},
		{name: "nq", q: encodedquery.Or(encodedquery.And(F("impact").Eq(1), F("urgency").Eq(1)), F("short_description").Like("ALERT 2")), want: 5 + 5 - 1},
		{name: "in", q: F("priority").In(1, 2), want: 13},
		{name: "dot walk", q: F("assignment_group.name").Eq("NOC"), want: 12},
		{name: "between", q: F("short_description").Between("alert 05", "alert 09"), want: 5},
		{name: "starts", q: F("short_description").StartsWith("alert 1"), want: 10},
		{name: "not in", q: F("impact").NotIn(1, 2), want: 8},
		{name: "empty", q: F("assigned_to").IsEmpty(), want: 25},
		{name: "on today", q: F("opened_at").On(encodedquery.Today), want: 25},
		{name: "relative", q: F("opened_at").RelativeAfter(1, encodedquery.Hour), want: 25},
	}
	for _, tt := range tests {
		n := 0
		for _, err := range c.Incidents.All(ctx, &servicenow.ListOptions{Query: tt.q, PageSize: 4}) {
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			n++
		}
		if n != tt.want {
			t.Errorf("%s: %d records, want %d", tt.name, n, tt.want)
		}
	}
	page, err := c.Incidents.List(ctx, &servicenow.ListOptions{Query: encodedquery.Query{}.OrderByDesc("short_description"), PageSize: 3, Offset: 3})
	if err != nil || len(page.Items) != 3 || page.Items[0].ShortDescription != "alert 21" || page.Total != 25 || page.NextURL == "" || page.NextOffset != 6 {
		t.Fatalf("page %+v %v", page, err)
	}
	if n := srv.CountRequests("GET", "/api/now/table/incident"); n < 12 {
		t.Fatalf("only %d list requests", n)
	}
}

func TestAttachmentsAndStats(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	ids := srv.Seed("incident", servicenowtest.Record{"short_description": "a", "impact": "1", "urgency": "1"},
		servicenowtest.Record{"short_description": "b"}, servicenowtest.Record{"short_description": "c"})
	data := bytes.Repeat([]byte("pcap"), 4096)
	a, err := c.Incidents.Attach(ctx, ids[0], incidentkit.Upload{Reader: bytes.NewReader(data), FileName: "dump.pcap"})
	if err != nil || a.SizeBytes != int64(len(data)) {
		t.Fatalf("attach: %+v %v", a, err)
	}
	if _, err := c.Attachments.UploadMultipart(ctx, "incident", ids[0], incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "n.txt"}); err != nil {
		t.Fatal(err)
	}
	var names []string
	for a, err := range c.Incidents.Attachments(ctx, ids[0]) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, a.FileName)
	}
	if strings.Join(names, ",") != "dump.pcap,n.txt" {
		t.Fatalf("attachments %v", names)
	}
	var buf bytes.Buffer
	meta, err := c.Attachments.Download(ctx, a.SysID, &buf, nil)
	if err != nil || !bytes.Equal(buf.Bytes(), data) || meta.Name != "dump.pcap" || meta.Size != int64(len(data)) {
		t.Fatalf("download %v %+v", err, meta)
	}
	if _, err := c.Attachments.Upload(ctx, "incident", "nope", incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "x"}); err == nil {
		t.Fatal("upload to a missing record succeeded")
	}
	groups, err := c.Stats.Get(ctx, "incident", &servicenow.StatsOptions{Count: true, GroupBy: []string{"priority"}, DisplayValue: servicenow.DisplayValueTrue})
	if err != nil || len(groups) != 2 || groups[0].Count != 1 || groups[1].Count != 2 || groups[0].Fields[0].DisplayValue != "1 - Critical" {
		t.Fatalf("stats %+v %v", groups, err)
	}
}

func TestFaultsAndAuth(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, servicenowtest.WithOAuthClient("cid", "csecret"))
	srv.Fail(1, http.StatusServiceUnavailable, time.Second, servicenowtest.Path("GET", "/api/now/table"))
	if _, err := c.Incidents.List(ctx, nil); err != nil {
		t.Fatalf("a 503 + Retry-After read was not retried: %v", err)
	}
	srv.Fail(1, http.StatusInternalServerError, 0, servicenowtest.Path("POST", "/api/now/table"))
	_, err := c.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("x")})
	if !errors.Is(err, servicenow.ErrServer) || len(srv.Records("incident")) != 0 {
		t.Fatalf("500 on create: %v, stored %d", err, len(srv.Records("incident")))
	}
	srv.Truncate(1, servicenowtest.Path("POST", "/api/now/table"))
	_, err = c.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("y")})
	var be *incidentkit.BodyError
	if !errors.As(err, &be) || len(srv.Records("incident")) != 1 {
		t.Fatalf("truncated create: %v, stored %d (the write happened, once)", err, len(srv.Records("incident")))
	}
	srv.Fail(1, http.StatusTooManyRequests, time.Second, nil)
	c2, _ := servicenow.NewClient(srv.URL(), servicenow.WithBasicAuth("admin", "admin"), servicenow.WithoutRetries())
	_, err = c2.Incidents.List(ctx, nil)
	var rateErr *incidentkit.Error
	if !errors.Is(err, servicenow.ErrRateLimited) || !errors.As(err, &rateErr) || rateErr.Response().RateLimit.Limit != 100 {
		t.Fatalf("429: %v", err)
	}
	bad, _ := servicenow.NewClient(srv.URL(), servicenow.WithBasicAuth("admin", "wrong"))
	if _, err := bad.Incidents.List(ctx, nil); !errors.Is(err, servicenow.ErrUnauthorized) {
		t.Fatalf("wrong password: %v", err)
	}
	oc, _ := servicenow.NewClient(srv.URL(), servicenow.WithOAuthPassword("cid", "csecret", "admin", "admin"))
	if _, err := oc.Incidents.List(ctx, nil); err != nil {
		t.Fatalf("oauth: %v", err)
	}
	ocBad, _ := servicenow.NewClient(srv.URL(), servicenow.WithOAuthClientCredentials("cid", "nope"))
	var te *servicenow.TokenError
	if _, err := ocBad.Incidents.List(ctx, nil); !errors.As(err, &te) || !errors.Is(err, servicenow.ErrUnauthorized) {
		t.Fatalf("bad oauth secret: %v", err)
	}
}
