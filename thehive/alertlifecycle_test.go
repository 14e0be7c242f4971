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

// TestAlertLifecycleShapes checks the exact request of every alert
// lifecycle call in both dialects. The routes are TheHive 5's OpenAPI
// description for V1, and TheHive 4's ctl/v0/Router.scala and TheHive 3's
// conf/routes for V0.
func TestAlertLifecycleShapes(t *testing.T) {
	ctx := context.Background()
	ignored := AlertIgnored
	tests := []shapeCase{
		{name: "create alert TheHive 4", dialect: V0, opts: []Option{WithServerVersion(4)}, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "edr", Source: "s1", SourceRef: "r1", Title: "t", Description: "d",
				PAP: incidentkit.Ptr(PAPRed), Flag: incidentkit.Ptr(true), Observables: []ObservableInput{{DataType: "ip", Data: []string{"10.0.0.1"}}}}))
		}, answer: `{"id":"AV5"}`, status: 201, method: "POST", path: "/api/alert",
			body: `{"type":"edr","source":"s1","sourceRef":"r1","title":"t","description":"d","pap":3,"flag":true,
			"artifacts":[{"dataType":"ip","data":"10.0.0.1"}]}`},
		{name: "create alert v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "edr", Source: "s1", SourceRef: "r1", Title: "t", Description: "d",
				TLP: incidentkit.Ptr(TLPRed), Observables: []ObservableInput{{DataType: "ip", Data: []string{"10.0.0.1"}, Message: "m"}}}))
		}, answer: `{"id":"AV5"}`, status: 201, method: "POST", path: "/api/alert",
			body: `{"type":"edr","source":"s1","sourceRef":"r1","title":"t","description":"d","tlp":3,
			"artifacts":[{"dataType":"ip","data":"10.0.0.1","message":"m"}]}`},
		{name: "get alert v0", dialect: V0, call: func(c *Client) error { return errOf(c.Alerts.Get(ctx, "AV5")) },
			answer: `{"id":"AV5"}`, status: 200, method: "GET", path: "/api/alert/AV5"},
		{name: "search alerts v0", dialect: V0, call: func(c *Client) error { return errOf(c.Alerts.List(ctx, nil)) },
			answer: `[]`, status: 200, method: "POST", path: "/api/alert/_search", body: `{"query":{},"range":"0-100"}`},
		{name: "find by key v1", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.FindByKey(ctx, "edr", "s1", "r1")) },
			answer: `[{"_id":"~5"}]`, status: 200, method: "POST", path: "/api/v1/query",
			body: `{"query":[{"_name":"listAlert"},{"_name":"filter","_and":[{"_eq":{"_field":"type","_value":"edr"}},
			{"_eq":{"_field":"source","_value":"s1"}},{"_eq":{"_field":"sourceRef","_value":"r1"}}]},
			{"_name":"page","from":0,"to":1,"extraData":["total"]}]}`},
		{name: "find by key v0", dialect: V0, call: func(c *Client) error { return errOf(c.Alerts.FindByKey(ctx, "edr", "s1", "r1")) },
			answer: `[{"id":"AV5"}]`, status: 200, method: "POST", path: "/api/alert/_search",
			body: `{"query":{"_and":[{"_field":"type","_value":"edr"},{"_field":"source","_value":"s1"},{"_field":"sourceRef","_value":"r1"}]},"range":"0-1"}`},
		{name: "update alert v1", dialect: V1, call: func(c *Client) error {
			return c.Alerts.Update(ctx, "~5", &AlertUpdate{Status: &ignored, Summary: incidentkit.Set("noise"),
				Assignee: incidentkit.Clear[string](), AddTags: []string{"fp"}, Follow: incidentkit.Ptr(false)})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/alert/~5",
			body: `{"status":"Ignored","summary":"noise","assignee":null,"addTags":["fp"],"follow":false}`},
		{name: "update alert v0", dialect: V0, call: func(c *Client) error {
			return c.Alerts.Update(ctx, "AV5", &AlertUpdate{Severity: incidentkit.Ptr(SeverityCritical), Tags: []string{"x"}})
		}, answer: `{"id":"AV5"}`, status: 200, method: "PATCH", path: "/api/alert/AV5", body: `{"severity":4,"tags":["x"]}`},
		{name: "ignore v1", dialect: V1, call: func(c *Client) error { return c.Alerts.Ignore(ctx, "~5") },
			answer: "", status: 204, method: "PATCH", path: "/api/v1/alert/~5", body: `{"status":"Ignored"}`},
		{name: "ignore v0", dialect: V0, call: func(c *Client) error { return c.Alerts.Ignore(ctx, "AV5") },
			answer: `{"id":"AV5"}`, status: 200, method: "POST", path: "/api/alert/AV5/markAsRead"},
		{name: "mark unread v0", dialect: V0, call: func(c *Client) error { return c.Alerts.MarkUnread(ctx, "AV5") },
			answer: `{"id":"AV5"}`, status: 200, method: "POST", path: "/api/alert/AV5/markAsUnread"},
		{name: "follow v1", dialect: V1, call: func(c *Client) error { return c.Alerts.Follow(ctx, "~5") },
			answer: "", status: 204, method: "POST", path: "/api/v1/alert/~5/follow"},
		{name: "unfollow v0", dialect: V0, call: func(c *Client) error { return c.Alerts.Unfollow(ctx, "AV5") },
			answer: `{"id":"AV5"}`, status: 200, method: "POST", path: "/api/alert/AV5/unfollow"},
		{name: "merge v1", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Merge(ctx, "~5", "~9")) },
			answer: `{"_id":"~9"}`, status: 200, method: "POST", path: "/api/v1/alert/~5/merge/~9"},
		{name: "merge v0", dialect: V0, call: func(c *Client) error { return errOf(c.Alerts.Merge(ctx, "AV5", "AC9")) },
			answer: `{"id":"AC9"}`, status: 200, method: "POST", path: "/api/alert/AV5/merge/AC9"},
		{name: "import v1", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Import(ctx, "~5", "~9")) },
			answer: `{"_id":"~9"}`, status: 200, method: "POST", path: "/api/v1/alert/~5/import/~9"},
		{name: "merge many v1", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.MergeMany(ctx, "~9", []string{"~5", "~6"})) },
			answer: `{"_id":"~9"}`, status: 200, method: "POST", path: "/api/v1/alert/merge/_bulk", body: `{"caseId":"~9","alertIds":["~5","~6"]}`},
		{name: "merge many v0", dialect: V0, call: func(c *Client) error { return errOf(c.Alerts.MergeMany(ctx, "AC9", []string{"AV5"})) },
			answer: `{"id":"AC9"}`, status: 201, method: "POST", path: "/api/alert/merge/_bulk", body: `{"caseId":"AC9","alertIds":["AV5"]}`},
		{name: "update many v1", dialect: V1, call: func(c *Client) error {
			return c.Alerts.UpdateMany(ctx, []string{"~5", "~6"}, &AlertUpdate{Status: &ignored})
		}, answer: "", status: 204, method: "PATCH", path: "/api/v1/alert/_bulk", body: `{"ids":["~5","~6"],"status":"Ignored"}`},
		{name: "delete many v1", dialect: V1, call: func(c *Client) error { return c.Alerts.DeleteMany(ctx, []string{"~5"}) },
			answer: "", status: 204, method: "POST", path: "/api/v1/alert/delete/_bulk", body: `{"ids":["~5"]}`},
		{name: "delete many v0", dialect: V0, call: func(c *Client) error { return c.Alerts.DeleteMany(ctx, []string{"AV5"}) },
			answer: "", status: 204, method: "POST", path: "/api/alert/delete/_bulk", body: `{"ids":["AV5"],"force":true}`},
		{name: "delete v1", dialect: V1, call: func(c *Client) error { return c.Alerts.Delete(ctx, "~5") },
			answer: "", status: 204, method: "DELETE", path: "/api/v1/alert/~5"},
		{name: "promote v1 overrides", dialect: V1, call: func(c *Client) error {
			return errOf(c.Alerts.Promote(ctx, "~5", &CaseInput{Title: "case", Severity: SeverityHigh, Status: StatusInProgress,
				Tasks: []TaskInput{{Title: "triage"}}}))
		}, answer: `{"_id":"~9"}`, status: 201, method: "POST", path: "/api/v1/alert/~5/case",
			body: `{"title":"case","severity":3,"status":"InProgress","tasks":[{"title":"triage"}]}`},
		{name: "promote v1 tasks only", dialect: V1, call: func(c *Client) error {
			return errOf(c.Alerts.Promote(ctx, "~5", &CaseInput{Tasks: []TaskInput{{Title: "triage"}}}))
		}, answer: `{"_id":"~9"}`, status: 201, method: "POST", path: "/api/v1/alert/~5/case", body: `{"tasks":[{"title":"triage"}]}`},
		{name: "promote v1 nil", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Promote(ctx, "~5", nil)) },
			answer: `{"_id":"~9"}`, status: 201, method: "POST", path: "/api/v1/alert/~5/case", body: `{}`},
		{name: "promote v0", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.Promote(ctx, "AV5", &CaseInput{Template: "phishing"}))
		}, answer: `{"id":"AC9"}`, status: 201, method: "POST", path: "/api/alert/AV5/createCase", body: `{"caseTemplate":"phishing"}`},
	}
	checkShapes(t, tests)
}

