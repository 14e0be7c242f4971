package thehive

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/thehive/filter"
)

var day = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC) // 1709294400000

// TestRequestShapes checks the exact request every call sends, per dialect.
func TestRequestShapes(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		dialect Dialect
		call    func(c *Client) error
		answer  string
		status  int
		method  string
		path    string
		body    string
	}{
		{"create case v1", V1, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d", Severity: SeverityHigh,
				TLP: Ptr(TLPClear), PAP: Ptr(PAPRed), Flag: Ptr(false), Tags: []string{"a"}, StartDate: day,
				Assignee: "bob", Template: "tpl", CustomFields: []CustomField{StringField("s", "x"), IntegerField("n", 3)},
				Tasks: []TaskInput{{Title: "triage"}}})
			return err
		}, `{"_id":"~1"}`, 201, "POST", "/api/v1/case",
			`{"title":"t","description":"d","severity":3,"tlp":0,"pap":3,"flag":false,"tags":["a"],"startDate":1709294400000,
			"assignee":"bob","caseTemplate":"tpl","customFields":[{"name":"s","value":"x","order":0},{"name":"n","value":3,"order":1}],
			"tasks":[{"title":"triage"}]}`},
		{"create case v0", V0, func(c *Client) error {
			_, err := c.Cases.Create(ctx, CaseInput{Title: "t", Description: "d", TLP: Ptr(TLPRed), Assignee: "bob",
				Template: "tpl", CustomFields: []CustomField{BooleanField("b", false)}})
			return err
		}, `{"id":"AV1"}`, 201, "POST", "/api/case",
			`{"title":"t","description":"d","tlp":3,"owner":"bob","template":"tpl","customFields":{"b":{"boolean":false,"order":0}}}`},
		{"get case v1", V1, func(c *Client) error { _, err := c.Cases.Get(ctx, "~1"); return err },
			`{"_id":"~1"}`, 200, "GET", "/api/v1/case/~1", ""},
		{"get case by number v1", V1, func(c *Client) error { _, err := c.Cases.GetByNumber(ctx, 42); return err },
			`{"_id":"~1"}`, 200, "GET", "/api/v1/case/42", ""},
		{"get case by number v0", V0, func(c *Client) error { _, err := c.Cases.GetByNumber(ctx, 42); return err },
			`[{"id":"AV1"}]`, 200, "POST", "/api/case/_search", `{"query":{"_field":"caseId","_value":42},"range":"0-1"}`},
		{"get case escapes id", V1, func(c *Client) error { _, err := c.Cases.Get(ctx, "a/../b"); return err },
			`{"_id":"~1"}`, 200, "GET", "/api/v1/case/a%2F..%2Fb", ""},
		{"update case clears fields v1", V1, func(c *Client) error {
			return c.Cases.Update(ctx, "~1", CaseUpdate{Summary: Clear[string](), Assignee: Clear[string](),
				ImpactStatus: Clear[ImpactStatus](), Flag: Ptr(false), TLP: Ptr(TLPAmberStrict), AddTags: []string{"x"}})
		}, "", 204, "PATCH", "/api/v1/case/~1",
			`{"summary":null,"assignee":null,"impactStatus":null,"flag":false,"tlp":3,"addTags":["x"]}`},
		{"update case v0", V0, func(c *Client) error {
			return c.Cases.Update(ctx, "AV1", CaseUpdate{Assignee: Set("amy"), Severity: Ptr(SeverityLow),
				CustomFields: []CustomField{DateField("d", day)}})
		}, `{"id":"AV1"}`, 200, "PATCH", "/api/case/AV1",
			`{"owner":"amy","severity":1,"customFields":{"d":{"date":1709294400000,"order":0}}}`},
		{"update custom fields merge v1", V1, func(c *Client) error {
			return c.Cases.Update(ctx, "~1", CaseUpdate{CustomFields: []CustomField{FloatField("f", 1.5)}})
		}, "", 204, "PATCH", "/api/v1/case/~1", `{"customFields":{"f":1.5}}`},
		{"close case v1", V1, func(c *Client) error {
			return c.Cases.Close(ctx, "~1", CaseClose{Status: StatusTruePositive, ImpactStatus: ImpactWith, Summary: "done"})
		}, "", 204, "PATCH", "/api/v1/case/~1", `{"status":"TruePositive","impactStatus":"WithImpact","summary":"done"}`},
		{"close case v0", V0, func(c *Client) error {
			return c.Cases.Close(ctx, "AV1", CaseClose{Status: StatusFalsePositive, ImpactStatus: ImpactNone, Summary: "fp"})
		}, `{"id":"AV1"}`, 200, "PATCH", "/api/case/AV1",
			`{"status":"Resolved","resolutionStatus":"FalsePositive","impactStatus":"NoImpact","summary":"fp"}`},
		{"delete case v1", V1, func(c *Client) error { return c.Cases.Delete(ctx, "~1") }, "", 204, "DELETE", "/api/v1/case/~1", ""},
		{"delete case v0", V0, func(c *Client) error { return c.Cases.Delete(ctx, "AV1") }, "", 204, "DELETE", "/api/case/AV1", ""},
		{"search cases v1", V1, func(c *Client) error {
			_, err := c.Cases.Search(ctx, &SearchOptions{Filter: filter.And(filter.Eq("status", "New"), filter.Gte("severity", 3)),
				Sort: []filter.Sort{filter.Desc("_createdAt"), filter.Asc("title")}, PageSize: 50, Offset: 100})
			return err
		}, `[]`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"listCase"},{"_name":"filter","_and":[{"_eq":{"_field":"status","_value":"New"}},{"_gte":{"_field":"severity","_value":3}}]},
			{"_name":"sort","_fields":[{"_createdAt":"desc"},{"title":"asc"}]},{"_name":"page","from":100,"to":150,"extraData":["total"]}]}`},
		{"search cases v1 no filter", V1, func(c *Client) error { _, err := c.Cases.Search(ctx, nil); return err },
			`[]`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"listCase"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{"search cases v0", V0, func(c *Client) error {
			_, err := c.Cases.Search(ctx, &SearchOptions{Filter: filter.Eq("status", "Open"),
				Sort: []filter.Sort{filter.Desc("createdAt")}, PageSize: 20})
			return err
		}, `[]`, 200, "POST", "/api/case/_search",
			`{"query":{"_field":"status","_value":"Open"},"range":"0-20","sort":["-createdAt"]}`},
		{"search cases v0 no filter", V0, func(c *Client) error { _, err := c.Cases.Search(ctx, nil); return err },
			`[]`, 200, "POST", "/api/case/_search", `{"query":{},"range":"0-100"}`},
		{"count cases v1", V1, func(c *Client) error { _, err := c.Cases.Count(ctx, filter.Eq("flag", true)); return err },
			`7`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"listCase"},{"_name":"filter","_eq":{"_field":"flag","_value":true}},{"_name":"count"}]}`},
		{"create task v1", V1, func(c *Client) error {
			_, err := c.Tasks.Create(ctx, "~1", TaskInput{Title: "t", Group: "g", Flag: Ptr(false), Order: Ptr(0),
				DueDate: day, Assignee: "bob", Mandatory: Ptr(true)})
			return err
		}, `{"_id":"~2"}`, 201, "POST", "/api/v1/case/~1/task",
			`{"title":"t","group":"g","flag":false,"order":0,"dueDate":1709294400000,"assignee":"bob","mandatory":true}`},
		{"create task v0", V0, func(c *Client) error {
			_, err := c.Tasks.Create(ctx, "AV1", TaskInput{Title: "t", Assignee: "bob"})
			return err
		}, `{"id":"T1"}`, 201, "POST", "/api/case/AV1/task", `{"title":"t","owner":"bob"}`},
		{"get task v1", V1, func(c *Client) error { _, err := c.Tasks.Get(ctx, "~2"); return err },
			`{"_id":"~2"}`, 200, "GET", "/api/v1/task/~2", ""},
		{"get task v0", V0, func(c *Client) error { _, err := c.Tasks.Get(ctx, "T1"); return err },
			`{"id":"T1"}`, 200, "GET", "/api/case/task/T1", ""},
		{"update task v1", V1, func(c *Client) error {
			return c.Tasks.Update(ctx, "~2", TaskUpdate{Status: Ptr(TaskCompleted), Assignee: Clear[string]()})
		}, "", 204, "PATCH", "/api/v1/task/~2", `{"status":"Completed","assignee":null}`},
		{"list tasks v1", V1, func(c *Client) error { _, err := c.Tasks.List(ctx, "~1", nil); return err },
			`[]`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"tasks"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{"list tasks v0", V0, func(c *Client) error { _, err := c.Tasks.List(ctx, "AV1", nil); return err },
			`[]`, 200, "POST", "/api/case/task/_search",
			`{"query":{"_parent":{"_type":"case","_id":"AV1"}},"range":"0-100"}`},
		{"task log v1", V1, func(c *Client) error {
			_, err := c.Tasks.AddLog(ctx, "~2", LogInput{Message: "m", StartDate: day})
			return err
		}, `{"_id":"~3"}`, 201, "POST", "/api/v1/task/~2/log", `{"message":"m","startDate":1709294400000}`},
		{"task log v0", V0, func(c *Client) error { _, err := c.Tasks.AddLog(ctx, "T1", LogInput{Message: "m"}); return err },
			`{"id":"L1"}`, 201, "POST", "/api/case/task/T1/log", `{"message":"m"}`},
		{"observable one v1", V1, func(c *Client) error {
			_, err := c.Observables.Create(ctx, "~1", ObservableInput{DataType: "ip", Data: []string{"1.2.3.4"},
				TLP: Ptr(TLPClear), IOC: Ptr(false), Tags: []string{"t"}})
			return err
		}, `[{"_id":"~4"}]`, 201, "POST", "/api/v1/case/~1/observable",
			`{"dataType":"ip","data":"1.2.3.4","tlp":0,"ioc":false,"tags":["t"]}`},
		{"observable many v0", V0, func(c *Client) error {
			_, err := c.Observables.Create(ctx, "AV1", ObservableInput{DataType: "domain", Data: []string{"a.test", "b.test"},
				TLP: Ptr(TLPRed)})
			return err
		}, `[{"id":"O1"},{"id":"O2"}]`, 201, "POST", "/api/case/AV1/artifact",
			`{"dataType":"domain","data":["a.test","b.test"],"tlp":3}`},
		{"list observables v1", V1, func(c *Client) error { _, err := c.Observables.List(ctx, "~1", nil); return err },
			`[]`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"observables"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{"list observables v0", V0, func(c *Client) error { _, err := c.Observables.List(ctx, "AV1", nil); return err },
			`[]`, 200, "POST", "/api/case/artifact/_search",
			`{"query":{"_parent":{"_type":"case","_id":"AV1"}},"range":"0-100"}`},
		{"update observable v1", V1, func(c *Client) error {
			return c.Observables.Update(ctx, "~4", ObservableUpdate{IOC: Ptr(true), Sighted: Ptr(false)})
		}, "", 204, "PATCH", "/api/v1/observable/~4", `{"ioc":true,"sighted":false}`},
		{"update observable v0", V0, func(c *Client) error {
			return c.Observables.Update(ctx, "O1", ObservableUpdate{Message: Ptr("m")})
		}, `{"id":"O1"}`, 200, "PATCH", "/api/case/artifact/O1", `{"message":"m"}`},
		{"delete observable v1", V1, func(c *Client) error { return c.Observables.Delete(ctx, "~4") }, "", 204, "DELETE", "/api/v1/observable/~4", ""},
		{"delete observable v0", V0, func(c *Client) error { return c.Observables.Delete(ctx, "O1") }, "", 204, "DELETE", "/api/case/artifact/O1", ""},
		{"create alert", V1, func(c *Client) error {
			_, err := c.Alerts.Create(ctx, AlertInput{Type: "edr", Source: "mdr", SourceRef: "r1", Title: "t", Description: "d",
				Severity: SeverityCritical, TLP: Ptr(TLPRed), Date: day,
				Observables: []ObservableInput{{DataType: "ip", Data: []string{"10.0.0.1"}}}})
			return err
		}, `{"_id":"~5"}`, 201, "POST", "/api/v1/alert",
			`{"type":"edr","source":"mdr","sourceRef":"r1","title":"t","description":"d","severity":4,"tlp":4,"date":1709294400000,
			"observables":[{"dataType":"ip","data":["10.0.0.1"]}]}`},
		{"get alert", V1, func(c *Client) error { _, err := c.Alerts.Get(ctx, "~5"); return err },
			`{"_id":"~5"}`, 200, "GET", "/api/v1/alert/~5", ""},
		{"promote alert", V1, func(c *Client) error {
			_, err := c.Alerts.Promote(ctx, "~5", &PromoteInput{CaseTemplate: "tpl"})
			return err
		}, `{"_id":"~6"}`, 201, "POST", "/api/v1/alert/~5/case", `{"caseTemplate":"tpl"}`},
		{"alert observable", V1, func(c *Client) error {
			_, err := c.Alerts.AddObservable(ctx, "~5", ObservableInput{DataType: "hash", Data: []string{"abc"}})
			return err
		}, `[{"_id":"~7"}]`, 201, "POST", "/api/v1/alert/~5/observable", `{"dataType":"hash","data":"abc"}`},
		{"search alerts", V1, func(c *Client) error {
			_, err := c.Alerts.Search(ctx, &SearchOptions{Filter: filter.Eq("source", "mdr"), PageSize: 10})
			return err
		}, `[]`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"listAlert"},{"_name":"filter","_eq":{"_field":"source","_value":"mdr"}},{"_name":"page","from":0,"to":10,"extraData":["total"]}]}`},
		{"list comments", V1, func(c *Client) error { _, err := c.Cases.Comments(ctx, "~1", &SearchOptions{PageSize: 5}); return err },
			`[]`, 200, "POST", "/api/v1/query",
			`{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"comments"},{"_name":"page","from":0,"to":5,"extraData":["total"]}]}`},
		{"comment", V1, func(c *Client) error { _, err := c.Cases.AddComment(ctx, "~1", "hello <b>"); return err },
			`{"_id":"~8","message":"hello <b>"}`, 201, "POST", "/api/v1/case/~1/comment", `{"message":"hello <b>"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, tt.dialect, WithOrganisation("acme"))
			var got []seen
			mock.RegisterNoResponder(recorder(&got, tt.status, tt.answer, "X-Total", "1"))
			if err := tt.call(c); err != nil {
				t.Fatalf("call: %v", err)
			}
			if len(got) != 1 {
				t.Fatalf("sent %d requests, want 1", len(got))
			}
			r := got[0]
			if r.method != tt.method || r.path != tt.path {
				t.Errorf("request = %s %s, want %s %s", r.method, r.path, tt.method, tt.path)
			}
			jsonEqual(t, r.body, tt.body)
			if h := r.header.Get("Authorization"); h != "Bearer "+testSecret {
				t.Errorf("Authorization = %q", h)
			}
			if h := r.header.Get("X-Organisation"); h != "acme" {
				t.Errorf("X-Organisation = %q", h)
			}
			if tt.body != "" && r.header.Get("Content-Type") != "application/json" {
				t.Errorf("Content-Type = %q", r.header.Get("Content-Type"))
			}
		})
	}
}

func TestStatusCodesAllSucceed(t *testing.T) {
	for _, status := range []int{http.StatusOK, http.StatusCreated, http.StatusNoContent} {
		c, mock := newMock(t, V1)
		var got []seen
		body := `{"_id":"~1","title":"x"}`
		if status == http.StatusNoContent {
			body = ""
		}
		mock.RegisterNoResponder(recorder(&got, status, body))
		if _, err := c.Cases.Create(context.Background(), CaseInput{Title: "x", Description: "y"}); err != nil {
			t.Errorf("status %d: %v", status, err)
		}
	}
}
