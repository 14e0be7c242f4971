package thehive

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestCaseExtrasShapes checks the exact requests of case merges, bulk
// updates, case templates and custom field definitions. V1 routes are
// TheHive 5's OpenAPI description; V0 ones TheHive 3's routes and TheHive
// 4's ctl/v0/Router.scala (newMock's V0 clients run TheHive 3 rules).
func TestCaseExtrasShapes(t *testing.T) {
	ctx := context.Background()
	tests := []shapeCase{
		{name: "merge v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Merge(ctx, "~1", "~2", "~3")) },
			answer: `{"_id":"~9"}`, status: 201, method: "POST", path: "/api/v1/case/_merge/~1%2C~2%2C~3"},
		{name: "merge v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cases.Merge(ctx, "AC1", "AC2")) },
			answer: `{"id":"AC9"}`, status: 200, method: "POST", path: "/api/case/AC1/_merge/AC2"},
		{name: "update many v1", dialect: V1, call: func(c *Client) error {
			return c.Cases.UpdateMany(ctx, []string{"~1", "~2"}, &CaseUpdate{AddTags: []string{"wave-7"}})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/case/_bulk", body: `{"ids":["~1","~2"],"addTags":["wave-7"]}`},
		{name: "update many v0", dialect: V0, call: func(c *Client) error {
			return c.Cases.UpdateMany(ctx, []string{"AC1"}, &CaseUpdate{Severity: incidentkit.Ptr(SeverityHigh)})
		}, answer: `[{"id":"AC1"}]`, status: 200, method: "PATCH", path: "/api/case/_bulk", body: `{"ids":["AC1"],"severity":3}`},
		{name: "links v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Links(ctx, "~1")) },
			answer: `[{"_id":"~2","linkedWith":[{"_id":"~5","dataType":"ip","data":"10.0.0.7"}],"linksCount":1}]`, status: 200,
			method: "GET", path: "/api/v1/case/~1/links"},
		{name: "links v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cases.Links(ctx, "AC1")) },
			answer: `[]`, status: 200, method: "GET", path: "/api/case/AC1/links"},
		{name: "alert observables v1", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.ListObservables(ctx, "~2", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getAlert","idOrName":"~2"},{"_name":"observables"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "alert observables v0", dialect: V0, call: func(c *Client) error {
			p, err := c.Alerts.ListObservables(ctx, "AV2", nil)
			if err == nil && (p.Total != 1 || p.Items[0].ID != "AO1" || p.Items[0].Data != "evil.test") {
				t.Errorf("page %+v", p)
			}
			return err
		}, answer: `{"id":"AV2","artifacts":[{"id":"AO1","dataType":"domain","data":"evil.test"}]}`, status: 200, method: "GET", path: "/api/alert/AV2"},
		{name: "create template v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.CaseTemplates.Create(ctx, &CaseTemplateInput{Name: "phishing", TitlePrefix: "[PHISH]", Severity: SeverityMedium,
				Tags: []string{"phishing"}, Tasks: []TaskInput{{Title: "Collect headers"}}, CustomFields: []CustomField{StringField("vector", "mail")}}))
		}, answer: `{"_id":"~5","name":"phishing"}`, status: 201, method: "POST", path: "/api/v1/caseTemplate",
			body: `{"name":"phishing","titlePrefix":"[PHISH]","severity":2,"tags":["phishing"],"tasks":[{"title":"Collect headers"}],
			"customFields":[{"name":"vector","value":"mail","order":0}]}`},
		{name: "create template v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.CaseTemplates.Create(ctx, &CaseTemplateInput{Name: "phishing", TLP: incidentkit.Ptr(TLPRed)}))
		}, answer: `{"id":"AT5","name":"phishing"}`, status: 201, method: "POST", path: "/api/case/template", body: `{"name":"phishing","tlp":3}`},
		{name: "get template v1", dialect: V1, call: func(c *Client) error { return errOf(c.CaseTemplates.Get(ctx, "phishing")) },
			answer: `{"_id":"~5","name":"phishing"}`, status: 200, method: "GET", path: "/api/v1/caseTemplate/phishing"},
		{name: "update template v0", dialect: V0, call: func(c *Client) error {
			return c.CaseTemplates.Update(ctx, "AT5", &CaseTemplateUpdate{Description: incidentkit.Ptr("for mail lures")})
		}, answer: `{"id":"AT5"}`, status: 200, method: "PATCH", path: "/api/case/template/AT5", body: `{"description":"for mail lures"}`},
		{name: "delete template v1", dialect: V1, call: func(c *Client) error { return c.CaseTemplates.Delete(ctx, "phishing") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/caseTemplate/phishing"},
		{name: "list templates v1", dialect: V1, call: func(c *Client) error { return errOf(c.CaseTemplates.List(ctx, nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listCaseTemplate"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "list templates v0", dialect: V0, call: func(c *Client) error { return errOf(c.CaseTemplates.List(ctx, nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/case/template/_search", body: `{"query":{},"range":"0-100"}`},
		{name: "custom fields v1", dialect: V1, call: func(c *Client) error { return errOf(c.CustomFields.List(ctx)) },
			answer: `[]`, status: 200, method: "GET", path: "/api/v1/customField"},
		{name: "custom fields theHive 3", dialect: V0, call: func(c *Client) error { return errOf(c.CustomFields.List(ctx)) },
			answer: `{}`, status: 200, method: "GET", path: "/api/list/custom_fields"},
		{name: "create custom field v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.CustomFields.Create(ctx, &CustomFieldDefinitionInput{Name: "vector", DisplayName: "Vector", Group: "triage",
				Description: "how it came in", Type: CustomString, Options: []any{"mail", "web"}}))
		}, answer: `{"_id":"~8","name":"vector"}`, status: 201, method: "POST", path: "/api/v1/customField",
			body: `{"name":"vector","displayName":"Vector","group":"triage","description":"how it came in","type":"string","mandatory":false,
			"options":["mail","web"]}`},
		{name: "create custom field theHive 3", dialect: V0, call: func(c *Client) error {
			return errOf(c.CustomFields.Create(ctx, &CustomFieldDefinitionInput{Name: "hits", Description: "count", Type: CustomNumber}))
		}, answer: `"AXcf1"`, status: 200, method: "POST", path: "/api/list/custom_fields",
			body: `{"value":{"reference":"hits","name":"hits","description":"count","type":"number","mandatory":false}}`},
		{name: "create custom field theHive 4", dialect: V0, opts: []Option{WithServerVersion(4)}, call: func(c *Client) error {
			return errOf(c.CustomFields.Create(ctx, &CustomFieldDefinitionInput{Name: "hits", DisplayName: "Hits", Type: CustomInteger}))
		}, answer: `{"id":"~8","reference":"hits","name":"Hits","type":"integer"}`, status: 201, method: "POST", path: "/api/customField",
			body: `{"reference":"hits","name":"Hits","description":"","type":"integer","mandatory":false}`},
	}
	checkShapes(t, tests)
}

