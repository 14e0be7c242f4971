package thehive

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

var day = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC) // 1709294400000

// TestRequestShapes checks the exact request every call sends, per dialect.
func TestRequestShapes(t *testing.T) {
	ctx := context.Background()
	tests := []shapeCase{
		{name: "create case v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", Severity: SeverityHigh,
				TLP: incidentkit.Ptr(TLPClear), PAP: incidentkit.Ptr(PAPRed), Flag: incidentkit.Ptr(false), Tags: []string{"a"}, StartDate: day,
				Assignee: "bob", Template: "tpl", CustomFields: []CustomField{StringField("s", "x"), IntegerField("n", 3)},
				Tasks: []TaskInput{{Title: "triage"}}}))
		}, answer: `{"_id":"~1"}`, status: 201, method: "POST", path: "/api/v1/case",
			body: `{"title":"t","description":"d","severity":3,"tlp":0,"pap":3,"flag":false,"tags":["a"],"startDate":1709294400000,
			"assignee":"bob","caseTemplate":"tpl","customFields":[{"name":"s","value":"x","order":0},{"name":"n","value":3,"order":1}],
			"tasks":[{"title":"triage"}]}`},
		{name: "create case v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Cases.Create(ctx, &CaseInput{Title: "t", Description: "d", TLP: incidentkit.Ptr(TLPRed), Assignee: "bob",
				Template: "tpl", CustomFields: []CustomField{BooleanField("b", false)}}))
		}, answer: `{"id":"AV1"}`, status: 201, method: "POST", path: "/api/case",
			body: `{"title":"t","description":"d","tlp":3,"owner":"bob","template":"tpl","customFields":{"b":{"boolean":false,"order":0}}}`},
		{name: "get case v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Get(ctx, "~1")) },
			answer: `{"_id":"~1"}`, status: 200, method: "GET", path: "/api/v1/case/~1", body: ""},
		{name: "get case by number v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.GetByNumber(ctx, 42)) },
			answer: `{"_id":"~1"}`, status: 200, method: "GET", path: "/api/v1/case/42", body: ""},
		{name: "get case by number v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cases.GetByNumber(ctx, 42)) },
			answer: `[{"id":"AV1"}]`, status: 200, method: "POST", path: "/api/case/_search", body: `{"query":{"_field":"caseId","_value":42},"range":"0-1"}`},
		{name: "get case escapes id", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Get(ctx, "a/../b")) },
			answer: `{"_id":"~1"}`, status: 200, method: "GET", path: "/api/v1/case/a%2F..%2Fb", body: ""},
		{name: "update case clears fields v1", dialect: V1, call: func(c *Client) error {
			return c.Cases.Update(ctx, "~1", &CaseUpdate{Summary: incidentkit.Clear[string](), Assignee: incidentkit.Clear[string](),
				ImpactStatus: incidentkit.Clear[ImpactStatus](), Flag: incidentkit.Ptr(false), TLP: incidentkit.Ptr(TLPAmberStrict), AddTags: []string{"x"}})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/case/~1",
			body: `{"summary":null,"assignee":null,"impactStatus":null,"flag":false,"tlp":3,"addTags":["x"]}`},
		{name: "update case v0", dialect: V0, call: func(c *Client) error {
			return c.Cases.Update(ctx, "AV1", &CaseUpdate{Assignee: incidentkit.Set("amy"), Severity: incidentkit.Ptr(SeverityLow),
				CustomFields: []CustomField{DateField("d", day)}})
		}, answer: `{"id":"AV1"}`, status: 200, method: "PATCH", path: "/api/case/AV1",
			body: `{"owner":"amy","severity":1,"customFields":{"d":{"date":1709294400000,"order":0}}}`},
		{name: "update custom fields merge v1", dialect: V1, call: func(c *Client) error {
			return c.Cases.Update(ctx, "~1", &CaseUpdate{CustomFields: []CustomField{FloatField("f", 1.5)}})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/case/~1", body: `{"customFields":{"f":1.5}}`},
		{name: "close case v1", dialect: V1, call: func(c *Client) error {
			return c.Cases.Close(ctx, "~1", &CaseClose{Status: StatusTruePositive, ImpactStatus: ImpactWith, Summary: "done"})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/case/~1", body: `{"status":"TruePositive","impactStatus":"WithImpact","summary":"done"}`},
		{name: "close case v0", dialect: V0, call: func(c *Client) error {
			return c.Cases.Close(ctx, "AV1", &CaseClose{Status: StatusFalsePositive, ImpactStatus: ImpactNone, Summary: "fp"})
		}, answer: `{"id":"AV1"}`, status: 200, method: "PATCH", path: "/api/case/AV1",
			body: `{"status":"Resolved","resolutionStatus":"FalsePositive","impactStatus":"NoImpact","summary":"fp"}`},
		{name: "delete case v1", dialect: V1, call: func(c *Client) error { return c.Cases.Delete(ctx, "~1") }, answer: "", status: 204, method: "DELETE", path: "/api/v1/case/~1", body: ""},
		{name: "delete case v0", dialect: V0, call: func(c *Client) error { return c.Cases.Delete(ctx, "AV1") }, answer: "", status: 204, method: "DELETE", path: "/api/case/AV1", body: ""},
		{name: "search cases v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cases.List(ctx, &ListOptions{Filter: filter.And(filter.Eq("status", "New"), filter.Gte("severity", 3)),
				Sort: []filter.Sort{filter.Desc("_createdAt"), filter.Asc("title")}, PageSize: 50, Offset: 100}))
		}, answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listCase"},{"_name":"filter","_and":[{"_eq":{"_field":"status","_value":"New"}},{"_gte":{"_field":"severity","_value":3}}]},
			{"_name":"sort","_fields":[{"_createdAt":"desc"},{"title":"asc"}]},{"_name":"page","from":100,"to":150,"extraData":["total"]}]}`},
		{name: "search cases v1 no filter", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.List(ctx, nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listCase"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "search cases v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Cases.List(ctx, &ListOptions{Filter: filter.Eq("status", "Open"),
				Sort: []filter.Sort{filter.Desc("createdAt")}, PageSize: 20}))
		}, answer: `[]`, status: 200, method: "POST", path: "/api/case/_search",
			body: `{"query":{"_field":"status","_value":"Open"},"range":"0-20","sort":["-createdAt"]}`},
		{name: "search cases v0 no filter", dialect: V0, call: func(c *Client) error { return errOf(c.Cases.List(ctx, nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/case/_search", body: `{"query":{},"range":"0-100"}`},
		{name: "count cases v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cases.Count(ctx, filter.Eq("flag", true))) },
			answer: `7`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listCase"},{"_name":"filter","_eq":{"_field":"flag","_value":true}},{"_name":"count"}]}`},
		{name: "create task v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Tasks.Create(ctx, "~1", &TaskInput{Title: "t", Group: "g", Flag: incidentkit.Ptr(false), Order: incidentkit.Ptr(0),
				DueDate: day, Assignee: "bob", Mandatory: incidentkit.Ptr(true)}))
		}, answer: `{"_id":"~2"}`, status: 201, method: "POST", path: "/api/v1/case/~1/task",
			body: `{"title":"t","group":"g","flag":false,"order":0,"dueDate":1709294400000,"assignee":"bob","mandatory":true}`},
		{name: "create task v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Tasks.Create(ctx, "AV1", &TaskInput{Title: "t", Assignee: "bob"}))
		}, answer: `{"id":"T1"}`, status: 201, method: "POST", path: "/api/case/AV1/task", body: `{"title":"t","owner":"bob"}`},
		{name: "get task v1", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.Get(ctx, "~2")) },
			answer: `{"_id":"~2"}`, status: 200, method: "GET", path: "/api/v1/task/~2", body: ""},
		{name: "get task v0", dialect: V0, call: func(c *Client) error { return errOf(c.Tasks.Get(ctx, "T1")) },
			answer: `{"id":"T1"}`, status: 200, method: "GET", path: "/api/case/task/T1", body: ""},
		{name: "update task v1", dialect: V1, call: func(c *Client) error {
			return c.Tasks.Update(ctx, "~2", &TaskUpdate{Status: incidentkit.Ptr(TaskCompleted), Assignee: incidentkit.Clear[string]()})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/task/~2", body: `{"status":"Completed","assignee":null}`},
		{name: "task log v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Tasks.AddLog(ctx, "~2", &LogInput{Message: "m", StartDate: day}))
		}, answer: `{"_id":"~3"}`, status: 201, method: "POST", path: "/api/v1/task/~2/log", body: `{"message":"m","startDate":1709294400000}`},
		{name: "task log v0", dialect: V0, call: func(c *Client) error { return errOf(c.Tasks.AddLog(ctx, "T1", &LogInput{Message: "m"})) },
			answer: `{"id":"L1"}`, status: 201, method: "POST", path: "/api/case/task/T1/log", body: `{"message":"m"}`},
		{name: "observable one v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "~1", &ObservableInput{DataType: "ip", Data: []string{"1.2.3.4"},
				TLP: incidentkit.Ptr(TLPClear), IOC: incidentkit.Ptr(false), Tags: []string{"t"}}))
		}, answer: `[{"_id":"~4"}]`, status: 201, method: "POST", path: "/api/v1/case/~1/observable",
			body: `{"dataType":"ip","data":"1.2.3.4","tlp":0,"ioc":false,"tags":["t"]}`},
		{name: "observable many v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Observables.Create(ctx, "AV1", &ObservableInput{DataType: "domain", Data: []string{"a.test", "b.test"},
				TLP: incidentkit.Ptr(TLPRed)}))
		}, answer: `[{"id":"O1"},{"id":"O2"}]`, status: 201, method: "POST", path: "/api/case/AV1/artifact",
			body: `{"dataType":"domain","data":["a.test","b.test"],"tlp":3}`},
		{name: "update observable v1", dialect: V1, call: func(c *Client) error {
			return c.Observables.Update(ctx, "~4", &ObservableUpdate{IOC: incidentkit.Ptr(true), Sighted: incidentkit.Ptr(false)})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/observable/~4", body: `{"ioc":true,"sighted":false}`},
		{name: "update observable v0", dialect: V0, call: func(c *Client) error {
			return c.Observables.Update(ctx, "O1", &ObservableUpdate{Message: incidentkit.Ptr("m")})
		}, answer: `{"id":"O1"}`, status: 200, method: "PATCH", path: "/api/case/artifact/O1", body: `{"message":"m"}`},
		{name: "delete observable v1", dialect: V1, call: func(c *Client) error { return c.Observables.Delete(ctx, "~4") }, answer: "", status: 204, method: "DELETE", path: "/api/v1/observable/~4", body: ""},
		{name: "delete observable v0", dialect: V0, call: func(c *Client) error { return c.Observables.Delete(ctx, "O1") }, answer: "", status: 204, method: "DELETE", path: "/api/case/artifact/O1", body: ""},
		{name: "create alert", dialect: V1, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "edr", Source: "mdr", SourceRef: "r1", Title: "t", Description: "d",
				Severity: SeverityCritical, TLP: incidentkit.Ptr(TLPRed), Date: day,
				Observables: []ObservableInput{{DataType: "ip", Data: []string{"10.0.0.1"}}}}))
		}, answer: `{"_id":"~5"}`, status: 201, method: "POST", path: "/api/v1/alert",
			body: `{"type":"edr","source":"mdr","sourceRef":"r1","title":"t","description":"d","severity":4,"tlp":4,"date":1709294400000,
			"observables":[{"dataType":"ip","data":["10.0.0.1"]}]}`},
		{name: "get alert", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Get(ctx, "~5")) },
			answer: `{"_id":"~5"}`, status: 200, method: "GET", path: "/api/v1/alert/~5", body: ""},
		{name: "promote alert", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Promote(ctx, "~5", &CaseInput{Template: "tpl"})) }, answer: `{"_id":"~6"}`, status: 201, method: "POST", path: "/api/v1/alert/~5/case", body: `{"caseTemplate":"tpl"}`},
		{name: "alert observable", dialect: V1, call: func(c *Client) error {
			return errOf(c.Alerts.AddObservable(ctx, "~5", &ObservableInput{DataType: "hash", Data: []string{"abc"}}))
		}, answer: `[{"_id":"~7"}]`, status: 201, method: "POST", path: "/api/v1/alert/~5/observable", body: `{"dataType":"hash","data":"abc"}`},
		{name: "search alerts", dialect: V1, call: func(c *Client) error {
			return errOf(c.Alerts.List(ctx, &ListOptions{Filter: filter.Eq("source", "mdr"), PageSize: 10}))
		}, answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listAlert"},{"_name":"filter","_eq":{"_field":"source","_value":"mdr"}},{"_name":"page","from":0,"to":10,"extraData":["total"]}]}`},
		{name: "comment", dialect: V1, call: func(c *Client) error { return errOf(c.Comments.Create(ctx, "~1", &CommentInput{Message: "hello <b>"})) },
			answer: `{"_id":"~8","message":"hello <b>"}`, status: 201, method: "POST", path: "/api/v1/case/~1/comment", body: `{"message":"hello <b>"}`},
	}
	checkShapes(t, tests)
}

