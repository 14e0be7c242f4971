package servicenow

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestEnsure checks that Ensure finds an existing incident by its
// correlation ID, creates a missing one once, and after a lost answer
// looks it up before creating it again.
func TestEnsure(t *testing.T) {
	const found = `{"result":[{"sys_id":"abc","number":"INC0010001","correlation_id":"TH-42"}]}`
	const none = `{"result":[]}`
	const created = `{"result":{"sys_id":"abc","number":"INC0010001","correlation_id":"TH-42"}}`
	tests := []struct {
		name    string
		lists   []testkit.Answer
		creates []testkit.Answer
		posts   int
		made    bool
		fails   bool
	}{
		{name: "already there", lists: []testkit.Answer{{Body: found}}, posts: 0},
		{name: "created", lists: []testkit.Answer{{Body: none}}, creates: []testkit.Answer{{Status: 201, Body: created}}, posts: 1, made: true},
		{name: "answer lost, create went through", lists: []testkit.Answer{{Body: none}, {Body: found}},
			creates: []testkit.Answer{{Status: http.StatusBadGateway, Body: "<html>bad gateway</html>"}}, posts: 1, made: true},
		{name: "answer lost, create did not go through", lists: []testkit.Answer{{Body: none}, {Body: none}},
			creates: []testkit.Answer{{Status: http.StatusGatewayTimeout}, {Status: 201, Body: created}}, posts: 2, made: true},
		{name: "success answer cut short", lists: []testkit.Answer{{Body: none}, {Body: found}},
			creates: []testkit.Answer{{Status: 201, Body: `{"result":{"sys_id":"ab`}}, posts: 1, made: true},
		{name: "refused", lists: []testkit.Answer{{Body: none}}, creates: []testkit.Answer{{Status: 403, Body: `{"error":{"message":"ACL"}}`}},
			posts: 1, fails: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			m.On("GET", "=~/api/now/table/incident", tt.lists...)
			if len(tt.creates) > 0 {
				m.On("POST", "=~/api/now/table/incident", tt.creates...)
			}
			in := &IncidentInput{ShortDescription: incidentkit.Ptr("phish"), CorrelationID: incidentkit.Set("TH-42")}
			got, made, err := c.Incidents.Ensure(context.Background(), in)
			posts := 0
			for _, r := range m.Requests() {
				if r.Method == "POST" {
					posts++
				}
			}
			switch {
			case posts != tt.posts:
				t.Errorf("%d creates sent, want %d", posts, tt.posts)
			case tt.fails && err == nil:
				t.Error("no error")
			case !tt.fails && (err != nil || got == nil || got.SysID != "abc" || made != tt.made):
				t.Errorf("Ensure = %+v, %v, %v", got, made, err)
			}
			if q := m.Requests()[0].Query.Get("sysparm_query"); q != "correlation_id=TH-42^ORDERBYsys_created_on^ORDERBYsys_id" {
				t.Errorf("lookup query %q", q)
			}
		})
	}
	c, m := newClient(t)
	if _, _, err := c.Incidents.Ensure(context.Background(), &IncidentInput{ShortDescription: incidentkit.Ptr("x")}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("without a correlation ID: %v", err)
	}
	if len(m.Requests()) != 0 {
		t.Error("something was sent")
	}
}

// TestEnsureKeepsTheDisplayValueReport checks that an incident stored with
// a reference whose display value matched nothing is made, returned, and
// reported with its *DisplayValueError, as Create does.
func TestEnsureKeepsTheDisplayValueReport(t *testing.T) {
	c, m := newClient(t)
	m.On("GET", "=~/api/now/table/incident", testkit.Answer{Body: `{"result":[]}`})
	m.On("POST", "=~/api/now/table/incident", testkit.Answer{Status: 201,
		Body: `{"result":{"sys_id":"abc","number":"INC0010001","correlation_id":"TH-42","assignment_group":""}}`})
	ctx := WithInputDisplayValue(context.Background())
	got, made, err := c.Incidents.Ensure(ctx, &IncidentInput{ShortDescription: incidentkit.Ptr("phish"),
		CorrelationID: incidentkit.Set("TH-42"), AssignmentGroup: incidentkit.Set("No Such Group")})
	var dv *DisplayValueError
	if got == nil || got.SysID != "abc" || !made || !errors.As(err, &dv) || dv.Fields[0] != "assignment_group" {
		t.Errorf("Ensure = %+v, %v, %v", got, made, err)
	}
}
