package thehive

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
)

// TestProcedurePageShapes checks the exact requests of procedures and
// case pages, from TheHive 5's OpenAPI description (InputProcedure,
// InputCreatePage).
func TestProcedurePageShapes(t *testing.T) {
	ctx := context.Background()
	in := &ProcedureInput{PatternID: "T1059.006", OccurDate: day, Tactic: "execution", Description: "python one-liner"}
	tests := []shapeCase{
		{name: "procedure on case", dialect: V1, call: func(c *Client) error { return errOf(c.Procedures.AddToCase(ctx, "~1", in)) },
			answer: `{"_id":"~4","patternId":"T1059.006"}`, status: 201, method: "POST", path: "/api/v1/case/~1/procedure",
			body: `{"patternId":"T1059.006","occurDate":1709294400000,"tactic":"execution","description":"python one-liner"}`},
		{name: "procedure on alert", dialect: V1, call: func(c *Client) error { return errOf(c.Procedures.AddToAlert(ctx, "~2", in)) },
			answer: `{"_id":"~4","patternId":"T1059.006"}`, status: 201, method: "POST", path: "/api/v1/alert/~2/procedure",
			body: `{"patternId":"T1059.006","occurDate":1709294400000,"tactic":"execution","description":"python one-liner"}`},
		{name: "list case procedures", dialect: V1, call: func(c *Client) error { return errOf(c.Procedures.ListForCase(ctx, "~1", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"procedures"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "list alert procedures", dialect: V1, call: func(c *Client) error { return errOf(c.Procedures.ListForAlert(ctx, "~2", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getAlert","idOrName":"~2"},{"_name":"procedures"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "update procedure", dialect: V1, call: func(c *Client) error {
			return c.Procedures.Update(ctx, "~4", &ProcedureUpdate{Tactic: incidentkit.Ptr("defense-evasion")})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/procedure/~4", body: `{"tactic":"defense-evasion"}`},
		{name: "delete procedure", dialect: V1, call: func(c *Client) error { return c.Procedures.Delete(ctx, "~4") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/procedure/~4"},
		{name: "create page", dialect: V1, call: func(c *Client) error {
			return errOf(c.Pages.Create(ctx, "~1", &PageInput{Title: "Timeline", Content: "# 09:00", Category: "notes", Order: incidentkit.Ptr(1)}))
		}, answer: `{"_id":"~6","title":"Timeline"}`, status: 201, method: "POST", path: "/api/v1/case/~1/page",
			body: `{"title":"Timeline","content":"# 09:00","category":"notes","order":1}`},
		{name: "update page", dialect: V1, call: func(c *Client) error {
			return c.Pages.Update(ctx, "~1", "~6", &PageUpdate{Content: incidentkit.Ptr("# 09:05")})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/case/~1/page/~6", body: `{"content":"# 09:05"}`},
		{name: "delete page", dialect: V1, call: func(c *Client) error { return c.Pages.Delete(ctx, "~1", "~6") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/case/~1/page/~6"},
		{name: "list pages", dialect: V1, call: func(c *Client) error { return errOf(c.Pages.List(ctx, "~1", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"pages"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
	}
	checkShapes(t, tests)
}

// TestProcedurePageRejected checks what fails before anything is sent:
// TheHive 3/4 have no procedures or case pages.
func TestProcedurePageRejected(t *testing.T) {
	ctx := context.Background()
	in := &ProcedureInput{PatternID: "T1059", OccurDate: day}
	testRejected(t, []rejectCase{
		{name: "procedure v0", dialect: V0, call: func(c *Client) error { return errOf(c.Procedures.AddToCase(ctx, "a", in)) },
			want: "adding a procedure is not available in TheHive 3/4"},
		{name: "procedures list v0", dialect: V0, call: func(c *Client) error { return errOf(c.Procedures.ListForAlert(ctx, "a", nil)) },
			want: "listing procedures is not available in TheHive 3/4"},
		{name: "procedure delete v0", dialect: V0, call: func(c *Client) error { return c.Procedures.Delete(ctx, "a") },
			want: "changing a procedure is not available"},
		{name: "page v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Pages.Create(ctx, "a", &PageInput{Title: "t", Content: "c", Category: "k"}))
		}, want: "adding a case page is not available in TheHive 3/4"},
		{name: "procedure without date", dialect: V1, call: func(c *Client) error {
			return errOf(c.Procedures.AddToCase(ctx, "~1", &ProcedureInput{PatternID: "T1059"}))
		}, want: "procedure occur date"},
		{name: "page without category", dialect: V1, call: func(c *Client) error {
			return errOf(c.Pages.Create(ctx, "~1", &PageInput{Title: "t", Content: "c"}))
		}, want: "page category"},
		{name: "page without id", dialect: V1, call: func(c *Client) error { return c.Pages.Delete(ctx, "~1", "") }, want: "page id"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), want) {
			t.Fatalf("error = %v, want an input error saying %q", err, want)
		}
	})
}