// TestCaseChildListings pins how List selects the children of a case in
// each dialect: V1 queries the case, the children step and a page; V0
// searches the children's endpoint for those whose parent is the case.
func TestCaseChildListings(t *testing.T) {
	ctx := context.Background()
	for _, k := range []struct {
		step   string // the V1 step after getCase
		v0Path string // the V0 search endpoint; "" where V0 has none
		opts   *ListOptions
		to     string // the end of the page asked for
		list   func(c *Client, caseID string, opts *ListOptions) error
	}{
		{step: "tasks", v0Path: "/api/case/task/_search", opts: nil, to: "100",
			list: func(c *Client, id string, o *ListOptions) error { return errOf(c.Tasks.List(ctx, id, o)) }},
		{step: "observables", v0Path: "/api/case/artifact/_search", opts: nil, to: "100",
			list: func(c *Client, id string, o *ListOptions) error { return errOf(c.Observables.List(ctx, id, o)) }},
		{step: "comments", v0Path: "", opts: &ListOptions{PageSize: 5}, to: "5",
			list: func(c *Client, id string, o *ListOptions) error { return errOf(c.Comments.List(ctx, id, o)) }},
	} {
		t.Run(k.step+" v1", func(t *testing.T) {
			checkShape(t, shapeCase{dialect: V1, call: func(c *Client) error { return k.list(c, "~1", k.opts) },
				answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
				body: `{"query":[{"_name":"getCase","idOrName":"~1"},{"_name":"` + k.step + `"},` +
					`{"_name":"page","from":0,"to":` + k.to + `,"extraData":["total"]}]}`})
		})
		if k.v0Path == "" {
			continue // TestUnsupported pins the error
		}
		t.Run(k.step+" v0", func(t *testing.T) {
			checkShape(t, shapeCase{dialect: V0, call: func(c *Client) error { return k.list(c, "AV1", k.opts) },
				answer: `[]`, status: 200, method: "POST", path: k.v0Path,
				body: `{"query":{"_parent":{"_type":"case","_id":"AV1"}},"range":"0-` + k.to + `"}`})
		})
	}
}

