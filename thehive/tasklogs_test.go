package thehive

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// TestTaskLogShapes checks the exact request of the task, log, observable
// and query calls in both dialects. V0 log routes are TheHive 4's
// ctl/v0/Router.scala, which routes only the log search with _parent; V1
// routes are TheHive 5's OpenAPI description.
func TestTaskLogShapes(t *testing.T) {
	ctx := context.Background()
	tests := []shapeCase{
		{name: "delete task v1", dialect: V1, call: func(c *Client) error { return c.Tasks.Delete(ctx, "~7") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/task/~7"},
		{name: "update task mandatory v1", dialect: V1, call: func(c *Client) error {
			return c.Tasks.Update(ctx, "~7", &TaskUpdate{Mandatory: incidentkit.Ptr(true), Status: incidentkit.Ptr(TaskInProgress)})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/task/~7", body: `{"status":"InProgress","mandatory":true}`},
		{name: "list logs v1", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.ListLogs(ctx, "~7", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"getTask","idOrName":"~7"},{"_name":"logs"},{"_name":"page","from":0,"to":100,"extraData":["total"]}]}`},
		{name: "list logs v0", dialect: V0, call: func(c *Client) error { return errOf(c.Tasks.ListLogs(ctx, "AT7", nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/case/task/log/_search",
			body: `{"query":{"_parent":{"_type":"case_task","_id":"AT7"}},"range":"0-100"}`},
		{name: "get log v1", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.GetLog(ctx, "~9")) },
			answer: `[{"_id":"~9","message":"m"}]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listLog"},{"_name":"filter","_id":"~9"},{"_name":"page","from":0,"to":1,"extraData":["total"]}]}`},
		{name: "get log v0", dialect: V0, call: func(c *Client) error { return errOf(c.Tasks.GetLog(ctx, "AL9")) },
			answer: `[{"id":"AL9","message":"m"}]`, status: 200, method: "POST", path: "/api/case/task/log/_search",
			body: `{"query":{"_id":"AL9"},"range":"0-1"}`},
		{name: "update log v1", dialect: V1, call: func(c *Client) error {
			return c.Tasks.UpdateLog(ctx, "~9", &LogUpdate{Message: incidentkit.Ptr("edited"), IncludeInTimeline: &day})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/log/~9", body: `{"message":"edited","includeInTimeline":1709294400000}`},
		{name: "update log v0", dialect: V0, call: func(c *Client) error {
			return c.Tasks.UpdateLog(ctx, "AL9", &LogUpdate{Message: incidentkit.Ptr("edited")})
		}, answer: `{"id":"AL9"}`, status: 200, method: "PATCH", path: "/api/case/task/log/AL9", body: `{"message":"edited"}`},
		{name: "delete log v1", dialect: V1, call: func(c *Client) error { return c.Tasks.DeleteLog(ctx, "~9") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/log/~9"},
		{name: "delete log v0", dialect: V0, call: func(c *Client) error { return c.Tasks.DeleteLog(ctx, "AL9") },
			answer: "", status: 204, method: "DELETE", path: "/api/case/task/log/AL9"},
		{name: "observable tags v1", dialect: V1, call: func(c *Client) error {
			return c.Observables.Update(ctx, "~3", &ObservableUpdate{AddTags: []string{"c2"}, RemoveTags: []string{"new"},
				DataType: incidentkit.Ptr("domain")})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/observable/~3",
			body: `{"dataType":"domain","addTags":["c2"],"removeTags":["new"]}`},
		{name: "raw query", dialect: V1, call: func(c *Client) error {
			f, err := FilterStep(filter.Eq("status", "New"))
			if err != nil {
				return err
			}
			s, err := SortStep(filter.Desc("_createdAt"))
			if err != nil {
				return err
			}
			p, err := PageStep(0, 5, "similarCases", "total")
			if err != nil {
				return err
			}
			var out []map[string]any
			return c.Query(ctx, []Step{{"_name": "listAlert"}, f, s, p}, &out)
		}, answer: `[]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listAlert"},{"_name":"filter","_eq":{"_field":"status","_value":"New"}},
			{"_name":"sort","_fields":[{"_createdAt":"desc"}]},{"_name":"page","from":0,"to":5,"extraData":["similarCases","total"]}]}`},
	}
	checkShapes(t, tests)
}

// TestTaskLogRejected checks what fails before anything is sent.
func TestTaskLogRejected(t *testing.T) {
	ctx := context.Background()
	testRejected(t, []rejectCase{
		{name: "delete task v0", dialect: V0, call: func(c *Client) error { return c.Tasks.Delete(ctx, "AT7") },
			want: "deleting a task is not available in TheHive 3/4 (dialect V0); set its Status to TaskCancel"},
		{name: "log timeline v0", dialect: V0, call: func(c *Client) error {
			return c.Tasks.UpdateLog(ctx, "AL9", &LogUpdate{IncludeInTimeline: &day})
		}, want: "IncludeInTimeline is not available in TheHive 3/4"},
		{name: "observable data type v0", dialect: V0, call: func(c *Client) error {
			return c.Observables.Update(ctx, "AO3", &ObservableUpdate{DataType: incidentkit.Ptr("ip")})
		}, want: "DataType cannot be changed in TheHive 3/4"},
		{name: "observable tag deltas v0", dialect: V0, call: func(c *Client) error {
			return c.Observables.Update(ctx, "AO3", &ObservableUpdate{AddTags: []string{"x"}})
		}, want: "AddTags and RemoveTags are not available in TheHive 3/4"},
		{name: "task mandatory v0", dialect: V0, call: func(c *Client) error {
			return c.Tasks.Update(ctx, "AT7", &TaskUpdate{Mandatory: incidentkit.Ptr(true)})
		}, want: "Mandatory is not available in TheHive 3/4"},
		{name: "query v0", dialect: V0, call: func(c *Client) error { return c.Query(ctx, []Step{{"_name": "listCase"}}, nil) },
			want: "the query API is not available in TheHive 3/4"},
		{name: "query without steps", dialect: V1, call: func(c *Client) error { return c.Query(ctx, nil, nil) }, want: "has no steps"},
		{name: "query step without name", dialect: V1, call: func(c *Client) error {
			return c.Query(ctx, []Step{{"_name": "listCase"}, {"from": 0}}, nil)
		}, want: "step 1 has no _name"},
		{name: "log update empty", dialect: V1, call: func(c *Client) error { return c.Tasks.UpdateLog(ctx, "~9", &LogUpdate{}) },
			want: "changes nothing"},
		{name: "log blank message", dialect: V1, call: func(c *Client) error {
			return c.Tasks.UpdateLog(ctx, "~9", &LogUpdate{Message: incidentkit.Ptr(" ")})
		}, want: "log message"},
		{name: "logs without task", dialect: V1, call: func(c *Client) error { return errOf(c.Tasks.ListLogs(ctx, "", nil)) },
			want: "task id"},
		{name: "get log without id", dialect: V0, call: func(c *Client) error { return errOf(c.Tasks.GetLog(ctx, "")) },
			want: "log id"},
	}, func(t *testing.T, err error, want string) {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error = %v, want one saying %q", err, want)
		}
	})
}
