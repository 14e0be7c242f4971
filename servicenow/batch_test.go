package servicenow

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// b64 encodes s as the Batch API carries bodies.
func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestBatchRequestShape checks the exact Batch API request (the Batch API
// documentation's request body; v1 path as PySNC and ServiceNow's Go SDK
// send it) and the reading of its answer: items matched by id whatever
// their order, a failed item's error envelope, a result decoded into the
// caller's value.
func TestBatchRequestShape(t *testing.T) {
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"batch_request_id":"1","serviced_requests":[
		{"id":"new","status_code":201,"status_text":"Created","headers":[{"name":"Location","value":"x"}],
		 "body":"` + b64(`{"result":{"sys_id":"abc","number":"INC0010009"}}`) + `","execution_time":12},
		{"id":"1","status_code":403,"status_text":"Forbidden","headers":[],
		 "body":"` + b64(`{"error":{"message":"Operation Failed","detail":"ACL Exception Update Failed due to security constraints"},"status":"failure"}`) + `"}],
		"unserviced_requests":[]}`})
	var created Incident
	results, err := c.Batch.Do(context.Background(), []BatchRequest{
		{Path: "api/now/table/incident/46d4", Query: url.Values{"sysparm_fields": {"number"}}},
		{ID: "new", Method: "post", Path: "/api/now/table/incident", Body: map[string]string{"short_description": "Beacon"}, Out: &created},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := m.Last(t)
	if r.Method != "POST" || r.Path != "/api/now/v1/batch" {
		t.Errorf("request %s %s", r.Method, r.Path)
	}
	testkit.JSONEqual(t, r.Body, `{"batch_request_id":"1","rest_requests":[
		{"id":"1","method":"GET","url":"/api/now/table/incident/46d4?sysparm_fields=number","headers":[{"name":"Accept","value":"application/json"}]},
		{"id":"new","method":"POST","url":"/api/now/table/incident","headers":[{"name":"Content-Type","value":"application/json"},
		 {"name":"Accept","value":"application/json"}],"body":"`+b64(`{"short_description":"Beacon"}`)+`"}]}`)
	if results[1].Err != nil || created.SysID != "abc" || results[1].StatusCode != 201 || results[1].Header.Get("Location") != "x" {
		t.Errorf("create: %+v, record %+v", results[1], created)
	}
	var apiErr *incidentkit.Error
	if !errors.As(results[0].Err, &apiErr) || !errors.Is(results[0].Err, ErrForbidden) || !strings.Contains(apiErr.Detail, "ACL Exception") {
		t.Errorf("failed item: %v", results[0].Err)
	}
	if err := results.Err(); err == nil || !strings.Contains(err.Error(), "batch item 1:") {
		t.Errorf("Err() = %v", err)
	}
}

// TestBatchResendsUnserviced checks that items the instance left out are
// sent again in a new batch, twice at most (PySNC's BatchAPI.execute), and
// that a write batch is not repeated after a transient failure.
func TestBatchResendsUnserviced(t *testing.T) {
	c, m := newClient(t)
	round := 0
	m.RegisterNoResponder(m.Record(func(r *http.Request) testkit.Answer {
		round++
		var in struct {
			Requests []struct {
				ID string `json:"id"`
			} `json:"rest_requests"`
		}
		_ = json.NewDecoder(r.Body).Decode(&in)
		// Each batch runs only its first item.
		first := in.Requests[0].ID
		rest := []string{}
		for _, it := range in.Requests[1:] {
			rest = append(rest, `"`+it.ID+`"`)
		}
		return testkit.Answer{Body: `{"serviced_requests":[{"id":"` + first + `","status_code":204,"body":""}],"unserviced_requests":[` +
			strings.Join(rest, ",") + `]}`}
	}))
	reqs := make([]BatchRequest, 5)
	for i := range reqs {
		reqs[i] = BatchRequest{Method: http.MethodDelete, Path: "api/now/table/incident/" + string(rune('a'+i))}
	}
	results, err := c.Batch.Do(context.Background(), reqs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if round != 3 {
		t.Errorf("sent %d batches, want 3 (the first and two resends)", round)
	}
	for i, r := range results {
		ok := i < 3
		if (r.Err == nil) != ok || (!ok && !errors.Is(r.Err, ErrNotServiced)) {
			t.Errorf("item %d: %v", i, r.Err)
		}
	}

	c, m = newClient(t)
	answerAll(m, testkit.Answer{Status: 502})
	results, err = c.Batch.Do(context.Background(), []BatchRequest{{Method: http.MethodPost, Path: "api/now/table/incident", Body: map[string]string{}}}, nil)
	if !errors.Is(err, ErrServer) || len(m.Requests()) != 1 || !errors.Is(results[0].Err, ErrServer) {
		t.Errorf("a write batch after a 502: %v after %d requests; item %v", err, len(m.Requests()), results[0].Err)
	}
	c, m = newClient(t)
	answerAll(m, testkit.Answer{Status: 502})
	if _, err := c.Batch.Do(context.Background(), []BatchRequest{{Path: "api/now/table/incident"}}, nil); !errors.Is(err, ErrServer) || len(m.Requests()) < 2 {
		t.Errorf("a read batch after a 502: %v after %d requests, want it repeated", err, len(m.Requests()))
	}
}

// TestBatchRejected checks what fails before anything is sent.
func TestBatchRejected(t *testing.T) {
	big := map[string]string{"description": strings.Repeat("x", 5<<20)}
	for _, tt := range []struct {
		name string
		reqs []BatchRequest
		opts *BatchOptions
		want string
	}{
		{name: "empty", want: "has no requests"},
		{name: "repeated id", reqs: []BatchRequest{{ID: "a", Path: "api/now/table/x"}, {ID: "a", Path: "api/now/table/y"}}, want: "ID is given twice"},
		{name: "absolute url", reqs: []BatchRequest{{Path: "https://evil.test/api/now/table/x"}}, want: "is not an instance API path"},
		{name: "query in path", reqs: []BatchRequest{{Path: "api/now/table/x?sysparm_limit=1"}}, want: "is not an instance API path"},
		{name: "method", reqs: []BatchRequest{{Method: "TRACE", Path: "api/now/table/x"}}, want: "is not GET, POST, PUT, PATCH or DELETE"},
		{name: "body not an object", reqs: []BatchRequest{{Method: "POST", Path: "api/now/table/x", Body: []string{"a"}}}, want: "JSON object"},
		{name: "body too large", reqs: []BatchRequest{{Method: "POST", Path: "api/now/table/x", Body: big}}, want: "5 MB"},
		{name: "size", reqs: []BatchRequest{{Path: "api/now/table/x"}}, opts: &BatchOptions{Size: -1}, want: "batch size"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			answerAll(m, testkit.Answer{Status: 500})
			_, err := c.Batch.Do(context.Background(), tt.reqs, tt.opts)
			if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) || len(m.Requests()) != 0 {
				t.Fatalf("error = %v after %d requests, want an input error saying %q", err, len(m.Requests()), tt.want)
			}
		})
	}
}