// shapeCase is a call and the one request it must send, answered with
// status and answer.
type shapeCase struct {
	name    string
	dialect Dialect
	// opts are given to the client beside the organisation.
	opts   []Option
	call   func(c *Client) error
	answer string
	status int
	method string
	path   string
	body   string
}

// checkShapes runs checkShape on each of tests, as a subtest named for it.
func checkShapes(t *testing.T, tests []shapeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkShape(t, tt) })
	}
}

// checkShape makes the call of tt with the organisation "acme" and checks
// the request it sent: method, escaped path, JSON body and headers.
func checkShape(t *testing.T, tt shapeCase) {
	t.Helper()
	c, mock := newMock(t, tt.dialect, append([]Option{WithOrganisation("acme")}, tt.opts...)...)
	answerAll(mock, testkit.Answer{Status: tt.status, Body: tt.answer, Header: testkit.Headers("X-Total", "1")})
	if err := tt.call(c); err != nil {
		t.Fatalf("call: %v", err)
	}
	got := mock.Requests()
	if len(got) != 1 {
		t.Fatalf("sent %d requests, want 1", len(got))
	}
	r := got[0]
	if r.Method != tt.method || r.RawPath != tt.path {
		t.Errorf("request = %s %s, want %s %s", r.Method, r.RawPath, tt.method, tt.path)
	}
	testkit.JSONEqual(t, r.Body, tt.body)
	if h := r.Header.Get("Authorization"); h != "Bearer "+testSecret {
		t.Errorf("Authorization = %q", h)
	}
	if h := r.Header.Get("X-Organisation"); h != "acme" {
		t.Errorf("X-Organisation = %q", h)
	}
	if tt.body != "" && r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type = %q", r.Header.Get("Content-Type"))
	}
}

func TestStatusCodesAllSucceed(t *testing.T) {
	for _, status := range []int{http.StatusOK, http.StatusCreated, http.StatusNoContent} {
		c, mock := newMock(t, V1)
		body := `{"_id":"~1","title":"x"}`
		if status == http.StatusNoContent {
			body = ""
		}
		answerAll(mock, testkit.Answer{Status: status, Body: body})
		cs, err := c.Cases.Create(context.Background(), &CaseInput{Title: "x", Description: "y"})
		if err != nil || cs == nil {
			t.Errorf("status %d: %v, %v", status, cs, err)
		}
	}
}