// TestCaseExtrasRejected checks what fails before anything is sent.
func TestCaseExtrasRejected(t *testing.T) {
	ctx := context.Background()
	testRejected(t, []rejectCase{
		{name: "merge one", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Merge(ctx, "~1")) }, want: "at least two cases"},
		{name: "merge three v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cases.Merge(ctx, "a", "b", "c")) },
			want: "merging more than two cases at once is not available in TheHive 3/4"},
		{name: "merge comma", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Merge(ctx, "~1", "~2,~3")) },
			want: "holds a comma"},
		{name: "template without name", dialect: V1, call: func(c *Client) error {
			return errOf(c.CaseTemplates.Create(ctx, &CaseTemplateInput{TitlePrefix: "x"}))
		}, want: "template name"},
		{name: "custom field without group v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.CustomFields.Create(ctx, &CustomFieldDefinitionInput{Name: "x", Type: CustomString, Description: "d"}))
		}, want: "custom field group"},
		{name: "update many nothing", dialect: V1, call: func(c *Client) error {
			return c.Cases.UpdateMany(ctx, []string{"~1"}, &CaseUpdate{})
		}, want: "changes nothing"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), want) {
			t.Fatalf("error = %v, want an input error saying %q", err, want)
		}
	})
}

// TestCaseUpdateManyPartialOnTheHive3 reads TheHive 3's 207 answer to a
// bulk update (elastic4play's Renderer.toMultiOutput: the successes, and
// failures without ids) into a *BulkError naming the cases not changed.
func TestCaseUpdateManyPartialOnTheHive3(t *testing.T) {
	c, m := newMock(t, V0)
	m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer {
		return testkit.Answer{Status: 207, Body: `{"success":[{"id":"AC3","_id":"AC3"},{"id":"AC1","_id":"AC1"}],
			"failure":[{"type":"ConflictError","message":"version conflict"}]}`}
	}))
	err := c.Cases.UpdateMany(context.Background(), []string{"AC1", "AC2", "AC3"}, &CaseUpdate{Tags: []string{"x"}})
	var be *BulkError
	if !errors.As(err, &be) || len(be.Failed) != 1 || be.Failed["AC2"] == nil || !strings.Contains(err.Error(), "version conflict") {
		t.Fatalf("error = %v, want a *BulkError naming AC2 with the failure's message", err)
	}
}