// TestAlertDeleteForcesOnTheHive3 checks that a V0 delete asks for a hard
// delete: TheHive 3's AlertCtrl.delete only marks the alert unread unless
// force=true, and TheHive 4 ignores the parameter.
func TestAlertDeleteForcesOnTheHive3(t *testing.T) {
	for _, tt := range []struct {
		dialect Dialect
		want    string
	}{
		{dialect: V0, want: "force=true"},
		{dialect: V1, want: ""},
	} {
		c, mock := newMock(t, tt.dialect)
		answerAll(mock, testkit.Answer{Status: 204})
		if err := c.Alerts.Delete(context.Background(), "a1"); err != nil {
			t.Fatal(err)
		}
		if got := mock.Last(t).RawQuery; got != tt.want {
			t.Errorf("dialect %v: query %q, want %q", tt.dialect, got, tt.want)
		}
	}
}

// TestAlertUpdateManyOneByOneOnV0 checks that TheHive 3/4, which have no
// usable bulk update, get one update per alert, and that the failures are
// reported by id while the other alerts are changed.
func TestAlertUpdateManyOneByOneOnV0(t *testing.T) {
	c, mock := newMock(t, V0)
	mock.RegisterNoResponder(mock.Record(func(r *http.Request) testkit.Answer {
		if r.URL.Path == "/api/alert/missing" {
			return testkit.Answer{Status: 404, Body: `{"type":"NotFoundError","message":"Alert not found"}`}
		}
		return testkit.Answer{Body: `{"id":"x"}`}
	}))
	err := c.Alerts.UpdateMany(context.Background(), []string{"a1", "missing", "a2"},
		&AlertUpdate{Tags: []string{"t"}})
	var be *BulkError
	if !errors.As(err, &be) || len(be.Failed) != 1 || be.Failed["missing"] == nil || !errors.Is(err, ErrNotFound) {
		t.Fatalf("error = %v, want a *BulkError naming only the missing alert and matching ErrNotFound", err)
	}
	var paths []string
	for _, r := range mock.Requests() {
		paths = append(paths, r.Method+" "+r.Path+" "+r.Body)
	}
	want := []string{`PATCH /api/alert/a1 {"tags":["t"]}`, `PATCH /api/alert/missing {"tags":["t"]}`, `PATCH /api/alert/a2 {"tags":["t"]}`}
	if len(paths) != len(want) {
		t.Fatalf("sent %q, want %q", paths, want)
	}
	for i := range want {
		if paths[i] != want[i] {
			t.Errorf("request %d = %s, want %s", i, paths[i], want[i])
		}
	}
}

