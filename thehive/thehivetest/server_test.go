package thehivetest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

// setup starts a fake of the organisation "soc", with opts, and returns
// it with a client of dialect d.
func setup(t *testing.T, d thehive.Dialect, opts ...thehivetest.Option) (*thehivetest.Server, *thehive.Client) {
	t.Helper()
	srv := thehivetest.New(append([]thehivetest.Option{thehivetest.WithOrganisation("soc")}, opts...)...)
	t.Cleanup(srv.Close)
	return srv, client(t, srv, d)
}

// client returns a client of dialect d for srv, with short retry waits.
func client(t *testing.T, srv *thehivetest.Server, d thehive.Dialect) *thehive.Client {
	t.Helper()
	c, err := thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithOrganisation("soc"),
		thehive.WithDialect(d), thehive.WithRetryWait(time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// inBothDialects runs test as a subtest for each dialect, with the
// subtest's context, against a fresh fake and a client speaking that
// dialect.
func inBothDialects(t *testing.T, test func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client)) {
	t.Helper()
	for _, d := range []thehive.Dialect{thehive.V1, thehive.V0} {
		t.Run(d.String(), func(t *testing.T) {
			srv, c := setup(t, d)
			test(t, t.Context(), srv, c)
		})
	}
}

func TestCasesBothDialects(t *testing.T) {
	inBothDialects(t, func(t *testing.T, ctx context.Context, srv *thehivetest.Server, c *thehive.Client) {
		for i := range 25 {
			srv.AddCase(thehivetest.Case{Title: fmt.Sprintf("case %02d", i), Description: "d", Severity: 1 + i%4,
				Tags: []string{[]string{"phishing", "malware"}[i%2]}})
		}
		red := thehive.TLPRed
		created, err := c.Cases.Create(ctx, &thehive.CaseInput{Title: "Ransomware", Description: "FS-02", Severity: 4, TLP: &red})
		if err != nil {
			t.Fatal(err)
		}
		if created.TLP != thehive.TLPRed || created.Number != 26 {
			t.Fatalf("created %+v", created)
		}
		n := 0
		for _, err := range c.Cases.All(ctx, &thehive.ListOptions{Filter: filter.Eq("tags", "phishing"), PageSize: 4}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 13 {
			t.Errorf("phishing cases: %d, want 13 (more than the server's default range of 10)", n)
		}
		page, err := c.Cases.List(ctx, &thehive.ListOptions{Filter: filter.Gte("severity", 3),
			Sort: []filter.Sort{filter.Desc("title")}, PageSize: 5})
		if err != nil || len(page.Items) != 5 || page.Total != 13 || page.Items[0].Title != "case 23" {
			t.Fatalf("search: %+v %v", page, err)
		}
		cnt, err := c.Cases.Count(ctx, filter.StartsWith("title", "case 1"))
		if err != nil || cnt != 10 {
			t.Fatalf("count %d %v", cnt, err)
		}
		task, err := c.Tasks.Create(ctx, created.ID, &thehive.TaskInput{Title: "Contain"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Tasks.AddLog(ctx, task.ID, &thehive.LogInput{Message: "isolated FS-02"}); err != nil {
			t.Fatal(err)
		}
		res, err := c.Observables.Create(ctx, created.ID, &thehive.ObservableInput{DataType: "ip", Data: []string{"203.0.113.7", "198.51.100.2"}})
		if err != nil || len(res.Created) != 2 {
			t.Fatalf("observables %+v %v", res, err)
		}
		res, err = c.Observables.Create(ctx, created.ID, &thehive.ObservableInput{DataType: "ip", Data: []string{"203.0.113.7", "192.0.2.9"}})
		var pe *thehive.PartialError
		if !errors.As(err, &pe) || len(res.Created) != 1 || len(res.Failures) != 1 {
			t.Fatalf("partial: %+v %v", res, err)
		}
		if got := len(srv.Observables(created.ID)); got != 3 {
			t.Fatalf("stored %d observables", got)
		}
		// Every value a duplicate: TheHive 4 and 5 still answer 207.
		res, err = c.Observables.Create(ctx, created.ID, &thehive.ObservableInput{DataType: "ip", Data: []string{"192.0.2.9"}})
		if !errors.Is(err, thehive.ErrAlreadyExists) || !errors.Is(err, thehive.ErrPartial) || len(res.Created) != 0 ||
			len(res.Failures) != 1 || string(res.Failures[0].Object) != `{"data":"192.0.2.9"}` {
			t.Fatalf("duplicate: %+v %v", res, err)
		}
		if err := c.Cases.Close(ctx, created.ID, &thehive.CaseClose{Status: thehive.CaseStatus("TruePositive"),
			ImpactStatus: thehive.ImpactStatus("WithImpact"), Summary: "contained"}); err != nil && c.Dialect() == thehive.V1 {
			t.Fatal(err)
		}
		if err := c.Cases.Delete(ctx, created.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Cases.Get(ctx, created.ID); !errors.Is(err, thehive.ErrNotFound) {
			t.Fatalf("after delete: %v", err)
		}
	})
}

func TestAlertsAndFiles(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, thehive.V1)
	a, err := c.Alerts.Create(ctx, &thehive.AlertInput{Type: "cyderes", Source: "TSI", SourceRef: "TSI-1", Title: "Phish", Description: "d", Severity: 3})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Alerts.Create(ctx, &thehive.AlertInput{Type: "cyderes", Source: "TSI", SourceRef: "TSI-1", Title: "again", Description: "d"})
	var e *incidentkit.Error
	if !errors.Is(err, thehive.ErrAlreadyExists) || !errors.As(err, &e) || e.StatusCode != http.StatusBadRequest ||
		e.Code != "CreateError" || e.Message != "Alert cyderes:TSI:TSI-1 already exist in organisation soc" {
		t.Fatalf("duplicate alert: %v", err)
	}
	if len(srv.Alerts()) != 1 {
		t.Fatalf("stored %d alerts", len(srv.Alerts()))
	}
	if _, err := c.Alerts.AddObservable(ctx, a.ID, &thehive.ObservableInput{DataType: "domain", Data: []string{"evil.example"}}); err != nil {
		t.Fatal(err)
	}
	cs, err := c.Alerts.Promote(ctx, a.ID, nil)
	if err != nil || len(srv.Observables(cs.ID)) != 1 {
		t.Fatalf("promote %+v %v", cs, err)
	}
	if _, err := c.Observables.CreateFile(ctx, cs.ID, &thehive.ObservableInput{DataType: "file", Message: "sample"},
		incidentkit.Upload{Reader: strings.NewReader("MZ fake"), FileName: "dropper.exe"}); err != nil {
		t.Fatal(err)
	}
	// The same file again is a duplicate: 207 with nothing created.
	res, err := c.Observables.CreateFile(ctx, cs.ID, &thehive.ObservableInput{DataType: "file"},
		incidentkit.Upload{Reader: strings.NewReader("MZ fake"), FileName: "dropper.exe"})
	if !errors.Is(err, thehive.ErrAlreadyExists) || res == nil || len(res.Created) != 0 || len(res.Failures) != 1 ||
		string(res.Failures[0].Object) != `{"attachment":{"name":"dropper.exe"},"data":"file:dropper.exe"}` {
		t.Fatalf("duplicate file: %+v, %v", res, err)
	}
	if _, err := c.Comments.Create(ctx, cs.ID, &thehive.CommentInput{Message: "promoted from TSI"}); err != nil {
		t.Fatal(err)
	}
	if len(srv.Comments(cs.ID)) != 1 || len(srv.Observables(cs.ID)) != 2 {
		t.Fatalf("stored %d comments, %d observables", len(srv.Comments(cs.ID)), len(srv.Observables(cs.ID)))
	}
	_, err = c.Cases.Create(ctx, &thehive.CaseInput{Title: strings.Repeat("x", 600), Description: "d"})
	if err == nil {
		// The client may refuse it first; either way nothing invalid is stored.
		t.Fatal("a 600-character title was accepted")
	}
}

func TestFaultsAndAuth(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t, thehive.V1)
	srv.Fail(1, http.StatusInternalServerError, 0, thehivetest.Path("POST", "/api/v1/case"))
	if _, err := c.Cases.Create(ctx, &thehive.CaseInput{Title: "t", Description: "d"}); !errors.Is(err, thehive.ErrServer) {
		t.Fatalf("500: %v", err)
	}
	if len(srv.Cases()) != 0 {
		t.Fatal("a failed create was stored")
	}
	srv.Fail(2, http.StatusServiceUnavailable, time.Second, thehivetest.Path("POST", "/api/v1/query"))
	if _, err := c.Cases.List(ctx, nil); err != nil {
		t.Fatalf("503s on a search were not retried: %v", err)
	}
	bad, _ := thehive.NewClient(srv.URL(), thehive.WithAPIKey("nope"))
	if _, err := bad.Cases.List(ctx, nil); !errors.Is(err, thehive.ErrUnauthorized) {
		t.Fatalf("bad key: %v", err)
	}
	other, _ := thehive.NewClient(srv.URL(), thehive.WithAPIKey(thehivetest.APIKey), thehive.WithOrganisation("other"))
	if _, err := other.Cases.List(ctx, nil); !errors.Is(err, thehive.ErrForbidden) {
		t.Fatalf("other organisation: %v", err)
	}
}
