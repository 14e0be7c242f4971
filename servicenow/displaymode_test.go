package servicenow

import (
	"context"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestDisplayValuesBothWays reads an incident with display values only —
// a date-time in the user's zone, a reference by its display value — and
// writes one by display value.
func TestDisplayValuesBothWays(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"abc","number":"INC0010001","opened_at":"2026-11-23 10:00:00",
		"assignment_group":"Network","caller_id":{"link":"x","display_value":"Ann Lee"},"state":"In Progress","impact":"1 - High","priority":"2 - High",
		"hold_reason":"Awaiting Vendor"}]}`})
	p, err := c.Incidents.List(ctx, &ListOptions{DisplayValue: DisplayValueTrue})
	if err != nil {
		t.Fatal(err)
	}
	in := p.Items[0]
	if !in.OpenedAt.IsZero() || in.OpenedAt.Display != "2026-11-23 10:00:00" {
		t.Errorf("a display date-time must not read as UTC: %+v", in.OpenedAt)
	}
	if in.AssignmentGroup.Value != "" || in.AssignmentGroup.DisplayValue != "Network" || in.Caller.DisplayValue != "Ann Lee" {
		t.Errorf("a display reference must not read as a sys_id: %+v %+v", in.AssignmentGroup, in.Caller)
	}
	if in.State != StateInProgress || in.Impact != ImpactHigh || in.Priority != PriorityHigh || in.HoldReason != HoldAwaitingVendor {
		t.Errorf("choice labels: state %q, impact %q, priority %q, hold %q", in.State, in.Impact, in.Priority, in.HoldReason)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	at, err := in.OpenedAt.ParseDisplay("2006-01-02 15:04:05", paris)
	if err != nil || !at.Equal(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseDisplay = %v, %v", at, err)
	}

	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"abc","opened_at":"2026-11-23 10:00:00","assignment_group":"d625dccec0a8016700a222a0f7900d06"}]}`})
	p, err = c.Incidents.List(ctx, nil)
	if err != nil || p.Items[0].OpenedAt.IsZero() || p.Items[0].AssignmentGroup.Value == "" {
		t.Errorf("stored values stay stored: %+v, %v", p.Items[0], err)
	}

	answerAll(m, testkit.Answer{Body: `{"result":{"sys_id":"abc"}}`})
	if _, err := c.Incidents.Update(WithInputDisplayValue(ctx), "abc", &IncidentInput{AssignmentGroup: incidentkit.Set("Network")}); err != nil {
		t.Fatal(err)
	}
	if q := m.Last(t).Query; q.Get("sysparm_input_display_value") != "true" {
		t.Errorf("query %v", q)
	}
}