// TestAlertBadInput checks that bad input is refused before anything is
// sent.
func TestAlertBadInput(t *testing.T) {
	ctx := context.Background()
	testRejected(t, []rejectCase{
		{name: "merge without case", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.Merge(ctx, "~5", " ")) },
			want: "case id"},
		{name: "merge many without alerts", dialect: V1, call: func(c *Client) error { return errOf(c.Alerts.MergeMany(ctx, "~9", nil)) },
			want: "alert ids"},
		{name: "merge many repeated", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.MergeMany(ctx, "~9", []string{"a", "a"}))
		}, want: `repeat "a"`},
		{name: "update many with nothing", dialect: V0, call: func(c *Client) error {
			return c.Alerts.UpdateMany(ctx, []string{"a", "b"}, &AlertUpdate{})
		}, want: "changes nothing"},
		{name: "update many nil", dialect: V1, call: func(c *Client) error { return c.Alerts.UpdateMany(ctx, []string{"a"}, nil) },
			want: "is nil"},
		{name: "delete many blank id", dialect: V1, call: func(c *Client) error { return c.Alerts.DeleteMany(ctx, []string{"a", ""}) },
			want: "alert ids[1]"},
		{name: "find by key without source", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.FindByKey(ctx, "edr", "", "r1"))
		}, want: "alert source"},
		{name: "pap on TheHive 3", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "t", Source: "s", SourceRef: "r", Title: "t", Description: "d",
				PAP: incidentkit.Ptr(PAPRed)}))
		}, want: "PAP, ExternalLink and Flag are not available in TheHive 3"},
		{name: "bare artifact on TheHive 3", dialect: V0, call: func(c *Client) error {
			return errOf(c.Alerts.Create(ctx, &AlertInput{Type: "t", Source: "s", SourceRef: "r", Title: "t", Description: "d",
				Observables: []ObservableInput{{DataType: "ip", Data: []string{"1.2.3.4"}}}}))
		}, want: "needs a message or tags in TheHive 3"},
		{name: "empty status", dialect: V1, call: func(c *Client) error {
			return c.Alerts.Update(ctx, "~5", &AlertUpdate{Status: incidentkit.Ptr(AlertStatus(""))})
		}, want: "alert status"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), want) {
			t.Fatalf("error = %v, want an input error saying %q", err, want)
		}
	})
}
