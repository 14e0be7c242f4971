package servicenow

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestTableAPIParameters checks the Table API parameters of ListOptions
// and GetOptions (the Table API documentation's sysparm_view,
// sysparm_query_no_domain, sysparm_query_category and
// sysparm_suppress_pagination_header) and the per-call escape hatch.
func TestTableAPIParameters(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[]}`})
	if _, err := c.Incidents.List(ctx, &ListOptions{View: "mobile", QueryNoDomain: true, QueryCategory: "list",
		SuppressPaginationHeader: true, PageSize: 5}); err != nil {
		t.Fatal(err)
	}
	q := m.Last(t).Query
	if q.Get("sysparm_view") != "mobile" || q.Get("sysparm_query_no_domain") != "true" || q.Get("sysparm_query_category") != "list" ||
		q.Get("sysparm_suppress_pagination_header") != "true" {
		t.Errorf("query %v", q)
	}
	answerAll(m, testkit.Answer{Body: `{"result":{"sys_id":"abc"}}`})
	extra := incidentkit.WithQuery(ctx, url.Values{"sysparm_input_display_value": {"true"}})
	if _, err := c.Incidents.Get(extra, "abc", &GetOptions{View: "desktop", QueryNoDomain: true}); err != nil {
		t.Fatal(err)
	}
	q = m.Last(t).Query
	if q.Get("sysparm_view") != "desktop" || q.Get("sysparm_query_no_domain") != "true" || q.Get("sysparm_input_display_value") != "true" {
		t.Errorf("query %v", q)
	}
	if _, err := c.Incidents.List(ctx, &ListOptions{View: "desk top"}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("a view with a space: %v", err)
	}
}

// TestWriteWithoutResponseBody checks that a write sent with
// X-no-response-body: true (through incidentkit.WithHeader) succeeds on
// an answer without a body, leaving the record zero.
func TestWriteWithoutResponseBody(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Status: 201})
	ctx := incidentkit.WithHeader(context.Background(), http.Header{"X-no-response-body": {"true"}})
	in, err := c.Incidents.Create(ctx, &IncidentInput{ShortDescription: incidentkit.Ptr("Beacon")})
	if err != nil || in.SysID != "" {
		t.Fatalf("Create: %+v, %v", in, err)
	}
	if h := m.Last(t).Header.Get("X-No-Response-Body"); h != "true" {
		t.Errorf("header %q", h)
	}
	var be *incidentkit.BodyError
	if _, err := c.Incidents.Create(context.Background(), &IncidentInput{ShortDescription: incidentkit.Ptr("Beacon")}); !errors.As(err, &be) {
		t.Errorf("without the header an empty answer is an error: %v", err)
	}
}
