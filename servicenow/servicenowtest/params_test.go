package servicenowtest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestTableAPIParametersAgainstTheFake runs the Table API parameters
// through the fake: a view narrows the fields, a suppressed Link header
// leaves paging to offsets, and a write without a response body is stored.
func TestTableAPIParametersAgainstTheFake(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	var recs []servicenowtest.Record
	for range 7 {
		recs = append(recs, servicenowtest.Record{"short_description": "x", "category": "security"})
	}
	srv.Seed("incident", recs...)

	p, err := c.Incidents.List(ctx, &servicenow.ListOptions{View: "mobile", QueryNoDomain: true, QueryCategory: "list"})
	if err != nil || len(p.Items) != 7 || p.Items[0].Number == "" || p.Items[0].Category != "" {
		t.Fatalf("mobile view: %+v, %v", p, err)
	}
	if p, err = c.Incidents.List(ctx, &servicenow.ListOptions{View: "desktop"}); err != nil || p.Items[0].Category != "security" {
		t.Fatalf("desktop view: %+v, %v", p, err)
	}

	p, err = c.Incidents.List(ctx, &servicenow.ListOptions{SuppressPaginationHeader: true, PageSize: 3})
	if err != nil || p.NextURL != "" || p.FirstURL != "" || p.Total != 7 {
		t.Fatalf("suppressed Link header: %+v, %v", p, err)
	}
	n := 0
	for _, err := range c.Incidents.All(ctx, &servicenow.ListOptions{SuppressPaginationHeader: true, PageSize: 3}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 7 {
		t.Errorf("paging by offset yielded %d incidents, want 7", n)
	}

	quiet := incidentkit.WithHeader(ctx, http.Header{"X-No-Response-Body": {"true"}})
	got, err := c.Incidents.Create(quiet, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("quiet")})
	if err != nil || got.SysID != "" {
		t.Fatalf("create without a response body: %+v, %v", got, err)
	}
	if len(srv.Records("incident")) != 8 {
		t.Errorf("the quiet create was not stored")
	}
}
