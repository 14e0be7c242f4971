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

var (
	domainObservable = &Observable{Record: Record{ID: "~5"}, DataType: "domain", Data: "evil.test"}
	vtAnalyzer       = &Worker{ID: "a1", Name: "VirusTotal_GetReport_3_1", DataTypes: []string{"domain", "hash"}, CortexIDs: []string{"cortex-1"}}
)

// TestCortexShapes checks the exact requests of the Cortex connector in
// both dialects (TheHive 5's OpenAPI description; TheHive 4's
// cx/controllers/v0/Router.scala).
func TestCortexShapes(t *testing.T) {
	ctx := context.Background()
	tests := []shapeCase{
		{name: "analyzers v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cortex.Analyzers(ctx)) },
			answer: `[]`, status: 200, method: "GET", path: "/api/v1/connector/cortex/analyzer"},
		{name: "analyzers for type v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cortex.AnalyzersFor(ctx, "domain")) },
			answer: `[]`, status: 200, method: "GET", path: "/api/connector/cortex/analyzer/type/domain"},
		{name: "responders v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cortex.Responders(ctx, EntityTask, "~9")) },
			answer: `[]`, status: 200, method: "GET", path: "/api/v1/connector/cortex/responder/case_task/~9"},
		{name: "run analyzer v1", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cortex.RunAnalyzer(ctx, domainObservable, vtAnalyzer, map[string]any{"force": true}))
		}, answer: `{"_id":"~j1","status":"Waiting"}`, status: 201, method: "POST", path: "/api/v1/connector/cortex/job",
			body: `{"analyzerId":"a1","cortexId":"cortex-1","artifactId":"~5","parameters":{"force":true}}`},
		{name: "run analyzer v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cortex.RunAnalyzer(ctx, domainObservable, vtAnalyzer, nil)) },
			answer: `{"id":"AJ1","status":"Waiting"}`, status: 200, method: "POST", path: "/api/connector/cortex/job",
			body: `{"analyzerId":"a1","cortexId":"cortex-1","artifactId":"~5"}`},
		{name: "get job v1", dialect: V1, call: func(c *Client) error { return errOf(c.Cortex.GetJob(ctx, "~j1")) },
			answer: `{"_id":"~j1","status":"Success"}`, status: 200, method: "GET", path: "/api/v1/connector/cortex/job/~j1"},
		{name: "actions v0", dialect: V0, call: func(c *Client) error { return errOf(c.Cortex.Actions(ctx, EntityCase, "AC1")) },
			answer: `[]`, status: 200, method: "GET", path: "/api/connector/cortex/action/case/AC1"},
	}
	checkShapes(t, tests)
}

// TestCortexJobDecoding reads a job's id from _id, or from id where
// TheHive 4 sends only that, and its report's taxonomies and error.
func TestCortexJobDecoding(t *testing.T) {
	for _, tt := range []struct {
		dialect  Dialect
		answer   string
		wantID   string
		wantTax  int
		wantFail string
	}{
		{dialect: V1, answer: `{"_id":"~j1","status":"Success","report":{"success":true,"summary":{"taxonomies":[{"level":"malicious",
			"namespace":"VT","predicate":"GetReport","value":"12/70"}]},"full":{}}}`, wantID: "~j1", wantTax: 1},
		{dialect: V0, answer: `{"id":"AJ1","status":"Failure","report":{"success":false,"errorMessage":"quota exceeded"}}`,
			wantID: "AJ1", wantFail: "quota exceeded"},
	} {
		c, m := newMock(t, tt.dialect)
		answerAll(m, testkit.Answer{Body: tt.answer})
		j, err := c.Cortex.GetJob(context.Background(), "x")
		if err != nil {
			t.Fatal(err)
		}
		if j.ID != tt.wantID || len(j.Taxonomies()) != tt.wantTax || j.ReportError() != tt.wantFail || !j.Status.Done() {
			t.Errorf("%v: job %+v, taxonomies %v, error %q", tt.dialect, j, j.Taxonomies(), j.ReportError())
		}
	}
}

// TestCortexRunResponder checks that a responder run first asks which
// responders apply to the object, and runs only one of them.
func TestCortexRunResponder(t *testing.T) {
	ctx := context.Background()
	c, m := newMock(t, V1)
	m.RegisterNoResponder(m.Record(func(r *http.Request) testkit.Answer {
		if r.Method == http.MethodGet {
			return testkit.Answer{Body: `[{"id":"r1","name":"Mailer_1_0","cortexIds":["cortex-1"],"dataTypeList":["thehive:case"]}]`}
		}
		return testkit.Answer{Body: `{"_id":"~a1","responderId":"r1","status":"Waiting"}`}
	}))
	a, err := c.Cortex.RunResponder(ctx, &ActionInput{ResponderID: "r1", ObjectType: EntityCase, ObjectID: "~1",
		Parameters: map[string]any{"to": "soc@acme.test"}, TLP: incidentkit.Ptr(TLPAmber)})
	if err != nil || a.ID != "~a1" {
		t.Fatalf("RunResponder: %+v, %v", a, err)
	}
	got := m.Requests()
	if len(got) != 2 || got[0].Path != "/api/v1/connector/cortex/responder/case/~1" || got[1].Path != "/api/v1/connector/cortex/action" {
		t.Fatalf("sent %v", paths(got))
	}
	testkit.JSONEqual(t, got[1].Body, `{"responderId":"r1","objectType":"case","objectId":"~1","cortexId":"cortex-1","parameters":{"to":"soc@acme.test"},"tlp":2}`)

	m.Reset()
	_, err = c.Cortex.RunResponder(ctx, &ActionInput{ResponderID: "r9", ObjectType: EntityCase, ObjectID: "~1"})
	if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "r9 cannot act on case ~1") || len(m.Requests()) != 1 {
		t.Fatalf("a responder that does not apply: %v after %d requests, want an input error after the list alone", err, len(m.Requests()))
	}
}

// TestCortexRejected checks what fails before anything is sent.
func TestCortexRejected(t *testing.T) {
	ctx := context.Background()
	ipObs := &Observable{Record: Record{ID: "~6"}, DataType: "ip", Data: "10.0.0.1"}
	testRejected(t, []rejectCase{
		{name: "analyzer of another type", dialect: V1, call: func(c *Client) error { return errOf(c.Cortex.RunAnalyzer(ctx, ipObs, vtAnalyzer, nil)) },
			want: "VirusTotal_GetReport_3_1 does not take data type ip"},
		{name: "analyzer without cortex", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cortex.RunAnalyzer(ctx, domainObservable, &Worker{ID: "a2", Name: "Local", DataTypes: []string{"domain"}}, nil))
		}, want: "names no Cortex instance"},
		{name: "unknown entity type", dialect: V0, call: func(c *Client) error { return errOf(c.Cortex.Responders(ctx, "task", "x")) },
			want: "task is not case, case_task"},
		{name: "action without responder", dialect: V1, call: func(c *Client) error {
			return errOf(c.Cortex.RunResponder(ctx, &ActionInput{ObjectType: EntityCase, ObjectID: "~1"}))
		}, want: "responder id"},
	}, func(t *testing.T, err error, want string) {
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), want) {
			t.Fatalf("error = %v, want an input error saying %q", err, want)
		}
	})
}
